// patch-toolkit.js: a small toolkit that opens a WUA session on a server and hands it to a task.
// Fails remotely: the tasks reach the session through a callback, `this` and a destructured pair,
// and both CreateUpdateDownloader and CreateUpdateInstaller are refused to a remote caller.
function withSession(server, task) {
  var session = new ActiveXObject("Microsoft.Update.Session", server);
  session.ClientApplicationID = "patch-toolkit";
  return task(session);
}

function searcherAndSession(session) {
  return [session.CreateUpdateSearcher(), session];
}

function download(updates) {
  var downloader = this.CreateUpdateDownloader();
  downloader.Updates = updates;
  return downloader.Download();
}

var server = WScript.Arguments(0);
withSession(server, function (session) {
  var [searcher, same] = searcherAndSession(session);
  var pending = searcher.Search("IsInstalled=0 and Type='Software'").Updates;
  download.call(same, pending);
  var installer = same.CreateUpdateInstaller();
  installer.Updates = pending;
  installer.Install();
});
