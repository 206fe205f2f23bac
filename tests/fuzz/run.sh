#!/bin/sh
# Build the libFuzzer targets with clang (ASan + UBSan) and run each for
# a while.  Not part of make check.
#   tests/fuzz/run.sh [SECONDS]      (from a configured build tree)
# Needs: clang, libseccomp-dev, libjson-c-dev; config.h from ./configure.
set -eu
secs=${1:-60}
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$top}
out=${OUT:-$build/tests/fuzz/out}
mkdir -p "$out"
cflags="-g -O1 -std=gnu11 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-I$build -I$top -I$top/src -I$top/arch"
srcs="$top/src/check/bpf.c $top/src/check/profile.c $top/src/check/engine_caps.c \
	$top/src/check/seccomp_query.c $top/src/util.c"
libs="$(pkg-config --libs libseccomp json-c)"
for t in bpf profile; do
	clang $cflags -o "$out/fuzz_$t" "$top/tests/fuzz/fuzz_$t.c" $srcs $libs
done
# the option and -e expression parsers (with the generated tables)
# shellcheck disable=SC2046
clang $cflags -o "$out/fuzz_options" "$top/tests/fuzz/fuzz_options.c" \
	$(ls "$top"/src/*.c "$top"/src/check/*.c | grep -v '/src/ctrace\.c$') \
	"$top/arch/arch.c" "$top/arch/$(uname -m)/regs.c" \
	"$build/gen/syscalls_x86_64.c" "$build/gen/syscalls_aarch64.c" "$build/gen/xlat.c" \
	$libs $(pkg-config --libs libcap libdw libelf)
# Seed corpora: the project's fixture profiles; a few BPF programs.
mkdir -p "$out/corpus_profile" "$out/corpus_bpf" "$out/corpus_options"
printf -- '-e\0trace=open,%%file,!close\0-s\0100\0ls' > "$out/corpus_options/seed1"
printf -- '-e\0signal=!SIGCHLD\0-ff\0-o\0x\0-p\01,2' > "$out/corpus_options/seed2"
cp "$top"/tests/fixtures/profiles/*.json "$out/corpus_profile/"
printf '%064d' 0 | tr 0 '\0' > "$out/corpus_bpf/empty"
for t in bpf profile options; do
	echo "== fuzz_$t for ${secs}s"
	mask=0; [ "$t" = options ] && mask=3   # its messages and --help go to stdout/stderr
	"$out/fuzz_$t" -close_fd_mask=$mask -artifact_prefix="$out/" -max_total_time="$secs" -max_len=16384 -timeout=10 \
		-rss_limit_mb=2048 "$out/corpus_$t" 2>&1 | tail -n 12
done
