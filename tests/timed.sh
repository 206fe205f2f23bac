#!/bin/sh
# make check's SH_LOG_COMPILER: runs one test script with the shell given
# first and ends its log with "TIME: Ns" (wall time), so that
# tests/run-all.sh can list the slowest tests of a CI run.
sh=$1
shift
t0=$(date +%s)
"$sh" "$@"
st=$?
echo "TIME: $(($(date +%s) - t0))s"
exit $st
