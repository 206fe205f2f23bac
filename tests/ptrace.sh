# Sourced by the tests that trace (bash or POSIX sh); needs CTRACE and
# HELPERS.  need_ptrace: a test that needs tracing at all first proves
# natively (tests/helpers/canptrace: PTRACE_TRACEME, stop, PTRACE_CONT,
# without ctrace) that this machine lets a process be traced, and skips
# when it cannot.  When the machine can, a ctrace that cannot trace `true`
# is a failure of ctrace, never a skip.  CTRACE_TEST_DENY containing
# "ptrace" simulates a machine that cannot trace.
need_ptrace() {
	_st=0
	case " ${CTRACE_TEST_DENY:-} " in
	*" ptrace "*) _st=1 _why="(simulated by CTRACE_TEST_DENY)" ;;
	*)
		# our own helper, built by make check: missing is a failure
		[ -x "$HELPERS/canptrace" ] || {
			echo "FAIL: $HELPERS/canptrace not built"
			exit 1
		}
		"$HELPERS/canptrace" </dev/null >/dev/null 2>&1 || _st=$? _why="" ;;
	esac
	if [ $_st != 0 ]; then
		echo "SKIP: this machine cannot trace a process natively $_why($HELPERS/canptrace without ctrace exits with status $_st)"
		exit 77
	fi
	_err=$("$CTRACE" -o /dev/null true 2>&1 </dev/null) || {
		echo "FAIL: ctrace cannot trace 'true' where the machine can (tests/helpers/canptrace): status $?: $_err"
		exit 1
	}
}
