#!/bin/bash
# ctrace on a real x86_64 Linux kernel where 32-bit system calls work: packs
# a static ctrace (make check's, or built in the cache) and int80 with
# busybox, this host's strace (the oracle) and hand-written i386 and x32
# programs into an initramfs, boots Debian's amd64 kernel in qemu-system-x86_64 (TCG,
# no network, no disk) and runs tests/x86vm/init.sh there: the int $0x80
# checks of tests/integration/reliability.sh and json.sh, which skip on a
# machine whose kernel or hypervisor kills int $0x80 (issue #13), and the
# x32 personality (issue #16: the kernel runs x32 with syscall.x32=y).
# Prints the RESULT lines and a summary; exits 0 when every test passed,
# 1 on a failure, 77 when it cannot run here (the reason is printed), also
# when the guest kernel itself cannot run int $0x80.
#
# Environment: CTRACE_STATIC and HELPERS (make check's static ctrace and
# helpers: used when set, else both are built in the cache),
# CTRACE_X86VM_CACHE (downloads, builds; default
# ~/.cache/ctrace-x86vm), X86VM_TIMEOUT (seconds for the whole boot,
# default 180), X86VM_KEEP=1 keeps the work directory, X86VM_TESTS=a,b runs
# only those tests of init.sh, STRACE (the oracle, default strace).  See
# tests/x86vm/README.md.
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${srcdir:=$(cd "$here/../.." && pwd)}"
srcdir=$(cd "$srcdir" && pwd)
CACHE=${CTRACE_X86VM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ctrace-x86vm}
TIMEOUT=${X86VM_TIMEOUT:-180}
T0=$(date +%s)

. "$srcdir/tests/qemu-host.sh"

# run once per CI run: tests/run-all.sh sets this for the sanitizer build
# and make distcheck (the test builds its own static binaries anyway)
[ "${CTRACE_SKIP_X86VM:-0}" = 1 ] && skip "CTRACE_SKIP_X86VM=1 (already run in the normal build of this CI run)"
[ "$(uname -m)" = x86_64 ] || skip "an x86_64 host is needed (ctrace is built for the host, the guest is x86_64)"

# A static i386 program of 161 bytes, written here so that no 32-bit
# compiler or library is needed: getpid(); write(1, "i386\n" at
# 0x0804809c, 5); mmap2(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS,
# -1, 0) (an address above 2 GiB: a 32-bit result that is no error);
# exit_group(5), each through int $0x80.
make_i386() { # output file
	local base=$((0x08048000)) size=161
	{
		elf32_headers 3 0 $base $size
		printf '\270\024\000\000\000\315\200'          # mov $20,%eax (getpid); int $0x80
		printf '\270\004\000\000\000\273\001\000\000\000' # mov $4,%eax (write); mov $1,%ebx
		printf '\271'; le32 $((base + 156))               # mov $msg,%ecx
		printf '\272\005\000\000\000\315\200'             # mov $5,%edx; int $0x80
		printf '\270\300\000\000\000\061\333'           # mov $192,%eax (mmap2); xor %ebx,%ebx
		printf '\271\000\020\000\000\272\001\000\000\000' # mov $4096,%ecx; mov $1,%edx
		printf '\276\042\000\000\000\277\377\377\377\377' # mov $0x22,%esi; mov $-1,%edi
		printf '\061\355\315\200'                        # xor %ebp,%ebp; int $0x80
		printf '\270\374\000\000\000\273\005\000\000\000\315\200' # exit_group(5)
		printf 'i386\n'
	} >"$1"
	chmod 755 "$1"
	[ "$(wc -c <"$1")" = $size ] || die "make_i386: $(wc -c <"$1") bytes, not $size"
}

