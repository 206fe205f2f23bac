#!/bin/sh
# Regenerate syscalls/<arch>.tbl from the installed kernel UAPI headers plus
# the syscalls added after those headers (listed below as facts).  The .tbl
# files are committed data; this script is only run by hand when updating:
#
#   sh syscalls/mktbl.sh x86_64  > syscalls/x86_64.tbl
#   sh syscalls/mktbl.sh aarch64 > syscalls/aarch64.tbl
#   sh syscalls/mktbl.sh i386    > syscalls/i386.tbl
#   sh syscalls/mktbl.sh arm     > syscalls/arm.tbl
#   sh syscalls/mktbl.sh x32     > syscalls/x32.tbl
#
# x86_64:  the 64-bit table of <asm/unistd_64.h> (not x32, not i386).
# aarch64: <asm/unistd.h> of the arm64 cross headers (linux-libc-dev-arm64-
#          cross), i.e. asm-generic/unistd.h with the __ARCH_WANT_* choices
#          of arm64, evaluated by the preprocessor with __BITS_PER_LONG 64.
# i386:    <asm/unistd_32.h> of the host headers: the compat personality of
#          x86_64 (int $0x80, 32-bit programs).
# arm:     <asm/unistd.h> of the armhf cross headers (linux-libc-dev-armhf-
#          cross) with __ARM_EABI__: the EABI numbers, the compat
#          personality of aarch64.  The ARM-private calls (__ARM_NR_*, from
#          0xf0000: cacheflush, set_tls...) are not in the table.
# x32:     <asm/unistd_x32.h> of the host headers, numbers less
#          __X32_SYSCALL_BIT (0x40000000): the x32 personality of x86_64
#          (a 64-bit process whose syscall instruction sets that bit in
#          rax).  Its own calls are 512..547; a number below 512 of the
#          64-bit ABI alone (13 rt_sigaction, 16 ioctl...: x86_64's
#          numbers, headers and list below, that x32 lacks) is named
#          NAME#64, as strace names it (the kernel refuses it: ENOSYS),
#          with a third column where strace shows another number of
#          arguments than syscalls.def's row of NAME (pos_h, unused in the
#          64-bit preadv and pwritev, is not shown).
# A number that the headers already define must carry the same name as in
# the list below, otherwise the script fails.
set -eu

arch=${1:?usage: mktbl.sh x86_64|aarch64|i386|arm|x32}
X86_64_H=${X86_64_H:-/usr/include/x86_64-linux-gnu/asm/unistd_64.h}
AARCH64_INC=${AARCH64_INC:-/usr/aarch64-linux-gnu/include}
I386_H=${I386_H:-/usr/include/x86_64-linux-gnu/asm/unistd_32.h}
ARM_INC=${ARM_INC:-/usr/arm-linux-gnueabihf/include}
X32_H=${X32_H:-/usr/include/x86_64-linux-gnu/asm/unistd_x32.h}
CPP=${CPP:-cpp}

# Added in Linux 6.2 .. 6.18 (scripts/syscall.tbl "common" entries and
# arch/x86/entry/syscalls/syscall_64.tbl).  "all" = every table: the
# "common" rows of syscall_64.tbl are x32's too, its "64" rows (uretprobe,
# uprobe, map_shadow_stack) are not.
newer() {
	cat <<'EOF'
x86_64 335 uretprobe
x86_64 336 uprobe
all 451 cachestat
all 452 fchmodat2
x86_64 453 map_shadow_stack
aarch64 453 map_shadow_stack
i386 453 map_shadow_stack
arm 453 map_shadow_stack
all 454 futex_wake
all 455 futex_wait
all 456 futex_requeue
all 457 statmount
all 458 listmount
all 459 lsm_get_self_attr
all 460 lsm_set_self_attr
all 461 lsm_list_modules
all 462 mseal
all 463 setxattrat
all 464 getxattrat
all 465 listxattrat
all 466 removexattrat
all 467 open_tree_attr
all 468 file_getattr
all 469 file_setattr
EOF
}

