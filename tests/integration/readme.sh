#!/bin/bash
# README.md's commands, run exactly as README.md gives them (extracted like
# .ci/run does): the quick start (install the build dependencies, build,
# trace ls) in a throwaway copy of the tree, as root on a machine without
# sudo, then as a user (nobody) with sudo; the test command needs no sudo.
# apt-get is a stand-in here (no network, no change to the machine): like
# apt-get it refuses to work unless root (or run through sudo), and every
# package it is asked to install must be one dpkg knows as installed (the
# build that follows needs them).  The sudo of the second half is a
# stand-in too (a real one needs a user with passwordless sudo).
. "$(dirname "$0")/lib.sh"
# tests/run-all.sh runs it once per CI run, in the normal build
[ "${CTRACE_SKIP_README:-0}" = 1 ] && skip "CTRACE_SKIP_README=1 (already run in the normal build of this CI run)"
rc=0
readme_cmd() { awk -v marker="$1" -f "$srcdir/tests/readme-command.awk" "$srcdir/README.md"; }
quick=$(readme_cmd quick-start-command)
[ -n "$quick" ] || fail "README.md has no quick-start command"
testcmd=$(readme_cmd ci-test-command)
[ -n "$testcmd" ] || fail "README.md has no test command"
case " $testcmd " in *" sudo "*) fail "the test command uses sudo: $testcmd" ;; esac
[ "$(id -u)" = 0 ] || skip "the quick start is run as root here (and then as nobody); this is uid $(id -u)"
command -v dpkg-query >/dev/null || skip "no dpkg-query: not a Debian-like machine"

shim=$TMP/shim; mkdir -p "$shim"
cat >"$shim/apt-get" <<'SH'
#!/bin/sh
echo "apt-get $* (uid $(id -u)${VIA_SUDO:+, via sudo})" >>"$APT_LOG"
if [ "$(id -u)" != 0 ] && [ -z "${VIA_SUDO:-}" ]; then
	echo "E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)" >&2; exit 100
fi
[ "$1" = install ] || exit 0
shift
for p; do
	case $p in -*) continue ;; esac
	dpkg-query -W -f '${Status}\n' "$p" 2>/dev/null | grep -q ' installed$' ||
		{ echo "E: Unable to locate package $p (not installed on this machine)" >&2; exit 100; }
done
SH
chmod 755 "$shim/apt-get"

# a copy of the tree, without build products
src=$TMP/src; mkdir -p "$src"
if git -C "$srcdir" rev-parse --git-dir >/dev/null 2>&1; then
	git -C "$srcdir" ls-files -co --exclude-standard -z | (cd "$srcdir" && tar --null -cf - -T -) | tar -C "$src" -xf -
else
	cp -a "$srcdir/." "$src/" && chmod -R u+w "$src" && (cd "$src" && { [ ! -f Makefile ] || make distclean >/dev/null 2>&1; })
fi

check_run() { # label status: the quick start ran, apt-get was asked, ctrace traced ls
	local label=$1 st=$2
	if [ "$st" != 0 ]; then
		echo "FAIL: $label: the quick start exited with status $st:"; tail -15 "$TMP/quick.out"; rc=1; return
	fi
	grep -q "^apt-get update (uid" "$APT_LOG" && grep -q "^apt-get install -y build-essential .* (uid" "$APT_LOG" ||
		{ echo "FAIL: $label: apt-get was not asked to update and install:"; cat "$APT_LOG"; rc=1; return; }
	grep -Eq '^execve\("/[^"]*/ls", \["ls"\]' "$TMP/quick.out" && grep -q '^+++ exited with 0 +++$' "$TMP/quick.out" ||
		{ echo "FAIL: $label: ./src/ctrace ls did not trace ls:"; tail -5 "$TMP/quick.out"; rc=1; return; }
	echo "ok: $label: $(tr '\n' ';' <"$APT_LOG" | cut -c1-120)...; built; ./src/ctrace ls traced ls"
}

# 1. root, no sudo on the machine (hidden in a mount namespace if it is installed)
export APT_LOG=$TMP/apt.log
: >"$APT_LOG"
run_root=(bash -c "$quick")
if sudo_path=$(command -v sudo); then
	: >"$TMP/not-executable"
	run_root=(unshare -m sh -c 'mount --bind "$1" "$2" && shift 2 && exec "$@"' sh "$TMP/not-executable" "$sudo_path" bash -c "$quick")
fi
(cd "$src" && PATH=$shim:$PATH "${run_root[@]}") >"$TMP/quick.out" 2>&1
check_run "as root without sudo" $?
grep -q "via sudo" "$APT_LOG" && { echo "FAIL: as root without sudo, apt-get ran through sudo"; rc=1; }

# 2. a user (nobody) with sudo: the same tree, now nobody's
if ! command -v setpriv >/dev/null || ! id nobody >/dev/null 2>&1; then
	echo "SKIP: the user-with-sudo half: needs setpriv and a user 'nobody'"
else
	cat >"$shim/sudo" <<'SH'
#!/bin/sh
VIA_SUDO=1 exec "$@"
SH
	chmod 755 "$shim/sudo"
	: >"$APT_LOG"; chmod 666 "$APT_LOG"; chmod 755 "$TMP"
	chown -R nobody "$src"
	(cd "$src" && setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$TMP" PATH="$shim:$PATH" \
		bash -c "$quick") >"$TMP/quick.out" 2>&1
	check_run "as nobody with sudo" $?
	grep -q "^apt-get install .*(uid [1-9][0-9]*, via sudo)" "$APT_LOG" ||
		{ echo "FAIL: as a user, apt-get did not run through sudo:"; cat "$APT_LOG"; rc=1; }
fi
exit $rc