# A static x86_64 program of 184 bytes that makes x32 system calls (the
# syscall instruction with __X32_SYSCALL_BIT, 0x40000000, in the number),
# written here as make_i386: getpid (39); write(1, "x32\n" at 0x4000b4, 4)
# (1); ioctl(1, TCGETS, NULL) (514, a number of x32's table alone: fails,
# ENOTTY as stdout is no terminal); exit_group(7) (231).  The kernel runs
# them only when it has x32 and it is on (Debian's: syscall.x32=y).
make_x32() { # output file
	local base=$((0x400000)) size=184
	{
		elf64_headers 62 $base $size
		printf '\270\047\000\000\100\017\005'               # mov $0x40000027,%eax (getpid); syscall
		printf '\270\001\000\000\100\277\001\000\000\000' # mov $0x40000001,%eax (write); mov $1,%edi
		printf '\276'; le32 $((base + 180))                     # mov $msg,%esi
		printf '\272\004\000\000\000\017\005'               # mov $4,%edx; syscall
		printf '\270\002\002\000\100\277\001\000\000\000' # mov $0x40000202,%eax (ioctl); mov $1,%edi
		printf '\276\001\124\000\000\061\322\017\005'       # mov $0x5401,%esi (TCGETS); xor %edx,%edx; syscall
		printf '\270\347\000\000\100\277\007\000\000\000\017\005' # exit_group(7)
		printf 'x32\n'
	} >"$1"
	chmod 755 "$1"
	[ "$(wc -c <"$1")" = $size ] || die "make_x32: $(wc -c <"$1") bytes, not $size"
}

# Static programs whose 32-bit or x32 clone asks for CLONE_UNTRACED (issue
# #16), written as make_i386: clone(CLONE_UNTRACED|SIGCHLD, 0, 0, 0, 0);
# the parent waits for the child (wait4(pid, NULL, 0, NULL)) and exits 0;
# the child writes "child\n" and exits 0 when the write returned 6, 1 when
# it did not (ud2 if its exit_group failed too).  KIND: i386 (a 32-bit
# program, int $0x80), int80 (a 64-bit program making the same i386 calls
# through int $0x80: the code is the same bytes in both modes), x32 (the
# syscall instruction with __X32_SYSCALL_BIT: clone 56, wait4 61, write 1,
# exit_group 231).
make_untraced() { # i386|int80|x32 output-file
	local base size msg
	{
		case $1 in
		i386) base=$((0x08048000)) size=177; elf32_headers 3 0 $base $size; msg=$((base + 84 + 87)) ;;
		int80) base=$((0x400000)) size=213; elf64_headers 62 $base $size; msg=$((base + 120 + 87)) ;;
		x32) base=$((0x400000)) size=217; elf64_headers 62 $base $size; msg=$((base + 120 + 91)) ;;
		esac
		case $1 in
		i386 | int80)
			printf '\270\170\000\000\000\273\021\000\200\000' # mov $120,%eax (clone); mov $0x800011,%ebx
			printf '\061\311\061\322\061\366\061\377\315\200' # xor %ecx,%edx,%esi,%edi; int $0x80
			printf '\205\300\164\030'                         # test %eax,%eax; jz child
			printf '\211\303\270\162\000\000\000'             # mov %eax,%ebx; mov $114,%eax (wait4)
			printf '\061\311\061\322\061\366\315\200'         # xor %ecx,%edx,%esi; int $0x80
			printf '\270\374\000\000\000\061\333\315\200'     # exit_group(0)
			printf '\270\004\000\000\000\273\001\000\000\000' # child: mov $4,%eax (write); mov $1,%ebx
			printf '\271'; le32 $msg                          # mov $msg,%ecx
			printf '\272\006\000\000\000\315\200'             # mov $6,%edx; int $0x80
			printf '\061\333\203\370\006\017\225\303'         # xor %ebx,%ebx; cmp $6,%eax; setne %bl
			printf '\270\374\000\000\000\315\200\017\013'     # exit_group(%ebx); ud2
			;;
		x32)
			printf '\270\070\000\000\100\277\021\000\200\000' # mov $0x40000038,%eax (clone); mov $0x800011,%edi
			printf '\061\366\061\322\105\061\322\105\061\300' # xor %esi,%edx,%r10d,%r8d
			printf '\017\005\205\300\164\031'                 # syscall; test %eax,%eax; jz child
			printf '\211\307\270\075\000\000\100'             # mov %eax,%edi; mov $0x4000003d,%eax (wait4)
			printf '\061\366\061\322\105\061\322\017\005'     # xor %esi,%edx,%r10d; syscall
			printf '\270\347\000\000\100\061\377\017\005'     # exit_group(0)
			printf '\270\001\000\000\100\277\001\000\000\000' # child: mov $0x40000001,%eax (write); mov $1,%edi
			printf '\276'; le32 $msg                          # mov $msg,%esi
			printf '\272\006\000\000\000\017\005'             # mov $6,%edx; syscall
			printf '\061\377\203\370\006\100\017\225\307'     # xor %edi,%edi; cmp $6,%eax; setne %dil
			printf '\270\347\000\000\100\017\005\017\013'     # exit_group(%edi); ud2
			;;
		esac
		printf 'child\n'
	} >"$2"
	chmod 755 "$2"
	[ "$(wc -c <"$2")" = $size ] || die "make_untraced $1: $(wc -c <"$2") bytes, not $size"
}

