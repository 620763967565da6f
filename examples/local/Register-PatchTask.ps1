<#
.SYNOPSIS
    Copies Install-PendingUpdates.ps1 to each server and starts it there as a scheduled task.
.DESCRIPTION
    The way around the remote-caller restriction: PowerShell remoting is used only to copy the
    worker and to register and start a scheduled task. The task runs the worker as SYSTEM on the
    server itself, where Windows Update sees a local caller. No Windows Update object is created
    in a remote session here, so there is nothing to report.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string[]]$ComputerName,
    [switch]$RestartIfNeeded
)

$worker = Join-Path $PSScriptRoot 'Install-PendingUpdates.ps1'
$target = 'C:\ProgramData\PatchTask'

foreach ($computer in $ComputerName) {
    $remote = New-PSSession -ComputerName $computer
    try {
        Invoke-Command -Session $remote -ScriptBlock {
            New-Item -ItemType Directory -Path $using:target -Force | Out-Null
        }
        Copy-Item -Path $worker -Destination $target -ToSession $remote -Force

        Invoke-Command -Session $remote -ArgumentList $target, $RestartIfNeeded.IsPresent -ScriptBlock {
            param([string]$Folder, [bool]$Restart)
            $arguments = "-NoProfile -ExecutionPolicy Bypass -File `"$Folder\Install-PendingUpdates.ps1`""
            if ($Restart) { $arguments += ' -RestartIfNeeded' }
            $action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument $arguments
            $principal = New-ScheduledTaskPrincipal -UserId 'SYSTEM' -LogonType ServiceAccount -RunLevel Highest
            Register-ScheduledTask -TaskName 'Install pending updates' -Action $action -Principal $principal -Force | Out-Null
            Start-ScheduledTask -TaskName 'Install pending updates'
        }
        Write-Host "$computer : patch task started"
    }
    finally {
        Remove-PSSession $remote
    }
}
