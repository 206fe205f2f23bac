#!/bin/bash
# A check that cannot fail is a defect.  Key test scripts are run against
# mutants of ctrace -- a wrapper that corrupts its trace output, its JSON,
# its exit status, crashes, or rejects --check as an unknown option -- and
# must FAIL (exit 1): never pass, never skip.  And machines that lack
# something are simulated (CTRACE_TEST_DENY: the native proof fails): the
# test then skips exactly what needs it, or fails under CI=true where .ci/run
# installed it.
#
# The wrapper's mutations:
#   crash          dies of SIGSEGV before running anything
#   status=N       runs ctrace, exits N
#   usage          "ctrace: unrecognized option '--check'" and exit 1 for --check
#   sed:EXPR       runs ctrace, then applies sed EXPR to its -o file(s) and stderr
#   sedout:EXPR    the same on its stdout
. "$(dirname "$0")/lib.sh"
# tests/run-all.sh runs it once per CI run, in the normal build
[ "${CTRACE_SKIP_MUTANTS:-0}" = 1 ] && skip "CTRACE_SKIP_MUTANTS=1 (already run in the normal build of this CI run)"
need_ptrace
rc=0
# mutant_of MUTATION: a wrapper with the mutation written in (containers
# do not inherit the environment); prints its path
n_mut=0
mutant_of() {
	n_mut=$((n_mut + 1))
	local w=$TMP/ctrace-mutant-$n_mut
	printf '#!/bin/bash\nreal=%q\nmut=%q\n' "$CTRACE" "$1" >"$w"
	cat >>"$w" <<'EOF_MUT'
outs=() prev=
for a; do
	[ "$prev" = -o ] && outs+=("$a")
	case $a in -o?*) outs+=("${a#-o}") ;; --output=*) outs+=("${a#--output=}") ;; esac
	prev=$a
done
case $mut in
crash) kill -SEGV $$ ;;
status=*) "$real" "$@"; exit "${mut#status=}" ;;
usage)
	for a; do [ "$a" = --check ] && { echo "ctrace: unrecognized option '--check'" >&2; exit 1; }; done
	exec "$real" "$@" ;;
sed:*|sedout:*)
	e=${mut#*:} tmp=$(mktemp -d)
	"$real" "$@" >"$tmp/out" 2>"$tmp/err"; st=$?
	if [ "${mut%%:*}" = sed ]; then
		for o in "${outs[@]}"; do for f in "$o" "$o".[0-9]*; do [ -f "$f" ] && sed -i -e "$e" "$f"; done; done
		sed -e "$e" "$tmp/err" >&2; cat "$tmp/out"
	else
		sed -e "$e" "$tmp/out"; cat "$tmp/err" >&2
	fi
	rm -rf "$tmp"; exit $st ;;
esac
EOF_MUT
	chmod 755 "$w"; chmod 755 "$TMP"
	echo "$w"
}

# expect STATUS WHAT SCRIPT [VAR=VALUE...]: run SCRIPT (as make check
# would) with the environment given; its exit status must be STATUS
expect() {
	local want=$1 what=$2 script=$3 st; shift 3
	env "$@" bash "$srcdir/$script" >"$TMP/log" 2>&1 </dev/null; st=$?
	if [ "$st" = "$want" ]; then
		echo "ok: $script $what: status $st ($(grep -m1 -E '^(FAIL|SKIP)' "$TMP/log" | cut -c1-150))"
	else
		echo "FAIL: $script $what: status $st, expected $want"; tail -15 "$TMP/log"; rc=1
	fi
}
mutant() { # WHAT SCRIPT MUTATION [VAR=VALUE...]: must fail
	local what=$1 script=$2 m=$3; shift 3
	expect 1 "against a ctrace that $what" "$script" CTRACE="$(mutant_of "$m")" "$@"
}

# a ctrace that crashes is a failure, not "cannot trace here"
mutant crashes tests/integration/options.sh crash
mutant crashes tests/integration/stack.sh crash
mutant crashes tests/diff/diff.sh crash
# exit status
mutant "exits 0" tests/integration/exitstatus.sh status=0
mutant "exits 0" tests/integration/preflight.sh status=0
# -f -o lines start with a pid: checks on them see the pid
mutant "writes no space after the pid" tests/integration/follow.sh 'sed:s/^\([0-9][0-9]*\)  */\1/'
# the frame at the return of execve is the new program's (stack.sh used to
# grep "^execve(" in a -f -o trace, which could never match)
mutant "shows a stale frame after execve" tests/integration/stack.sh \
	'sed:/execve("[^"]*stackcalls"/{n;s/(_start+0x0)/(_start+0x4)/}'
# return values against strace
mutant "returns 4 instead of 3" tests/integration/basic.sh 'sed:s/) *= 3$/) = 4/'
# JSON: a field only the schema checks (python3-jsonschema)
if python3 -c 'import jsonschema' 2>/dev/null; then
	mutant 'prints "nr" as a string' tests/integration/json.sh 'sed:s/"nr":\([0-9]*\)/"nr":"\1"/'
	mutant 'prints "exit_status" as a string' tests/integration/check-json.sh \
		'sedout:s/"exit_status":\([0-9]*\)/"exit_status":"\1"/'
else
	echo "SKIP: schema mutants: python3-jsonschema is not installed"
fi

# machines that lack something, simulated
expect 77 "on a machine that cannot trace" tests/integration/stack.sh CTRACE_TEST_DENY=ptrace
expect 1 "under CI=true without a JSON-schema validator" tests/integration/check-json.sh CI=true CTRACE_TEST_DENY=jsonschema
expect 77 "without a JSON-schema validator" tests/integration/check-json.sh CI= CTRACE_TEST_DENY=jsonschema
expect 0 "without int \$0x80 (the check is skipped, the rest runs)" tests/integration/json.sh CTRACE_TEST_DENY=int80
grep -q '^SKIP: personality event (int \$0x80.*simulated by CTRACE_TEST_DENY' "$TMP/log" ||
	{ echo "FAIL: json.sh did not say it skipped the int \$0x80 check"; rc=1; }
expect 77 "without qemu-system-x86" tests/x86vm/run.sh CI= CTRACE_TEST_DENY=qemu
expect 1 "under CI=true without qemu-system-x86" tests/x86vm/run.sh CI=true CTRACE_TEST_DENY=qemu

# containers: a usage error of ctrace --check is a failure, and so is a
# podman that is installed but broken under CI=true
. "$srcdir/tests/engine.sh"
if [ "$(id -u)" = 0 ] && podman_works; then
	mutant "rejects --check" tests/containers/podman-default.sh usage
	expect 1 "under CI=true with a broken podman" tests/containers/pidns.sh CI=true CTRACE_TEST_DENY=podman
	grep -q "said: .*nonexistent" "$TMP/log" || { echo "FAIL: podman's own error is not printed"; rc=1; }
	expect 77 "with a broken podman" tests/containers/pidns.sh CI= CTRACE_TEST_DENY=podman
fi
[ $rc = 0 ] && echo "ok: every mutant was caught"
exit $rc
