<#
.SYNOPSIS
    A read-only Windows Update inventory of many servers, over DCOM, written to CSV files.
.DESCRIPTION
    .\Get-FleetInventory.ps1 -ComputerName (Get-Content .\servers.txt) -OutFolder .\inventory
    The objects live on each server and this script is a remote caller there. Everything it uses
    is on Microsoft's list of interfaces available to remote callers (searching, update details,
    reading IsHidden, the searcher's update history, the agent version), so it is correct as it is,
    also under the strict config. The target's firewall must allow DCOM (RPC, TCP 135 and the
    dynamic RPC ports) for administrators.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string[]]$ComputerName,
    [string]$OutFolder = '.',
    [int]$HistoryDays = 30
)

Add-Type -AssemblyName Microsoft.VisualBasic

$missing = [System.Collections.Generic.List[object]]::new()
$history = [System.Collections.Generic.List[object]]::new()
$since = (Get-Date).AddDays(-$HistoryDays)

foreach ($computer in $ComputerName) {
    try {
        $agent = [Microsoft.VisualBasic.Interaction]::CreateObject('Microsoft.Update.AgentInfo', $computer)
        $agentVersion = $agent.GetInfo('ProductVersionString')

        $session = [Activator]::CreateInstance([Type]::GetTypeFromProgID('Microsoft.Update.Session', $computer))
        $searcher = $session.CreateUpdateSearcher()
        $result = $searcher.Search("IsInstalled=0 and Type='Software'")
    }
    catch {
        Write-Warning "$computer : $($_.Exception.Message)"
        continue
    }

    $result.Updates | ForEach-Object {
        $missing.Add([pscustomobject]@{
            Computer     = $computer
            Agent        = $agentVersion
            UpdateID     = $_.Identity.UpdateID
            KB           = ($_.KBArticleIDs | ForEach-Object { "KB$_" }) -join ' '
            Severity     = $_.MsrcSeverity
            Category     = if ($_.Categories.Count -gt 0) { $_.Categories.Item(0).Name } else { '' }
            Hidden       = $_.IsHidden
            Downloaded   = $_.IsDownloaded
            RestartAfter = $_.InstallationBehavior.RebootBehavior
            Released     = $_.LastDeploymentChangeTime
            Title        = $_.Title
        })
    }

    $count = $searcher.GetTotalHistoryCount()
    if ($count -gt 0) {
        foreach ($entry in $searcher.QueryHistory(0, [Math]::Min($count, 200))) {
            if ($entry.Date -lt $since) { continue }
            $history.Add([pscustomobject]@{
                Computer = $computer
                Date     = $entry.Date
                Result   = $entry.ResultCode
                HResult  = '0x{0:X8}' -f $entry.HResult
                Title    = $entry.Title
            })
        }
    }
}

$missing | Export-Csv -Path (Join-Path $OutFolder 'missing-updates.csv') -NoTypeInformation
$history | Export-Csv -Path (Join-Path $OutFolder 'update-history.csv') -NoTypeInformation
Write-Host "$($missing.Count) missing update(s) and $($history.Count) history entries on $($ComputerName.Count) server(s)"
