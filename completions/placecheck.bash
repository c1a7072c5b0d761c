# bash completion for placecheck.  Installed by `make install` as
# $(PREFIX)/share/bash-completion/completions/placecheck; to try it from a
# source tree: source completions/placecheck.bash
#
# Commands, options and formats are listed here by hand;
# tests/cli/completion.sh fails when `placecheck help` or a command's
# --help names one that is missing.  Rule ids (for `help RULE`) and place
# names (for `query`) are asked of placecheck itself.  Needs nothing from
# the bash-completion package.

_placecheck_commands="check load query shell config serve lsp help"
# A new command gets a word above, a line in _placecheck_opts and, if its
# arguments need it, a case in _placecheck below.
_placecheck_formats="text json gcc sarif rdjsonl github"
_placecheck_global="--db --color --color=auto --color=always --color=never --no-color --quiet -q --version --help"

_placecheck_opts() {
	case $1 in
	check) echo "--format -f --input -i --fail-on --min-level --min-confidence --no-quotes --jobs -j --glob --ndjson --config --no-config --quiet -q --color --db --help" ;;
	load) echo "--db --strict --add --replace --force --feature-classes --csv --columns --geodata --help" ;;
	query) echo "--in --like --near --radius --prefix --json --long -v --limit --db --help" ;;
	shell) echo "--limit --long -v --db --help" ;;
	config) echo "--config --no-config --db --help" ;;
	serve) echo "--bind -b --port -p --jobs -j --max-body --time-limit --access-log --db --help" ;;
	lsp) echo "--stdio --db --help" ;;
	help) echo "" ;;
	esac
}

_placecheck() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev= cmd= i w
	local -a db=()
	[ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD - 1]}
	COMPREPLY=()
	# The command: the first word that is not an option (nor --db's
	# argument); --db is kept for asking placecheck about place names.
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		--db) ((i++)); db=(--db "${COMP_WORDS[i]}") ;;
		--db=*) db=("$w") ;;
		-*) ;;
		*) [ -n "$cmd" ] || cmd=$w ;;
		esac
	done
	# Arguments of options.
	case $prev in
	--db | --config | -c | --access-log)
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	--format | -f)
		COMPREPLY=($(compgen -W "$_placecheck_formats" -- "$cur"))
		return ;;
	--input | -i)
		[ "$cmd" = check ] && { COMPREPLY=($(compgen -W "text markdown html" -- "$cur")); return; } ;;
	--fail-on)
		COMPREPLY=($(compgen -W "error warning suggestion never" -- "$cur"))
		return ;;
	--min-level)
		COMPREPLY=($(compgen -W "error warning suggestion" -- "$cur"))
		return ;;
	--geodata)
		COMPREPLY=($(compgen -d -- "$cur"))
		return ;;
	--feature-classes)
		COMPREPLY=($(compgen -W "P,A all A H L P R S T U V" -- "$cur"))
		return ;;
	--jobs | -j | --min-confidence | --limit | --radius | --columns | --prefix | --near | --in | --glob | \
		--bind | -b | --port | -p | --max-body | --time-limit)
		return ;;
	esac
	case $cur in
	--format=*)
		COMPREPLY=($(compgen -P --format= -W "$_placecheck_formats" -- "${cur#--format=}"))
		return ;;
	--color=*)
		COMPREPLY=($(compgen -P --color= -W "auto always never" -- "${cur#--color=}"))
		return ;;
	esac
	if [ -z "$cmd" ]; then
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "$_placecheck_global" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$_placecheck_commands" -- "$cur"))
		fi
		return
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_placecheck_opts "$cmd")" -- "$cur"))
		return
	fi
	case $cmd in
	check | c | config | load)
		COMPREPLY=($(compgen -f -- "$cur")) ;;
	help)
		local rules
		rules=$("${COMP_WORDS[0]}" help rules 2>/dev/null | sed -n 's/^\([a-z][a-z-]*\) ([a-z]*)$/\1/p')
		COMPREPLY=($(compgen -W "$_placecheck_commands rules formats $rules" -- "$cur")) ;;
	query | q)
		# Place names from the gazetteer, one per line ("New York" stays whole).
		[ -n "$cur" ] || return
		local IFS=$'\n'
		COMPREPLY=($("${COMP_WORDS[0]}" "${db[@]}" query --prefix "$cur" --limit 30 2>/dev/null))
		;;
	esac
}
complete -o default -F _placecheck placecheck
