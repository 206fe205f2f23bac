/* Decoders of issue 17's breadth with logic worth pinning: System V IPC
 * get flags (named bits, N<<SHM_HUGE_SHIFT, octal mode), NUMA policy
 * modes and node masks, mmap flags with the type field and huge page
 * size, flags:SET taking the kernel's 32 bits. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <unistd.h>

#include "decode.h"
#include "gen/decoders.h"
#include "sink.h"
#include "tcb.h"

#include "fake_tcb.h"

static const char *decode(struct fake *f, int (*dec)(struct tcb *), unsigned long a0, unsigned long a1,
			  unsigned long a2, unsigned long a3, unsigned long a4, unsigned long a5, long rval)
{
	fake_init(f, getpid());
	set_args(&f->tcb, a0, a1, a2, a3, a4, a5);
	run(&f->tcb, dec, rval, 0);
	return fake_text(f);
}

static void test_ipc_get_flags(void **state)
{
	struct fake f;

	(void)state;
	assert_string_equal(decode(&f, dec_shmget, 0xfdb97531, 1, 0x56ce1e55, 0, 0, 0, 12),
			    "0xfdb97531, 1, IPC_CREAT|IPC_EXCL|SHM_HUGETLB|SHM_NORESERVE|0x2ce0000|"
			    "21<<SHM_HUGE_SHIFT|0125");
	fake_done(&f);
	assert_string_equal(decode(&f, dec_shmget, 0, 1, 0600, 0, 0, 0, 1), "IPC_PRIVATE, 1, 0600");
	fake_done(&f);
	assert_string_equal(decode(&f, dec_msgget, 0, 01000, 0, 0, 0, 0, 1), "IPC_PRIVATE, IPC_CREAT|000");
	fake_done(&f);
	pcfg.xlat_style = XLAT_VERBOSE;
	assert_string_equal(decode(&f, dec_shmget, 0, 1, 0x54000000, 0, 0, 0, 1),
			    "0 /* IPC_PRIVATE */, 1, 21<<26 /* SHM_HUGE_SHIFT */|000");
	fake_done(&f);
	pcfg.xlat_style = XLAT_ABBREV;
}

static void test_mempolicy(void **state)
{
	struct fake f;

	(void)state;
	assert_string_equal(decode(&f, dec_set_mempolicy, 0x8002, 0, 0, 0, 0, 0, 0),
			    "MPOL_BIND|MPOL_F_STATIC_NODES, NULL, 0");
	fake_done(&f);
	assert_string_equal(decode(&f, dec_set_mempolicy, 0xffffffff, 0, 0, 0, 0, 0, 0),
			    "MPOL_F_STATIC_NODES|MPOL_F_RELATIVE_NODES|MPOL_F_NUMA_BALANCING|0xffff1fff, NULL, 0");
	fake_done(&f);
	assert_string_equal(decode(&f, dec_set_mempolicy, 6, 0, 0, 0, 0, 0, 0), "0x6 /* MPOL_??? */, NULL, 0");
	fake_done(&f);

	/* maxnode 130: the kernel reads 129 bits, three longs */
	static const unsigned long mask[3] = { 1, 0, 0 };
	assert_string_equal(decode(&f, dec_set_mempolicy, 0, (unsigned long)mask, 130, 0, 0, 0, 0),
			    "MPOL_DEFAULT, [0x00000000000001, 0000000000000000, 0000000000000000], 130");
	fake_done(&f);
	/* maxnode 129: 128 bits, two longs */
	assert_string_equal(decode(&f, dec_set_mempolicy, 0, (unsigned long)mask, 129, 0, 0, 0, 0),
			    "MPOL_DEFAULT, [0x00000000000001, 0000000000000000], 129");
	fake_done(&f);
	/* maxnode 1: no bit at all, the address */
	assert_string_equal(decode(&f, dec_set_mempolicy, 0, 0x1000, 1, 0, 0, 0, 0), "MPOL_DEFAULT, 0x1000, 1");
	fake_done(&f);
}

