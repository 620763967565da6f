<#
.SYNOPSIS
    Installs pending security updates on a set of servers through PowerShell remoting.
.DESCRIPTION
    .\Invoke-PatchRun.ps1 -ComputerName (Get-Content .\ring1.txt) -Credential (Get-Credential)
    The script block runs on each server, so the Windows Update objects are created there, with
    New-Object. But the block runs under the network logon of the WinRM session, and Windows
    Update treats that caller as remote: the restart check (Microsoft.Update.SystemInfo), the
    downloader and the installer all fail with "access denied" (0x80070005). The search works.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string[]]$ComputerName,
    [pscredential]$Credential
)

$securityUpdates = '0fa1201d-4330-4fa8-8ae9-b877473b6441'

$patchRun = {
    param([string]$Category)

    $session = New-Object -ComObject Microsoft.Update.Session
    $result = $session.CreateUpdateSearcher().Search("IsInstalled=0 and CategoryIDs contains '$Category'")
    if ($result.Updates.Count -eq 0) {
        return [pscustomobject]@{ Installed = 0; ResultCode = $null; RestartNeeded = $false }
    }

    $downloader = $session.CreateUpdateDownloader()
    $downloader.Updates = $result.Updates
    [void]$downloader.Download()

    $installer = $session.CreateUpdateInstaller()
    $installer.Updates = $result.Updates
    $installation = $installer.Install()

    $systemInfo = New-Object -ComObject Microsoft.Update.SystemInfo
    [pscustomobject]@{
        Installed     = $result.Updates.Count
        ResultCode    = $installation.ResultCode
        RestartNeeded = $systemInfo.RebootRequired
    }
}

$remoting = @{
    ComputerName = $ComputerName
    ScriptBlock  = $patchRun
    ArgumentList = $securityUpdates
}
if ($Credential) { $remoting.Credential = $Credential }

Invoke-Command @remoting |
    Select-Object -Property 'PSComputerName', 'Installed', 'ResultCode', 'RestartNeeded' |
    Sort-Object PSComputerName |
    Format-Table -AutoSize
