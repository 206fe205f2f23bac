#!/bin/bash
# Host-side --check -p PID of a "container" process (its own mount
# namespace: unshare -m) that exits while ctrace inspects it.  The target
# (tests/helpers/hostile --filters N MS) stacks 100 seccomp filters, so the
# inspection dumps them, and lives MS milliseconds, 0..150 at random:
# ctrace is started when the target has its filters, so the target exits
# before, during or after the inspection.  Each run must end within 20 s
# (timeout), with a verdict (status 0, 2 or 3, docs/ctrace.1: a report
# that ends with its "Verdict" line, or JSON that parses and has "summary")
# or one clear error line and status 1; no sanitizer report, no crash.
# The filters must have been judged ("Inside PID ..." or "not visible")
# in the runs where the target outlived the inspection.
. "$(dirname "$0")/lib.sh"
need_ptrace
prog=$HELPERS/hostile
[ -x "$prog" ] || fail "$prog not built"
command -v python3 >/dev/null || skip "python3 is needed to parse the JSON"
[ "$(id -u)" = 0 ] || skip "host-side inspection of another mount namespace needs root"
machine_can unshare "unshare a mount namespace" unshare -m true || exit 77
rounds=${CTRACE_HOSTSIDE_ROUNDS:-20}
rc=0 inside=0 gone=0

for ((i = 0; i < rounds; i++)); do
	ms=$((RANDOM % 801))
	[ $i = 0 ] && ms=5000	# one target outlives the inspection
	json=
	[ $((i % 2)) = 1 ] && json=--json
	unshare -m "$prog" --filters 100 "$ms" &
	t=$!
	# start the inspection once the target has its filters (or is gone)
	for _ in $(seq 200); do
		grep -q '^Seccomp_filters:[[:space:]]*100' "/proc/$t/status" 2>/dev/null && break
		kill -0 "$t" 2>/dev/null || break
		sleep 0.005
	done
	timeout 20 "$CTRACE" --check $json -p "$t" >"$TMP/out" 2>"$TMP/err"
	st=$?
	kill "$t" 2>/dev/null; wait "$t" 2>/dev/null
	what="round $i (${json:-text}, target lives ${ms} ms)"
	if grep -q -E 'AddressSanitizer|runtime error|LeakSanitizer' "$TMP/err"; then
		echo "FAIL: $what: sanitizer report:"; head -20 "$TMP/err"; rc=1; continue
	fi
	case $st in
	0 | 2 | 3)
		if [ -n "$json" ]; then
			if ! python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert "summary" in d and "inside" in d' "$TMP/out" 2>"$TMP/py"; then
				echo "FAIL: $what: status $st but the JSON does not parse or lacks summary/inside: $(tail -1 "$TMP/py")"; rc=1; continue
			fi
			python3 -c 'import json, sys; sys.exit(0 if json.load(open(sys.argv[1]))["inside"] else 1)' "$TMP/out" && inside=$((inside + 1))
		else
			if ! grep -q '^Verdict' "$TMP/out"; then
				echo "FAIL: $what: status $st but no Verdict line"; tail -5 "$TMP/out"; rc=1; continue
			fi
			grep -q '^Inside PID' "$TMP/out" && inside=$((inside + 1))
		fi
		grep -q 'not visible in ctrace' "$TMP/out" && gone=$((gone + 1))
		;;
	1)
		if [ "$(wc -l <"$TMP/err")" != 1 ] || ! grep -q "^$CTRACE: " "$TMP/err"; then
			echo "FAIL: $what: status 1 without one 'ctrace: ' error line:"; head -5 "$TMP/err"; rc=1
		fi
		;;
	124)
		echo "FAIL: $what: --check -p hangs (killed after 20 s)"; rc=1 ;;
	*)
		echo "FAIL: $what: status $st"; tail -5 "$TMP/err"; rc=1 ;;
	esac
done
# the inspection itself was exercised: some targets outlived it
if [ $rc = 0 ] && [ $inside = 0 ]; then
	echo "FAIL: no run inspected the target inside its namespace (the test exercised nothing)"; rc=1
fi
[ $rc = 0 ] && echo "ok: $rounds inspections of targets exiting at random moments: $inside inspected inside, $gone found gone, none hung"
exit $rc
