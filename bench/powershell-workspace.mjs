// npm run bench, PowerShell workspace part: what the cross-file index costs (the files under ESLint's
// cwd that send the linted file to other computers with `Invoke-Command -FilePath` or
// `${function:Name}`). A folder of 2,000 scripts is built in a temp dir, with a worker that a
// controller sends with `Invoke-Command -FilePath`; every figure is measured in fresh Node processes
// (so module-level caches start cold), several runs interleaved, and printed as ratios measured in
// this one run:
//   (a) the first lint of the worker in a new process (an editor's first lint of a file, or a
//       pre-commit hook), in the 2,000-script folder against a folder of the worker and controller;
//   (b) a later lint of the worker in the same process, after the index's one-second window, so it
//       looks at the disk again (an editor linting as the user types);
//   (c) a lint of the whole folder with the index against the same lint with the index unreachable.
// It fails if the worker's CreateUpdateInstaller is not reported where the index must find it.
// No thresholds; bench/README.md has the figures.
//
// The folder: with /tmp/ps-corpus/files (a corpus of real public scripts, see bench/README.md; another
// folder with BENCH_CORPUS_DIR, none with BENCH_CORPUS_DIR=""), 2,000 of its files, sorted and taken
// evenly spaced among the files that mention Invoke-Command and among the others, so that the share
// of senders is the corpus's; otherwise 2,000 generated scripts. Nothing of it is committed.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import wua from "../dist/index.js";
import { seeded } from "../scripts/seeded-random.mjs";

const WORKER = "Install-Worker.ps1";
const CONTROLLER = "Invoke-Patching.ps1";
const WORKER_TEXT = `# Installs the pending software updates of the computer it runs on; Invoke-Patching.ps1 sends it.
[CmdletBinding()]
param([string]$Criteria = "IsInstalled=0 and Type='Software' and IsHidden=0")
$session = New-Object -ComObject Microsoft.Update.Session
$session.ClientApplicationID = "Install-Worker"
$pending = $session.CreateUpdateSearcher().Search($Criteria).Updates
if ($pending.Count -eq 0) { return "nothing to install on $env:COMPUTERNAME" }
$downloader = $session.CreateUpdateDownloader()
$downloader.Updates = $pending
[void]$downloader.Download()
$installer = $session.CreateUpdateInstaller()
$installer.Updates = $pending
$result = $installer.Install()
[pscustomobject]@{ Computer = $env:COMPUTERNAME; Result = $result.ResultCode; Reboot = $result.RebootRequired }
`;
const CONTROLLER_TEXT = `# Patches the servers listed in servers.txt, each with its own copy of Install-Worker.ps1.
param([string[]]$servers = (Get-Content -Path "$PSScriptRoot\\servers.txt"), [pscredential]$Credential)
$results = Invoke-Command -ComputerName $servers -FilePath "$PSScriptRoot\\${WORKER}"
$results | Sort-Object Computer | Format-Table -AutoSize
`;
/** The finding the bench is about: the worker's CreateUpdateInstaller, remote because the controller sends the file. */
const isWorkerFinding = (message) => message.ruleId === "wua/no-remote-unavailable-member" && /CreateUpdateInstaller/u.test(message.message) && message.message.includes(`${CONTROLLER} line`);
const MENTIONS_SENDING = /invoke-command|\bicm\b/iu; // as src/powershell/analysis/cross-file.ts tests a file

const SELF = fileURLToPath(import.meta.url);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values) => `${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)}`;
const eslintFor = (cwd) => new ESLint({ cwd, overrideConfigFile: true, overrideConfig: wua.configs.recommended });

if (process.argv[2] === "--inner") {
  process.stdout.write(`${JSON.stringify(await inner(JSON.parse(process.argv[3])))}\n`);
  process.exit(0);
}

