"""A scripted Language Server client for tests/cli/lsp_session.sh.

Speaks LSP's framing (Content-Length headers) to `placecheck lsp` over a
pipe, with a bounded wait for every answer, and checks each answer.  Prints
"1 passed, 0 failed" at the end, or the first failed expectation."""
import json
import os
import select
import subprocess
import sys

BIN, DB, ARTICLE = sys.argv[1:4]
WAIT_S = 60  # the sanitizer build on a busy machine: generous, still bounded


def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)


proc = subprocess.Popen([BIN, "--db", DB, "lsp", "--stdio"], stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
buf = b""


def send(obj):
    body = json.dumps(obj).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def read_exact(n):
    global buf
    while len(buf) < n:
        r, _, _ = select.select([proc.stdout], [], [], WAIT_S)
        if not r:
            fail("no answer from the server within %d s" % WAIT_S)
        chunk = os.read(proc.stdout.fileno(), 65536)
        if not chunk:
            fail("the server closed its output; stderr: " + proc.stderr.read().decode())
        buf += chunk
    out, buf = buf[:n], buf[n:]
    return out


def recv_message():
    global buf
    while b"\r\n\r\n" not in buf:
        r, _, _ = select.select([proc.stdout], [], [], WAIT_S)
        if not r:
            fail("no answer from the server within %d s" % WAIT_S)
        chunk = os.read(proc.stdout.fileno(), 65536)
        if not chunk:
            fail("the server closed its output; stderr: " + proc.stderr.read().decode())
        buf += chunk
    head, _, buf = buf.partition(b"\r\n\r\n")
    length = None
    for line in head.split(b"\r\n"):
        k, _, v = line.partition(b":")
        if k.strip().lower() == b"content-length":
            length = int(v)
    if length is None:
        fail("a message without Content-Length: %r" % head)
    return json.loads(read_exact(length))


def expect(pred, what, msg):
    if not pred:
        fail("%s: %s" % (what, json.dumps(msg)[:800]))


def request(id_, method, params):
    send({"jsonrpc": "2.0", "id": id_, "method": method, "params": params})
    while True:
        m = recv_message()
        if m.get("id") == id_:
            return m


def diagnostics(uri):
    while True:
        m = recv_message()
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
            return m["params"]["diagnostics"]


def u16(s):
    return len(s.encode("utf-16-le")) // 2


def text_at(text, rng):
    """The text a UTF-16 range covers."""
    lines = text.split("\n")
    assert rng["start"]["line"] == rng["end"]["line"]
    line = lines[rng["start"]["line"]].encode("utf-16-le")
    return line[2 * rng["start"]["character"]:2 * rng["end"]["character"]].decode("utf-16-le")


def apply_edit(text, rng, new):
    lines = text.split("\n")
    ln = rng["start"]["line"]
    line = lines[ln].encode("utf-16-le")
    lines[ln] = (line[:2 * rng["start"]["character"]].decode("utf-16-le") + new +
                 line[2 * rng["end"]["character"]:].decode("utf-16-le"))
    return "\n".join(lines)


uri = "file:///tmp/news/rally.md"
article = open(ARTICLE, encoding="utf-8").read()
# The quotation's line starts with an emoji: two UTF-16 units, four bytes.
text = article.replace('"Everyone in Charlotte', '\U0001F4F0 "Everyone in Charlotte')
expect(text != article, "the article has its quotation", {})

r = request(1, "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
expect(r.get("error", {}).get("code") == -32002, "a request before initialize", r)
r = request(2, "initialize", {"processId": None, "rootUri": None, "capabilities": {}})
caps = r["result"]["capabilities"]
expect(caps["positionEncoding"] == "utf-16" and caps["hoverProvider"] and caps["codeActionProvider"], "initialize", r)
expect(caps["textDocumentSync"]["change"] == 1 and r["result"]["serverInfo"]["name"] == "placecheck", "initialize", r)
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
diags = diagnostics(uri)
hits = [d for d in diags if d.get("data", {}).get("suggestion") == "Charlottesville"]
expect(len(hits) == 1, "one diagnostic suggests Charlottesville", diags)
d = hits[0]
expect(text_at(text, d["range"]) == "Charlotte", "the diagnostic's range covers Charlotte (UTF-16)", d)
expect(d["severity"] == 2 and d["code"] == "lookalike-context" and d["source"] == "placecheck", "the diagnostic", d)
expect(d["range"]["start"]["character"] == u16('\U0001F4F0 "Everyone in '), "UTF-16 character", d)

r = request(3, "textDocument/codeAction", {"textDocument": {"uri": uri}, "range": d["range"],
                                             "context": {"diagnostics": [d]}})
acts = r["result"]
expect(len(acts) == 1 and acts[0]["title"] == "Replace with Charlottesville" and acts[0]["kind"] == "quickfix",
       "one quick fix", r)
(edit,) = acts[0]["edit"]["changes"][uri]
expect(edit["newText"] == "Charlottesville" and edit["range"] == d["range"], "the quick fix's edit", edit)
fixed = apply_edit(text, edit["range"], edit["newText"])
expect('"Everyone in Charlottesville pulled' in fixed, "the edit applies", {"line": fixed[:400]})

# Hover on "Charlottesville" as written in the body: its reading and look-alikes.
lines = fixed.split("\n")
ln = next(i for i, s in enumerate(lines) if "Rivanna River in Charlottesville" in s)
ch = u16(lines[ln][:lines[ln].index("Charlottesville")]) + 3
r = request(4, "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": ln, "character": ch}})
expect(r["result"] is not None, "hover on Charlottesville", r)  # before the change: the old text
h = r["result"]["contents"]["value"]
expect("Charlottesville" in h and "Virginia" in h and "population" in h and "Look-alikes:" in h, "hover text", r)
expect(text_at(text, r["result"]["range"]) == "Charlottesville", "hover range", r)

