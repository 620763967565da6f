<#
.SYNOPSIS
    Downloads and installs the pending updates of the computer it runs on, and writes a log.
.DESCRIPTION
    Meant to be started on the server itself by a scheduled task running as SYSTEM (see
    Register-PatchTask.ps1): a scheduled task is a local caller for Windows Update, so the
    downloader and the installer work. Started over WinRM or SSH instead, the same calls would fail
    with "access denied" (0x80070005).
#>
[CmdletBinding()]
param(
    [string]$Criteria = "IsInstalled=0 and Type='Software' and IsHidden=0",
    [string]$LogPath = "$env:ProgramData\PatchTask\install.log",
    [switch]$RestartIfNeeded
)

function Write-Log([string]$Text) {
    $line = '{0:u} {1}' -f (Get-Date), $Text
    Add-Content -Path $LogPath -Value $line
    Write-Verbose $line
}

New-Item -ItemType Directory -Path (Split-Path $LogPath) -Force | Out-Null

$session = New-Object -ComObject Microsoft.Update.Session
$session.ClientApplicationID = 'Install-PendingUpdates'

Write-Log "Searching: $Criteria"
$result = $session.CreateUpdateSearcher().Search($Criteria)
Write-Log "$($result.Updates.Count) update(s) found"
if ($result.Updates.Count -eq 0) { exit 0 }

$pending = New-Object -ComObject Microsoft.Update.UpdateColl
foreach ($update in $result.Updates) {
    if ($update.InstallationBehavior.CanRequestUserInput) {
        Write-Log "Skipped (needs user input): $($update.Title)"
        continue
    }
    if (-not $update.EulaAccepted) { $update.AcceptEula() }
    [void]$pending.Add($update)
}

$downloader = $session.CreateUpdateDownloader()
$downloader.Updates = $pending
$download = $downloader.Download()
Write-Log "Download result: $($download.ResultCode)"

$installer = $session.CreateUpdateInstaller()
$installer.Updates = $pending
$installation = $installer.Install()
for ($i = 0; $i -lt $pending.Count; $i++) {
    $code = $installation.GetUpdateResult($i).ResultCode
    Write-Log ("{0} -> {1}" -f $pending.Item($i).Title, $code)
}

$systemInfo = New-Object -ComObject Microsoft.Update.SystemInfo
if ($systemInfo.RebootRequired) {
    Write-Log 'A restart is required'
    if ($RestartIfNeeded) { Restart-Computer -Force }
}
