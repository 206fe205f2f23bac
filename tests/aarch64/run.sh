#!/bin/bash
# ctrace on a real aarch64 Linux kernel: cross-builds ctrace statically
# against arm64 Debian libraries, packs it with busybox and the test helpers
# into an initramfs, boots Debian's arm64 kernel in qemu-system-aarch64
# (TCG, -M virt -cpu max, no network) and runs tests/aarch64/init.sh there.
# Prints the RESULT lines and a summary; exits 0 when every test passed,
# 1 on a failure, 77 when it cannot run here (the reason is printed).
#
# Environment: CTRACE_A64_CACHE (downloads, sysroot, builds; default
# ~/.cache/ctrace-aarch64), CTRACE (a host ctrace built from this tree, to
# make the expectations; built in the cache when unset), A64_TIMEOUT
# (seconds for the whole boot, default 300), A64_KEEP=1 keeps the work
# directory, A64_TESTS=name,name runs only those tests of init.sh.  See tests/aarch64/README.md.
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${srcdir:=$(cd "$here/../.." && pwd)}"
srcdir=$(cd "$srcdir" && pwd)
CACHE=${CTRACE_A64_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ctrace-aarch64}
TIMEOUT=${A64_TIMEOUT:-300}
CROSS=aarch64-linux-gnu
T0=$(date +%s)

skip() { echo "SKIP: $*"; exit 77; }
# run once per CI run: tests/run-all.sh sets this for the sanitizer build
# and make distcheck (the VM test builds its own static binaries anyway)
[ "${CTRACE_SKIP_AARCH64:-0}" = 1 ] && skip "CTRACE_SKIP_AARCH64=1 (already run in the normal build of this CI run)"
# bytes of little-endian 32/16-bit values
le32() { local v; for v; do printf '%b' "$(printf '\\x%02x\\x%02x\\x%02x\\x%02x' $((v & 255)) $((v >> 8 & 255)) $((v >> 16 & 255)) $((v >> 24 & 255)))"; done; }
le16() { local v; for v; do printf '%b' "$(printf '\\x%02x\\x%02x' $((v & 255)) $((v >> 8 & 255)))"; done; }
# A static AArch32 (32-bit ARM, EABI) program of 130 bytes, written here so
# that no 32-bit ARM compiler is needed: getpid(); write(1, "arm32\n" at
# 0x1007c, 6); exit_group(5).
make_arm32() { # output file
	local base=$((0x10000)) size=130
	{
		printf '\177ELF\001\001\001\000\000\000\000\000\000\000\000\000'
		le16 2 40; le32 1 $((base + 84)) 52 0 0x05000000; le16 52 32 1 0 0 0
		le32 1 0 $base $base $size $size 5 0x1000
		le32 0xe3a07014 0xef000000 \
			0xe3a00001 0xe28f1014 0xe3a02006 0xe3a07004 0xef000000 \
			0xe3a00005 0xe3a070f8 0xef000000
		printf 'arm32\n'
	} >"$1"
	chmod 755 "$1"
}

die() { echo "FAIL: $*"; exit 1; }
step() { echo "[$(($(date +%s) - T0))s] $*"; }

