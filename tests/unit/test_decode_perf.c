/* Unit tests of perf_event_open's decoder and the PERF_EVENT_IOC_* ioctl
 * family (src/decode_perf.c, src/ioctl_perf.c), driven with the fake
 * tracee of tests/unit/fake_tcb.[ch]: this test process, whose memory
 * holds the structures the decoders read. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "fake_tcb.h"
#include "gen/decoders.h"
#include "sink.h"
#include "tcb.h"

/* struct perf_event_attr, version 7 (128 bytes) */
struct attr {
	uint32_t type, size;
	uint64_t config, sample_period, sample_type, read_format, bits;
	uint32_t wakeup_events, bp_type;
	uint64_t config1, config2, branch_sample_type, sample_regs_user;
	uint32_t sample_stack_user;
	int32_t clockid;
	uint64_t sample_regs_intr;
	uint32_t aux_watermark;
	uint16_t sample_max_stack, reserved_2;
	uint32_t aux_sample_size, reserved_3;
	uint64_t sig_data;
};

static const char *drive(struct fake *f, decoder_fn d, long rval, int err, unsigned long a0,
			 unsigned long a1, unsigned long a2, unsigned long a3, unsigned long a4)
{
	return fake_drive(f, d, rval, err, a0, a1, a2, a3, a4, 0);
}

/* Without -v: the fields up to the flag bits, only the bits set, "...";
 * the config by type; the flags argument by name. */
static void test_perf_event_open_abbrev(void **state)
{
	struct attr a = {
		.type = 3, .size = 72, .config = 0xdeadf15700010306ull,
		.sample_period = 5, .sample_type = 0x800 | (1ull << 40), .read_format = 0x1f,
		.bits = 1 | (1ull << 10) | (3ull << 15) | (1ull << 37) | (5ull << 38),
	};
	struct fake f;

	(void)state;
	fake_init(&f, getpid());
	assert_string_equal(
		drive(&f, dec_perf_event_open, -1, EINVAL, (unsigned long)&a, 0, (unsigned long)-1, 3, 9),
		"{type=PERF_TYPE_HW_CACHE, size=PERF_ATTR_SIZE_VER1, config=0xdeadf157<<32|"
		"PERF_COUNT_HW_CACHE_RESULT_MISS<<16|0x3 /* PERF_COUNT_HW_CACHE_OP_??? */<<8|"
		"PERF_COUNT_HW_CACHE_NODE, sample_freq=5, sample_type=PERF_SAMPLE_BRANCH_STACK|"
		"0x10000000000, read_format=PERF_FORMAT_TOTAL_TIME_ENABLED|"
		"PERF_FORMAT_TOTAL_TIME_RUNNING|PERF_FORMAT_ID|PERF_FORMAT_GROUP|PERF_FORMAT_LOST, "
		"disabled=1, freq=1, precise_ip=3 /* must have 0 skid */, sigtrap=1, "
		"__reserved_1=0x5 /* Bits 63..38 */, ...}, 0, -1, 3, "
		"PERF_FLAG_FD_NO_GROUP|PERF_FLAG_FD_CLOEXEC");
	/* a size below the first version: the address */
	a.size = 56;
	char want[128];
	snprintf(want, sizeof(want), "%p, 0, 0, 0, 0x10 /* PERF_FLAG_??? */", (void *)&a);
	assert_string_equal(drive(&f, dec_perf_event_open, -1, EINVAL, (unsigned long)&a, 0, 0, 0, 16),
			    want);
	fake_done(&f);
}

/* -v: every bit and the fields that fit in size; E2BIG shows the size the
 * kernel wrote back. */
static void test_perf_event_open_verbose(void **state)
{
	struct attr a = {
		.type = 5, .size = 72, .bits = 1ull << 14, .wakeup_events = 7, .bp_type = 3,
		.config1 = 0x1000, .config2 = 8,
	};
	struct fake f;
	const char *s;

	(void)state;
	pcfg.verbose = true;
	fake_init(&f, getpid());
	s = drive(&f, dec_perf_event_open, -1, EINVAL, (unsigned long)&a, 1, 2, 3, 0);
	assert_non_null(strstr(s, "{type=PERF_TYPE_BREAKPOINT, size=PERF_ATTR_SIZE_VER1, config=0, "
				  "sample_period=0, sample_type=0, read_format=0, disabled=0, "));
	assert_non_null(strstr(s, ", watermark=1, precise_ip=0 /* arbitrary skid */, mmap_data=0"));
	assert_non_null(strstr(s, ", sigtrap=0, wakeup_watermark=7, bp_type=HW_BREAKPOINT_RW, "
				  "bp_addr=0x1000, bp_len=8}, 1, 2, 3, 0"));

	memset(&a, 0, sizeof(a));
	a.type = 1;
	a.config = 11;
	a.size = 128;
	a.sample_type = 0x2000;
	a.bits = 1ull << 25;
	a.clockid = 11;
	a.sample_max_stack = 3;
	a.reserved_2 = 0x100;
	a.sig_data = 0xabc;
	/* run() passes no errno to the decoder's exit but tcb.err */
	s = drive(&f, dec_perf_event_open, -1, E2BIG, (unsigned long)&a, 0, 0, (unsigned long)-1, 0);
	assert_non_null(strstr(s, "{type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER7 => "
				  "PERF_ATTR_SIZE_VER7, config=PERF_COUNT_SW_CGROUP_SWITCHES, "));
	assert_non_null(strstr(s, ", use_clockid=1, "));
	assert_non_null(strstr(s, ", config2=0, sample_regs_user=0, sample_stack_user=0, "
				  "clockid=CLOCK_TAI, sample_regs_intr=0, aux_watermark=0, "
				  "sample_max_stack=3 /* bytes 110..111: 0x100 */, aux_sample_size=0, "
				  "sig_data=0xabc}, 0, 0, -1, 0"));
	pcfg.verbose = false;
	fake_done(&f);
}