/** One measurement in this (fresh) process. */
async function inner({ mode, cwd, target, rounds }) {
  if (mode === "one-file") {
    // The editor's way (vscode-eslint): lintText with the file's path, the text as the editor holds it.
    const filePath = join(cwd, WORKER);
    const text = readFileSync(filePath, "utf8");
    const eslint = eslintFor(cwd);
    let start = performance.now();
    const [first] = await eslint.lintText(text, { filePath });
    const cold = performance.now() - start;
    // performance.now() counts from the process's start: Node, ESLint and the plugin loaded, then the lint.
    const sinceStart = performance.now();
    const revalidated = [];
    const within = [];
    for (let i = 0; i < rounds; i++) {
      // Past the index's one-second window: the next lint looks at the disk again.
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      start = performance.now();
      await eslint.lintText(text, { filePath });
      revalidated.push(performance.now() - start);
      start = performance.now();
      await eslint.lintText(text, { filePath });
      within.push(performance.now() - start);
    }
    return { cold, sinceStart, revalidated, within, found: first.messages.some(isWorkerFinding) };
  }
  // mode "folder": the config is found by ESLint's lookup in the temp dir, above both cwds (see main).
  const eslint = new ESLint({ cwd });
  const start = performance.now();
  const results = await eslint.lintFiles([target]);
  const ms = performance.now() - start;
  const worker = results.find((result) => result.filePath === join(target, WORKER));
  return { ms, files: results.length, messages: results.reduce((sum, result) => sum + result.messages.length, 0), found: worker?.messages.some(isWorkerFinding) ?? false };
}

function runInner(args) {
  const output = execFileSync(process.execPath, [SELF, "--inner", JSON.stringify(args)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 24 });
  return JSON.parse(output);
}

