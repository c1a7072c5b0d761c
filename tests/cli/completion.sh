#!/bin/sh
# completion.sh: the bash and zsh completion scripts (completions/; issue
# 17, 2026-12-05).  bash: real completions through _placecheck with
# COMP_WORDS set (commands, options, formats, rule ids, place names from
# the gazetteer).  Both: every command of `placecheck help`, every long
# option of each command's --help and every format of `help formats` is in
# the script, so a new command or option (serve, lsp: issue 15) cannot be
# forgotten.  zsh: syntax, and its helpers through stubs of the completion
# system (driving a real interactive zsh needs timing; this does not).
. "$(dirname "$0")/lib.sh"
bashc="$top/completions/placecheck.bash"
zshc="$top/completions/_placecheck"
mkdir "$tmp/bin" && ln -s "$P" "$tmp/bin/placecheck"
export PATH="$tmp/bin:$PATH" PLACECHECK_DB="$DB"

# ---- drift: what the program names, the scripts name ------------------------
"$P" help | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z]*\) .*/\1/p' >"$tmp/commands"
[ "$(wc -l <"$tmp/commands")" -ge 6 ] || fail "read too few commands from 'placecheck help'"
for c in $(cat "$tmp/commands"); do
	grep -q "^_placecheck_commands=\".*\\b$c\\b" "$bashc" || fail "bash: command $c missing from _placecheck_commands"
	grep -q "^		'$c:" "$zshc" || fail "zsh: command $c missing from commands=()"
	[ "$c" = help ] && continue # its --help lists topics, not options
	for opt in $("$P" "$c" --help 2>/dev/null | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
		[ "$opt" = --help ] && continue
		grep -q "^	$c) echo \".*$opt\\b" "$bashc" || fail "bash: $c $opt missing from _placecheck_opts"
		grep -q -- "'$opt\\|,$opt\\|$opt=" "$zshc" || fail "zsh: $c $opt missing"
	done
done
for f in $("$P" help formats | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p'); do
	grep -q "^_placecheck_formats=\".*\\b$f\\b" "$bashc" || fail "bash: format $f missing"
	grep -q "^_placecheck_formats=(.*\\b$f\\b" "$zshc" || fail "zsh: format $f missing"
done

# ---- bash: what TAB offers ---------------------------------------------------
comp() { # WORDS...: what bash would offer for the last word
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _placecheck; printf "%s\n" "${COMPREPLY[@]}"' \
		sh "$bashc" "$@" | sort | tr '\n' ' ' | sed 's/ $//'
}
[ "$(comp placecheck "")" = "$(sort "$tmp/commands" | tr '\n' ' ' | sed 's/ $//')" ] || fail "bash: commands: $(comp placecheck "")"
[ "$(comp placecheck serve --p)" = "--port" ] || fail "bash: serve --p"
[ "$(comp placecheck ch)" = "check" ] || fail "bash: ch"
[ "$(comp placecheck check --form)" = "--format" ] || fail "bash: check --form"
[ "$(comp placecheck check -f "")" = "gcc github json rdjsonl sarif text" ] || fail "bash: -f: $(comp placecheck check -f "")"
[ "$(comp placecheck check --format=rd)" = "--format=rdjsonl" ] || fail "bash: --format=rd"
[ "$(comp placecheck --db "$DB" query --lo)" = "--long" ] || fail "bash: query --lo"
[ "$(comp placecheck --color=ne)" = "--color=never" ] || fail "bash: --color=ne"
[ "$(comp placecheck check --fail-on "")" = "error never suggestion warning" ] || fail "bash: --fail-on"
[ "$(comp placecheck help lookalike-)" = "lookalike-context lookalike-pair" ] || fail "bash: help RULE: $(comp placecheck help lookalike-)"
comp placecheck --db "$DB" query Charlottesv | grep -qw Charlottesville || fail "bash: query place names"
bash -c '. "$1"; COMP_WORDS=(placecheck query "New Yor"); COMP_CWORD=2; _placecheck; printf "%s\n" "${COMPREPLY[@]}"' sh "$bashc" >"$tmp/ny"
grep -qx "New York" "$tmp/ny" || fail "bash: 'New York' not offered whole"

# ---- zsh -------------------------------------------------------------------
if command -v zsh >/dev/null 2>&1; then
	zsh -n "$zshc" || fail "zsh: syntax"
	cat >"$tmp/stub.zsh" <<'EOF2'
compadd() { [[ $1 == -a ]] && print -rl -- "${(@P)2}" }
_call_program() { shift; "$@" }
_arguments() { : }
_describe() { : }
source $1
_placecheck_prog=placecheck _placecheck_db=
print -- "--- help"
_placecheck_help_topics
print -- "--- places"
PREFIX=Charlottesv
_placecheck_places
EOF2
	zsh -f "$tmp/stub.zsh" "$zshc" >"$tmp/zout" 2>&1 || fail "zsh: helpers failed"
	sed -n '/^--- help/,/^--- places/p' "$tmp/zout" | grep -qx "stale-suppression" || fail "zsh: help topics lack the rules"
	sed -n '/^--- help/,/^--- places/p' "$tmp/zout" | grep -qx "formats" || fail "zsh: help topics lack formats"
	sed -n '/^--- places/,$p' "$tmp/zout" | grep -qx "Charlottesville" || fail "zsh: place names"
else
	echo "zsh not installed: zsh checks skipped (scripts/install-deps.sh installs it)"
fi
[ $fails -eq 0 ] || exit 1
echo "completion: ok"
