#!/bin/sh
# Enforce the one-way dependency rule of the pipeline (STYLE.md "Layout"):
# a stage may include base/, db/ and the stages before it, never later ones.
# The order is the data flow of DESIGN.md; load/ and query/ sit beside it.
# Prints each violation and exits 1 if there is any.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top/src" || exit 2
order="base db load read scan match context resolve detect check report config query serve lsp cli"
rank() {
	i=0
	for s in $order; do
		[ "$s" = "$1" ] && { echo $i; return; }
		i=$((i + 1))
	done
	echo 99
}
bad=0
for dir in */; do
	stage=${dir%/}
	r=$(rank "$stage")
	for f in "$stage"/*.c "$stage"/*.h; do
		[ -f "$f" ] || continue
		for inc in $(sed -n 's/^#include "\([a-z_]*\)\/.*"/\1/p' "$f"); do
			ri=$(rank "$inc")
			if [ "$ri" -gt "$r" ]; then
				echo "layer violation: $f includes $inc/ (a later stage)"
				bad=1
			fi
		done
		# only db/ talks to SQLite; only cli/ and main.c print
		if [ "$stage" != db ] && grep -q '#include <sqlite3.h>' "$f"; then
			echo "layer violation: $f includes sqlite3.h (only db/ may)"
			bad=1
		fi
		case "$stage" in cli|base) ;; *)
			if grep -nE '\b(printf|puts|fputs|fprintf|exit)\(' "$f" | grep -v 'snprintf\|vsnprintf' | grep -q .; then
				echo "layer violation: $f prints or exits (only src/cli/ may):"
				grep -nE '\b(printf|puts|fputs|fprintf|exit)\(' "$f" | grep -v 'snprintf' | head -3
				bad=1
			fi ;;
		esac
	done
done
[ $bad -eq 0 ] && echo "layers ok"
exit $bad
