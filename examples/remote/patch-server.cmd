' 2>nul & @cscript //nologo //e:vbscript "%~f0" %* & exit /b
' patch-server.cmd SRV-01: a batch file that runs itself as VBScript (the first line starts cscript
' on this very file; VBScript reads it as a comment). It accepts the license terms of the server's
' pending updates and installs them from an admin workstation: both are refused to a remote caller.
Option Explicit

Dim strServer, objSession, objUpdates, objUpdate, objInstaller

If WScript.Arguments.Count = 0 Then
    WScript.Echo "Usage: patch-server <server>"
    WScript.Quit 1
End If
strServer = WScript.Arguments.Item(0)

Set objSession = CreateObject("Microsoft.Update.Session", strServer)
Set objUpdates = objSession.CreateUpdateSearcher().Search("IsInstalled=0 and IsHidden=0").Updates
For Each objUpdate In objUpdates
    If Not objUpdate.EulaAccepted Then objUpdate.AcceptEula
Next

Set objInstaller = objSession.CreateUpdateInstaller()
objInstaller.Updates = objUpdates
WScript.Echo strServer & ": reboot required: " & objInstaller.Install().RebootRequired
