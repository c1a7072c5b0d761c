#!/usr/bin/env python3
"""`check` in the shell on a real terminal (issue 17): the prompt says how
the paste ends; empty lines stay in the text; a line "." ends it, and so
does Ctrl-D, after which the shell goes on.  Waits on what the shell
prints, never on time.  Usage: shell_paste_pty.py BIN DB TMPDIR"""
import os, pty, select, sys, time

BIN, DB, TMP = sys.argv[1], sys.argv[2], sys.argv[3]
TIMEOUT = 20.0
SUPP = os.path.join(TMP, "lsan.supp")
with open(SUPP, "w") as f:  # libedit's own allocations, not ours (shell_pty.py says why)
    f.write("leak:wcsdup\nleak:libedit.so\n")
lsan = os.environ.get("LSAN_OPTIONS", "")
env = dict(os.environ, HOME=TMP, XDG_DATA_HOME=os.path.join(TMP, "xdg"), TERM="xterm",
           NO_COLOR="1", LC_ALL="C.UTF-8",
           LSAN_OPTIONS=(lsan + ":" if lsan else "") + "suppressions=" + SUPP)
pid, fd = pty.fork()
if pid == 0:
    os.execve(BIN, [BIN, "--db", DB, "shell"], env)
buf, mark = b"", 0


def expect(needle):
    global buf, mark
    end = time.time() + TIMEOUT
    while needle not in buf[mark:]:
        r, _, _ = select.select([fd], [], [], max(0.0, end - time.time()))
        if not r:
            raise SystemExit("FAIL: timed out waiting for %r; screen:\n%s" % (needle, buf.decode("utf-8", "replace")))
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            chunk = b""
        if not chunk:
            raise SystemExit("FAIL: shell exited waiting for %r; screen:\n%s" % (needle, buf.decode("utf-8", "replace")))
        buf += chunk
    mark = buf.index(needle, mark) + len(needle)


def lines(*ls):
    for l in ls:
        os.write(fd, l + b"\r")
        expect(b"... ")


expect(b"placecheck> ")
os.write(fd, b"check\r")
expect(b"end it with a line holding only '.' (or press Ctrl-D)")
expect(b"... ")
# The sample article's three paragraphs: the mix-up is in the third.
with open(os.path.join(os.path.dirname(__file__), "..", "cases", "sample-rally.md"), "rb") as f:
    lines(*f.read().splitlines())
os.write(fd, b".\r")
expect(b"1. 9:14 Charlotte -> Charlottesville")
expect(b"placecheck> ")
if b"No place called" in buf:
    raise SystemExit("FAIL: a line of the paste ran as a query")
# Ctrl-D ends a paste too, and the shell carries on.
os.write(fd, b"check\r")
expect(b"... ")
lines(b"The council met in Richmond.", b"")
os.write(fd, b"\x04")
expect(b"No findings")
expect(b"placecheck> ")
os.write(fd, b"Springfield\r")
expect(b"Springfield: ")
expect(b"placecheck> ")
os.write(fd, b"quit\r")
end = time.time() + TIMEOUT
status = None
while time.time() < end:
    r, _, _ = select.select([fd], [], [], 0.2)
    if r:
        try:
            if not os.read(fd, 4096):
                break
        except OSError:
            break
    done, st = os.waitpid(pid, os.WNOHANG)
    if done:
        status = st
        break
if status is None:
    done, status = os.waitpid(pid, 0)
if os.WEXITSTATUS(status) != 0:
    raise SystemExit("FAIL: shell exited %d" % os.WEXITSTATUS(status))
print("shell_paste_pty: ok")
