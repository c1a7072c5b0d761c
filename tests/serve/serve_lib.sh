# Sourced by the serve tests: start `placecheck serve` on a free loopback
# port (--port 0: the kernel picks it, the server prints it) and stop it.
#
#   serve_start NAME [serve options...]   sets $port and $serve_pid; the
#                                         server's stderr goes to $tmp/NAME.err
#   serve_stop                            SIGTERM, wait; returns its exit status
#
# Needs $P, $DB and $tmp (tests/cli/lib.sh).  The wait for the address is
# bounded (30 s, for the sanitizer build on a busy machine) and ends early
# if the server dies.
serve_start() {
	serve_name=$1
	shift
	: >"$tmp/$serve_name.err"
	"$P" --db "$DB" serve --port 0 "$@" 2>"$tmp/$serve_name.err" &
	serve_pid=$!
	port=
	n=0
	while [ $n -lt 300 ]; do
		port=$(sed -n 's/^placecheck: listening on http:\/\/[^ ]*:\([0-9][0-9]*\)\/ .*/\1/p' "$tmp/$serve_name.err")
		[ -n "$port" ] && return 0
		kill -0 "$serve_pid" 2>/dev/null || break
		sleep 0.1
		n=$((n + 1))
	done
	echo "FAIL: the server did not start:"
	cat "$tmp/$serve_name.err"
	kill "$serve_pid" 2>/dev/null
	exit 1
}

serve_stop() {
	kill -TERM "$serve_pid" 2>/dev/null
	wait "$serve_pid"
}
