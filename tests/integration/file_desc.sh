#!/bin/sh
# The file and desc families decoded as strace 6.1 decodes them: run
# tests/helpers/fileops (open/stat/statx/getdents/xattr/fcntl/poll/epoll/
# readv/... with success, failure and bad-pointer cases) under strace and
# under ctrace, with plain, -y, -v -y, -s 4 -x, -X raw and -X verbose
# output, and require identical lines for every %file/%desc syscall once
# the values that legitimately differ between two runs (addresses, inode
# numbers, times, free blocks) are normalised.
: "${CTRACE:=src/ctrace}" "${HELPERS:=tests/helpers}"
command -v strace >/dev/null 2>&1 || { echo "SKIP: strace is not installed"; exit 77; }
[ -x "$HELPERS/fileops" ] || { echo "FAIL: $HELPERS/fileops is not built (a helper of this test)"; exit 1; }
strace -o /dev/null true 2>/dev/null || { echo "SKIP: strace cannot trace here (ptrace blocked?)"; exit 77; }

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
work=$tmp/work

norm() {
	sed -E -e 's/0x[0-9a-f]{6,}/0xADDR/g' \
	    -e 's/(st_ino|stx_ino|d_ino|d_off|inode)=[0-9]+/\1=N/g' \
	    -e 's/(st|stx)_([amcb])time(_nsec)?=[0-9]+/\1_\2time\3=T/g' \
	    -e 's/(stx_[amcb]time)=\{tv_sec=[0-9]+, tv_nsec=[0-9]+\}/\1=TS/g' \
	    -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+[+-][0-9]{4}/DATE/g' \
	    -e 's/(f_bfree|f_bavail|f_ffree|f_files|f_blocks)=[0-9]+/\1=N/g' \
	    -e 's/tv_nsec=[0-9]+/tv_nsec=N/g; s/tv_usec=[0-9]+/tv_usec=N/g' \
	    -e 's/(pipe|socket|anon_inode):\[[0-9]+\]/\1:[N]/g' \
	    -e 's/#[0-9]+/#N/g' \
	    -e 's/\/tmp\/bash_jobs[^>]*/OUT/g' "$1" |
	grep -Ev '^(mmap|mprotect|execve)\(|^\+\+\+|^---'
}

fail=0
for opts in "" "-y" "-v -y" "-s 4 -x" "-X raw" "-X verbose -y"; do
	rm -rf "$work"
	strace $opts -e trace=%file,%desc -o "$tmp/s.txt" "$HELPERS/fileops" "$work" </dev/null >/dev/null 2>&1
	rm -rf "$work"
	"$CTRACE" $opts -e trace=%file,%desc -o "$tmp/c.txt" "$HELPERS/fileops" "$work" </dev/null >/dev/null 2>&1
	norm "$tmp/s.txt" > "$tmp/s.n"
	norm "$tmp/c.txt" > "$tmp/c.n"
	n=$(wc -l < "$tmp/s.n")
	if [ "$n" -lt 150 ]; then
		echo "FAIL [$opts]: strace gave only $n lines"; fail=1; continue
	fi
	if diff "$tmp/s.n" "$tmp/c.n" > "$tmp/d"; then
		echo "ok [$opts]: $n lines identical"
	else
		echo "FAIL [$opts]: $(grep -c '^<' "$tmp/d") of $n lines differ:"
		head -20 "$tmp/d"
		fail=1
	fi
done
exit $fail
