# tests/containers/lib.sh: shared helpers for the real-container tests.
#
# Sourced (by bash) from tests/containers/*.sh, which the automake harness
# runs with CTRACE (the built binary) and srcdir (the source tree) set.
#
#   podman_require                     skip (77) unless podman+runc can run
#                                      (a failure under CI=true: engine.sh)
#   run_podman [flags...] -- cmd...    GUIDE.md's podman recipe
#   docker_require                     skip unless docker.io is installed;
#                                      start dockerd if needed (stopped at exit
#                                      when a ctrace test started it), build
#                                      the local/ctrace-test image once
#   run_docker [flags...] -- cmd...    docker run with /usr, /lib, /lib64 and
#                                      the source and build dirs read-only
#   ctr_config ENGINE NAME [run flags...] [-- exec flags...]
#       ask the what-if (--check --profile ...) on the host first, start a
#       container of that configuration (PID 1: a root `sleep`), inspect it
#       from the host (--check -p PID, and a real attach, of PID 1 or of a
#       process of the exec flags' user), run inside.sh in
#       it (as the exec flags' user), and compare every --check verdict with
#       what happened (verdicts.py); prints the table.
#       Returns 0 match, 1 mismatch or a ctrace failure.
#   ctr_finish STATUS...               exit with the worst of the statuses
#
# CTR_KEEP=DIR keeps each configuration's gathered output (verdicts.py's
# input) in DIR.

# The harness runs scripts with $(SHELL); these helpers need bash.
if [ -z "${BASH_VERSION:-}" ]; then
	echo "lib.sh needs bash" >&2
	exit 99
fi

set -u

: "${CTRACE:?CTRACE must name the built ctrace binary}"
: "${srcdir:?srcdir must name the source tree}"

CTR_SRC=$(cd "$srcdir" && pwd -P)
CTR_DIR=$CTR_SRC/tests/containers
CTR_PROFILES=$CTR_SRC/tests/fixtures/profiles
CTRACE=$(cd "$(dirname "$CTRACE")" && pwd -P)/$(basename "$CTRACE")
CTR_BUILD=$(dirname "$(dirname "$CTRACE")")
DOCKER=/usr/bin/docker          # another docker client may come first on PATH
DOCKERD=/usr/sbin/dockerd
CTR_IMAGE=local/ctrace-test
CTR_IMAGE_RECIPE=1              # bump when the image contents change
CTR_LOCKDIR=/run/ctrace-tests
CTR_PYTHON=/usr/bin/python3     # the host's /usr is visible in both engines
CTR_PODMAN_PROFILE=/usr/share/containers/seccomp.json

ctr_skip() { echo "SKIP: $*"; exit 77; }
ctr_fail() { echo "FAIL: $*"; exit 1; }

# --- cleanup: commands run at exit, last registered first ----------------
CTR_CLEANUPS=()
ctr_on_exit() { CTR_CLEANUPS=("$*" "${CTR_CLEANUPS[@]}"); }
ctr_cleanup() {
	local c
	for c in "${CTR_CLEANUPS[@]}"; do eval "$c"; done
	CTR_CLEANUPS=()
}
trap 'ctr_cleanup' EXIT
trap 'exit 1' INT TERM HUP

CTR_TMP=$(mktemp -d "${TMPDIR:-/tmp}/ctrace-ctr.XXXXXX") || ctr_fail "mktemp"
ctr_on_exit "rm -rf '$CTR_TMP'"

. "$CTR_DIR/observe.sh"

# Split "flags... -- cmd..." into CTR_FLAGS and CTR_CMD.
ctr_split() {
	CTR_FLAGS=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do CTR_FLAGS+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	CTR_CMD=("$@")
}

# --- podman ---------------------------------------------------------------
# The recipe of GUIDE.md: runc (crun fails on this host's cgroups), no
# network, rlimits podman's defaults would exceed, the host's / as the
# container's root through an overlay (so the build tree is visible).
CTR_PODMAN_RUN=(podman --runtime runc run --network none
	--ulimit nofile=20000:20000 --ulimit nproc=4096:4096)

run_podman() {
	ctr_split "$@"
	"${CTR_PODMAN_RUN[@]}" --rm "${CTR_FLAGS[@]}" --rootfs /:O "${CTR_CMD[@]}"
}

