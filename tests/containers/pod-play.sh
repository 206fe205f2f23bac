#!/bin/bash
# ctrace --check --pod against `podman kube play` (issue 19, item 3):
# pods played for real with and without SYS_PTRACE, with runAsUser,
# allowPrivilegeEscalation: false, and the seccomp settings podman 4.3
# reads (the seccomp.security.alpha.kubernetes.io annotations: unconfined,
# runtime/default, localhost/FILE; securityContext.seccompProfile, which
# it ignores).  For each, the what-if of the manifest must give the
# verdicts of --check inside the container, of the host-side view, and of
# the real attempts (lib.sh ctr_pod_config, inside.sh, verdicts.py).  Then
# a pod sharing its pid namespace: the what-if's verdict on attaching to
# the other container's process against a real attach from the debug
# container.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$srcdir/tests/containers/lib.sh"

pod_require
command -v python3 >/dev/null 2>&1 || ctr_skip "python3 not installed"

# mkpod CFG [annotation] -- [securityContext lines of container "debug"...]
mkpod() {
	local cfg=$1 ann=$2 y=$CTR_TMP/$1.yaml
	shift 2
	[ "${1:-}" = -- ] && shift
	{
		printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ctrace-%s-%d\n' "$cfg" $$
		[ -n "$ann" ] && printf '  annotations:\n    container.seccomp.security.alpha.kubernetes.io/debug: %s\n' "$ann"
		printf 'spec:\n'
		# a non-root container shares the pod's pid namespace: PID 1 is
		# then podman's root catatonit, another user's process to attach to
		[ -n "${SHARE:-}" ] && printf '  shareProcessNamespace: true\n'
		printf '  containers:\n'
		pod_container debug "$@"
		pod_volumes
	} >"$y"
	echo "$y"
}

st=()
ctr_pod_config default "$(mkpod default '')" debug; st+=($?)
ctr_pod_config cap-ptrace "$(mkpod cap-ptrace '' -- 'capabilities: {add: [SYS_PTRACE]}')" debug; st+=($?)
ctr_pod_config user-1000 "$(SHARE=1 mkpod user-1000 '' -- 'runAsUser: 1000')" debug; st+=($?)
# (not sharing: PID 1 is ctrace's own container's; uid 1000 with an ambient
# CAP_SYS_PTRACE attaching to a root process is observed in static.sh's
# user-cap-ptrace sidecar and in tests/integration/attach-caps.sh)
ctr_pod_config user-1000-cap-ptrace "$(mkpod user-1000-cap-ptrace '' -- 'runAsUser: 1000' \
	'capabilities: {add: [SYS_PTRACE]}' 'allowPrivilegeEscalation: false')" debug; st+=($?)
# podman 4.3 ignores the field: still its default profile
ctr_pod_config field-unconfined "$(mkpod field-unconfined '' -- \
	'seccompProfile: {type: Unconfined}')" debug; st+=($?)
ctr_pod_config ann-unconfined "$(mkpod ann-unconfined unconfined)" debug; st+=($?)
ctr_pod_config ann-runtime-default "$(mkpod ann-runtime-default runtime/default)" debug; st+=($?)
# Localhost: a profile that denies ptrace, under a seccomp root of our own
mkdir -p "$CTR_TMP/seccomp"
cp "$CTR_PROFILES/ctr-ptrace-eperm.json" "$CTR_TMP/seccomp/"
CTR_POD_PLAY_FLAGS="--seccomp-profile-root $CTR_TMP/seccomp" \
	ctr_pod_config ann-localhost "$(mkpod ann-localhost localhost/ctr-ptrace-eperm.json)" debug \
	--seccomp-root "$CTR_TMP/seccomp"; st+=($?)

# --- shareProcessNamespace: attach from debug to app (uid 1000) ---
# pod_attach CFG [debug securityContext lines...]
pod_attach() {
	local cfg=$1 y=$CTR_TMP/$1.yaml pod want got res pid
	shift
	pod=ctrace-$cfg-$$
	{
		printf 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: %s\nspec:\n' "$pod"
		printf '  shareProcessNamespace: true\n  containers:\n'
		pod_container app 'runAsUser: 1000'
		pod_container debug "$@"
		pod_volumes
	} >"$y"
	want=$("$CTRACE" --check --json --pod "$y" --container debug --engine podman |
		python3 -c 'import json, sys
t = json.load(sys.stdin)["whatif"]["pod"]["attach_targets"]
print([x["verdict"] for x in t if x["container"] == "app"][0])')
	ctr_on_exit "pod_down '$y'"
	if ! CONTAINERS_CONF=$CTR_POD_CONF podman kube play "$y" >"$CTR_TMP/$cfg.play" 2>&1; then
		echo "FAIL: podman kube play: $(tail -n 3 "$CTR_TMP/$cfg.play")"
		return 1
	fi
	# app's sleep, as the debug container sees it
	pid=$(podman exec "$pod-debug" /bin/sh -c \
		'for d in /proc/[0-9]*; do [ "$(cat $d/comm)" = sleep ] &&
		 grep -q "^Uid:[[:space:]]*1000" $d/status && { echo ${d#/proc/}; break; }; done')
	if [ -z "$pid" ]; then
		echo "FAIL: $cfg: the debug container does not see app's process"
		pod_down "$y"
		return 1
	fi
	# --check inside debug (no -p): the shared pid namespace and app's
	# process in it, with the verdict the real attach must have
	local listed
	listed=$(podman exec "$pod-debug" "$CTRACE" --check --json 2>"$CTR_TMP/$cfg.lerr" |
		python3 -c 'import json, sys
ns = json.load(sys.stdin)["pid_namespace"]
p = [x for x in ns.get("processes", []) if x["pid"] == int(sys.argv[1])]
print(ns["shared"], p[0]["other_container"] if p else None, p[0]["attach"] if p else "absent")' "$pid" 2>&1)
	# a real attach and detach (observe.sh try_attach), inside debug
	got=$(timeout -k 5 60 podman exec "$pod-debug" /bin/sh -c \
		'T=$(mktemp -d); . "$1"/observe.sh; try_attach "$2" "$3"' sh "$CTR_DIR" "$pid" "$CTRACE")
	case $got in
	ok*) res=ok ;;
	*) res=fails ;;
	esac
	pod_down "$y"
	echo "[pod $cfg] attach from debug to app (uid 1000, pid $pid): what-if $want, real: $got"
	echo "[pod $cfg] --check inside debug: shared, app's process in another container, attach: $listed"
	[ "$want" = "$res" ] || { echo "FAIL: pod $cfg: what-if says $want, attaching $res"; return 1; }
	[ "$listed" = "True True $res" ] ||
		{ echo "FAIL: pod $cfg: --check's pid_namespace says '$listed', attaching $res"; return 1; }
}
pod_attach shared-no-ptrace; st+=($?)
pod_attach shared-cap-ptrace 'capabilities: {add: [SYS_PTRACE]}'; st+=($?)
ctr_finish "${st[@]}"
