#!/bin/bash
# --help, -V, --list-syscalls, the man page renders, bash completion.
. "$(dirname "$0")/lib.sh"
rc=0
"$CTRACE" --help | grep -q '^Usage: ctrace' || { echo "FAIL: --help"; rc=1; }
"$CTRACE" -h | grep -q -- '--check' || { echo "FAIL: -h does not mention --check"; rc=1; }
"$CTRACE" -V | grep -q '^ctrace -- version [0-9]' || { echo "FAIL: -V"; rc=1; }
n=$("$CTRACE" --list-syscalls | wc -l); [ "$n" -gt 300 ] || { echo "FAIL: --list-syscalls gave $n names"; rc=1; }
"$CTRACE" --list-syscalls | grep -qx openat || { echo "FAIL: openat not listed"; rc=1; }
# one option table: --check after a tracing option with a value is still --check
out=$("$CTRACE" --attach 1 --check --bogus 2>&1)
[ "$out" = "$CTRACE: --check does not take option '--bogus'" ] || { echo "FAIL: --attach 1 --check: $out"; rc=1; }
out=$("$CTRACE" -X raw --check 2>&1)
[ "$out" = "$CTRACE: --check does not take option '-X'" ] || { echo "FAIL: -X raw --check: $out"; rc=1; }
out=$("$CTRACE" --check --stack-traces 2>&1)
[ "$out" = "$CTRACE: --check does not take option '--stack-traces'" ] || { echo "FAIL: --check --stack-traces: $out"; rc=1; }
if command -v man >/dev/null; then
	out=$(MANWIDTH=80 man -l "$srcdir/docs/ctrace.1" 2>&1 >/dev/null)
	[ -z "$out" ] || { echo "FAIL: man page warnings: $out"; rc=1; }
	MANWIDTH=80 man -l "$srcdir/docs/ctrace.1" 2>/dev/null | grep -q 'CHECK REPORT' || { echo "FAIL: man page does not render"; rc=1; }
else
	echo "SKIP: man page rendering: man is not installed"
fi
if [ -r /usr/share/bash-completion/bash_completion ]; then
	comp() { # words... -> completions of the last word
		PATH="$(dirname "$CTRACE"):$PATH" bash -c '
			source /usr/share/bash-completion/bash_completion
			source "$0"
			COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
			_ctrace ctrace "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
			printf "%s\n" "${COMPREPLY[@]}"' "$srcdir/contrib/ctrace.bash-completion" "$@"
	}
	comp ctrace -e trace=opena | grep -qx 'trace=openat' || { echo "FAIL: completion of trace=opena"; comp ctrace -e trace=opena; rc=1; }
	comp ctrace -e trace=read,%fi | grep -qx 'trace=read,%file' || { echo "FAIL: completion of a class after a comma"; rc=1; }
	comp ctrace --no-as | grep -qx -- '--no-aslr' || { echo "FAIL: completion of --no-as"; rc=1; }
	comp ctrace -S cal | grep -qx calls || { echo "FAIL: completion of -S"; rc=1; }
else
	echo "SKIP: completion: bash-completion is not installed"
fi
[ $rc = 0 ] && echo "ok: cli"
exit $rc