# -- 1. host tools ------------------------------------------------------------
missing=()
need() { # command package
	command -v "$1" >/dev/null 2>&1 || missing+=("$2")
}
need qemu-system-aarch64 qemu-system-arm
need $CROSS-gcc gcc-aarch64-linux-gnu
[ -e /usr/$CROSS/lib/libc.a ] || missing+=(libc6-dev-arm64-cross)
need cpio cpio
need gzip gzip
need autoreconf "autoconf automake"
need pkg-config pkg-config
need make make
need gcc gcc
need dpkg-deb dpkg
need apt-get apt
need flock util-linux
if [ ${#missing[@]} -gt 0 ]; then
	skip "missing host packages; install them with:
  apt-get install -y ${missing[*]}"
fi
dpkg --print-foreign-architectures 2>/dev/null | grep -qx arm64 ||
	skip "arm64 is not a dpkg architecture here, so the arm64 packages cannot be fetched; run:
  dpkg --add-architecture arm64 && apt-get update"

# -- 2. arm64 packages: kernel, busybox, libraries (cached) -------------------
PKGS="busybox-static libseccomp-dev libseccomp2 libelf-dev libelf1 libdw-dev libdw1
      libcap-dev libcap2 libjson-c-dev libjson-c5 zlib1g-dev zlib1g libzstd-dev
      libzstd1 liblzma-dev liblzma5 libbz2-dev libbz2-1.0 libyaml-dev libyaml-0-2 strace libc6"
DEBS=$CACHE/debs SYSROOT=$CACHE/sysroot KDIR=$CACHE/kernel
# .unpacked holds the package list it was made from: a new list fetches again
if [ "$(cat "$CACHE/.unpacked" 2>/dev/null)" != "$(echo $PKGS)" ]; then
	step "fetching arm64 packages into $DEBS"
	rm -rf "$DEBS" "$SYSROOT" "$KDIR"
	mkdir -p "$DEBS" "$SYSROOT" "$KDIR" || skip "cannot create $CACHE"
	kpkg=$(apt-cache depends linux-image-arm64:arm64 2>/dev/null |
		awk '/Depends: linux-image-[0-9]/ { sub(/:arm64$/, "", $2); print $2; exit }')
	[ -n "$kpkg" ] || skip "apt knows no linux-image-arm64:arm64; run:
  dpkg --add-architecture arm64 && apt-get update"
	list=("$kpkg:arm64")
	for p in $PKGS; do list+=("$p:arm64"); done
	(cd "$DEBS" && apt-get download -q -o APT::Sandbox::User=root "${list[@]}") >"$CACHE/download.log" 2>&1 ||
		{ tail -5 "$CACHE/download.log"; skip "apt-get download of the arm64 packages failed (offline?):
  apt-get download ${list[*]}"; }
	for d in "$DEBS"/*.deb; do
		case ${d##*/} in
		linux-image-*) dpkg-deb --fsys-tarfile "$d" | tar -x -C "$KDIR" --wildcards './boot/vmlinuz-*' ;;
		*) dpkg-deb -x "$d" "$SYSROOT" ;;
		esac || die "cannot unpack $d"
	done
	rm -f "$DEBS"/*.deb   # unpacked: 65 MB less in the cache
	echo $PKGS >"$CACHE/.unpacked"
fi
KERNEL=$(ls "$KDIR"/boot/vmlinuz-* 2>/dev/null | head -1)
[ -n "$KERNEL" ] || die "no kernel in $KDIR (remove $CACHE/.unpacked to fetch again)"
BUSYBOX=$SYSROOT/bin/busybox
[ -x "$BUSYBOX" ] || die "no arm64 busybox in $SYSROOT"
STRACE_A64=$SYSROOT/usr/bin/strace
[ -x "$STRACE_A64" ] || die "no arm64 strace in $SYSROOT"

# -- 3. builds: a clean copy of the tree, cross and (if needed) native ---------
# one build directory for any tree: files whose content changed are copied
# with a new time, so make rebuilds exactly what they affect; a lock keeps
# two runs from sharing it at once
B=$CACHE/build
SRC=$B/src
mkdir -p "$SRC"
exec 9>"$CACHE/lock"
flock 9 || die "cannot lock $CACHE/lock"
step "syncing $srcdir -> $SRC"
if git -C "$srcdir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	git -C "$srcdir" ls-files --cached --others --exclude-standard >"$B/manifest.new"
else
	(cd "$srcdir" && find . -path ./_build -prune -o -type f -print | sed 's|^\./||' |
		grep -v -e '^\.git/' -e '\.o$' -e '\.a$' -e '/\.deps/' -e 'config\.\(status\|log\|h\)$' \
			-e '^Makefile$' -e '^Makefile\.in$' -e '^configure$' -e '^aclocal\.m4$' -e '^build-aux/' \
			-e '^autom4te\.cache/') >"$B/manifest.new"
fi
# files gone from the tree go from the copy
[ -e "$B/manifest" ] && comm -23 <(sort "$B/manifest") <(sort "$B/manifest.new") |
	while read -r f; do rm -f "$SRC/$f"; done
while read -r f; do
	[ -f "$srcdir/$f" ] || continue
	cmp -s "$srcdir/$f" "$SRC/$f" || { mkdir -p "$SRC/$(dirname "$f")" && cp "$srcdir/$f" "$SRC/$f"; }
done <"$B/manifest.new"
mv "$B/manifest.new" "$B/manifest"
if [ ! -x "$SRC/configure" ]; then
	step "autogen"
	(cd "$SRC" && ./autogen.sh) >"$B/autogen.log" 2>&1 || { tail -20 "$B/autogen.log"; die "autogen.sh failed"; }
fi

PCDIR=$SYSROOT/usr/lib/$CROSS/pkgconfig
mkdir -p "$B/aarch64"
# ctrace itself through --enable-static-binary (what users run); the
# helpers static through LDFLAGS.  A change of these arguments configures again.
XARGS="--host=$CROSS --enable-werror --enable-static-binary"
if [ ! -e "$B/aarch64/Makefile" ] || [ "$(cat "$B/aarch64/configure.args" 2>/dev/null)" != "$XARGS" ]; then
	step "configure $XARGS (sysroot $SYSROOT)"
	# shellcheck disable=SC2086
	(cd "$B/aarch64" && ../src/configure $XARGS \
		PKG_CONFIG="pkg-config --static" PKG_CONFIG_LIBDIR="$PCDIR" \
		PKG_CONFIG_SYSROOT_DIR="$SYSROOT" PKG_CONFIG_PATH= LDFLAGS=-static) \
		>"$B/aarch64/configure.out" 2>&1 || { tail -20 "$B/aarch64/config.log"; die "cross configure failed"; }
	echo "$XARGS" >"$B/aarch64/configure.args"
fi
step "make (aarch64)"
make -C "$B/aarch64" -j2 >"$B/aarch64/make.out" 2>&1 ||
	{ grep -v ': warning: Using .* in statically linked' "$B/aarch64/make.out" | tail -30; die "cross build failed"; }
A64=$B/aarch64
sz=$(grep -h '^src/ctrace: fully static' "$A64/make.out")
[ -n "$sz" ] || die "the aarch64 build printed no static size: is src/ctrace static?"
step "aarch64 $sz"
file -b "$A64/src/ctrace" 2>/dev/null | grep -q 'aarch64' || [ ! -x /usr/bin/file ] ||
	die "$A64/src/ctrace is not an aarch64 binary"

HOSTCTRACE=${CTRACE:-}
if [ -z "$HOSTCTRACE" ] || [ ! -x "$HOSTCTRACE" ]; then
	mkdir -p "$B/native"
	if [ ! -e "$B/native/Makefile" ]; then
		step "configure (host)"
		(cd "$B/native" && ../src/configure) >"$B/native/configure.out" 2>&1 ||
			{ tail -20 "$B/native/config.log"; die "host configure failed"; }
	fi
	step "make (host ctrace)"
	make -C "$B/native" -j2 src/ctrace >"$B/native/make.out" 2>&1 ||
		make -C "$B/native" -j2 >"$B/native/make.out" 2>&1 ||
		{ tail -30 "$B/native/make.out"; die "host build failed"; }
	HOSTCTRACE=$B/native/src/ctrace
fi

W=$(mktemp -d "${TMPDIR:-/tmp}/ctrace-a64.XXXXXX")
cleanup() { [ "${A64_KEEP:-0}" = 1 ] && echo "work directory kept: $W" || rm -rf "$W"; }
trap cleanup EXIT
HCFLAGS="-std=gnu11 -O1 -Wall -Wextra -Werror"
step "helpers"
$CROSS-gcc $HCFLAGS -static -o "$W/calls.a64" "$here/calls.c" &&
	$CROSS-gcc $HCFLAGS -static -o "$W/nosysinfo.a64" "$here/nosysinfo.c" &&
	$CROSS-gcc $HCFLAGS -static -o "$W/prot.a64" "$here/prot.c" &&
	gcc $HCFLAGS -o "$W/calls.host" "$here/calls.c" &&
	gcc $HCFLAGS -o "$W/canptrace" "$here/../helpers/canptrace.c" ||
	die "cannot build the helpers"

# -- 4. expectations: the same program traced by ctrace on this host ----------
step "expectations from $(uname -m) ctrace ($HOSTCTRACE)"
mkdir -p "$W/cwd" "$W/root/t/expect"
expect() { # file, ctrace options
	local out=$1; shift
	local st
	"$HOSTCTRACE" "$@" -o "$W/host.txt" "$W/calls.host" "$W/cwd" >"$W/host.out" 2>&1; st=$?
	if [ $st != 0 ]; then
		cat "$W/host.out"
		# only a host that cannot trace natively (without ctrace) is a skip
		"$W/canptrace" || skip "this host cannot trace a process natively (canptrace exits $?), so there is no expectation"
		die "the host's ctrace $* failed (status $st) where the host can trace"
	fi
	awk -f "$here/normalize.awk" "$W/host.txt" >"$W/root/t/expect/$out"
	[ -s "$W/root/t/expect/$out" ] || die "empty expectation $out"
}
expect calls.txt
FAST=openat,read,close,mmap,munmap,getpid,clone,kill,write
echo "$FAST" >"$W/root/t/fast-set"
expect calls-fast.txt -e trace=$FAST

# -- 5. initramfs ---------------------------------------------------------------
step "initramfs"
R=$W/root
mkdir -p "$R"/bin "$R"/proc "$R"/sys "$R"/dev "$R"/tmp "$R"/t
cp "$BUSYBOX" "$R/bin/busybox"
cp "$A64/src/ctrace" "$R/bin/ctrace"
# Debian's arm64 strace 6.1, the oracle, with the C library it needs
cp "$STRACE_A64" "$R/bin/strace"
mkdir -p "$R/lib/aarch64-linux-gnu"
cp "$SYSROOT"/lib/aarch64-linux-gnu/ld-linux-aarch64.so.1 "$SYSROOT"/lib/aarch64-linux-gnu/libc.so.6 \
	"$R/lib/aarch64-linux-gnu/" || die "no arm64 C library in $SYSROOT"
ln -s aarch64-linux-gnu/ld-linux-aarch64.so.1 "$R/lib/ld-linux-aarch64.so.1"
for h in forker spin untraced; do cp "$A64/tests/helpers/$h" "$R/t/$h" || die "no helper $h"; done
cp "$W/calls.a64" "$R/t/calls"
cp "$W/nosysinfo.a64" "$R/t/nosysinfo"
cp "$W/prot.a64" "$R/t/prot"
cp "$here/normalize.awk" "$here/../calls_of.awk" "$R/t/"
make_arm32 "$R/t/arm32"
cp "$here/init.sh" "$R/init"
chmod 755 "$R/init"
(cd "$R" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -1 >"$W/initrd.gz") ||
	die "cannot build the initramfs"

# -- 6. boot --------------------------------------------------------------------
step "booting $(basename "$KERNEL") in qemu-system-aarch64 (TCG, timeout ${TIMEOUT}s)"
CONSOLE=$W/console.log
timeout "$TIMEOUT" qemu-system-aarch64 -M virt -cpu max -m 1024 -smp 2 \
	-nographic -no-reboot -nic none -monitor none \
	-kernel "$KERNEL" -initrd "$W/initrd.gz" \
	-append "console=ttyAMA0 panic=-1 quiet${A64_TESTS:+ ctrace.tests=$A64_TESTS}" </dev/null >"$CONSOLE" 2>&1
qrc=$?
tr -d '\r' <"$CONSOLE" >"$W/console.txt"
cp "$W/console.txt" "$CACHE/last-console.log"
step "qemu exited with $qrc"

# -- 7. results -------------------------------------------------------------------
json_of() { sed -n "/^BEGIN-JSON $1\$/,/^END-JSON $1\$/p" "$W/console.txt" | sed '1d;$d'; }
# --check --json documents are validated here (no JSON parser in busybox)
check_json() { # name jq-program
	local name=$1 prog=$2 rc doc
	rc=$(sed -n "s/^EXIT-JSON $name //p" "$W/console.txt")
	doc=$(json_of "$name")
	if [ -z "$doc" ]; then
		echo "RESULT $name FAIL no JSON document on the console"
	elif ! command -v jq >/dev/null && [ "${CI:-}" = true ]; then
		echo "RESULT $name FAIL jq not installed on the host under CI=true (.ci/run installs it)"
	elif ! command -v jq >/dev/null; then
		echo "RESULT $name SKIP jq not installed on the host (apt-get install -y jq)"
	elif ! out=$(printf '%s\n' "$doc" | jq -e --argjson rc "${rc:-999}" "$prog" 2>&1); then
		echo "RESULT $name FAIL $(printf '%s' "$out" | tr '\n' ' ' | cut -c1-300)"
	else
		echo "RESULT $name PASS $out"
	fi
}
(
	grep -E '^(ENV|RESULT|  \| |  ~ )' "$W/console.txt"
	case ",${A64_TESTS:-check}," in *,check,*) ;; *) exit 0 ;; esac
	check_json check-json-plain '
		(.modes | map(.name)) as $n
		| if $n[:8] != ["spawn","attach","attach-other","memory","syscall-info","seccomp-bpf","no-aslr","stack-trace"]
		  then error("modes \($n)") else . end
		| if .summary.exit_status != $rc then error("exit \($rc) but summary.exit_status \(.summary.exit_status)") else . end
		| if any(.modes[]; .verdict != "ok") then error("not ok: \([.modes[] | select(.verdict != "ok") | .name])") else . end
		| "valid, \(.modes | length) modes ok, kernel \(.environment.kernel // .environment.kernel_release // "?")"'
	check_json check-json-nosysinfo '
		(.modes[] | select(.name == "syscall-info")) as $m
		| if $m.verdict == "ok" then error("syscall-info ok under a filter that denies PTRACE_GET_SYSCALL_INFO") else . end
		| if ($m.cause // "") == "" then error("syscall-info without a cause") else . end
		| if (.modes[] | select(.name == "spawn") | .verdict) != "ok" then error("spawn not ok") else . end
		| "syscall-info \($m.verdict): \($m.cause)"'
) >"$W/results.txt"
cat "$W/results.txt"
pass=$(grep -c '^RESULT [^ ]* PASS' "$W/results.txt")
failn=$(grep -c '^RESULT [^ ]* FAIL' "$W/results.txt")
skipn=$(grep -c '^RESULT [^ ]* SKIP' "$W/results.txt")
EXPECTED=24
T1=$(date +%s)
if ! grep -q '^TESTS-DONE$' "$W/console.txt"; then
	echo "--- console (last 40 lines):"; tail -40 "$W/console.txt"
	[ $qrc = 124 ] && echo "FAIL: the guest did not finish within ${TIMEOUT}s" ||
		echo "FAIL: the guest stopped before the end of the tests (qemu status $qrc)"
	failn=$((failn + 1))
elif [ -z "${A64_TESTS:-}" ] && [ $((pass + failn + skipn)) != $EXPECTED ]; then
	echo "FAIL: $((pass + failn + skipn)) results, expected $EXPECTED"
	failn=$((failn + 1))
fi
echo "aarch64 ($(basename "$KERNEL"), $((T1 - T0)) s): $pass passed, $failn failed, $skipn skipped"
[ "$failn" = 0 ] || exit 1
exit 0
