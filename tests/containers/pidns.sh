#!/bin/bash
# Tracing a container's processes from the host: both pids are shown,
# [pid HOST (ctr NS)] on stderr, "HOST (ctr NS) " in -o files, and the
# attach message names the namespace pid.
. "$(dirname "$0")/../integration/lib.sh"
. "$srcdir/tests/engine.sh"
podman_works || exit 77
# shellcheck disable=SC2086
cid=$(podman --runtime runc run $PODMAN_RUN_OPTS -d --rootfs /:O sh -c 'while true; do sleep 0.1; done' 2>"$TMP/perr") ||
	fail "podman ran a container but cannot start this one: $(cat "$TMP/perr")"
trap 'podman kill "$cid" >/dev/null 2>&1; cleanup_tmp' EXIT
hostpid=$(podman inspect --format '{{.State.Pid}}' "$cid")
[ -n "$hostpid" ] && [ "$hostpid" != 0 ] || { echo "FAIL: no host pid for the container"; exit 1; }
rc=0
timeout -s INT 2 "$CTRACE" -f -e trace=execve,wait4 -o "$TMP/out" -p "$hostpid" 2>"$TMP/err"
grep -q "^$CTRACE: Process $hostpid (pid 1 in its pid namespace) attached\$" "$TMP/err" ||
	{ echo "FAIL: attach message without the namespace pid:"; cat "$TMP/err"; rc=1; }
# -f -o FILE: "PID (ctr NSPID) " before every line
grep -q "^$hostpid  *(ctr 1) " "$TMP/out" || { echo "FAIL: no '$hostpid (ctr 1)' prefix"; head -5 "$TMP/out"; rc=1; }
grep -q '^[0-9][0-9]*  *(ctr [0-9]*) execve("/usr/bin/sleep"' "$TMP/out" ||
	{ echo "FAIL: the container's children are not shown with both pids"; head -5 "$TMP/out"; rc=1; }
grep -q "detached" "$TMP/err" || { echo "FAIL: not detached"; rc=1; }
[ $rc = 0 ] && echo "ok: host pid $hostpid shown as (ctr 1); $(grep -c execve "$TMP/out") execs of children seen"
exit $rc
