# wua-remote -- pushed to each server and started over SSH by the configuration tool
# Repair-AutomaticUpdates.ps1: turns Automatic Updates back on where it was switched off, and
# resumes it where it was paused. The objects are created on the computer the script runs on, but
# a process started over SSH (or WinRM) runs under a network logon, and Windows Update treats it
# as a remote caller: ServiceEnabled, EnableService and Resume all fail with "access denied"
# (0x80070005). The comment on the first line tells the linter how the script is started.

$au = New-Object -ComObject Microsoft.Update.AutoUpdate

if (-not $au.ServiceEnabled) {
    Write-Output "$env:COMPUTERNAME : enabling Automatic Updates"
    $au.EnableService()
}
$au.Resume()

# Reading the last results is not refused; it is only undocumented for remote callers.
$last = $au.Results.LastInstallationSuccessDate
Write-Output "$env:COMPUTERNAME : last successful installation $last"