function fail(message) {
  console.error(`\nFAILED: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}

// ---------------------------------------------------------------------------------------------------
// The folder of 2,000 scripts.

function filesUnder(folder) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && /\.psm?1$/iu.test(entry.name)) found.push(path);
    }
  };
  walk(folder);
  return found.map((path) => relative(folder, path)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `count` of `items`, evenly spaced, deterministic. */
const evenlySpaced = (items, count) => Array.from({ length: Math.min(count, items.length) }, (_, i) => items[Math.floor((i * items.length) / Math.min(count, items.length))]);

/** Copies `count` real scripts; returns a description of the sample. */
function copyCorpus(source, target, count) {
  const all = filesUnder(source);
  const senders = [];
  const others = [];
  for (const file of all) (MENTIONS_SENDING.test(readFileSync(join(source, file), "utf8")) ? senders : others).push(file);
  const senderCount = Math.round((count * senders.length) / all.length);
  const picked = [...evenlySpaced(senders, senderCount), ...evenlySpaced(others, count - senderCount)];
  for (const file of picked) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(source, file), join(target, file));
  }
  return `${picked.length} real scripts of ${all.length} in ${source} (evenly spaced; ${senders.length} of the ${all.length} mention Invoke-Command, ${senderCount} of the sample)`;
}

const AREAS = ["ActiveDirectory", "Backup", "Certificates", "Cleanup", "Deployment", "Events", "Exchange", "HyperV", "IIS", "Inventory", "Monitoring", "Network", "Printers", "Reports", "Security", "Services", "SQL", "Storage", "Users", "Patching"];
const VERBS = ["Get", "Set", "Test", "Invoke", "Export", "Remove", "Start", "Sync", "Reset", "Publish"];
const NOUNS = ["DiskReport", "ServiceState", "UserAudit", "CertExpiry", "EventSummary", "BackupStatus", "ShareAccess", "SiteBinding", "QuotaUsage", "LogArchive"];
const LIBRARIES = 8;
const LIBRARY_FUNCTIONS = ["Get-DiskReport", "Get-ServiceReport", "Test-PendingReboot", "Get-EventDigest"];

const scriptPath = (i) => `scripts/${AREAS[i % AREAS.length]}/${VERBS[Math.floor(i / AREAS.length) % VERBS.length]}-${NOUNS[Math.floor(i / 200) % NOUNS.length]}${i}.ps1`;
const libraryPath = (k) => `lib/Common${k}.ps1`;

const plainUnits = [
  (id) => `
function Write-Log${id} {
    param([Parameter(Mandatory, ValueFromPipeline)][string]$Message, [ValidateSet("INFO", "WARN", "ERROR")][string]$Level = "INFO")
    process {
        $line = "{0} [{1}] {2}" -f (Get-Date -Format "yyyy-MM-dd HH:mm:ss"), $Level, $Message
        Add-Content -Path (Join-Path $LogFolder "run-${id}.log") -Value $line
        if ($Level -eq "ERROR") { Write-Warning $line } else { Write-Verbose $line }
    }
}
`,
  (id) => `
function Invoke-WithRetry${id} {
    param([scriptblock]$Action, [int]$Attempts = 3, [int]$DelaySeconds = 5)
    for ($attempt = 1; $attempt -le $Attempts; $attempt++) {
        try { return & $Action }
        catch {
            Write-Warning "attempt $attempt failed: $($_.Exception.Message)"
            Start-Sleep -Seconds ($DelaySeconds * $attempt)
        }
    }
    throw "gave up after $Attempts attempts"
}
`,
  (id) => `
function Get-ServerInventory${id} {
    param([string[]]$Names)
    foreach ($name in $Names) {
        $os = Get-CimInstance -ClassName Win32_OperatingSystem -ComputerName $name
        $disk = Get-CimInstance -ClassName Win32_LogicalDisk -ComputerName $name -Filter "DeviceID='C:'"
        [pscustomobject]@{
            Name     = $name
            Version  = $os.Version
            LastBoot = $os.LastBootUpTime
            FreeGB   = [math]::Round($disk.FreeSpace / 1GB, 1)
        }
    }
}
`,
  (id) => `
function Remove-OldFiles${id} {
    param([string]$Path = "D:\\Logs", [int]$Days = 30, [switch]$WhatIf)
    $limit = (Get-Date).AddDays(-$Days)
    Get-ChildItem -Path $Path -Recurse -File -ErrorAction SilentlyContinue |
        Where-Object { $_.LastWriteTime -lt $limit -and $_.Extension -in ".log", ".tmp", ".bak" } |
        ForEach-Object {
            Write-Verbose "removing $($_.FullName)"
            Remove-Item -LiteralPath $_.FullName -Force -WhatIf:$WhatIf
        }
}
`,
  (id) => `
function Get-StaleUsers${id} {
    param([int]$Days = 90, [string]$SearchBase = "OU=Staff,DC=corp,DC=example,DC=com")
    $cutoff = (Get-Date).AddDays(-$Days)
    Get-ADUser -Filter { Enabled -eq $true } -SearchBase $SearchBase -Properties LastLogonDate, Department |
        Where-Object { $_.LastLogonDate -lt $cutoff } |
        Select-Object SamAccountName, Department, LastLogonDate |
        Export-Csv -Path "\\\\fs01\\reports\\stale-${id}.csv" -NoTypeInformation -Encoding UTF8
}
`,
  (id) => `
function Test-ServiceHealth${id} {
    param([string[]]$ComputerName = $env:COMPUTERNAME, [string[]]$Service = @("W32Time", "Spooler", "WinRM"))
    foreach ($computer in $ComputerName) {
        foreach ($name in $Service) {
            $svc = Get-Service -ComputerName $computer -Name $name -ErrorAction SilentlyContinue
            if ($null -eq $svc) { Write-Warning "$name missing on $computer"; continue }
            if ($svc.Status -ne "Running") {
                Write-Output "\${computer}: restarting $name"
                $svc | Restart-Service -Force
            }
        }
    }
}
`,
  (id) => `
function Get-EventSummary${id} {
    param([string]$LogName = "System", [int]$Hours = 24)
    $events = Get-WinEvent -FilterHashtable @{ LogName = $LogName; Level = 1, 2; StartTime = (Get-Date).AddHours(-$Hours) } -ErrorAction SilentlyContinue
    $events | Group-Object ProviderName | Sort-Object Count -Descending | Select-Object -First 10 |
        ForEach-Object { "{0,6}  {1}" -f $_.Count, $_.Name }
}
`,
  (id) => `
function Get-ExpiringCertificates${id} {
    param([int]$Days = 45)
    $limit = (Get-Date).AddDays($Days)
    Get-ChildItem -Path Cert:\\LocalMachine\\My |
        Where-Object { $_.NotAfter -lt $limit } |
        Select-Object Subject, Thumbprint, NotAfter, @{ Name = "DaysLeft"; Expression = { ($_.NotAfter - (Get-Date)).Days } }
}
`,
];
// Plain scripts sometimes say "update" (about a quarter of the real corpus does): such files consult the index too.
const mentionsUpdate = (id) => `
# Last updated ${2015 + (id.length % 9)}-0${1 + (id.length % 9)}-1${id.length % 10}: keep the report's Updated column.
$report${id} = [pscustomobject]@{ Updated = Get-Date; Host = $env:COMPUTERNAME }
Update-TypeData -TypeName System.IO.FileInfo -MemberType ScriptProperty -MemberName AgeDays -Value { ((Get-Date) - $this.LastWriteTime).Days } -Force
`;
const sendingUnits = [
  (id, random) => `
$servers${id} = Get-Content -Path "$PSScriptRoot\\servers.txt" | Where-Object { $_ -and -not $_.StartsWith("#") }
$status${id} = Invoke-Command -ComputerName $servers${id} -ScriptBlock {
    param([string[]]$Names)
    Get-Service -Name $Names | Select-Object Name, Status, StartType
} -ArgumentList (,@("WinRM", "W32Time")) -ThrottleLimit ${8 + Math.floor(random() * 24)}
$status${id} | Where-Object Status -ne "Running" | Format-Table PSComputerName, Name, Status
`,
  (id, random, index, count) => {
    const other = scriptPath((index + 1 + Math.floor(random() * (count - 1))) % count);
    return `
$targets${id} = @("SRV-APP-0${id.length % 9}", "SRV-WEB-0${(id.length + 3) % 9}")
# The other script does the work on each target.
Invoke-Command -ComputerName $targets${id} -FilePath "$PSScriptRoot\\..\\..\\${other.replaceAll("/", "\\")}" -ArgumentList 30
`;
  },
  (id) => `
$session${id} = New-PSSession -ComputerName $ComputerName
try {
    Invoke-Command -Session $session${id} -ScriptBlock { Get-ChildItem -Path "D:\\Data" -Directory | Measure-Object }
    Invoke-Command -Session $session${id} -ScriptBlock { param($Days) Get-ChildItem "D:\\Logs" | Where-Object LastWriteTime -lt (Get-Date).AddDays(-$Days) } -ArgumentList 14
} finally {
    Remove-PSSession -Session $session${id}
}
`,
  (id, random) => {
    const k = Math.floor(random() * LIBRARIES);
    const fn = LIBRARY_FUNCTIONS[Math.floor(random() * LIBRARY_FUNCTIONS.length)];
    return `
. "$PSScriptRoot\\..\\..\\${libraryPath(k).replaceAll("/", "\\")}"
Invoke-Command -ComputerName $ComputerName -ScriptBlock \${function:${fn}} | Export-Csv -Path "$PSScriptRoot\\${fn}-${id}.csv" -NoTypeInformation
`;
  },
];
const wuaUnits = [
  (id) => `
function Get-PendingUpdates${id} {
    $session = New-Object -ComObject Microsoft.Update.Session
    $searcher = $session.CreateUpdateSearcher()
    $result = $searcher.Search("IsInstalled=0 and Type='Software'")
    foreach ($update in $result.Updates) {
        [pscustomobject]@{ Title = $update.Title; KB = ($update.KBArticleIDs | Select-Object -First 1); SizeMB = [math]::Round($update.MaxDownloadSize / 1MB, 1) }
    }
}
`,
  (id) => `
function Get-UpdateHistory${id} {
    param([int]$Count = 50)
    $session = New-Object -ComObject Microsoft.Update.Session
    $searcher = $session.CreateUpdateSearcher()
    $total = $searcher.GetTotalHistoryCount()
    $searcher.QueryHistory(0, [math]::Min($Count, $total)) | Select-Object Date, Title, ResultCode
}
`,
  (id) => `
function Install-Pending${id} {
    $session = New-Object -ComObject Microsoft.Update.Session
    $pending = $session.CreateUpdateSearcher().Search("IsInstalled=0 and IsHidden=0").Updates
    foreach ($u in $pending) { if (-not $u.EulaAccepted) { $u.AcceptEula() } }
    $installer = $session.CreateUpdateInstaller()
    $installer.Updates = $pending
    $installer.Install().ResultCode
}
`,
];

function syntheticScript(index, count) {
  const random = seeded(index + 1);
  const pick = random();
  const kind = pick < 0.8 ? "plain" : pick < 0.95 ? "sending" : "wua";
  const parts = [`<#\n.SYNOPSIS\n    ${scriptPath(index)}: generated for the workspace bench (${kind}).\n#>\n[CmdletBinding()]\nparam([string[]]$ComputerName = $env:COMPUTERNAME, [string]$LogFolder = "C:\\Logs")\n$ErrorActionPreference = "Stop"\n`];
  const units = 2 + Math.floor(random() * 10);
  for (let u = 0; u < units; u++) parts.push(plainUnits[Math.floor(random() * plainUnits.length)](`${index}_${u}`));
  if (kind === "plain" && random() < 0.15) parts.push(mentionsUpdate(`${index}`));
  if (kind === "sending") for (let u = 0; u < 1 + Math.floor(random() * 3); u++) parts.push(sendingUnits[Math.floor(random() * sendingUnits.length)](`${index}_s${u}`, random, index, count));
  if (kind === "wua") for (let u = 0; u < 1 + Math.floor(random() * 2); u++) parts.push(wuaUnits[Math.floor(random() * wuaUnits.length)](`${index}_w${u}`));
  parts.push(`\nWrite-Verbose "done: ${kind} script ${index}"\n`);
  return { text: parts.join(""), kind };
}

function libraryScript(k) {
  return `# Shared helpers, dot-sourced by the scripts and sent with \${function:Name}.
function Get-DiskReport { Get-CimInstance Win32_LogicalDisk -Filter "DriveType=3" | Select-Object DeviceID, @{ n = "FreeGB"; e = { [math]::Round($_.FreeSpace / 1GB, 1) } } }
function Get-ServiceReport { Get-Service | Where-Object { $_.StartType -eq "Automatic" -and $_.Status -ne "Running" } }
function Test-PendingReboot { Test-Path "HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending" }
function Get-EventDigest { Get-WinEvent -LogName System -MaxEvents 200 | Group-Object LevelDisplayName | Select-Object Name, Count }
# library ${k}
`;
}

/** Generates `count` scripts (with the libraries among them); returns a description. */
function generateCorpus(target, count) {
  const kinds = { plain: 0, sending: 0, wua: 0 };
  const write = (path, text) => {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    writeFileSync(join(target, path), text);
  };
  for (let k = 0; k < LIBRARIES; k++) write(libraryPath(k), libraryScript(k));
  for (let i = 0; i < count - LIBRARIES; i++) {
    const { text, kind } = syntheticScript(i, count - LIBRARIES);
    kinds[kind]++;
    write(scriptPath(i), text);
  }
  return `${count} generated scripts (${kinds.plain} plain and ${LIBRARIES} libraries, ${kinds.sending} that use Invoke-Command, ${kinds.wua} that use Microsoft.Update.Session)`;
}

/** Everything written an hour ago, folders after their files: a workspace's files are not being saved right now (see below). */
function age(folder) {
  const past = new Date(Date.now() - 3_600_000);
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else utimesSync(path, past, past);
    }
    utimesSync(dir, past, past);
  };
  walk(folder);
}