. "$CTR_SRC/tests/engine.sh"
# skip without podman; a podman that cannot run a container is a failure
# under CI=true (tests/engine.sh)
podman_require() {
	podman_works || exit 77
}

# --- docker ---------------------------------------------------------------
# dockerd is shared by concurrent tests: each holds a shared lock on
# $CTR_LOCKDIR/dockerd.lock while it uses the daemon.  Starting the daemon
# (and building the image) and stopping it are done under a second lock,
# dockerd-start.lock, so that tests that use a running daemon never wait
# for each other: the one that started the daemon records the pid, and
# whoever is last to leave stops it.
docker_require() {
	containers_skipped && exit 77
	[ -x "$DOCKER" ] && [ -x "$DOCKERD" ] ||
		ctr_skip "docker.io is not installed ($DOCKER, $DOCKERD; apt-get install docker.io)"
	case " ${CTRACE_TEST_DENY:-} " in
	*" dockerd "*) engine_broken "dockerd cannot start here (simulated by CTRACE_TEST_DENY)" || exit 77 ;;
	esac
	[ "$(id -u)" = 0 ] || "$DOCKER" info >/dev/null 2>&1 ||
		ctr_skip "no docker daemon reachable, and only root can start one"
	mkdir -p "$CTR_LOCKDIR"
	exec 7>"$CTR_LOCKDIR/dockerd-start.lock"
	flock -x 7
	exec 9>"$CTR_LOCKDIR/dockerd.lock"
	flock -s 9
	if ! "$DOCKER" info >/dev/null 2>&1; then
		local log=$CTR_LOCKDIR/dockerd.log i
		# fds 7 and 9 closed: the daemon must not hold our locks.
		setsid nohup "$DOCKERD" >"$log" 2>&1 </dev/null 7>&- 9>&- &
		echo $! >"$CTR_LOCKDIR/dockerd.started"
		for i in $(seq 150); do
			"$DOCKER" info >/dev/null 2>&1 && break
			kill -0 "$(cat "$CTR_LOCKDIR/dockerd.started")" 2>/dev/null || break
			sleep 0.2
		done
		[ -s /var/run/docker.pid ] && cp /var/run/docker.pid "$CTR_LOCKDIR/dockerd.started"
		if ! "$DOCKER" info >/dev/null 2>&1; then
			docker_stop
			flock -u 9
			flock -u 7
			engine_broken "dockerd did not start; last lines of its log:
$(tail -n 5 "$log")" || exit 77
		fi
	fi
	ctr_on_exit docker_release
	docker_image || { flock -u 7; ctr_fail "cannot build the $CTR_IMAGE image"; }
	flock -u 7
}

docker_stop() {
	local pidf=$CTR_LOCKDIR/dockerd.started pid i
	[ -f "$pidf" ] || return 0
	pid=$(cat "$pidf")
	kill -TERM "$pid" 2>/dev/null
	for i in $(seq 100); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	rm -f "$pidf"
}

docker_release() {
	# Last user of a daemon a ctrace test started: stop it (no one
	# starts using it meanwhile: the start lock is held).
	flock -x 7
	if flock -x -n 9; then
		docker_stop
	fi
	flock -u 9
	flock -u 7
}

# An image without any registry: busybox and a passwd with uid 1000; the
# host's /usr and /lib come in as read-only volumes (run_docker).
docker_image() {
	local have
	have=$("$DOCKER" image inspect -f '{{index .Config.Labels "ctrace.recipe"}}' \
		"$CTR_IMAGE" 2>/dev/null)
	[ "$have" = "$CTR_IMAGE_RECIPE" ] && return 0
	ctr_rootfs "$CTR_TMP/rootfs" || return 1
	tar -C "$CTR_TMP/rootfs" -c . |
		"$DOCKER" import --change "LABEL ctrace.recipe=$CTR_IMAGE_RECIPE" - "$CTR_IMAGE" >/dev/null
}

# ctr_rootfs DIR: the image's files (busybox, a passwd with uid 1000).
ctr_rootfs() {
	local root=$1 a
	if [ ! -x /bin/busybox ]; then
		[ "${CI:-}" = true ] && ctr_fail "CI=true and no /bin/busybox to build $CTR_IMAGE (.ci/run installs busybox-static)"
		ctr_skip "no /bin/busybox to build $CTR_IMAGE (apt-get install busybox-static)"
	fi
	mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/root"
	cp /bin/busybox "$root/bin/"
	for a in sh cat sleep; do ln -s busybox "$root/bin/$a"; done
	chmod 1777 "$root/tmp"
	printf 'root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000:user:/tmp:/bin/sh\n' >"$root/etc/passwd"
	printf 'root:x:0:\nuser:x:1000:\n' >"$root/etc/group"
}

