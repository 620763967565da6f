<#
.SYNOPSIS
    Downloads and installs the pending software updates of the computer it runs on.
.DESCRIPTION
    Start-Patching.ps1 runs this script on each server with Invoke-Command -FilePath. The search
    works over remoting; the downloader and the installer are refused to the remoting session's
    network logon. Run from a scheduled task on the server instead, as in
    examples\local\Install-PendingUpdates.ps1.
#>
param(
    [string]$Criteria = "IsInstalled=0 and Type='Software' and IsHidden=0"
)

$session = New-Object -ComObject Microsoft.Update.Session
$result = $session.CreateUpdateSearcher().Search($Criteria)
if ($result.Updates.Count -eq 0) {
    return [pscustomobject]@{ Installed = 0; ResultCode = $null }
}

$downloader = $session.CreateUpdateDownloader()
$downloader.Updates = $result.Updates
[void]$downloader.Download()

$installer = $session.CreateUpdateInstaller()
$installer.Updates = $result.Updates
$installation = $installer.Install()

[pscustomobject]@{ Installed = $result.Updates.Count; ResultCode = $installation.ResultCode }