function describe(folder) {
  let bytes = 0;
  let sending = 0;
  let update = 0;
  const files = filesUnder(folder);
  for (const file of files) {
    const text = readFileSync(join(folder, file), "utf8");
    bytes += statSync(join(folder, file)).size;
    if (MENTIONS_SENDING.test(text)) sending++;
    if (/update/iu.test(text)) update++;
  }
  return { files: files.length, bytes, sending, update };
}

// ---------------------------------------------------------------------------------------------------

const COUNT = Number(process.env.BENCH_FILES ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CORPUS = process.env.BENCH_CORPUS_DIR ?? "/tmp/ps-corpus/files";

const temp = mkdtempSync(join(tmpdir(), "wua-workspace-"));
const big = join(temp, "big");
const small = join(temp, "small");
const empty = join(temp, "empty");
try {
  const began = performance.now();
  for (const folder of [big, small, empty]) mkdirSync(folder);
  const origin = CORPUS !== "" && existsSync(CORPUS) ? copyCorpus(CORPUS, big, COUNT - 2) : generateCorpus(big, COUNT - 2);
  for (const folder of [big, small]) {
    writeFileSync(join(folder, WORKER), WORKER_TEXT);
    writeFileSync(join(folder, CONTROLLER), CONTROLLER_TEXT);
  }
  // For (c): ESLint finds this config above both cwds, so the same files (by absolute path, under the
  // config's folder) are linted with the same config; only `cwd`, where the index looks, differs.
  writeFileSync(join(temp, "eslint.config.mjs"), `import wua from ${JSON.stringify(fileURLToPath(new URL("../dist/index.js", import.meta.url)))};\nexport default wua.configs.recommended;\n`);
  // A file or folder changed in the last 2 s is read again at every look at the disk (its mtime could
  // still change unseen); in a workspace that is the file being saved, not 2,000 of them.
  for (const folder of [big, small, empty]) age(folder);
  const sample = describe(big);

  console.log(`\nPowerShell workspace: ${origin}, plus ${WORKER} and ${CONTROLLER}`);
  console.log(
    `  ${sample.files} files, ${(sample.bytes / 1048576).toFixed(1)} MiB; ${sample.sending} mention Invoke-Command/icm (the index's possible senders), ` +
      `${sample.update} mention "update" (consult the index when linted); ${RUNS} fresh processes per figure, interleaved`,
  );

  // (a) and (b): one process per run and folder, the two folders alternating.
  const oneFile = { small: [], big: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const [name, cwd] of run % 2 === 0 ? [["small", small], ["big", big]] : [["big", big], ["small", small]]) {
      const result = runInner({ mode: "one-file", cwd, rounds: ROUNDS });
      if (!result.found) fail(`${WORKER}'s CreateUpdateInstaller, sent by ${CONTROLLER}, was not reported in the ${name} folder`);
      oneFile[name].push(result);
    }
  }
  // (c): the whole folder, with the index (cwd = the folder) and without (cwd = an empty sibling).
  const folder = { with: [], without: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const [name, cwd] of run % 2 === 0 ? [["with", big], ["without", empty]] : [["without", empty], ["with", big]]) {
      const result = runInner({ mode: "folder", cwd, target: big });
      if (result.files !== sample.files) fail(`the whole-folder lint (${name} the index) linted ${result.files} files, not ${sample.files}`);
      if (name === "with" && !result.found) fail(`${WORKER}'s CreateUpdateInstaller was not reported in the whole-folder lint`);
      if (name === "without" && result.found) fail("the index was reachable with cwd set to an empty folder: the comparison would measure nothing");
      folder[name].push(result);
    }
  }

  const rows = [];
  const row = (label, smallTimes, bigTimes, pairs) => {
    const ratios = pairs ?? smallTimes.map((s, i) => bigTimes[i] / s);
    rows.push([label, `${median(smallTimes).toFixed(1)} (${spread(smallTimes)})`, `${median(bigTimes).toFixed(1)} (${spread(bigTimes)})`, `${(median(bigTimes) / median(smallTimes)).toFixed(2)} (${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)})`, `${(median(bigTimes) - median(smallTimes)).toFixed(1)}`]);
  };
  const perProcess = (runs, key) => runs.map((r) => median(r[key]));
  row("(a) first lint of the worker in a new process", oneFile.small.map((r) => r.cold), oneFile.big.map((r) => r.cold));
  row("(a) the same, from the process's start", oneFile.small.map((r) => r.sinceStart), oneFile.big.map((r) => r.sinceStart));
  row("(b) a later lint, index looks at the disk again", perProcess(oneFile.small, "revalidated"), perProcess(oneFile.big, "revalidated"));
  row("(b) a later lint within the index's 1 s window", perProcess(oneFile.small, "within"), perProcess(oneFile.big, "within"));
  row("(c) whole folder, without / with the index", folder.without.map((r) => r.ms), folder.with.map((r) => r.ms));

  const header = ["", "small folder or no index, ms", `${sample.files} scripts, ms`, "ratio (run pairs)", "extra ms"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")}`;
  console.log(`medians of ${RUNS} runs (min-max); (b) is each process's median of ${ROUNDS} lints:`);
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  const share = (median(folder.with.map((r) => r.ms)) - median(folder.without.map((r) => r.ms))) / median(folder.with.map((r) => r.ms));
  console.log(
    `(c) compares the same ESLint run on the same ${sample.files} files and config, once with cwd = the folder (the index is built and consulted) and once ` +
      "with cwd = an empty sibling folder, where the index has nothing to find (ESLint ignores files outside its base path, so the config is found " +
      `above both). The index's share of the whole-folder lint: ${(100 * share).toFixed(1)}% ` +
      `(messages ${median(folder.with.map((r) => r.messages))} with, ${median(folder.without.map((r) => r.messages))} without).`,
  );
  console.log(
    "(b) within the index's window the disk is not looked at again: what is left is the index's work per lint over what it keeps in memory. " +
      "The small folder's lints start colder (its first lint ran less code), which can hide a little of that.",
  );
  console.log(`bench time ${((performance.now() - began) / 1000).toFixed(0)} s`);
} finally {
  // BENCH_KEEP=1 keeps the folders, to profile one measurement with the inner mode, e.g.
  // node --cpu-prof bench/powershell-workspace.mjs --inner '{"mode":"one-file","cwd":"<temp>/big","rounds":0}'
  if (process.env.BENCH_KEEP === "1") console.log(`folders kept in ${temp}`);
  else rmSync(temp, { recursive: true, force: true });
}
