// Deterministic PowerShell corpus for the benchmark: realistic administration scripts where WUA use
// (over DCOM, in Invoke-Command blocks, locally) is mixed with ordinary code, and growth files.
import { seeded } from "../scripts/seeded-random.mjs";

const COMPUTERS = ["$Computer", '"SRV-01"', "$env:COMPUTERNAME", "$null", "$target"];

const dcomReport = (id, computer) => `
function Get-PendingReport${id} {
    param([string]$Computer = "localhost", [switch]$IncludeHidden)
    $target = $Computer
    $session${id} = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", ${computer}))
    $session${id}.ClientApplicationID = "bench-${id}"
    $result${id} = $session${id}.CreateUpdateSearcher().Search("IsInstalled=0 and Type='Software'")
    $rows${id} = foreach ($update in $result${id}.Updates) {
        if ($update.IsHidden -and -not $IncludeHidden) { continue }
        [pscustomobject]@{
            Computer = $Computer
            Title    = $update.Title
            KB       = ($update.KBArticleIDs | Select-Object -First 1)
            Severity = $update.MsrcSeverity
            SizeMB   = [math]::Round($update.MaxDownloadSize / 1048576, 1)
        }
    }
    $result${id}.Updates | Where-Object { $_.Title -like "*Preview*" } | ForEach-Object { $_.IsHidden = $true }
    $rows${id} | Sort-Object Severity
}
`;

const remoteInstall = (id) => `
function Install-OnServers${id} {
    param([string[]]$Servers, [pscredential]$Credential)
    $block${id} = {
        param([string]$Criteria)
        $session = New-Object -ComObject Microsoft.Update.Session
        $pending = $session.CreateUpdateSearcher().Search($Criteria).Updates
        if ($pending.Count -eq 0) { return "nothing to do" }
        $downloader = $session.CreateUpdateDownloader()
        $downloader.Updates = $pending
        [void]$downloader.Download()
        $installer = $session.CreateUpdateInstaller()
        $installer.Updates = $pending
        $installer.Install().ResultCode
    }
    $params${id} = @{ ComputerName = $Servers; ScriptBlock = $block${id}; ArgumentList = "IsInstalled=0" }
    if ($Credential) { $params${id}.Credential = $Credential }
    Invoke-Command @params${id}
}
`;

const localWorker = (id) => `
function Invoke-LocalPatch${id} {
    $session = New-Object -ComObject Microsoft.Update.Session
    $updates = New-Object -ComObject Microsoft.Update.UpdateColl
    $search = $session.CreateUpdateSearcher().Search("IsInstalled=0 and IsHidden=0")
    foreach ($u in $search.Updates) {
        if (-not $u.EulaAccepted) { $u.AcceptEula() }
        [void]$updates.Add($u)
    }
    $installer = $session.CreateUpdateInstaller()
    $installer.Updates = $updates
    $outcome = $installer.Install()
    Write-Log${id} "Installed $($updates.Count) updates, result $($outcome.ResultCode)"
}
`;

const logging = (id) => `
function Write-Log${id} {
    param([Parameter(Mandatory, ValueFromPipeline)][string]$Message, [ValidateSet("INFO", "WARN", "ERROR")][string]$Level = "INFO")
    process {
        $stamp = Get-Date -Format "yyyy-MM-dd HH:mm:ss"
        $line = "$stamp [$Level] $Message"
        Add-Content -Path "C:\\Logs\\patch-${id}.log" -Value $line
        if ($Level -eq "ERROR") { Write-Warning $line } else { Write-Verbose $line }
    }
}
`;

const retries = (id) => `
function Invoke-WithRetry${id} {
    param([scriptblock]$Action, [int]$Attempts = 3, [int]$DelaySeconds = 5)
    for ($attempt = 1; $attempt -le $Attempts; $attempt++) {
        try {
            return & $Action
        } catch {
            Write-Log${id} "attempt $attempt failed: $($_.Exception.Message)" -Level WARN
            Start-Sleep -Seconds ($DelaySeconds * $attempt)
        }
    }
    throw "gave up after $Attempts attempts"
}
`;

const inventory = (id) => `
function Get-ServerInventory${id} {
    param([string[]]$Names)
    $Names | ForEach-Object {
        $os = Get-CimInstance -ClassName Win32_OperatingSystem -ComputerName $_
        $disk = Get-CimInstance -ClassName Win32_LogicalDisk -ComputerName $_ -Filter "DeviceID='C:'"
        [pscustomobject]@{
            Name      = $_
            Version   = $os.Version
            LastBoot  = $os.LastBootUpTime
            FreeGB    = [math]::Round($disk.FreeSpace / 1GB, 1)
            Services  = (Get-Service -ComputerName $_ | Where-Object Status -eq "Running").Count
        }
    } | Export-Csv -Path "C:\\Reports\\inventory-${id}.csv" -NoTypeInformation
}
`;

/** One script of about `targetLines` lines. */
export function powershellScript(seed, targetLines = 500) {
  const random = seeded(seed);
  const parts = [`# bench script ${seed}\n[CmdletBinding()]\nparam([string]$Computer = $env:COMPUTERNAME)\n`];
  let lines = 3;
  let id = 0;
  while (lines < targetLines) {
    const pick = random();
    const unit = `${seed}_${id}`;
    let part;
    if (pick < 0.2) part = dcomReport(unit, COMPUTERS[Math.floor(random() * COMPUTERS.length)]);
    else if (pick < 0.3) part = remoteInstall(unit);
    else if (pick < 0.4) part = localWorker(unit);
    else if (pick < 0.6) part = logging(unit);
    else if (pick < 0.8) part = retries(unit);
    else part = inventory(unit);
    parts.push(part);
    lines += part.split("\n").length - 1;
    id++;
  }
  parts.push(`\nGet-PendingReport${seed}_0 -Computer $Computer\n`);
  return parts.join("");
}

/** A unit for the growth files: a chain of copies, a helper and its call sites, a remote block. */
const growthUnit = (i) => `
$root${i} = [Activator]::CreateInstance([Type]::GetTypeFromProgID("Microsoft.Update.Session", "SRV-${i % 7}"))
$a${i}_0 = $root${i}
${Array.from({ length: 20 }, (_, k) => `$a${i}_${k + 1} = $a${i}_${k}`).join("\n")}
function Get-Count${i}($s, $criteria) {
    $s.CreateUpdateSearcher().Search($criteria).Updates.Count
}
${Array.from({ length: 10 }, (_, k) => `Write-Output (Get-Count${i} $a${i}_${20 - k} "IsInstalled=${k % 2}")`).join("\n")}
Invoke-Command -ComputerName "SRV-${i}" -ScriptBlock { (New-Object -ComObject Microsoft.Update.Session).CreateUpdateInstaller() }
$a${i}_20.CreateUpdateDownloader()
`;

/** A growth file of `units` units (about 40 lines each). */
export function powershellGrowthFile(units) {
  return Array.from({ length: units }, (_, i) => growthUnit(i)).join("");
}