send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
    "textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}})
diags = diagnostics(uri)
expect(not any(d.get("data", {}).get("suggestion") == "Charlottesville" for d in diags),
       "after the fix, no Charlottesville diagnostic", diags)

r = request(5, "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
expect(r["result"] is None, "hover on no place is null", r)
r = request(6, "workspace/symbol", {"query": "x"})
expect(r.get("error", {}).get("code") == -32601, "an unknown request is -32601", r)
send({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 99}})  # ignored

# didSave with text checks again; HTML by languageId; didClose clears.
send({"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {"textDocument": {"uri": uri}, "text": text}})
diags = diagnostics(uri)
expect(any(d.get("data", {}).get("suggestion") == "Charlottesville" for d in diags), "didSave checks again", diags)
huri = "file:///tmp/news/story.html"
# A dateline, three states and the Australian dollar: the scored model flags
# Austria as a warning far above its threshold (when written, 10.4 against 5.1).
hsrc = ("<p>CANBERRA, Australia &mdash; <b>Austria</b>&rsquo;s treasurer met the premiers of Queensland, "
        "Victoria and New South Wales in Sydney. The Australian dollar rose.</p>\n")
send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": huri, "languageId": "html", "version": 1,
    "text": hsrc}}})
diags = diagnostics(huri)
hat = hsrc.index("Austria</b>")  # ASCII before it: bytes are UTF-16 units
expect(len(diags) == 1 and diags[0]["data"]["suggestion"] == "Australia" and
       diags[0]["range"] == {"start": {"line": 0, "character": hat}, "end": {"line": 0, "character": hat + 7}},
       "HTML diagnostics in source positions", diags)
send({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}})
expect(diagnostics(uri) == [], "didClose clears the diagnostics", {})

# A message that is not JSON gets a parse error, and the server goes on.
proc.stdin.write(b"Content-Length: 5\r\n\r\n{bad}")
proc.stdin.flush()
m = recv_message()
expect(m.get("error", {}).get("code") == -32700, "parse error", m)

r = request(7, "shutdown", None)
expect("result" in r and r["result"] is None, "shutdown", r)
send({"jsonrpc": "2.0", "method": "exit"})
try:
    rc = proc.wait(WAIT_S)
except subprocess.TimeoutExpired:
    proc.kill()
    fail("the server did not exit")
err = proc.stderr.read().decode()
if rc != 0:
    fail("exit status %d after shutdown and exit; stderr: %s" % (rc, err))
print("1 passed, 0 failed")
