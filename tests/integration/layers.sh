#!/bin/bash
# The layers of the source tree (issue 15): arch/ sits below src/, and its
# header pulls in neither src/ nor the generated xlat sets, so an edited
# syscalls/xlat/*.in rebuilds only what uses it.
. "$(dirname "$0")/lib.sh"
rc=0
cc=${CC:-cc}
inc="-I$srcdir/arch -I$srcdir/src -I$BUILDDIR -I$srcdir"
# what arch/arch.h brings along, preprocessed
pp=$(printf '#include "arch.h"\n' | $cc -E -x c $inc - 2>&1) || { echo "FAIL: arch.h does not compile alone: $pp"; exit 1; }
files=$(printf '%s\n' "$pp" | sed -n 's/^# [0-9]* "\([^"<]*\)".*/\1/p' | sort -u)
if printf '%s\n' "$files" | grep -E '(^|/)(src|gen)/'; then
	echo "FAIL: arch/arch.h includes the files above (src/ or gen/)"; rc=1
fi
if printf '%s\n' "$pp" | grep -q 'xlat_open_flags'; then
	echo "FAIL: arch/arch.h declares the xlat sets"; rc=1
fi
# arch/*.c take from src/ only the row of a table, and from gen/ only
# the syscall tables and the one set each names
for f in "$srcdir"/arch/*.c "$srcdir"/arch/*/*.c; do
	bad=$(grep -o '^#include "[^"]*"' "$f" | sed 's/^#include "\(.*\)"/\1/' |
		grep -vxE 'config\.h|arch\.h|abi\.h|syscallent\.h|gen/syscalls\.h|gen/xlat/[a-z0-9_]+\.h')
	[ -z "$bad" ] || { echo "FAIL: ${f#"$srcdir"/} includes $bad"; rc=1; }
done
# the output buffer is ctrace's own: no C library's private FILE fields
if grep -rn '_IO_write\|_IO_buf\|_IO_read' "$srcdir"/src "$srcdir"/arch --include='*.[ch]'; then
	echo "FAIL: the lines above use a C library's private FILE fields"; rc=1
fi
exit $rc