CTR_DOCKER_VOLUMES=(-v /usr:/usr:ro -v /lib:/lib:ro -v /lib64:/lib64:ro
	-v "$CTR_SRC:$CTR_SRC:ro")
[ "$CTR_BUILD" != "$CTR_SRC" ] && CTR_DOCKER_VOLUMES+=(-v "$CTR_BUILD:$CTR_BUILD:ro")

run_docker() {
	ctr_split "$@"
	"$DOCKER" run --rm --network none "${CTR_DOCKER_VOLUMES[@]}" \
		"${CTR_FLAGS[@]}" "$CTR_IMAGE" "${CTR_CMD[@]}"
}

# --- one configuration ----------------------------------------------------
# ctr_start ENGINE [run flags...]: a detached container whose PID 1 is a
# root `sleep`; prints its id.
ctr_start() {
	local engine=$1
	shift
	case $engine in
	podman) run_podman -d "$@" -- sleep 120 ;;
	docker) run_docker -d "$@" -- sleep 120 ;;
	esac
}

ctr_rm() {
	case $1 in
	podman) podman rm -f -t 0 "$2" >/dev/null 2>&1 ;;
	docker) "$DOCKER" rm -f "$2" >/dev/null 2>&1 ;;
	esac
}

# ctr_exec ENGINE ID [exec flags...] -- cmd...  (at most 2 minutes)
ctr_exec() {
	local engine=$1 id=$2 client
	shift 2
	ctr_split "$@"
	case $engine in
	podman) client=podman ;;
	docker) client=$DOCKER ;;
	esac
	timeout -k 5 120 "$client" exec "${CTR_FLAGS[@]}" "$id" "${CTR_CMD[@]}"
}

# ctr_whatif_args ENGINE [run flags...] -- [exec flags...]: the what-if
# flags (issue 6) that describe the same container: CTR_WHATIF.
ctr_whatif_args() {
	local engine=$1 profile version=()
	shift
	# podman's default profile is a file of containers-common (the
	# seccomp_profile of containers.conf); Docker's is built into dockerd:
	# ctrace's built-in copy of the running dockerd's version.
	case $engine in
	podman)
		profile=podman-default
		[ -r "$CTR_PODMAN_PROFILE" ] && profile=$CTR_PODMAN_PROFILE ;;
	docker)
		profile=docker-default
		case $(ctr_docker_version) in
		20.10.*) version=(--engine-version 20.10) ;;
		esac ;;
	esac
	CTR_WHATIF=()
	while [ $# -gt 0 ]; do
		case $1 in
		--security-opt)
			case $2 in seccomp=*) profile=${2#seccomp=}; version=() ;; esac
			shift ;;
		--cap-add | --cap-drop | --user)
			CTR_WHATIF+=("$1" "$2")
			shift ;;
		esac
		shift
	done
	CTR_WHATIF=(--profile "$profile" "${version[@]}" "${CTR_WHATIF[@]}" --engine "$engine")
}

# The running dockerd's version ("20.10.24"), empty if unknown.
ctr_docker_version() {
	"$DOCKER" version --format '{{.Server.Version}}' 2>/dev/null
}

ctr_host_pid() {
	case $1 in
	podman) podman inspect -f '{{.State.Pid}}' "$2" ;;
	docker) "$DOCKER" inspect -f '{{.State.Pid}}' "$2" ;;
	esac
}

