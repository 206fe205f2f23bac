#!/bin/bash
# podman, default configuration (podman's own seccomp profile and caps).
# See lib.sh and verdicts.py: ctrace --check --json inside the container,
# then every tracing mode tried for real, verdicts compared with outcomes.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$srcdir/tests/containers/lib.sh"

podman_require
ctr_config podman default
ctr_finish $?
