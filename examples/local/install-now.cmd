Rem^ &@cscript //nologo //e:vbscript "%~f0" %* & @exit /b %errorlevel%
' install-now.cmd: a batch file that runs itself as VBScript on the computer it is started on (the
' first line starts cscript on this very file; VBScript reads it as a comment). Every call is made
' by a local caller, so nothing is reported.
Dim objSession, objUpdates, objInstaller

Set objSession = CreateObject("Microsoft.Update.Session")
Set objUpdates = objSession.CreateUpdateSearcher().Search("IsInstalled=0 and Type='Software'").Updates
If objUpdates.Count = 0 Then WScript.Quit 0

Dim objDownloader
Set objDownloader = objSession.CreateUpdateDownloader()
objDownloader.Updates = objUpdates
objDownloader.Download

Set objInstaller = objSession.CreateUpdateInstaller()
objInstaller.Updates = objUpdates
WScript.Quit objInstaller.Install().ResultCode
