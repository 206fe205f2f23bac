#!/bin/bash
# podman with a profile that kills on ptrace (SCMP_ACT_KILL): ctrace must
# still print its report (its probe child dies, not ctrace).
# See lib.sh and verdicts.py: ctrace --check --json inside the container,
# then every tracing mode tried for real, verdicts compared with outcomes.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$srcdir/tests/containers/lib.sh"

podman_require
ctr_config podman profile-kill --security-opt "seccomp=$CTR_PROFILES/ctr-ptrace-kill.json"
ctr_finish $?
