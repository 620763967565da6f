' install-updates.vbs: cscript //nologo install-updates.vbs
' Searches, downloads and installs the pending software updates of the computer it runs on, in the
' way of Microsoft's own Windows Update Agent sample. Every call is made by a local caller (run it
' on each server, for example as a scheduled task), so nothing is reported.
Option Explicit

Dim session, searcher, searchResult, update, pending, accepted, i

Set session = CreateObject("Microsoft.Update.Session")
session.ClientApplicationID = "install-updates"
Set searcher = session.CreateUpdateSearcher()

WScript.Echo "Searching for updates..." & vbCrLf
Set searchResult = searcher.Search("IsInstalled=0 and Type='Software' and IsHidden=0")

If searchResult.Updates.Count = 0 Then
    WScript.Echo "There are no applicable updates."
    WScript.Quit 0
End If

WScript.Echo "Updates to download:"
Set pending = CreateObject("Microsoft.Update.UpdateColl")
For i = 0 To searchResult.Updates.Count - 1
    Set update = searchResult.Updates.Item(i)
    WScript.Echo i + 1 & "> " & update.Title
    If Not update.EulaAccepted Then update.AcceptEula
    pending.Add update
Next

WScript.Echo vbCrLf & "Downloading updates..."
Dim downloader
Set downloader = session.CreateUpdateDownloader()
downloader.Updates = pending
downloader.Download()

Set accepted = CreateObject("Microsoft.Update.UpdateColl")
For Each update In pending
    If update.IsDownloaded Then accepted.Add update
Next

WScript.Echo "Installing " & accepted.Count & " update(s)..."
Dim installer, installationResult
Set installer = session.CreateUpdateInstaller()
installer.Updates = accepted
Set installationResult = installer.Install()

WScript.Echo "Installation Result: " & installationResult.ResultCode
WScript.Echo "Reboot Required: " & installationResult.RebootRequired & vbCrLf
For i = 0 To accepted.Count - 1
    WScript.Echo i + 1 & "> " & accepted.Item(i).Title & ": " & _
        installationResult.GetUpdateResult(i).ResultCode
Next
