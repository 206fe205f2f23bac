/* libFuzzer entry point for the seccomp BPF interpreter (src/check/bpf.c).
 * Not part of make check; build and run with tests/fuzz/run.sh.
 *
 * Input: the first 64 bytes are a struct seccomp_data, the rest is an
 * array of struct sock_filter, split in two at a point chosen by the
 * first byte so that bpf_run_filters() sees a stack of two programs. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check/bpf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sock_filter prog[BPF_SECCOMP_MAX_INSNS + 64];
	struct seccomp_data sd;
	struct bpf_filter stack[2];
	unsigned len, split, bad;
	uint32_t ret, ret1;
	int c, r;

	if (size < sizeof(sd))
		return 0;
	memcpy(&sd, data, sizeof(sd));
	data += sizeof(sd);
	size -= sizeof(sd);
	len = (unsigned)(size / sizeof(struct sock_filter));
	if (len > BPF_SECCOMP_MAX_INSNS + 64)
		len = BPF_SECCOMP_MAX_INSNS + 64;
	memcpy(prog, data, (size_t)len * sizeof(struct sock_filter));

	c = bpf_check(prog, len, NULL);
	r = bpf_run(prog, len, &sd, &ret);
	if (r != c)
		__builtin_trap();
	if (c == 0) {
		(void)seccomp_ret_kind(ret, NULL);
		if (bpf_run(prog, len, &sd, &ret1) != 0 || ret1 != ret)
			__builtin_trap();
	}
	split = len ? (unsigned)(sd.nr & 0xff) % (len + 1) : 0;
	stack[0].insns = prog;
	stack[0].len = split;
	stack[1].insns = prog + split;
	stack[1].len = len - split;
	r = bpf_run_filters(stack, 2, &sd, &ret, &bad);
	if (r == 0 && (bpf_check(prog, split, NULL) || bpf_check(prog + split, len - split, NULL)))
		__builtin_trap();
	return 0;
}
