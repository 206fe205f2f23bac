#!/bin/bash
# The static ctrace ($CTRACE_STATIC) in real containers whose images hold
# no C library: "only" (an image imported from a tar holding nothing but
# /ctrace; the application, PID 1, is a static busybox mounted read-only
# at /busybox) and "busybox" (a busybox image, ctrace copied in with `cp` as a
# user would), under podman and Docker, default / --cap-add SYS_PTRACE /
# seccomp=unconfined.  In each: --check --json must be a report; a traced
# busybox echo must show its write; --check --json -p 1 predicts whether
# attaching to PID 1 works, and a real `ctrace -p 1` (seen from the host:
# TracerPid of PID 1, then SIGINT, then no tracer) must agree.  Then the
# sidecar: the "only" image run with --pid=container:TARGET, with and
# without --cap-add SYS_PTRACE and as uid 1000 with it, attaching to the
# target's PID 1; --check there lists the shared namespace.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$srcdir/tests/containers/lib.sh"
S=${CTRACE_STATIC:-}
[ -n "$S" ] || ctr_skip "this build has no static ctrace (see tests/integration/static.sh)"
[ -x /bin/busybox ] || ctr_skip "no /bin/busybox (apt-get install busybox-static)"
RC=0
bad() { echo "FAIL: $*"; RC=1; }

# images: ROOT dirs tarred and imported
mkroot() {  # mkroot DIR KIND
	mkdir -p "$1"
	if [ "$2" = only ]; then
		cp "$S" "$1/ctrace"
	else
		mkdir -p "$1/bin" "$1/tmp" "$1/etc"
		cp /bin/busybox "$1/bin/"
		for a in sh sleep cat echo; do ln -s busybox "$1/bin/$a"; done
		printf 'root:x:0:0:root:/root:/bin/sh\n' >"$1/etc/passwd"
	fi
}

verdict() {  # verdict FILE MODE: the mode's verdict in a --check --json report
	"$CTR_PYTHON" -c 'import json, sys
d = json.load(open(sys.argv[1]))
print([m["verdict"] for m in d["modes"] if m["name"] == sys.argv[2]][0])' "$1" "$2" 2>/dev/null
}

# attach_seen LABEL HOSTPID ERRFILE CTRACE-COMMAND...: run CTRACE-COMMAND -p 1
# in the background; seen=ok when the host sees HOSTPID traced, and after a
# SIGINT to the tracer untraced and alive; else seen=fail.  Sets traced and
# rc (ctrace's exit status) too.
attach_seen() {
	local label=$1 hpid=$2 err=$3 ex i tp
	shift 3
	"$@" -o /dev/null -p 1 >/dev/null 2>"$err" &
	ex=$! traced=no
	for i in $(seq 400); do
		tp=$(tracer_of "$hpid")
		[ -n "$tp" ] && [ "$tp" != 0 ] && { traced=yes; break; }
		kill -0 $ex 2>/dev/null || break
		sleep 0.02
	done
	[ $traced = yes ] && kill -INT "$tp"
	for i in $(seq 400); do kill -0 $ex 2>/dev/null || break; sleep 0.02; done
	kill -0 $ex 2>/dev/null && { kill -KILL $ex; bad "$label ctrace -p 1 did not exit after SIGINT"; }
	wait $ex; rc=$?
	seen=fail
	[ $traced = yes ] && [ "$(tracer_of "$hpid")" = 0 ] && ! gone "$hpid" && seen=ok
}

