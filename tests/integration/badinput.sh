#!/bin/bash
# Bad input: one clear "ctrace: ..." line on stderr, exit status 1, nothing
# left running, never a crash.
. "$(dirname "$0")/lib.sh"
rc=0
expect_error() {
	local pattern=$1; shift
	"$CTRACE" "$@" >"$TMP/out" 2>"$TMP/err"
	local st=$?
	if [ $st != 1 ]; then
		echo "FAIL: ctrace $*: exit status $st, expected 1"; rc=1
	elif [ "$(grep -vcx "Try '$CTRACE -h' for more information." "$TMP/err")" != 1 ]; then
		# (a usage error adds strace's "Try 'NAME -h' ..." line)
		echo "FAIL: ctrace $*: expected one error line, got:"; cat "$TMP/err"; rc=1
	elif ! grep -q "^$CTRACE: $pattern" "$TMP/err"; then
		echo "FAIL: ctrace $*: message '$(cat "$TMP/err")' does not match '$pattern'"; rc=1
	else
		echo "ok: ctrace $* -> $(cat "$TMP/err")"
	fi
}
expect_error "invalid option -- 'j'" -j true
expect_error "unrecognized option '--bogus'" --bogus true
expect_error "must have PROG \[ARGS\] or -p PID" 
expect_error "must have PROG \[ARGS\] or -p PID" -f
expect_error "Can't stat 'no-such-program-xyz': No such file or directory" no-such-program-xyz
expect_error "Can't stat '/nonexistent/prog': No such file or directory" /nonexistent/prog
expect_error "invalid system call 'nosuchcall'" -e trace=nosuchcall true
expect_error "invalid system call '%nosuchclass'" -e trace=%nosuchclass true
expect_error "invalid -s argument: 'abc'" -s abc true
expect_error "Invalid process id: 'abc'" -p abc
expect_error "Invalid process id: '0'" -p 0
expect_error "option requires an argument -- 'p'" -p
expect_error "Can't fopen '/nonexistent-dir/out': No such file or directory" -o /nonexistent-dir/out true
# -ff: the file of the first process cannot be made: exit 1 as strace,
# never a trace to nowhere with status 0
expect_error "Can't fopen '/nonexistent-dir/out\.[0-9]*': No such file or directory" -ff -o /nonexistent-dir/out true
# a pid that does not exist
pid=4194303; while kill -0 $pid 2>/dev/null; do pid=$((pid - 1)); done
expect_error "cannot attach to PID $pid: no process $pid is visible" -p $pid
# nothing was started: no stray 'true' children of ours
[ -z "$(pgrep -P $$ true)" ] || { echo "FAIL: processes left running"; rc=1; }
exit $rc
