#!/bin/sh
# color.sh: when text output is coloured (issue 17, 2026-12-05: TERM=dumb
# still got colour, and there was no --color).  On a terminal colour is on
# unless NO_COLOR is set or TERM is dumb or unset; --color=always|never|auto
# (before or after the command) overrides; off a terminal it is off unless
# --color=always.  The terminal is a real pseudo-terminal (python3 pty).
. "$(dirname "$0")/lib.sh"
art="$top/tests/cases/sample-rally.md"

# tty ENV... -- ARGS...: run placecheck on a pseudo-terminal; print 1 if
# the output holds an escape sequence, 0 if not.
tty() {
	python3 - "$P" "$@" <<'PY'
import os, pty, sys
args = sys.argv[1:]
binary, rest = args[0], args[1:]
cut = rest.index("--")
env = dict(os.environ)
for k in ("NO_COLOR", "TERM"):
    env.pop(k, None)
for kv in rest[:cut]:
    k, v = kv.split("=", 1)
    env[k] = v
pid, fd = pty.fork()
if pid == 0:
    os.execve(binary, [binary] + rest[cut + 1:], env)
out = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
print(1 if b"\033[" in out else 0)
PY
}
pipe() { # ARGS...: 1 if the piped output holds an escape sequence
	if "$P" "$@" 2>/dev/null | grep -q "$(printf '\033')\["; then echo 1; else echo 0; fi
}
chk="--db $DB check --no-config --fail-on never"

[ "$(tty TERM=xterm -- $chk "$art")" = 1 ] || fail "a terminal with TERM=xterm gets no colour"
[ "$(tty TERM=dumb -- $chk "$art")" = 0 ] || fail "TERM=dumb gets colour"
[ "$(tty -- $chk "$art")" = 0 ] || fail "no TERM gets colour"
[ "$(tty TERM=xterm NO_COLOR=1 -- $chk "$art")" = 0 ] || fail "NO_COLOR=1 gets colour"
[ "$(tty TERM=xterm NO_COLOR= -- $chk "$art")" = 1 ] || fail "an empty NO_COLOR turns colour off"
[ "$(tty TERM=xterm -- $chk --color=never "$art")" = 0 ] || fail "--color=never on a terminal"
[ "$(tty TERM=xterm -- --no-color $chk "$art")" = 0 ] || fail "--no-color before the command"
[ "$(tty TERM=dumb -- $chk --color=always "$art")" = 1 ] || fail "--color=always with TERM=dumb"
[ "$(tty TERM=xterm -- --db "$DB" query Springfield)" = 1 ] || fail "query on a terminal gets no colour"
[ "$(tty TERM=dumb -- --db "$DB" query Springfield)" = 0 ] || fail "query with TERM=dumb gets colour"

[ "$(pipe $chk -f text "$art")" = 0 ] || fail "colour in a pipe"
[ "$(pipe $chk -f text --color=always "$art")" = 1 ] || fail "--color=always in a pipe"
[ "$(pipe --color $chk -f text "$art")" = 1 ] || fail "--color (always) before the command"
[ "$(pipe $chk -f text --color=auto "$art")" = 0 ] || fail "--color=auto in a pipe"
[ "$(pipe $chk -f json --color=always "$art")" = 0 ] || fail "--color=always colours json"

"$P" $chk --color=sometimes "$art" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || fail "--color=sometimes: exit status"
grep -q "placecheck: error: --color takes auto, always or never, not 'sometimes'" "$tmp/err" || { fail "--color=sometimes message"; cat "$tmp/err"; }
[ $fails -eq 0 ] || exit 1
echo "color: ok"
