#!/bin/sh
# The normaliser of tests/diff/compare.py keeps only what differs between
# two runs of strace itself: strace against strace must agree 100% on
# every workload of diff.sh (see tests/diff/README.md).
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
exec bash "$srcdir/tests/diff/diff.sh" --self "$@"
