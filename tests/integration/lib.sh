# Shared helpers for integration tests (sourced).  The automake harness
# exports CTRACE (the built binary), HELPERS (built helper programs) and
# srcdir.  Exit codes: 0 pass, 1 fail, 77 skip.
set -u
: "${CTRACE:=$(cd "$(dirname "$0")/../.." && pwd)/src/ctrace}"
: "${HELPERS:=$(dirname "$CTRACE")/../tests/helpers}"
: "${srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
STRACE=${STRACE:-strace}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ctrace-test.XXXXXX")
cleanup_tmp() { rm -rf "$TMP"; }
trap cleanup_tmp EXIT

fail() { echo "FAIL: $*"; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }
pass() { echo "PASS: $*"; }
. "$srcdir/tests/ptrace.sh"

# Before asserting something that depends on the machine, prove natively
# (without ctrace) that the machine can do it.  machine_can NAME WHAT CMD...
# runs CMD alone; when it fails, prints "SKIP: WHAT ..." with its exit
# status and returns 1, so the caller leaves out exactly that check.
# CTRACE_TEST_DENY="NAME ..." makes the native run fail on purpose (a
# machine without NAME, simulated): CMD is replaced by a process that dies
# of SIGSEGV, as int $0x80 does where IA-32 emulation is off.
machine_can() {
	local name=$1 what=$2 st; shift 2
	case " ${CTRACE_TEST_DENY:-} " in
	*" $name "*) set -- sh -c 'kill -SEGV $$'; what="$what (simulated by CTRACE_TEST_DENY)" ;;
	esac
	"$@" </dev/null >/dev/null 2>&1; st=$?
	[ $st = 0 ] && return 0
	echo "SKIP: $what: the machine cannot do it natively ('$*' without ctrace exits with status $st)"
	return 1
}

need_strace() {
	command -v "$STRACE" >/dev/null 2>&1 || skip "strace is not installed (needed as the oracle)"
	"$STRACE" -o /dev/null true 2>/dev/null || skip "strace cannot trace here"
}

# Reduce a trace to "name = ret" lines: pids, addresses and numbers that
# are pids are normalised.  $1: file, $2: space-separated pids to hide.
calls_of() {
	awk -v pids="${2:-}" -f "$srcdir/tests/calls_of.awk" "$1"
}

# Trace "$@" (after --) with both tools using -ff -o, options before --
# given to both.  Leaves $TMP/$name.s.<pid> and $TMP/$name.c.<pid>, and
# the exit statuses in S_RC and C_RC.
trace_both() {
	local name=$1; shift
	local opts=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do opts+=("$1"); shift; done
	shift
	"$STRACE" -ff -o "$TMP/$name.s" "${opts[@]}" "$@" >"$TMP/$name.s.stdout" 2>"$TMP/$name.s.stderr"
	S_RC=$?
	"$CTRACE" -ff -o "$TMP/$name.c" "${opts[@]}" "$@" >"$TMP/$name.c.stdout" 2>"$TMP/$name.c.stderr"
	C_RC=$?
}

# pids of the per-process files of one tool, in numeric order
pids_of() { ls "$TMP" | sed -n "s/^$1\.\([0-9][0-9]*\)$/\1/p" | sort -n; }

# Concatenate normalised calls of every process, in pid order.  $2: the
# numbers to hide as PID (default: this tool's pids).
all_calls() {
	local prefix=$1 pids hide
	pids=$(pids_of "$prefix" | tr '\n' ' ')
	hide=${2:-$pids}
	for p in $pids; do
		echo "## process"
		calls_of "$TMP/$prefix.$p" "$hide"
	done
}

# Compare syscall names and return values of both tools' traces.  The pids
# of both runs are hidden in both traces: a value that happens to equal one
# tool's pid (read = 784 where 784 is ctrace's tracee) is then hidden on
# both sides, not on one.
compare_calls() {
	local name=$1 hide
	hide="$(pids_of "$name.s" | tr '\n' ' ')$(pids_of "$name.c" | tr '\n' ' ')"
	all_calls "$name.s" "$hide" >"$TMP/$name.s.calls"
	all_calls "$name.c" "$hide" >"$TMP/$name.c.calls"
	if ! diff -u "$TMP/$name.s.calls" "$TMP/$name.c.calls" >"$TMP/$name.diff"; then
		echo "--- strace vs +++ ctrace, syscall names and return values ($name):"
		head -40 "$TMP/$name.diff"
		return 1
	fi
	return 0
}
