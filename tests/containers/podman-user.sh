#!/bin/bash
# podman, uid 1000 (exec --user 1000) attaching to the container's root PID 1.
# See lib.sh and verdicts.py: ctrace --check --json inside the container,
# then every tracing mode tried for real, verdicts compared with outcomes.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
. "$srcdir/tests/containers/lib.sh"

podman_require
ctr_config podman user-1000 -- --user 1000
ctr_finish $?