# one ENGINE KIND CONFIG [run flags...]
one() {
	local eng=$1 kind=$2 cfg=$3 cli id hpid i tp rc img app
	shift 3
	local T=$CTR_TMP/$eng-$kind-$cfg
	mkdir -p "$T"
	case $eng in
	podman) cli=(podman) ;;
	docker) cli=("$DOCKER") ;;
	esac
	img=local/ctrace-static-$kind
	id=ctrace-static-$kind-$cfg-$$
	ctr_on_exit "ctr_rm $eng $id"
	if [ "$kind" = only ]; then
		app=/busybox
		set -- "$@" -v /bin/busybox:/busybox:ro
	else
		app=/bin/busybox
	fi
	local runf=(--network none)
	[ "$eng" = podman ] && runf=(--runtime runc --network none --ulimit nofile=20000:20000 --ulimit nproc=4096:4096)
	if ! "${cli[@]}" run -d --name "$id" "${runf[@]}" "$@" "$img" "$app" sleep 120 >/dev/null 2>"$T/start.err"; then
		bad "[$eng $kind $cfg] cannot start: $(cat "$T/start.err")"; return
	fi
	[ "$kind" = busybox ] && "${cli[@]}" cp "$S" "$id:/ctrace"
	hpid=$(ctr_host_pid "$eng" "$id")
	# 1. the report
	"${cli[@]}" exec "$id" /ctrace --check --json >"$T/check.json" 2>"$T/check.err"; rc=$?
	local vspawn; vspawn=$(verdict "$T/check.json" spawn)
	case $rc:$vspawn in
	[023]:ok | [023]:degraded | [023]:fails) ;;
	*) bad "[$eng $kind $cfg] --check --json: exit $rc, spawn verdict '$vspawn': $(head -c 300 "$T/check.err")"; return ;;
	esac
	local shared; shared=$("$CTR_PYTHON" -c 'import json, sys
print(json.load(open(sys.argv[1]))["pid_namespace"]["shared"])' "$T/check.json" 2>&1)
	[ "$shared" = False ] || bad "[$eng $kind $cfg] a container of its own: pid_namespace.shared is '$shared'"
	# 2. spawn: a traced busybox echo
	"${cli[@]}" exec "$id" /ctrace -o /dev/stdout "$app" echo ctrace-static-$$ >"$T/spawn" 2>&1; rc=$?
	seen=fail
	[ $rc = 0 ] && grep -q "^write(1, \"ctrace-static-$$\\\\n\", " "$T/spawn" && seen=ok
	case $seen:$vspawn in
	ok:ok | ok:degraded | fail:fails) ;;
	*) bad "[$eng $kind $cfg] spawn: --check says $vspawn, the traced echo: $seen (exit $rc: $(head -c 300 "$T/spawn"))" ;;
	esac
	# 3. attach to PID 1: predicted, then done (seen from the host)
	"${cli[@]}" exec "$id" /ctrace --check --json -p 1 >"$T/p1.json" 2>"$T/p1.err"
	local vatt; vatt=$(verdict "$T/p1.json" attach-pid)
	attach_seen "[$eng $kind $cfg]" "$hpid" "$T/attach.err" "${cli[@]}" exec "$id" /ctrace
	case $seen:$vatt in
	ok:ok | ok:degraded | fail:fails) ;;
	*) bad "[$eng $kind $cfg] attach PID 1: --check -p 1 says '$vatt', real attach: $seen (traced=$traced, exit $rc: $(head -c 300 "$T/attach.err"))" ;;
	esac
	echo "[$eng $kind $cfg] spawn $vspawn/seen ok=$(grep -c . "$T/spawn") lines; attach PID 1: predicted $vatt, seen $seen (exit $rc)"
	ctr_rm "$eng" "$id"
}

