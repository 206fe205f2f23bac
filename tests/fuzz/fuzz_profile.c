/* libFuzzer entry point for the seccomp profile parser and builder
 * (src/check/profile.c) and the mode queries on what it builds.
 * Not part of make check; build and run with tests/fuzz/run.sh.
 *
 * Every input is parsed; a parsed profile is built for both
 * architectures with a capability set and kernel version taken from a
 * hash of the input, and the built filter must pass the BPF checker. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "check/bpf.h"
#include "check/profile.h"
#include "check/seccomp_query.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const arches[] = { "x86_64", "aarch64" };
	struct seccomp_profile *p = NULL;
	char err[256];
	uint64_t h = 1469598103934665603ULL;
	int r;

	r = profile_parse((const char *)data, size, &p, err, sizeof(err));
	if (r < 0) {
		if (!err[0] || p)
			__builtin_trap();   /* an error always says what */
		return 0;
	}
	for (size_t i = 0; i < size; i++)
		h = (h ^ data[i]) * 1099511628211ULL;
	/* Building forks a libseccomp child (slow): do it for one parsed
	 * input in four, so the parser gets most of the time. */
	if (h & 3) {
		profile_free(p);
		return 0;
	}
	for (unsigned a = 0; a < 2; a++) {
		struct profile_target t = {
			.arch = arches[a],
			.caps = h,
			.kernel_major = 3 + (unsigned)(h >> 60),
			.kernel_minor = (unsigned)(h >> 50) & 31,
			.strict_names = (h >> 49) & 1,
			.timeout_ms = 2000,
		};
		struct profile_filter f;
		struct sq_result res[SQ_COUNT];
		struct bpf_filter bf;

		if (profile_build(p, &t, &f, err, sizeof(err)) < 0) {
			if (!err[0] || f.insns)
				__builtin_trap();
			continue;
		}
		if (bpf_check(f.insns, f.len, NULL) != 0)
			__builtin_trap();   /* libseccomp output must be valid */
		bf.insns = f.insns;
		bf.len = f.len;
		if (seccomp_query_modes(&bf, 1, arches[a], res) != 0)
			__builtin_trap();
		profile_filter_release(&f);
	}
	profile_free(p);
	return 0;
}
