# UpdateServices.psm1: manage the update services (Microsoft Update, WSUS, offline scan cabs) that
# Windows Update uses on a server, from an admin workstation:
#   Import-Module .\UpdateServices.psm1; Get-UpdateService -ComputerName SRV-01
# Listing the services works over DCOM. Adding an offline scan package and removing a service
# are refused to a remote caller ("access denied", 0x80070005); run them on the server itself.

$MicrosoftUpdate = '7971f918-a847-4430-9279-4a52d1efe18d'

function New-ServiceManager {
    param([string]$ComputerName = $env:COMPUTERNAME)
    $type = [System.Type]::GetTypeFromProgID('Microsoft.Update.ServiceManager', $ComputerName)
    [System.Activator]::CreateInstance($type)
}

function Get-UpdateService {
    param([string]$ComputerName = $env:COMPUTERNAME)
    $manager = New-ServiceManager -ComputerName $ComputerName
    foreach ($service in $manager.Services) {
        [pscustomobject]@{
            ComputerName = $ComputerName
            Name         = $service.Name
            ServiceID    = $service.ServiceID
            IsManaged    = $service.IsManaged
            Registered   = $service.IsRegisteredWithAU
        }
    }
}

function Add-OfflineScanService {
    param(
        [string]$ComputerName = $env:COMPUTERNAME,
        [Parameter(Mandatory)][string]$CabPath
    )
    $manager = New-ServiceManager -ComputerName $ComputerName
    $manager.AddScanPackageService('Offline Sync Service', $CabPath, 1)
}

function Remove-MicrosoftUpdate {
    param([string]$ComputerName = $env:COMPUTERNAME)
    $manager = New-ServiceManager -ComputerName $ComputerName
    $manager.RemoveService($MicrosoftUpdate)
}

Export-ModuleMember -Function 'Get-UpdateService', 'Add-OfflineScanService', 'Remove-MicrosoftUpdate'