static void test_mmap_flags_and_32bit(void **state)
{
	struct fake f;

	(void)state;
	assert_string_equal(decode(&f, dec_remap_file_pages, 0x1000, 4096, 0xdefaced00000000UL, 0, 0x5404401f, 0, -1),
			    "0x1000, 4096, 0xdefaced00000000 /* PROT_??? */, 0, "
			    "0xf /* MAP_??? */|MAP_FIXED|MAP_NORESERVE|MAP_HUGETLB|21<<MAP_HUGE_SHIFT");
	fake_done(&f);
	/* inotify_init1's int flags: the upper half of the register is not theirs */
	fake_init(&f, getpid());
	f.tcb.ent = &(const struct syscall_ent){ .name = "x", .nargs = 1,
						 .args = { { AK_FLAGS, 0, XLAT_ID_inotify_init_flags } } };
	set_args(&f.tcb, 0xfacefeed00080800UL, 0, 0, 0, 0, 0);
	print_args(&f.tcb, 0, 1);
	assert_string_equal(fake_text(&f), "IN_NONBLOCK|IN_CLOEXEC");
	fake_done(&f);
}

/* move_pages' status array at exit: negative errno values named, and
 * INT32_MIN (not a negated errno) printed as it is, without overflowing */
static void test_move_pages_status(void **state)
{
	static const unsigned long pages[3] = { 0x1000, 0x2000, 0x3000 };
	static const int32_t status[3] = { 0, -2, INT32_MIN };
	struct fake f;

	(void)state;
	assert_string_equal(decode(&f, dec_move_pages, 0, 3, (unsigned long)pages, 0, (unsigned long)status, 0, 0),
			    "0, 3, [0x1000, 0x2000, 0x3000], NULL, [0, -ENOENT, -2147483648], 0");
	fake_done(&f);
}

/* POSIX message queues: mode and attr with O_CREAT only, mq_flags in hex
 * (mq_open) or as flags (mq_getsetattr), the priority at exit */
static void test_mq(void **state)
{
	struct fake f;
	int64_t attr[8] = { 0x800, 2, 64, 0, 0, 0, 0, 0 };
	uint32_t prio = 42;
	char msg[] = "hi";

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 0, 0x8765432100000000ul, 0644, 0, 0, 0);
	run(&f.tcb, dec_mq_open, -1, 14);
	assert_string_equal(fake_text(&f), "NULL, O_RDONLY");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, (unsigned long)"q", 0x42, 0xdec0deadfacefeedul, (unsigned long)attr, 0, 0);
	run(&f.tcb, dec_mq_open, 3, 0);
	assert_string_equal(fake_text(&f), "\"q\", O_RDWR|O_CREAT, 0177355, "
			    "{mq_flags=0x800, mq_maxmsg=2, mq_msgsize=64, mq_curmsgs=0}");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, 0, (unsigned long)attr, 0, 0, 0);
	run(&f.tcb, dec_mq_getsetattr, 0, 0);
	assert_string_equal(fake_text(&f), "3, NULL, "
			    "{mq_flags=O_NONBLOCK, mq_maxmsg=2, mq_msgsize=64, mq_curmsgs=0}");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, (unsigned long)msg, 64, (unsigned long)&prio, 0, 0);
	run(&f.tcb, dec_mq_timedreceive, 2, 0);
	assert_string_equal(fake_text(&f), "3, \"hi\", 64, [42], NULL");
	fake_done(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_ipc_get_flags, fake_setup),
		cmocka_unit_test_setup(test_mq, fake_setup),
		cmocka_unit_test_setup(test_mempolicy, fake_setup),
		cmocka_unit_test_setup(test_mmap_flags_and_32bit, fake_setup),
		cmocka_unit_test_setup(test_move_pages_status, fake_setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
