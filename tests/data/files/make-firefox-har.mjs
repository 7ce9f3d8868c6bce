#!/usr/bin/env node
// Records a real HAR with Debian's Firefox ESR: its developer tools export
// the network log themselves (devtools.netmonitor.har.enableAutoExportToFile)
// when a page loaded with the toolbox open finishes loading. The page
// reloads itself once, so the second load is recorded from its start; on
// that load it calls a local API with a bearer token (synchronous XHR, so
// the calls belong to the load) and gets a login reply holding an id_token
// and a session cookie. The tokens are minted here (HS256 with the key
// below; a test key, never use it for anything real).
//
//   xvfb-run -a node tests/data/files/make-firefox-har.mjs
//
// Needs firefox-esr and a display (Xvfb). Writes tests/data/files/firefox.har.
import { createServer } from "node:http";
import { createHmac } from "node:crypto";
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const KEY = "firefox-har-fixture-key-32-bytes";
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
const mint = (claims) => {
  const input = `${b64({ alg: "HS256", typ: "JWT" })}.${b64(claims)}`;
  return `${input}.${createHmac("sha256", KEY).update(input).digest("base64url")}`;
};
const access = mint({ iss: "https://sso.example.org/realms/ops", sub: "bob", aud: "inventory", iat: 1767225600, exp: 4102444800 });
const idToken = mint({ iss: "https://sso.example.org/realms/ops", sub: "bob", aud: "console", iat: 1767225600, exp: 4102444800, nonce: "n-ff" });
const session = mint({ iss: "https://console.example.org", sub: "bob", iat: 1767225600, exp: 4102444800 });

const server = createServer((req, res) => {
  if (req.url === "/") {
    res.setHeader("content-type", "text/html");
    // The token is assembled in the page, so the HTML holds it reversed:
    // the HAR then carries it readable only in the request header.
    const reversed = JSON.stringify([...access].reverse().join(""));
    res.end(`<title>firefox har</title><script>
if (!sessionStorage.getItem("recorded")) { sessionStorage.setItem("recorded", "1"); setTimeout(() => location.reload(), 8000); }
else {
  const api = new XMLHttpRequest(); api.open("GET", "/api/orders", false);
  api.setRequestHeader("Authorization", "Bearer " + [...${reversed}].reverse().join("")); api.send();
  const login = new XMLHttpRequest(); login.open("POST", "/login", false); login.send("{}");
}
</script>`);
  } else if (req.url === "/login") {
    res.setHeader("content-type", "application/json");
    res.setHeader("set-cookie", `session=${session}; Path=/; HttpOnly`);
    res.end(JSON.stringify({ id_token: idToken, token_type: "Bearer", expires_in: 300 }));
  } else {
    res.setHeader("content-type", "application/json");
    res.end("[]");
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}/`;

const profile = mkdtempSync(join(tmpdir(), "ff-har-profile-"));
const logDir = mkdtempSync(join(tmpdir(), "ff-har-out-"));
const prefs = {
  "devtools.netmonitor.har.enableAutoExportToFile": true,
  "devtools.netmonitor.har.defaultLogDir": logDir,
  "devtools.netmonitor.har.defaultFileName": "firefox",
  "devtools.netmonitor.har.includeResponseBodies": true,
  "devtools.toolbox.selectedTool": "netmonitor",
  "devtools.toolbox.host": "window",
  "browser.shell.checkDefaultBrowser": false,
  "datareporting.policy.dataSubmissionEnabled": false,
  "toolkit.telemetry.reportingpolicy.firstRun": false,
  "browser.aboutwelcome.enabled": false,
  "app.update.enabled": false,
  "network.captive-portal-service.enabled": false,
};
writeFileSync(join(profile, "user.js"),
  Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join("\n"));
const firefox = spawn(process.env.FIREFOX || "/usr/bin/firefox-esr",
  ["-profile", profile, "-no-remote", "-devtools", url], { stdio: "ignore" });
const har = join(logDir, "firefox.har");
const deadline = Date.now() + 60_000;
while (!existsSync(har) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
await new Promise((r) => setTimeout(r, 1000)); // let the write finish
firefox.kill();
server.close();
if (!existsSync(har)) throw new Error("Firefox wrote no HAR within 60 s");
const out = new URL("./firefox.har", import.meta.url).pathname;
copyFileSync(har, out);
rmSync(profile, { recursive: true, force: true });
rmSync(logDir, { recursive: true, force: true });
console.log(`wrote ${out}`);
