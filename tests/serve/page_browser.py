"""Drive the placecheck serve page in headless Chromium over WebDriver
(chromedriver's HTTP protocol, Python's standard library only) for
tests/cli/serve_page.sh.  Every wait is bounded; the browser and the driver
are stopped whatever happens."""
import base64
import json
import os
import re
import subprocess
import sys
import time
import urllib.request

URL, ARTICLE, SHOT, TMP = sys.argv[1:5]
WAIT_S = 60


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


driver = subprocess.Popen(["chromedriver", "--port=0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
port = None
deadline = time.time() + WAIT_S
while time.time() < deadline and port is None:
    line = driver.stdout.readline().decode(errors="replace")
    if not line:
        break
    m = re.search(r"started successfully on port (\d+)", line)
    if m:
        port = int(m.group(1))
if port is None:
    driver.kill()
    fail("chromedriver did not start")
base = "http://127.0.0.1:%d" % port
session = None


def wd(method, path, body=None):
    req = urllib.request.Request(base + path, method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=WAIT_S) as r:
            return json.load(r)["value"]
    except urllib.error.HTTPError as e:
        fail("WebDriver %s %s: %s" % (method, path, e.read().decode()[:500]))


def js(script, *args):
    return wd("POST", "/session/%s/execute/sync" % session, {"script": script, "args": list(args)})


def find(css):
    v = wd("POST", "/session/%s/element" % session, {"using": "css selector", "value": css})
    return next(iter(v.values()))


def click(css):
    wd("POST", "/session/%s/element/%s/click" % (session, find(css)), {})


def wait_for(script, what):
    end = time.time() + WAIT_S
    while time.time() < end:
        v = js(script)
        if v:
            return v
        time.sleep(0.1)
    fail("waited %d s for %s; status: %s" % (WAIT_S, what, js("return document.getElementById('status').textContent")))


try:
    caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
        "binary": "/usr/bin/chromium",
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--user-data-dir=" + os.path.join(TMP, "chromium-profile"), "--window-size=1366,900"]}}}}
    session = wd("POST", "/session", caps)["sessionId"]
    wd("POST", "/session/%s/url" % session, {"url": URL})
    if js("return document.title").find("placecheck") < 0:
        fail("the page did not load")
    # Every form control has a label (screen readers).
    unlabelled = js("return [...document.querySelectorAll('input,select,textarea')]"
                    ".filter(e => !e.labels.length && !e.getAttribute('aria-label')).map(e => e.id)")
    if unlabelled:
        fail("controls without a label: %s" % unlabelled)

    text = open(ARTICLE, encoding="utf-8").read()
    # Put the article in the box, then press the button as a person would.
    js("const a = document.getElementById('article'); a.value = arguments[0]; a.focus();", text)
    click("#check")
    wait_for("return document.querySelectorAll('#view mark').length > 0", "a highlighted finding")
    mark = js("const m = [...document.querySelectorAll('#view mark')].find(m => m.textContent === 'Charlotte');"
              "return m && {cls: m.className, tab: m.getAttribute('tabindex'), id: m.id,"
              " line: m.previousSibling.textContent.split('\\n').pop()}")
    if not mark or "sev-warning" not in mark["cls"] or mark["tab"] != "0":
        fail("no focusable warning mark on 'Charlotte': %s" % mark)
    if not mark["line"].endswith('"Everyone in '):
        fail("the mark is not in place: %r" % mark["line"])
    button = js("const b = [...document.querySelectorAll('#findings button.apply')]"
                ".find(b => b.textContent === 'Replace with Charlottesville'); return b && b.dataset.finding")
    if button is None:
        fail("no 'Replace with Charlottesville' button")
    li = js("const li = document.getElementById('f-' + arguments[0]);"
            "return {msg: li.querySelector('.msg').textContent, sev: li.dataset.severity,"
            " ev: li.querySelectorAll('details li').length}", button)
    if "Charlotte" not in li["msg"] or li["sev"] != "warning" or li["ev"] < 1:
        fail("the finding's entry: %s" % li)
    status = js("return document.getElementById('status').textContent")
    if "finding" not in status:
        fail("status: %r" % status)

    # Keyboard: Enter on the mark moves focus to its entry in the list.
    js("document.getElementById(arguments[0]).focus()", mark["id"])
    wd("POST", "/session/%s/actions" % session, {"actions": [{"type": "key", "id": "k", "actions": [
        {"type": "keyDown", "value": "\ue007"}, {"type": "keyUp", "value": "\ue007"}]}]})
    focused = js("return document.activeElement.id")
    if focused != "f-" + button:
        fail("Enter on the mark focused %r, not its finding" % focused)

    png = wd("GET", "/session/%s/screenshot" % session)
    with open(SHOT, "wb") as f:
        f.write(base64.b64decode(png))

    # Severity filter: hide warnings, then show them again.
    click('#filter input[value="warning"]')
    if not js("return document.getElementById('f-' + arguments[0]).hidden", button):
        fail("unchecking Warnings did not hide the warning")
    click('#filter input[value="warning"]')

    # Apply the suggestion: the text changes and the page checks again.
    click('#findings button.apply[data-finding="%s"]' % button)
    wait_for("return document.getElementById('article').value.includes('\"Everyone in Charlottesville pulled') &&"
             " !document.getElementById('check').disabled &&"
             " ![...document.querySelectorAll('#findings button.apply')].some(b => b.textContent === 'Replace with Charlottesville')",
             "the suggestion applied and the article checked again")
    if js("return [...document.querySelectorAll('#view mark')].some(m => m.textContent === 'Charlotte')"):
        fail("Charlotte is still highlighted after the fix")

    # Place lookup.
    js("document.getElementById('q').value = 'Springfield'")
    click("#lookup")
    res = wait_for("const t = document.getElementById('lookup-result').textContent;"
                   "return t.includes('called Springfield') && t", "the lookup's answer")
    if "Illinois" not in res or "population" not in res:
        fail("lookup: %r" % res[:300])
    print("ok: mark %s, fix applied, lookup %d chars, screenshot %s" % (mark["id"], len(res), SHOT))
finally:
    if session:
        try:
            wd("DELETE", "/session/" + session)
        except SystemExit:
            pass
    driver.terminate()
    try:
        driver.wait(10)
    except subprocess.TimeoutExpired:
        driver.kill()
