<#
.SYNOPSIS
    Patches a ring of servers from the admin workstation.
.DESCRIPTION
    .\Start-Patching.ps1 -ComputerName (Get-Content .\ring1.txt)
    Runs Install-Worker.ps1 on every server with Invoke-Command -FilePath, then sends the
    library's Install-Updates function for the definition updates. Both create the Windows Update
    objects on the server, but under the network logon of the remoting session, which Windows
    Update treats as a remote caller: the downloads and installs fail with "access denied"
    (0x80070005). The failures are reported where the calls are, in Install-Worker.ps1 and
    lib\WuaTools.ps1, and this script is named as the one that sends them.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string[]]$ComputerName
)

. "$PSScriptRoot\lib\WuaTools.ps1"

# Runs here, on the workstation: a local caller, so this is fine.
Write-Host "Pending on this workstation: $(Get-PendingCount)"

# Software updates: the worker script is copied into each remote session and run there.
Invoke-Command -ComputerName $ComputerName -FilePath "$PSScriptRoot\Install-Worker.ps1" |
    Select-Object PSComputerName, Installed, ResultCode |
    Format-Table -AutoSize

# Definition updates: the library function is sent as the script block.
$definitions = "IsInstalled=0 and CategoryIDs contains 'e0789628-ce08-4437-be74-2495b842f43b'"
Invoke-Command -ComputerName $ComputerName -ScriptBlock ${function:Install-Updates} -ArgumentList $definitions