# A static x86_64 program of 173 bytes whose x32 calls have numbers of the
# 64-bit ABI alone (x32 uses 512 and up for them; the kernel answers
# ENOSYS), written as make_i386: 13 (x86_64's rt_sigaction; strace names
# it rt_sigaction#64) with 1, 0, 0, 8; 16 (ioctl#64) with 1, 0x5401, 0;
# then exit_group(3).
make_x32_64() { # output file
	local base=$((0x400000)) size=173
	{
		elf64_headers 62 $base $size
		printf '\270\015\000\000\100\277\001\000\000\000' # mov $0x4000000d,%eax; mov $1,%edi
		printf '\061\366\061\322\101\272\010\000\000\000' # xor %esi,%edx; mov $8,%r10d
		printf '\017\005'                                 # syscall
		printf '\270\020\000\000\100\277\001\000\000\000' # mov $0x40000010,%eax; mov $1,%edi
		printf '\276\001\124\000\000\061\322\017\005'       # mov $0x5401,%esi; xor %edx,%edx; syscall
		printf '\270\347\000\000\100\277\003\000\000\000\017\005' # exit_group(3)
	} >"$1"
	chmod 755 "$1"
	[ "$(wc -c <"$1")" = $size ] || die "make_x32_64: $(wc -c <"$1") bytes, not $size"
}

# -- 1. host tools ------------------------------------------------------------
STRACE=${STRACE:-strace}
need qemu-system-x86_64 qemu-system-x86
need cpio cpio
need gzip gzip
need autoreconf autoconf automake
need pkg-config pkg-config
need make make
need gcc gcc
need readelf binutils
need dpkg-deb dpkg
need apt-get apt
need flock util-linux
need ldd libc-bin
need "$STRACE" strace
need_done

# -- 2. amd64 packages: kernel, busybox (cached) ------------------------------
vm_fetch amd64 busybox-static "apt-get update"
BUSYBOX=$SYSROOT/bin/busybox
[ -x "$BUSYBOX" ] || die "no busybox in $SYSROOT"

# -- 3. ctrace and int80: make check's, or built static in the cache -----------
# under make check: the static twin of the ctrace under test (CTRACE_STATIC)
# and its int80 helper (dynamic: the C library goes in with strace's)
if [ -n "${CTRACE_STATIC:-}" ] && [ -x "$CTRACE_STATIC" ] && [ -x "${HELPERS:-}/int80" ] &&
	! LC_ALL=C readelf -l "$CTRACE_STATIC" | grep -q -e INTERP -e DYNAMIC; then
	CTRACE_BIN=$CTRACE_STATIC INT80=$HELPERS/int80
	step "using $CTRACE_BIN and $INT80"
