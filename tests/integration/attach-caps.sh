#!/bin/bash
# A non-root tracer with CAP_SYS_PTRACE (ambient, as with setcap or a
# Kubernetes securityContext) may attach to another user's process, although
# it may not open that process's /proc/PID/mem (the file is 0600, owned by
# the target: EACCES from the file's mode, before the kernel's ptrace check).
# --check -p's attach-pid verdict and the preflight of ctrace -p must equal
# what really happens: strace -p (the oracle) and ctrace -p attaching.
. "$(dirname "$0")/lib.sh"
need_strace
[ "$(id -u)" = 0 ] || skip "needs root to run the tracer and the target as other users (setpriv)"
command -v setpriv >/dev/null || skip "setpriv (util-linux) is not installed"
machine_can ambient "an ambient CAP_SYS_PTRACE for uid 1000" \
		setpriv --reuid 1000 --regid 1000 --clear-groups --inh-caps +sys_ptrace \
		--ambient-caps +sys_ptrace true || exit 77

pids=()
cleanup() { { kill -9 "${pids[@]}"; wait "${pids[@]}"; } 2>/dev/null; cleanup_tmp; }
trap cleanup EXIT
rc=0

# as USER CAP: the command prefix in AS that runs as uid USER, with an
# ambient CAP unless CAP is -
as() {
	AS=(setpriv --reuid "$1" --regid "$1" --clear-groups)
	[ "$2" = - ] || AS+=(--inh-caps "+$2" --ambient-caps "+$2")
}

# attaches NAME USER CAP TOOL...: 0 when TOOL -p TARGET (run as USER) says
# "Process TARGET attached" before it ends; interrupted then.
attaches() {
	local name=$1 uid=$2 cap=$3 tp; shift 3
	as "$uid" "$cap"
	"${AS[@]}" "$@" -e trace=none -p "$target" >/dev/null 2>"$TMP/$name" & tp=$!
	for _ in $(seq 400); do
		grep -q "Process $target attached" "$TMP/$name" && break
		kill -0 $tp 2>/dev/null || break
		sleep 0.05
	done
	kill -INT $tp 2>/dev/null; wait $tp
	grep -q "Process $target attached" "$TMP/$name" || return 1
	# detached: the target is left untraced and running (a tracer without
	# CAP_KILL may not signal it: strace's detach says tkill EPERM)
	local st
	st=$(awk '/^(State|TracerPid):/ {printf "%s ", $2}' /proc/$target/status)
	case $st in
	"S 0 " | "R 0 ") ;;
	*) echo "FAIL: $name: after the detach the target is left '$st' (State TracerPid)"; rc=1 ;;
	esac
}

# target uid 1001; tracers: uid 1000 with and without CAP_SYS_PTRACE, uid
# 1001 (the same user)
setpriv --reuid 1001 --regid 1001 --clear-groups sleep 300 & target=$!; pids+=($target)
for _ in $(seq 100); do [ "$(awk '/^Uid:/ {print $2}' /proc/$target/status)" = 1001 ] && break; sleep 0.05; done

printf '%-28s %-10s %-10s %-10s\n' tracer predicted strace ctrace
for row in "1000 sys_ptrace" "1000 -" "1001 -"; do
	set -- $row; uid=$1 cap=$2; name="uid$uid-$cap"
	as "$uid" "$cap"
	"${AS[@]}" "$CTRACE" --check --json -p "$target" >"$TMP/$name.json" 2>"$TMP/$name.err"
	pred=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print({m["name"]: m["verdict"] for m in d["modes"]}["attach-pid"])' "$TMP/$name.json") ||
		{ echo "FAIL: $name: no attach-pid verdict"; cat "$TMP/$name.err"; rc=1; continue; }
	real=fails; attaches "$name.s" "$uid" "$cap" "$STRACE" && real=ok
	got=fails; attaches "$name.c" "$uid" "$cap" "$CTRACE" && got=ok
	printf '%-28s %-10s %-10s %-10s\n' "uid $uid, ambient cap: $cap" "$pred" "$real" "$got"
	[ "$pred" = "$real" ] || { echo "FAIL: $name: --check predicts $pred, strace -p $real"; rc=1; }
	[ "$got" = "$real" ] || { echo "FAIL: $name: ctrace -p $got, strace -p $real"; cat "$TMP/$name.c"; rc=1; }
	if [ "$real" = fails ] && ! grep -q "needs CAP_SYS_PTRACE, which ctrace lacks" "$TMP/$name.c"; then
		echo "FAIL: $name: ctrace -p does not name the missing capability"; cat "$TMP/$name.c"; rc=1
	fi
done
# the cap row is the one the file's mode used to mislead: its facts say so
python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))["target"]
assert t["mem_open"] == "EACCES" and t["mem_open_file_mode"] and t["ns_link"] == "ok", t' \
	"$TMP/uid1000-sys_ptrace.json" || { echo "FAIL: target facts of the CAP_SYS_PTRACE row"; rc=1; }
exit $rc
