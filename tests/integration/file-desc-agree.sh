#!/bin/sh
# Agreement of ctrace with strace on file/desc workloads over the
# system's own files (issue 4): a bigger directory tree, /etc files,
# archives.  It runs the differential harness (tests/diff/diff.sh, its
# normaliser and thresholds, stderr and exit status compared) on these
# workloads, first strace against strace (--self: 100% proves the
# normaliser keeps everything that does not vary), then ctrace against
# strace.  Usage: file-desc-agree.sh [-v] [WORKLOAD...]
# (CTRACE=path/to/ctrace; skips only where diff.sh skips: no strace, no
# python3, a machine that cannot trace natively.)
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
list=$(mktemp) || exit 1
trap 'rm -f "$list"' EXIT
# name | extra options | preparation (sh, in the harness's work dir) | command
cat > "$list" <<'W'
ls-doc|-f||ls -la /usr/share/doc
cat-passwd|-f||cat /etc/passwd
cp-doc|-f|rm -rf out/doc|cp -r /usr/share/doc/bash out/doc
tar-doc|-f|rm -f out/doc.tar|tar cf out/doc.tar /usr/share/doc/bash
tar-t|-ff|tar cf out/t.tar /usr/share/doc/bash 2>/dev/null|tar tf out/t.tar
find-doc|-f||find /usr/share/doc -maxdepth 1
sort-passwd|-f||sort /etc/passwd
gzip-c|-f||gzip -c /etc/services
gzip-cd|-f|gzip -c /etc/services > out/services.gz|gzip -cd out/services.gz
cat-y-etc|-f -y -e trace=%file,%desc||cat /etc/passwd /etc/group
W
DIFF_WORKLOADS=$list bash "$srcdir/tests/diff/diff.sh" --self "$@" || exit $?
DIFF_WORKLOADS=$list exec bash "$srcdir/tests/diff/diff.sh" "$@"
