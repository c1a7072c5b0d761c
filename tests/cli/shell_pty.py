#!/usr/bin/env python3
"""Drive `placecheck shell` through a real pseudo-terminal (issue 5).

Checks what only a terminal shows: the prompt, TAB completing
"Charlottesv" to "Charlottesville", and history surviving a restart
(the up arrow recalls the last session's line).  HOME and XDG_DATA_HOME
point at a temporary directory.  Usage: shell_pty.py BIN DB TMPDIR
"""
import os
import pty
import select
import sys
import time

BIN, DB, TMP = sys.argv[1], sys.argv[2], sys.argv[3]
TIMEOUT = 20.0


# libedit's el_set(EL_ADDFN) keeps wcsdup() copies of the function's name
# and help that el_end() never frees (176 bytes, once per process): not
# ours, so LeakSanitizer is told to let exactly that pass.
SUPP = os.path.join(TMP, "lsan.supp")
with open(SUPP, "w") as f:
    f.write("leak:wcsdup\nleak:libedit.so\n")


def spawn():
    lsan = os.environ.get("LSAN_OPTIONS", "")
    env = dict(os.environ, HOME=TMP, XDG_DATA_HOME=os.path.join(TMP, "xdg"),
               TERM="xterm", NO_COLOR="1", LC_ALL="C.UTF-8",
               LSAN_OPTIONS=(lsan + ":" if lsan else "") + "suppressions=" + SUPP)
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(BIN, [BIN, "--db", DB, "shell"], env)
    return pid, fd


class Screen:
    """What the shell printed, and how far the test has read it."""

    def __init__(self, fd):
        self.fd, self.buf, self.mark = fd, b"", 0

    def expect(self, needle):
        """Wait until NEEDLE appears after the last match; move past it."""
        end = time.time() + TIMEOUT
        while needle not in self.buf[self.mark:]:
            left = end - time.time()
            if left <= 0:
                raise SystemExit("FAIL: timed out waiting for %r; screen so far:\n%s"
                                 % (needle, self.buf.decode("utf-8", "replace")))
            r, _, _ = select.select([self.fd], [], [], left)
            if r:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise SystemExit("FAIL: shell exited waiting for %r; screen:\n%s"
                                     % (needle, self.buf.decode("utf-8", "replace")))
                self.buf += chunk
        self.mark = self.buf.index(needle, self.mark) + len(needle)


def finish(pid, fd, scr):
    os.write(fd, b"quit\r")
    end = time.time() + TIMEOUT
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            scr.buf += chunk
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    else:
        os.kill(pid, 9)
        raise SystemExit("FAIL: shell did not quit")
    if not done:
        done, status = os.waitpid(pid, 0)
    if os.WEXITSTATUS(status) != 0:
        raise SystemExit("FAIL: shell exited %d; screen:\n%s"
                         % (os.WEXITSTATUS(status), scr.buf[scr.mark:].decode("utf-8", "replace")))
    os.close(fd)


# Session 1: TAB completes a place name.
pid, fd = spawn()
scr = Screen(fd)
scr.expect(b"placecheck> ")
os.write(fd, b"Charlottesv\t")
# The editor redraws only what changed: the rest of the word.
scr.expect(b"ille")
os.write(fd, b"\r")
# What ran was the completed name (uncompleted, "Charlottesv" finds nothing).
scr.expect(b"Charlottesville: ")
scr.expect(b"Charlottesville, Virginia (Va.)")
# TAB after "in " completes a region name.
scr.expect(b"placecheck> ")
os.write(fd, b"in North Caro\t")
scr.expect(b"lina")
os.write(fd, b"\r")
scr.expect(b"No Charlottesville in North Carolina.")
scr.expect(b"placecheck> ")
finish(pid, fd, scr)

hist = os.path.join(TMP, "xdg", "placecheck", "history")
if not os.path.exists(hist):
    raise SystemExit("FAIL: no history file at %s" % hist)
with open(hist, "rb") as f:
    if b"Charlottesville" not in f.read():
        raise SystemExit("FAIL: the history file does not hold the completed line")

# Session 2: history survives the restart.  Up three times: past "quit"
# and "in North Carolina" to "Charlottesville"; Enter runs it again.
pid, fd = spawn()
scr = Screen(fd)
scr.expect(b"placecheck> ")
os.write(fd, b"\x1b[A")
scr.expect(b"quit")
os.write(fd, b"\x1b[A")
scr.expect(b"North Carolina")
os.write(fd, b"\x1b[A")
scr.expect(b"Charlottesville")
os.write(fd, b"\r")
scr.expect(b"Charlottesville: ")
scr.expect(b"placecheck> ")
finish(pid, fd, scr)
print("1 passed, 0 failed")
