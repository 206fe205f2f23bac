#!/bin/sh
# Fetch strace 6.1's source package (deb-src only for this run, in a private
# apt state directory) and build its test programs, once: the built tree is
# cached in $CTRACE_STRACE_CACHE (default /var/cache/ctrace/strace-6.1) and
# reused when its stamp file is present.  Nothing of strace is kept in ctrace's
# repository.  Prints the path of the built tree on stdout.
set -eu
cache=${CTRACE_STRACE_CACHE:-/var/cache/ctrace/strace-6.1}
ver=6.1
pkgver=6.1-0.1
jobs=${JOBS:-2}
if [ -f "$cache/.ctrace-tests-built" ]; then
	echo "$cache"
	exit 0
fi
mkdir -p "$cache.work"
work=$(cd "$cache.work" && pwd)
if [ ! -f "$work/strace_$ver.orig.tar.xz" ]; then
	mkdir -p "$work/apt/lists/partial" "$work/apt/parts"
	src=/etc/apt/sources.list.d/debian.sources
	if [ -f "$src" ]; then
		sed 's/^Types: deb$/Types: deb-src/' "$src" > "$work/apt/parts/src.sources"
	else
		sed -n 's/^deb /deb-src /p' /etc/apt/sources.list > "$work/apt/parts/src.list"
	fi
	aptopts="-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts=$work/apt/parts -o Dir::State::Lists=$work/apt/lists"
	# shellcheck disable=SC2086
	apt-get -q $aptopts update >&2
	# shellcheck disable=SC2086
	(cd "$work" && apt-get -q $aptopts source --download-only "strace=$pkgver") >&2
fi
rm -rf "$cache"
mkdir -p "$cache"
tar -C "$cache" --strip-components=1 -xf "$work/strace_$ver.orig.tar.xz"
cd "$cache"
./configure -q --enable-mpers=no --enable-bundled=yes >&2
make -s -j"$jobs" >&2
make -s -j"$jobs" -C tests check TESTS= >&2
touch .ctrace-tests-built
echo "$cache"
