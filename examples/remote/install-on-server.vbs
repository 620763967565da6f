' install-on-server.vbs: cscript //nologo install-on-server.vbs SRV-01
' Installs the pending software updates of the server named on the command line, from an admin
' workstation. The search works on the server's session; the download and the installation do not:
' Windows Update refuses CreateUpdateDownloader and CreateUpdateInstaller to a remote caller
' (0x80070005, after the search has already run). Run install-updates.vbs on the server instead,
' for example as a scheduled task.
Option Explicit

Dim strComputer, objSession, objSearcher, objResult, colPending, objUpdate, i

If WScript.Arguments.Count < 1 Then
    WScript.Echo "Usage: cscript //nologo install-on-server.vbs <server>"
    WScript.Quit 1
End If
strComputer = WScript.Arguments(0)

Set objSession = CreateObject("Microsoft.Update.Session", strComputer)
objSession.ClientApplicationID = "install-on-server"
Set objSearcher = objSession.CreateUpdateSearcher()
WScript.Echo "Searching " & strComputer & " for updates..."
Set objResult = objSearcher.Search("IsInstalled=0 and Type='Software' and IsHidden=0")

Set colPending = CreateObject("Microsoft.Update.UpdateColl")
For i = 0 To objResult.Updates.Count - 1
    Set objUpdate = objResult.Updates.Item(i)
    WScript.Echo "  " & objUpdate.Title
    colPending.Add objUpdate
Next
If colPending.Count = 0 Then
    WScript.Echo "Nothing to install on " & strComputer & "."
    WScript.Quit 0
End If

Dim objDownloader
Set objDownloader = objSession.CreateUpdateDownloader()
objDownloader.Updates = colPending
objDownloader.Download

Dim objInstaller, objOutcome
Set objInstaller = objSession.CreateUpdateInstaller()
objInstaller.Updates = colPending
Set objOutcome = objInstaller.Install()
WScript.Echo strComputer & ": result code " & objOutcome.ResultCode & _
    ", reboot required: " & objOutcome.RebootRequired