# sidecar ENGINE CONFIG [run flags...]: a target container (busybox, PID 1 a
# root sleep) and, sharing its pid namespace (--pid=container:TARGET), a
# container of the image holding only /ctrace: --check --json -p 1 there
# predicts the attach to the target's PID 1; a real ctrace -p 1 (seen from
# the host, SIGINT, detached) must agree.
sidecar() {
	local eng=$1 cfg=$2 cli t hpid i tp rc
	shift 2
	local T=$CTR_TMP/$eng-sidecar-$cfg
	mkdir -p "$T"
	case $eng in
	podman) cli=(podman --runtime runc) ;;
	docker) cli=("$DOCKER") ;;
	esac
	local runf=(--network none)
	[ "$eng" = podman ] && runf+=(--ulimit nofile=20000:20000 --ulimit nproc=4096:4096)
	t=ctrace-target-$cfg-$$
	ctr_on_exit "ctr_rm $eng $t"
	"${cli[@]}" run -d --name "$t" "${runf[@]}" local/ctrace-static-busybox /bin/busybox sleep 120 \
		>/dev/null 2>"$T/start.err" || { bad "[$eng sidecar $cfg] cannot start the target: $(cat "$T/start.err")"; return; }
	hpid=$(ctr_host_pid "$eng" "$t")
	local side=("${cli[@]}" run --rm "${runf[@]}" --pid="container:$t" "$@" local/ctrace-static-only /ctrace)
	"${side[@]}" --check --json >"$T/check.json" 2>"$T/check.err"; rc=$?
	case $rc in
	0 | 2 | 3) ;;
	*) bad "[$eng sidecar $cfg] --check --json exits $rc: $(head -c 300 "$T/check.err")" ;;
	esac
	"${side[@]}" --check --json -p 1 >"$T/p1.json" 2>"$T/p1.err"
	local vatt; vatt=$(verdict "$T/p1.json" attach-pid)
	attach_seen "[$eng sidecar $cfg]" "$hpid" "$T/attach.err" "${side[@]}"
	case $seen:$vatt in
	ok:ok | ok:degraded | fail:fails) ;;
	*) bad "[$eng sidecar $cfg] attach to the target's PID 1: --check -p 1 says '$vatt', real attach: $seen (traced=$traced, exit $rc: $(head -c 300 "$T/attach.err"))" ;;
	esac
	# --check without -p lists the shared namespace: PID 1 in another
	# container, with the verdict the real attach had
	local listed
	listed=$("$CTR_PYTHON" -c 'import json, sys
ns = json.load(open(sys.argv[1]))["pid_namespace"]
p = [x for x in ns.get("processes", []) if x["pid"] == 1]
print(ns["shared"], p[0]["other_container"] if p else None, p[0]["attach"] if p else "absent")' "$T/check.json" 2>&1)
	case $seen:$listed in
	"ok:True True ok" | "ok:True True degraded" | "fail:True True fails") ;;
	*) bad "[$eng sidecar $cfg] --check's pid_namespace says '$listed' of PID 1, real attach: $seen" ;;
	esac
	echo "[$eng sidecar $cfg] attach to the target's PID 1: predicted $vatt, listed '$listed', seen $seen (exit $rc)"
	ctr_rm "$eng" "$t"
}

run_engine() {  # ENGINE
	local eng=$1 kind
	for kind in only busybox; do
		rm -rf "$CTR_TMP/root-$kind"
		mkroot "$CTR_TMP/root-$kind" "$kind"
		case $eng in
		podman) tar -C "$CTR_TMP/root-$kind" -c . | podman import - "local/ctrace-static-$kind" >/dev/null 2>&1 ;;
		docker) tar -C "$CTR_TMP/root-$kind" -c . | "$DOCKER" import - "local/ctrace-static-$kind" >/dev/null ;;
		esac || { bad "$eng import of the $kind image failed"; continue; }
		one "$eng" "$kind" default
		one "$eng" "$kind" cap-ptrace --cap-add SYS_PTRACE
		one "$eng" "$kind" unconfined --security-opt seccomp=unconfined
	done
	sidecar "$eng" default
	sidecar "$eng" cap-ptrace --cap-add SYS_PTRACE
	# non-root with the capability: podman makes it ambient (attaching to
	# root's PID 1 works, though /proc/1/mem's mode refuses uid 1000),
	# Docker 20.10 does not (CapEff 0: it fails)
	sidecar "$eng" user-cap-ptrace --user 1000 --cap-add SYS_PTRACE
}

case ${1:-podman} in
podman) podman_require; run_engine podman ;;
docker) docker_require; run_engine docker ;;
esac
exit $RC