else
	vm_sync_tree
	# src/ctrace through --enable-static-binary (what users run), int80
	# static through LDFLAGS; only these two are built
	vm_build static "--enable-werror --enable-static-binary" src/ctrace tests/helpers/int80 -- \
		PKG_CONFIG="pkg-config --static" LDFLAGS=-static
	CTRACE_BIN=$B/static/src/ctrace INT80=$B/static/tests/helpers/int80
	LC_ALL=C readelf -l "$CTRACE_BIN" | grep -q -e INTERP -e DYNAMIC && die "$CTRACE_BIN is not static"
fi

W=$(mktemp -d "${TMPDIR:-/tmp}/ctrace-x86vm.XXXXXX")
cleanup() { [ "${X86VM_KEEP:-0}" = 1 ] && echo "work directory kept: $W" || rm -rf "$W"; }
trap cleanup EXIT
step "nosysinfo"
gcc -std=gnu11 -O1 -Wall -Wextra -Werror -static -o "$W/nosysinfo" "$srcdir/tests/aarch64/nosysinfo.c" ||
	die "cannot build nosysinfo"

# -- 4. initramfs -------------------------------------------------------------------
R=$W/root
mkdir -p "$R"/bin "$R"/proc "$R"/sys "$R"/dev "$R"/tmp "$R"/t
cp "$BUSYBOX" "$R/bin/busybox"
cp "$CTRACE_BIN" "$R/bin/ctrace"
cp "$W/nosysinfo" "$R/t/"
make_i386 "$R/t/i386"
make_x32 "$R/t/x32"
for k in i386 int80 x32; do make_untraced $k "$R/t/untraced-$k"; done
make_x32_64 "$R/t/x32-64"
# a program and the libraries ldd lists for it, with the loader
copy_with_libs() { # program destination
	cp "$1" "$R$2" || die "cannot copy $1"
	for l in $(ldd "$1" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'); do
		[ -e "$R$l" ] && continue
		mkdir -p "$R$(dirname "$l")" && cp -L "$l" "$R$l" || die "cannot copy $l (a library of $1)"
	done
}
copy_with_libs "$INT80" /t/int80
# the oracle: this host's strace
copy_with_libs "$(command -v "$STRACE")" /bin/strace
vm_pack "$here/init.sh"

# -- 5. boot --------------------------------------------------------------------
# Debian's kernel has x32 built in but off unless asked for
VM_APPEND=syscall.x32=y
vm_boot "$TIMEOUT" ttyS0 "${X86VM_TESTS:-}" qemu-system-x86_64 -accel tcg -cpu max -m 512 -smp 2

# -- 6. results -------------------------------------------------------------------
grep -E '^(ENV|RESULT|  \| |  ~ )' "$W/console.txt" >"$W/results.txt"
sk=$(sed -n 's/^RESULT native-int80 SKIP //p' "$W/results.txt")
[ -n "$sk" ] && { cat "$W/results.txt"; skip "the guest kernel cannot run int \$0x80 either: $sk"; }
# the JSON lines of int80-json are checked here with jq (busybox has none)
case ",${X86VM_TESTS:-int80-json}," in
*,int80-json,*)
	check_json int80-json '
		if length < 3 then error("\(length) events") else . end
		| if $rc != 0 then error("exit status \($rc)") else . end
		| ([.[] | select(.type == "personality") | .mode]) as $m
		| if $m != ["32 bit", "64 bit"] then error("personality events: \($m)") else . end
		| (map(.type == "personality") | index(true)) as $i
		| if (.[$i + 1] | [.type, .name]) != ["syscall", "getpid"]
		  then error("after the 32 bit event: \(.[$i + 1])") else . end
		| if (.[-1] | [.type, .status]) != ["exit", 0] then error("last event: \(.[-1])") else . end
		| "\(length) JSON events, personality 32 bit then 64 bit, i386 getpid between them, exit 0"' -s >>"$W/results.txt" ;;
esac
cat "$W/results.txt"
vm_summary x86_64 20 "${X86VM_TESTS:-}"
[ "$failn" = 0 ] || exit 1
exit 0
