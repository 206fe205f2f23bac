#!/bin/bash
# The aarch64 code (arch/aarch64, the generated tables and the tracer core)
# compiles with the aarch64 cross compiler, warnings as errors.  Linking
# needs arm64 builds of the libraries; issue 10 runs it under qemu.
. "$(dirname "$0")/lib.sh"
CC_A64=${CC_A64:-aarch64-linux-gnu-gcc}
command -v "$CC_A64" >/dev/null || skip "$CC_A64 not installed (apt-get install gcc-aarch64-linux-gnu)"
: "${BUILDDIR:?BUILDDIR must point at the build tree (gen/ lives there)}"
cat >"$TMP/config.h" <<'H'
#define _GNU_SOURCE 1
#define PACKAGE_VERSION "cross"
H
rc=0
files=("$srcdir"/arch/arch.c "$srcdir"/arch/abi.c "$srcdir"/arch/aarch64/regs.c \
	"$BUILDDIR"/gen/syscalls_x86_64.c "$BUILDDIR"/gen/syscalls_aarch64.c "$BUILDDIR"/gen/xlat.c)
for f in "$srcdir"/src/*.c; do
	# the diagnosis and what-if code need libseccomp/libcap/json-c headers
	# of the target: not installed for arm64 here
	grep -q '#include <\(seccomp\|sys/capability\|json-c/\)' "$f" && continue
	files+=("$f")
done
for f in "${files[@]}"; do
	if ! "$CC_A64" -std=gnu11 -Wall -Wextra -Werror -Wno-unused-parameter \
		-Wno-missing-field-initializers -I"$TMP" -I"$srcdir/src" -I"$srcdir/arch" -I"$srcdir/arch/aarch64" \
		-I"$BUILDDIR" -I"$srcdir" -c "$f" -o "$TMP/out.o" 2>"$TMP/err"; then
		echo "FAIL: $f"; head -20 "$TMP/err"; rc=1
	fi
done
[ $rc = 0 ] && echo "ok: ${#files[@]} files compile for aarch64"
exit $rc
