#!/bin/bash
# Real Docker (Debian's docker.io 20.10, daemon started here if not running,
# image local/ctrace-test imported from busybox): ctrace --check --json in
# each configuration, then every tracing mode tried for real, verdicts
# compared with outcomes (lib.sh, verdicts.py).  Docker's real default
# profile is the one it applies when given none.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$srcdir/tests/containers/lib.sh"

docker_require
st=()
ctr_config docker default;                                       st+=($?)
ctr_config docker cap-ptrace --cap-add SYS_PTRACE;                st+=($?)
ctr_config docker unconfined --security-opt seccomp=unconfined;   st+=($?)
ctr_config docker user-1000 -- --user 1000;                       st+=($?)
# The profile keys on the capabilities configured for the container, not
# on the effective set: process_vm_readv allowed although CapEff is 0.
ctr_config docker user-1000-cap-ptrace --cap-add SYS_PTRACE -- --user 1000; st+=($?)
ctr_config docker profile-eperm \
	--security-opt "seccomp=$CTR_PROFILES/ctr-ptrace-eperm.json"; st+=($?)
ctr_config docker profile-kill \
	--security-opt "seccomp=$CTR_PROFILES/ctr-ptrace-kill.json";  st+=($?)
ctr_finish "${st[@]}"
