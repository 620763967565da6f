// Deterministic corpus for the benchmark: realistic Windows Script Host scripts (remote and local
// WUA use mixed with ordinary administration code), and growth files built from repeated units.
import { seeded } from "../scripts/seeded-random.mjs";

const LOCATIONS = ['"SRV-01"', "server", '"localhost"', "", "WScript.Arguments(0)", '"."'];

const wuaFlow = (id, location) => `
function patch${id}(server) {
  var session${id} = new ActiveXObject("Microsoft.Update.Session"${location ? `, ${location}` : ""});
  session${id}.ClientApplicationID = "bench-${id}";
  var searcher${id} = session${id}.CreateUpdateSearcher();
  var result${id} = searcher${id}.Search("IsInstalled=0 and Type='Software' and IsHidden=0");
  var toInstall${id} = new ActiveXObject("Microsoft.Update.UpdateColl");
  for (var e${id} = new Enumerator(result${id}.Updates); !e${id}.atEnd(); e${id}.moveNext()) {
    var update${id} = e${id}.item();
    WScript.Echo(server + ": " + update${id}.Title + " (" + update${id}.Identity.UpdateID + ")");
    if (!update${id}.EulaAccepted) {
      update${id}.AcceptEula();
    }
    toInstall${id}.Add(update${id});
  }
  if (toInstall${id}.Count === 0) {
    return 0;
  }
  var downloader${id} = session${id}.CreateUpdateDownloader();
  downloader${id}.Updates = toInstall${id};
  downloader${id}.Download();
  var installer${id} = session${id}.CreateUpdateInstaller();
  installer${id}.Updates = toInstall${id};
  var outcome${id} = installer${id}.Install();
  return outcome${id}.ResultCode;
}
`;

const inventory = (id) => `
function inventory${id}(servers) {
  var lines${id} = [];
  for (var i${id} = 0; i${id} < servers.length; i${id}++) {
    var session = new ActiveXObject("Microsoft.Update.Session", servers[i${id}]);
    var pending = session.CreateUpdateSearcher().Search("IsInstalled=0").Updates;
    for (var j = 0; j < pending.Count; j++) {
      var u = pending.Item(j);
      lines${id}.push(servers[i${id}] + "\\t" + u.Title + (u.IsHidden ? " (hidden)" : ""));
    }
  }
  return lines${id}.join("\\r\\n");
}
`;

const logging = (id) => `
var fso${id} = new ActiveXObject("Scripting.FileSystemObject");
function log${id}(message, level) {
  var stamp = new Date();
  var text = stamp.getFullYear() + "-" + pad${id}(stamp.getMonth() + 1) + "-" + pad${id}(stamp.getDate()) + " " + (level || "INFO") + " " + message;
  var file = fso${id}.OpenTextFile("C:\\\\Logs\\\\patch-${id}.log", 8, true);
  file.WriteLine(text);
  file.Close();
  return text;
}
function pad${id}(n) {
  return n < 10 ? "0" + n : String(n);
}
`;

const argumentsParser = (id) => `
function parseArguments${id}() {
  var options = { servers: [], dryRun: false, retries: 3 };
  for (var i = 0; i < WScript.Arguments.length; i++) {
    var arg = WScript.Arguments(i);
    if (arg === "/dry-run") {
      options.dryRun = true;
    } else if (arg.indexOf("/retries:") === 0) {
      options.retries = parseInt(arg.substring(9), 10);
    } else {
      options.servers.push(arg);
    }
  }
  if (options.servers.length === 0) {
    WScript.Echo("usage: cscript patch.js [/dry-run] [/retries:n] server...");
    WScript.Quit(2);
  }
  return options;
}
`;

const retry = (id) => `
function withRetries${id}(action, attempts) {
  var lastError = null;
  for (var attempt = 1; attempt <= attempts; attempt++) {
    try {
      return action();
    } catch (err) {
      lastError = err;
      WScript.Echo("attempt " + attempt + " failed: 0x" + (err.number >>> 0).toString(16));
      WScript.Sleep(1000 * attempt);
    }
  }
  throw lastError;
}
`;

/** One script of about `targetLines` lines. */
export function script(seed, targetLines = 500) {
  const random = seeded(seed);
  const parts = [`// bench script ${seed}`];
  let lines = 1;
  let id = 0;
  while (lines < targetLines) {
    const pick = random();
    let part;
    if (pick < 0.3) part = wuaFlow(`${seed}_${id}`, LOCATIONS[Math.floor(random() * LOCATIONS.length)]);
    else if (pick < 0.45) part = inventory(`${seed}_${id}`);
    else if (pick < 0.65) part = logging(`${seed}_${id}`);
    else if (pick < 0.85) part = argumentsParser(`${seed}_${id}`);
    else part = retry(`${seed}_${id}`);
    parts.push(part);
    lines += part.split("\n").length - 1;
    id++;
  }
  return parts.join("");
}

/** A unit for the growth files: an alias chain, helpers and their many call sites. */
const growthUnit = (i) => `
var root${i} = new ActiveXObject("Microsoft.Update.Session", "SRV-${i % 7}");
var a${i}_0 = root${i};
${Array.from({ length: 20 }, (_, k) => `var a${i}_${k + 1} = a${i}_${k};`).join("\n")}
function search${i}(session, criteria) {
  return session.CreateUpdateSearcher().Search(criteria).Updates;
}
function count${i}(session) {
  return search${i}(session, "IsInstalled=0").Count + search${i}(session, "IsHidden=1").Count;
}
${Array.from({ length: 10 }, (_, k) => `WScript.Echo(count${i}(a${i}_${20 - k}));`).join("\n")}
a${i}_20.CreateUpdateInstaller();
`;

/** A growth file of `units` units (about 45 lines each). */
export function growthFile(units) {
  return Array.from({ length: units }, (_, i) => growthUnit(i)).join("");
}
