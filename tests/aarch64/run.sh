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

. "$srcdir/tests/qemu-host.sh"

# run once per CI run: tests/run-all.sh sets this for the sanitizer build
# and make distcheck (the VM test builds its own static binaries anyway)
[ "${CTRACE_SKIP_AARCH64:-0}" = 1 ] && skip "CTRACE_SKIP_AARCH64=1 (already run in the normal build of this CI run)"

# A static AArch32 (32-bit ARM, EABI) program of 130 bytes, written here so
# that no 32-bit ARM compiler is needed: getpid(); write(1, "arm32\n" at
# 0x1007c, 6); exit_group(5).
make_arm32() { # output file
	local base=$((0x10000)) size=130
	{
		elf32_headers 40 0x05000000 $base $size
		le32 0xe3a07014 0xef000000 \
			0xe3a00001 0xe28f1014 0xe3a02006 0xe3a07004 0xef000000 \
			0xe3a00005 0xe3a070f8 0xef000000
		printf 'arm32\n'
	} >"$1"
	chmod 755 "$1"
}

# -- 1. host tools ------------------------------------------------------------
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
need_done
dpkg --print-foreign-architectures 2>/dev/null | grep -qx arm64 ||
	skip "arm64 is not a dpkg architecture here, so the arm64 packages cannot be fetched; run:
  dpkg --add-architecture arm64 && apt-get update"

# -- 2. arm64 packages: kernel, busybox, libraries (cached) -------------------
PKGS="busybox-static libseccomp-dev libseccomp2 libelf-dev libelf1 libdw-dev libdw1
      libcap-dev libcap2 libjson-c-dev libjson-c5 zlib1g-dev zlib1g libzstd-dev
      libzstd1 liblzma-dev liblzma5 libbz2-dev libbz2-1.0 libyaml-dev libyaml-0-2 strace libc6"
vm_fetch arm64 "$PKGS" "dpkg --add-architecture arm64 && apt-get update"
BUSYBOX=$SYSROOT/bin/busybox
[ -x "$BUSYBOX" ] || die "no arm64 busybox in $SYSROOT"
STRACE_A64=$SYSROOT/usr/bin/strace
[ -x "$STRACE_A64" ] || die "no arm64 strace in $SYSROOT"

# -- 3. builds: a clean copy of the tree, cross and (if needed) native ---------
vm_sync_tree

PCDIR=$SYSROOT/usr/lib/$CROSS/pkgconfig
# ctrace itself through --enable-static-binary (what users run); the
# helpers static through LDFLAGS.  A change of these arguments configures again.
XARGS="--host=$CROSS --enable-werror --enable-static-binary"
vm_build aarch64 "$XARGS" -- PKG_CONFIG="pkg-config --static" PKG_CONFIG_LIBDIR="$PCDIR" \
	PKG_CONFIG_SYSROOT_DIR="$SYSROOT" PKG_CONFIG_PATH= LDFLAGS=-static
A64=$B/aarch64
sz=$(grep -h '^src/ctrace: fully static' "$A64/make.out")
[ -n "$sz" ] || die "the aarch64 build printed no static size: is src/ctrace static?"
step "aarch64 $sz"
file -b "$A64/src/ctrace" 2>/dev/null | grep -q 'aarch64' || [ ! -x /usr/bin/file ] ||
	die "$A64/src/ctrace is not an aarch64 binary"

HOSTCTRACE=${CTRACE:-}
if [ -z "$HOSTCTRACE" ] || [ ! -x "$HOSTCTRACE" ]; then
	vm_build native "" src/ctrace
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
vm_pack "$here/init.sh"

# -- 6. boot --------------------------------------------------------------------
vm_boot "$TIMEOUT" ttyAMA0 "${A64_TESTS:-}" qemu-system-aarch64 -M virt -cpu max -m 1024 -smp 2

# -- 7. results -------------------------------------------------------------------
# --check --json documents are validated here (no JSON parser in busybox)
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
vm_summary aarch64 24 "${A64_TESTS:-}"
[ "$failn" = 0 ] || exit 1
exit 0
