#!/bin/bash
# podman with a profile that denies ptrace with EPERM (tests/fixtures/profiles).
# See lib.sh and verdicts.py: ctrace --check --json inside the container,
# then every tracing mode tried for real, verdicts compared with outcomes.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$srcdir/tests/containers/lib.sh"

podman_require
ctr_config podman profile-eperm --security-opt "seccomp=$CTR_PROFILES/ctr-ptrace-eperm.json"
ctr_finish $?