# ctr_user_sleep ENGINE ID PID1 [exec flags...]: start a `sleep` in the
# container with the exec flags (--user U); print its pid on the host.
ctr_user_sleep() {
	local engine=$1 id=$2 pid1=$3 ns d i
	shift 3
	ctr_exec "$engine" "$id" -d "$@" -- sleep 60 >/dev/null 2>&1 || return 0
	ns=$(readlink "/proc/$pid1/ns/pid") || return 0
	for i in $(seq 50); do
		for d in /proc/[0-9]*; do
			[ "$(readlink "$d/ns/pid" 2>/dev/null)" = "$ns" ] &&
			[ "$(cat "$d/comm" 2>/dev/null)" = sleep ] &&
			[ "$(uid_of "${d#/proc/}")" != 0 ] &&
			{ echo "${d#/proc/}"; return 0; }
		done
		sleep 0.05
	done
}

ctr_config() {
	local engine=$1 cfg=$2
	shift 2
	ctr_split "$@"
	local run=("${CTR_FLAGS[@]}") exe=("${CTR_CMD[@]}")
	local out=$CTR_TMP/$engine-$cfg.out id rc hpid
	local T=$CTR_TMP/obs-$engine-$cfg
	mkdir -p "$T"
	echo "=== $engine $cfg: run ${run[*]:-(no flags)}${exe[*]:+; exec ${exe[*]}}"
	ctr_whatif_args "$engine" "${run[@]}" -- "${exe[@]}"
	{
		# Before the container exists: what-if from the same flags.
		echo "WHATIF ${CTR_WHATIF[*]}"
		report whatif.json "$CTRACE" --check --json "${CTR_WHATIF[@]}"
	} >"$out"
	# Named, so that it is removed even when starting it failed halfway.
	id=ctrace-test-$cfg-$$
	ctr_on_exit "ctr_rm $engine $id"
	if ! ctr_start "$engine" --name "$id" "${run[@]}" >/dev/null 2>"$T/start.err"; then
		echo "FAIL: cannot start the container: $(cat "$T/start.err")"
		ctr_rm "$engine" "$id"
		return 1
	fi
	# From the host: inspect a process of the container that runs as the
	# configuration's user (PID 1 for root), and trace it.
	hpid=$(ctr_host_pid "$engine" "$id")
	[ "${#exe[@]}" -eq 0 ] || hpid=$(ctr_user_sleep "$engine" "$id" "$hpid" "${exe[@]}")
	if [ -n "$hpid" ]; then
		report host.json "$CTRACE" --check --json -p "$hpid" >>"$out"
		echo "OBS host-attach $(try_attach "$hpid" "$CTRACE")" >>"$out"
	fi
	# LeakSanitizer (an --enable-sanitizers build) stops the world with
	# ptrace at exit, which the ptrace-denying profiles forbid: leaks are
	# checked by the tests on the host, not here.
	ctr_exec "$engine" "$id" "${exe[@]}" \
		-e "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" -- \
		sh "$CTR_DIR/inside.sh" "$CTRACE" "$CTR_DIR" "$CTR_PYTHON" \
		>>"$out" 2>"$T/exec.err"
	rc=$?
	ctr_rm "$engine" "$id"
	if [ $rc -ne 0 ]; then
		echo "FAIL: inside.sh exited $rc: $(cat "$T/exec.err")"
		return 1
	fi
	[ -n "${CTR_KEEP:-}" ] && mkdir -p "$CTR_KEEP" && cp "$out" "$CTR_KEEP/"
	"$CTR_PYTHON" "$CTR_DIR/verdicts.py" "$engine $cfg" "$out"
}

# ctr_finish STATUS...: 1 if any failed, else 77 if any skipped, else 0.
ctr_finish() {
	local s worst=0
	for s; do
		case $s in
		0) ;;
		77) [ $worst -eq 0 ] && worst=77 ;;
		*) worst=1 ;;
		esac
	done
	exit $worst
}

# --- pods: podman kube play -------------------------------------------------
#   pod_require                        skip unless podman can play a pod;
#                                      import the image, write CTR_POD_CONF
#   pod_container NAME [securityContext lines...]
#                                      a container of the pod (YAML, on stdout):
#                                      a root `sleep`, the host's /usr, /lib,
#                                      /lib64 and the source and build dirs
#   pod_volumes                        the pod's volumes for those mounts
#   ctr_pod_config CFG YAML CONTAINER [what-if flags...]
#       like ctr_config for the container CONTAINER of a played pod: the
#       what-if (--check --pod YAML --container CONTAINER --engine podman),
#       the host-side view of it, inside.sh in it, verdicts.py.
CTR_POD_IMAGE=localhost/ctrace-pod-test:$CTR_IMAGE_RECIPE
CTR_POD_MOUNTS=(/usr /lib /lib64 "$CTR_SRC")
[ "$CTR_BUILD" != "$CTR_SRC" ] && CTR_POD_MOUNTS+=("$CTR_BUILD")

