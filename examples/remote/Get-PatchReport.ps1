<#
.SYNOPSIS
    Lists the updates each server is missing and, on request, hides or installs them.
.DESCRIPTION
    Run from an admin workstation: .\Get-PatchReport.ps1 -ComputerName SRV-01, SRV-02 -Install
    The report itself works over DCOM: searching and reading update details are open to a remote
    caller. Hiding updates (writing IsHidden), accepting license terms, and getting a downloader
    or an installer are not: Windows Update answers "access denied" (0x80070005) for each server,
    after the search has already run. Do that part on each server itself, for example with the
    scheduled task of examples/local/Install-PendingUpdates.ps1.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string[]]$ComputerName,
    [string[]]$HideKB = @(),
    [switch]$Install
)

$criteria = "IsInstalled=0 and Type='Software'"

foreach ($computer in $ComputerName) {
    $type = [Type]::GetTypeFromProgID('Microsoft.Update.Session', $computer)
    $session = [Activator]::CreateInstance($type)
    $session.ClientApplicationID = 'Get-PatchReport'
    $searcher = $session.CreateUpdateSearcher()
    $result = $searcher.Search($criteria)

    $rows = foreach ($update in $result.Updates) {
        [pscustomobject]@{
            Computer = $computer
            KB       = ($update.KBArticleIDs | ForEach-Object { "KB$_" }) -join ','
            Severity = $update.MsrcSeverity
            Hidden   = $update.IsHidden
            Title    = $update.Title
        }
    }
    $rows | Format-Table -AutoSize

    # Refused to a remote caller: IsHidden is read-only over DCOM.
    $result.Updates |
        Where-Object { $kbs = @($_.KBArticleIDs); $HideKB | Where-Object { $kbs -contains $_ } } |
        ForEach-Object { $_.IsHidden = $true }

    if (-not $Install -or $result.Updates.Count -eq 0) { continue }

    $batch = New-Object -ComObject Microsoft.Update.UpdateColl
    foreach ($update in $result.Updates) {
        if ($update.IsHidden) { continue }
        if (-not $update.EulaAccepted) {
            $update.AcceptEula()   # refused to a remote caller
        }
        [void]$batch.Add($update)
    }

    $downloader = $session.CreateUpdateDownloader()   # refused to a remote caller
    $downloader.Updates = $batch
    [void]$downloader.Download()

    $installer = $session.CreateUpdateInstaller()   # refused to a remote caller
    $installer.Updates = $batch
    $outcome = $installer.Install()
    Write-Host "$computer : result $($outcome.ResultCode), restart needed: $($outcome.RebootRequired)"
}
