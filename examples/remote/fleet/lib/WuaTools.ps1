# Windows Update helpers shared by the patching scripts; dot-source this file.

# How many updates are missing. Start-Patching.ps1 calls it on the workstation only.
function Get-PendingCount {
    param([string]$Criteria = "IsInstalled=0 and Type='Software' and IsHidden=0")
    $searcher = New-Object -ComObject Microsoft.Update.Searcher
    $searcher.Search($Criteria).Updates.Count
}

# Accepts the license terms, downloads and installs what $Criteria finds. Start-Patching.ps1 sends
# it to the servers as ${function:Install-Updates}, where all three steps are refused.
function Install-Updates {
    param([string]$Criteria)
    $session = New-Object -ComObject Microsoft.Update.Session
    $updates = $session.CreateUpdateSearcher().Search($Criteria).Updates
    foreach ($update in $updates) {
        if (-not $update.EulaAccepted) { $update.AcceptEula() }
    }

    $downloader = $session.CreateUpdateDownloader()
    $downloader.Updates = $updates
    [void]$downloader.Download()

    $installer = $session.CreateUpdateInstaller()
    $installer.Updates = $updates
    $installer.Install().ResultCode
}