pod_require() {
	podman_require
	CTR_POD_CONF=$CTR_TMP/containers.conf
	# A CONTAINERS_CONF replaces the system's containers.conf whole: keep
	# its capability set (podman's default, what the what-if models), give
	# the rlimits this host allows and runc (GUIDE.md).
	{
		printf '[containers]\ndefault_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]\n'
		sed -n '/^default_capabilities *= *\[/,/\]/p' /usr/share/containers/containers.conf 2>/dev/null
		printf '[engine]\nruntime = "runc"\n'
	} >"$CTR_POD_CONF"
	grep -q '^default_capabilities' "$CTR_POD_CONF" ||
		ctr_skip "/usr/share/containers/containers.conf names no default_capabilities"
	if ! podman image exists "$CTR_POD_IMAGE"; then
		ctr_rootfs "$CTR_TMP/podroot" || return 1
		tar -C "$CTR_TMP/podroot" -c . | podman import -q - "$CTR_POD_IMAGE" >/dev/null ||
			ctr_fail "cannot import $CTR_POD_IMAGE"
	fi
}

pod_container() {
	local name=$1 i=0 m
	shift
	printf '  - name: %s\n    image: %s\n    command: ["/bin/sleep", "300"]\n' "$name" "$CTR_POD_IMAGE"
	printf '    env:\n    - name: PATH\n      value: /usr/sbin:/usr/bin:/sbin:/bin\n'
	printf '    volumeMounts:\n'
	for m in "${CTR_POD_MOUNTS[@]}"; do
		printf '    - {name: m%d, mountPath: "%s", readOnly: true}\n' $i "$m"
		i=$((i + 1))
	done
	if [ $# -gt 0 ]; then
		printf '    securityContext:\n'
		printf '      %s\n' "$@"
	fi
}

pod_volumes() {
	local i=0 m
	printf '  volumes:\n'
	for m in "${CTR_POD_MOUNTS[@]}"; do
		printf '  - {name: m%d, hostPath: {path: "%s", type: Directory}}\n' $i "$m"
		i=$((i + 1))
	done
}

pod_down() {
	CONTAINERS_CONF=$CTR_POD_CONF podman kube down "$1" >/dev/null 2>&1
}

# The pod's metadata.name (the first "  name:" of the manifest).
pod_name() { awk '/^  name:/ { print $2; exit }' "$1"; }

ctr_pod_config() {
	local cfg=$1 yaml=$2 ctr=$3
	shift 3
	local out=$CTR_TMP/pod-$cfg.out T=$CTR_TMP/obs-pod-$cfg id hpid rc
	mkdir -p "$T"
	id=$(pod_name "$yaml")-$ctr
	echo "=== pod $cfg: podman kube play, container $ctr"
	CTR_WHATIF=(--pod "$yaml" --container "$ctr" --engine podman "$@")
	{
		echo "WHATIF ${CTR_WHATIF[*]}"
		report whatif.json "$CTRACE" --check --json "${CTR_WHATIF[@]}"
	} >"$out"
	ctr_on_exit "pod_down '$yaml'"
	if ! CONTAINERS_CONF=$CTR_POD_CONF podman kube play ${CTR_POD_PLAY_FLAGS:-} "$yaml" \
			>"$T/play.out" 2>&1; then
		echo "FAIL: podman kube play: $(tail -n 3 "$T/play.out")"
		pod_down "$yaml"
		return 1
	fi
	hpid=$(podman inspect -f '{{.State.Pid}}' "$id")
	if [ -n "$hpid" ] && [ "$hpid" != 0 ]; then
		report host.json "$CTRACE" --check --json -p "$hpid" >>"$out"
		echo "OBS host-attach $(try_attach "$hpid" "$CTRACE")" >>"$out"
	fi
	timeout -k 5 120 podman exec \
		-e "ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "$id" \
		sh "$CTR_DIR/inside.sh" "$CTRACE" "$CTR_DIR" "$CTR_PYTHON" \
		>>"$out" 2>"$T/exec.err"
	rc=$?
	pod_down "$yaml"
	if [ $rc -ne 0 ]; then
		echo "FAIL: inside.sh exited $rc: $(cat "$T/exec.err")"
		return 1
	fi
	[ -n "${CTR_KEEP:-}" ] && mkdir -p "$CTR_KEEP" && cp "$out" "$CTR_KEEP/"
	"$CTR_PYTHON" "$CTR_DIR/verdicts.py" "podman pod-$cfg" "$out"
}
