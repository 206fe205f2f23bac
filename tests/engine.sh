# Sourced by the tests that run real containers (bash or POSIX sh).
#
# podman_works: returns 0 when podman with runc runs a container here
# (GUIDE.md's recipe, the host's / as the root), proven by running `true`
# in one before ctrace is involved.  Otherwise it prints why and returns 1
# ("SKIP: ..."), so that the caller skips what needs a container -- except
# under CI=true, where .ci/run installed the engine: there an engine that
# is installed but fails is a failure ("FAIL: ..." with the engine's own
# error, exit 1).  CTRACE_TEST_DENY containing "podman" simulates a broken
# podman (podman is run with a runtime that does not exist).
PODMAN_RUN_OPTS="--rm --network none --ulimit nofile=20000:20000 --ulimit nproc=4096:4096"

# engine_broken MESSAGE: an engine that is installed cannot do its job
engine_broken() {
	if [ "${CI:-}" = true ]; then
		echo "FAIL: $* (CI=true: .ci/run installs the container engines, so they must work)"
		exit 1
	fi
	echo "SKIP: $*"
	return 1
}

# CTRACE_SKIP_CONTAINERS=1: the container tests already ran in the normal
# build of this CI run (tests/run-all.sh sets it for make distcheck)
containers_skipped() {
	[ "${CTRACE_SKIP_CONTAINERS:-0}" = 1 ] || return 1
	echo "SKIP: CTRACE_SKIP_CONTAINERS=1 (already run in the normal build of this CI run)"
}

podman_works() {
	containers_skipped && return 1
	command -v podman >/dev/null 2>&1 || { echo "SKIP: podman is not installed (apt-get install podman runc)"; return 1; }
	command -v runc >/dev/null 2>&1 || [ -x /usr/sbin/runc ] ||
		engine_broken "podman is installed but runc is not (apt-get install runc)" || return 1
	_rt=runc
	case " ${CTRACE_TEST_DENY:-} " in *" podman "*) _rt=/nonexistent/runc-denied-by-CTRACE_TEST_DENY ;; esac
	# shellcheck disable=SC2086
	if ! _out=$(timeout 120 podman --runtime "$_rt" run $PODMAN_RUN_OPTS --rootfs /:O true 2>&1 </dev/null); then
		engine_broken "podman cannot run a container here: 'podman --runtime $_rt run $PODMAN_RUN_OPTS --rootfs /:O true' said: $_out" || return 1
	fi
	return 0
}
