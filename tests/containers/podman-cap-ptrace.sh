#!/bin/bash
# podman --cap-add SYS_PTRACE.
# See lib.sh and verdicts.py: ctrace --check --json inside the container,
# then every tracing mode tried for real, verdicts compared with outcomes.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$srcdir/tests/containers/lib.sh"

podman_require
ctr_config podman cap-ptrace --cap-add SYS_PTRACE
ctr_finish $?