from_headers() {
	case $arch in
	x86_64)
		sed -n 's/^#define __NR_\([a-z0-9_]*\)[ \t]\{1,\}\([0-9]\{1,\}\)$/\2 \1/p' "$X86_64_H"
		;;
	i386)
		sed -n 's/^#define __NR_\([a-z0-9_]*\)[ \t]\{1,\}\([0-9]\{1,\}\)$/\2 \1/p' "$I386_H"
		;;
	x32)
		sed -n 's/^#define __NR_\([a-z0-9_]*\)[ \t]\{1,\}(__X32_SYSCALL_BIT + \([0-9]\{1,\}\))$/\2 \1/p' "$X32_H"
		;;
	arm)
		names=$(printf '#include <asm/unistd.h>\n' |
			$CPP -nostdinc -D__ARM_EABI__ -I"$ARM_INC" -dM - |
			sed -n 's/^#define __NR_\([a-z0-9_]*\) .*/\1/p' | sort -u)
		{
			printf '#include <asm/unistd.h>\n'
			for n in $names; do printf 'NR %s __NR_%s\n' "$n" "$n"; done
		} | $CPP -nostdinc -D__ARM_EABI__ -I"$ARM_INC" -P - |
			awk '$1 == "NR" && $3 ~ /^[0-9() +]+$/ { v = $3; for (i = 4; i <= NF; i++) v = v $i; print v, $2 }' |
			awk '{ gsub(/[()]/, "", $1); n = split($1, p, "+"); t = 0; for (i = 1; i <= n; i++) t += p[i]; print t, $2 }' |
			# aliases and bases, not calls
			grep -v -E ' (SYSCALL_BASE|OABI_SYSCALL_BASE|SYSCALL_MASK|sync_file_range2)$'
		;;
	aarch64)
		# List the macro names, then let the preprocessor evaluate each.
		names=$(printf '#include <asm/unistd.h>\n' |
			$CPP -nostdinc -I"$AARCH64_INC" -dM - |
			sed -n 's/^#define __NR_\([a-z0-9_]*\) .*/\1/p' | sort -u)
		{
			printf '#include <asm/unistd.h>\n'
			for n in $names; do printf 'NR %s __NR_%s\n' "$n" "$n"; done
		} | $CPP -nostdinc -I"$AARCH64_INC" -P - |
			awk '$1 == "NR" && $3 ~ /^[0-9]+$/ { print $3, $2 }' |
			# not syscalls: the arch-private range marker and the count
			grep -v -E ' (arch_specific_syscall|syscalls)$'
		;;
	*)
		echo "mktbl.sh: unknown architecture '$arch'" >&2; exit 1 ;;
	esac
}

# the arguments strace shows of a NAME#64 call, where NAME's row says
# otherwise
args64() {
	cat <<'EOF'
preadv 4
pwritev 4
EOF
}

# x32: x86_64's numbers below 512 (the "S" rows), for the holes
sixty_four() {
	[ "$arch" = x32 ] || return 0
	args64 | sed 's/^/A /'
	arch=x86_64 from_headers | sed 's/^/S /'
	newer | awk '$1 == "x86_64" || $1 == "all" { print "S", $2, $3 }'
}

{ from_headers | sed 's/^/H /'; newer | awk -v a="$arch" '$1 == a || $1 == "all" { print "N", $2, $3 }'; sixty_four; } |
awk '
	$1 == "A" { nargs[$2] = " " $3; next }
	$1 == "H" { if ($2 in name) { print "duplicate number " $2 > "/dev/stderr"; bad = 1 } name[$2] = $3; next }
	$1 == "N" {
		if (($2 in name) && name[$2] != $3) { print $2 ": headers say " name[$2] ", list says " $3 > "/dev/stderr"; bad = 1 }
		name[$2] = $3
		next
	}
	$1 == "S" { if ($2 < 512) s64[$2] = $3; next }
	END {
		if (bad) exit 1
		for (n in s64) if (!(n in name)) name[n] = s64[n] "#64" nargs[s64[n]]
		for (n in name) print n, name[n]
	}
' | sort -n -k1,1
