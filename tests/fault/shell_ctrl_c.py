#!/usr/bin/env python3
"""Ctrl-C in `placecheck shell` cancels the line being typed (issue 16).

Types "Charlottes", presses Ctrl-C, then asks "Charlottesville": the shell
must still be there, must not have run the cancelled line, and must answer
the next one.  Before the fix Ctrl-C ended the shell.  Usage:
shell_ctrl_c.py BIN DB TMPDIR
"""
import os
import pty
import select
import sys
import time

BIN, DB, TMP = sys.argv[1], sys.argv[2], sys.argv[3]
TIMEOUT = 20.0
SUPP = os.path.join(TMP, "lsan.supp")
with open(SUPP, "w") as f:  # libedit's own leaks (see tests/cli/shell_pty.py)
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
    """Wait until NEEDLE appears after the last match."""
    global buf, mark
    end = time.time() + TIMEOUT
    while needle not in buf[mark:]:
        left = end - time.time()
        if left <= 0:
            raise SystemExit("FAIL: timed out waiting for %r; screen:\n%s"
                             % (needle, buf.decode("utf-8", "replace")))
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                chunk = b""
            if not chunk:
                raise SystemExit("FAIL: the shell ended waiting for %r; screen:\n%s"
                                 % (needle, buf.decode("utf-8", "replace")))
            buf += chunk
    mark = buf.index(needle, mark) + len(needle)


expect(b"placecheck> ")
os.write(fd, b"Charlottes")
expect(b"Charlottes")
os.write(fd, b"\x03")
expect(b"placecheck> ")  # a fresh prompt: the shell is still there
os.write(fd, b"Charlottesville\r")
expect(b"Virginia")
if b"No place called Charlottes." in buf:
    raise SystemExit("FAIL: the cancelled line was run")
os.write(fd, b"quit\r")
end = time.time() + TIMEOUT
status = None
while time.time() < end:
    r, _, _ = select.select([fd], [], [], 0.2)
    if r:
        try:
            if not os.read(fd, 4096):
                pass
        except OSError:
            pass
    done, st = os.waitpid(pid, os.WNOHANG)
    if done:
        status = st
        break
if status is None:
    os.kill(pid, 9)
    raise SystemExit("FAIL: the shell did not quit")
if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
    raise SystemExit("FAIL: the shell ended with status %r" % status)
print("ok: Ctrl-C cancelled the line; the shell went on")