static const char *ioctl_text(struct fake *f, unsigned long cmd, unsigned long arg, long rval,
			      int err)
{
	return drive(f, dec_ioctl, rval, err, (unsigned long)-1, cmd, arg, 0, 0);
}

/* PERF_EVENT_IOC_*: flags, numbers, descriptors, the u64 references, the
 * BPF query at entry and exit, the attribute structure. */
static void test_ioctl_perf(void **state)
{
	uint64_t period = 18072662652281012446ull;
	uint32_t q[4] = { 5, 2, 7, 9 };
	struct attr a = { .type = 4, .size = 64, .config = 0xda7a1057 };
	struct fake f;
	char want[160];

	(void)state;
	fake_init(&f, getpid());
	assert_string_equal(ioctl_text(&f, 0x2400, 1, -1, EBADF), "-1, PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP");
	assert_string_equal(ioctl_text(&f, 0x2403, 0xdeadbeefbadc0dedul, -1, EBADF),
			    "-1, PERF_EVENT_IOC_RESET, PERF_IOC_FLAG_GROUP|0xbadc0dec");
	assert_string_equal(ioctl_text(&f, 0x2401, 2, -1, EBADF),
			    "-1, PERF_EVENT_IOC_DISABLE, 0x2 /* PERF_IOC_FLAG_??? */");
	assert_string_equal(ioctl_text(&f, 0x2402, 0xdeadbeefbadc0dedul, -1, EBADF),
			    "-1, PERF_EVENT_IOC_REFRESH, -1159983635");
	assert_string_equal(ioctl_text(&f, 0x40042409, 0xdeadbeefbadc0dedul, -1, EBADF),
			    "-1, PERF_EVENT_IOC_PAUSE_OUTPUT, 16045690984232390125");
	assert_string_equal(ioctl_text(&f, 0x40082404, (unsigned long)&period, -1, EBADF),
			    "-1, PERF_EVENT_IOC_PERIOD, [18072662652281012446]");
	assert_string_equal(ioctl_text(&f, 0x40082406, (unsigned long)"a==1", -1, EBADF),
			    "-1, PERF_EVENT_IOC_SET_FILTER, \"a==1\"");
	assert_string_equal(ioctl_text(&f, 0x80082407, (unsigned long)&period, 0, 0),
			    "-1, PERF_EVENT_IOC_ID, [18072662652281012446]");
	assert_string_equal(ioctl_text(&f, 0xc008240a, (unsigned long)q, -1, EBADF),
			    "-1, PERF_EVENT_IOC_QUERY_BPF, {ids_len=5, ...}");
	assert_string_equal(ioctl_text(&f, 0xc008240a, (unsigned long)q, 0, 0),
			    "-1, PERF_EVENT_IOC_QUERY_BPF, {ids_len=5, prog_cnt=2, ids=[7, 9]}");
	snprintf(want, sizeof(want), "-1, _IOC(_IOC_WRITE, 0x24, 0xc, 0x8), %#lx", 0xbeeful);
	assert_string_equal(ioctl_text(&f, 0x4008240c, 0xbeef, -1, EBADF), want);
	assert_string_equal(ioctl_text(&f, 0x4008240b, (unsigned long)&a, -1, EBADF),
			    "-1, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, {type=PERF_TYPE_RAW, "
			    "size=PERF_ATTR_SIZE_VER0, config=0xda7a1057, sample_period=0, "
			    "sample_type=0, read_format=0, precise_ip=0 /* arbitrary skid */, ...}");
	fake_done(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_perf_event_open_abbrev),
		cmocka_unit_test(test_perf_event_open_verbose),
		cmocka_unit_test(test_ioctl_perf),
	};

	return cmocka_run_group_tests(tests, fake_setup, NULL);
}
