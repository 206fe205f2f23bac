/* Unit tests of the #17 decoders of other processes' descriptors, landlock
 * and the new mount API (src/decode_pidfd.c, decode_landlock.c,
 * decode_mount.c, fdinfo.c's pidfd lookup), driven with the fake tracee
 * of tests/unit/fake_tcb.[ch]: this test process, whose memory holds the
 * structures the decoders read. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <cmocka.h>

#include <linux/kcmp.h>
#include <linux/landlock.h>
#include <linux/mount.h>
#include <linux/ptrace.h>
#include <linux/audit.h>

#include "fake_tcb.h"
#include "fdinfo.h"
#include "gen/decoders.h"
#include "sink.h"
#include "tcb.h"

static const char *drive(struct fake *f, decoder_fn d, long rval, int err,
			 unsigned long a0, unsigned long a1, unsigned long a2,
			 unsigned long a3, unsigned long a4)
{
	return fake_drive(f, d, rval, err, a0, a1, a2, a3, a4, 0);
}

/* A pidfd's process comes from its fdinfo; another descriptor is no pidfd. */
static void test_pidfd_pid(void **state)
{
	int pidfd = (int)syscall(SYS_pidfd_open, getpid(), 0);
	int null = open("/dev/null", O_RDONLY | O_CLOEXEC);

	(void)state;
	if (pidfd < 0)
		skip();
	assert_int_equal(fdinfo_pidfd_pid(getpid(), pidfd), getpid());
	assert_int_equal(fdinfo_pidfd_pid(getpid(), null), -ENOENT);
	close(pidfd);
	close(null);
}

/* kcmp: the indexes are printed by type (descriptors, an epoll slot in
 * memory, nothing, or hex for an unknown type). */
static void test_dec_kcmp(void **state)
{
	struct kcmp_epoll_slot slot = { .efd = 7, .tfd = 8, .toff = 9 };
	struct fake f;
	char expect[160];

	(void)state;
	fake_init(&f, getpid());
	snprintf(expect, sizeof(expect), "1, 2, KCMP_EPOLL_TFD, 5, {efd=7, tfd=8, toff=9}");
	assert_string_equal(drive(&f, dec_kcmp, 0, ESRCH, 1, 2, KCMP_EPOLL_TFD, 5,
				  (unsigned long)&slot), expect);
	assert_string_equal(drive(&f, dec_kcmp, 0, ESRCH, 1, 2, KCMP_VM, 5, 6), "1, 2, KCMP_VM");
	assert_string_equal(drive(&f, dec_kcmp, 0, ESRCH, 1, 2, 0xbadc0de00000008ul, 5, 0),
			    "1, 2, 0x8 /* KCMP_??? */, 0x5, 0");
	fake_done(&f);
}

/* landlock_create_ruleset: the version query returns no descriptor. */
static void test_dec_landlock_create_ruleset(void **state)
{
	uint64_t access = LANDLOCK_ACCESS_FS_EXECUTE | (1ULL << 14);
	struct fake f;

	(void)state;
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, dec_landlock_create_ruleset, 3, 0, (unsigned long)&access, 16, 0, 0, 0),
			    "{handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE|0x4000, ...}, 16, 0");
	assert_true(f.tcb.rval_fd);
	assert_string_equal(drive(&f, dec_landlock_create_ruleset, 7, 0, 0, 0,
				  0xd1efaced00000000ul | LANDLOCK_CREATE_RULESET_VERSION, 0, 0),
			    "NULL, 0, LANDLOCK_CREATE_RULESET_VERSION");
	assert_false(f.tcb.rval_fd);
	fake_done(&f);
}

/* mount_setattr: userns_fd is a descriptor only with MOUNT_ATTR_IDMAP; a
 * bigger structure shows its nonzero tail. */
static void test_dec_mount_setattr(void **state)
{
	struct { struct mount_attr ma; uint64_t tail; } a = {
		{ .attr_set = MOUNT_ATTR_NOSUID, .attr_clr = MOUNT_ATTR_NODEV,
		  .propagation = MS_SLAVE, .userns_fd = 1ULL << 40 }, 0
	};
	struct fake f;

	(void)state;
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, dec_mount_setattr, 0, EINVAL, (unsigned long)-1, 0,
				  AT_EMPTY_PATH, (unsigned long)&a, 40),
			    "-1, NULL, AT_EMPTY_PATH, {attr_set=MOUNT_ATTR_NOSUID, attr_clr=MOUNT_ATTR_NODEV, "
			    "propagation=MS_SLAVE, userns_fd=1099511627776}, 40");
	a.ma.attr_set = MOUNT_ATTR_IDMAP;
	a.ma.userns_fd = 0xffffffff; /* a descriptor: an int */
	a.tail = 0xff;
	assert_string_equal(drive(&f, dec_mount_setattr, 0, EINVAL, (unsigned long)-1, 0, 0,
				  (unsigned long)&a, 40),
			    "-1, NULL, 0, {attr_set=MOUNT_ATTR_IDMAP, attr_clr=MOUNT_ATTR_NODEV, "
			    "propagation=MS_SLAVE, userns_fd=-1, /* bytes 32..39 */ "
			    "\"\\xff\\x00\\x00\\x00\\x00\\x00\\x00\\x00\"}, 40");
	fake_done(&f);
}

/* PTRACE_GET_SYSCALL_INFO: the fields the kernel wrote, that is the
 * smaller of the caller's size and the return value. */
static void test_dec_ptrace_syscall_info(void **state)
{
	struct ptrace_syscall_info si;
	struct fake f;

	(void)state;
	memset(&si, 0, sizeof(si));
	si.op = PTRACE_SYSCALL_INFO_EXIT;
	si.arch = AUDIT_ARCH_X86_64;
	si.instruction_pointer = 1;
	si.stack_pointer = 2;
	si.exit.rval = -2;
	si.exit.is_error = 1;
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, dec_ptrace, 33, 0, PTRACE_GET_SYSCALL_INFO, 5, 32, (unsigned long)&si, 0),
			    "PTRACE_GET_SYSCALL_INFO, 5, 32, {op=PTRACE_SYSCALL_INFO_EXIT, arch=AUDIT_ARCH_X86_64, "
			    "instruction_pointer=0x1, stack_pointer=0x2, exit={rval=-2}}");
	assert_string_equal(drive(&f, dec_ptrace, 33, 0, PTRACE_GET_SYSCALL_INFO, 5, 64, (unsigned long)&si, 0),
			    "PTRACE_GET_SYSCALL_INFO, 5, 64, {op=PTRACE_SYSCALL_INFO_EXIT, arch=AUDIT_ARCH_X86_64, "
			    "instruction_pointer=0x1, stack_pointer=0x2, exit={rval=-ENOENT, is_error=1}}");
	si.op = PTRACE_SYSCALL_INFO_ENTRY;
	si.entry.nr = 39; /* x86_64 getpid */
	si.entry.args[0] = 0xa;
	assert_string_equal(drive(&f, dec_ptrace, 80, 0, PTRACE_GET_SYSCALL_INFO, 5, 40, (unsigned long)&si, 0),
			    "PTRACE_GET_SYSCALL_INFO, 5, 40, {op=PTRACE_SYSCALL_INFO_ENTRY, arch=AUDIT_ARCH_X86_64, "
			    "instruction_pointer=0x1, stack_pointer=0x2, entry={nr=__NR_getpid, args=[0xa]}}");
	/* a kernel that wrote less than the caller's size: no more is read */
	assert_string_equal(drive(&f, dec_ptrace, 40, 0, PTRACE_GET_SYSCALL_INFO, 5, 88, (unsigned long)&si, 0),
			    "PTRACE_GET_SYSCALL_INFO, 5, 88, {op=PTRACE_SYSCALL_INFO_ENTRY, arch=AUDIT_ARCH_X86_64, "
			    "instruction_pointer=0x1, stack_pointer=0x2, entry={nr=__NR_getpid, args=[0xa]}}");
	assert_string_equal(drive(&f, dec_ptrace, 80, 0, PTRACE_GET_SYSCALL_INFO, 5, 7, (unsigned long)&si, 0),
			    "PTRACE_GET_SYSCALL_INFO, 5, 7, {op=PTRACE_SYSCALL_INFO_ENTRY}");
	fake_done(&f);
}

/* keyctl: each command's arguments, key serials and flags -X aware */
static void test_dec_keyctl(void **state)
{
	struct fake f;
	int32_t dh[3] = { -6, 1234567890, 5 };
	char buf[4] = "abc";

	(void)state;
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, dec_keyctl, -1, 22, 0xbadc0dedfacefeedul, 1, 0, 3, 4),
			    "0xfacefeed /* KEYCTL_??? */, 0x1, 0, 0x3, 0x4");
	assert_string_equal(drive(&f, dec_keyctl, -1, 22, 5, (unsigned long)-7, 0xc0c0c0c0, 0, 0),
			    "KEYCTL_SETPERM, KEY_SPEC_REQKEY_AUTH_KEY, 0xc0c0c0c0 /* KEY_??? */");
	assert_string_equal(drive(&f, dec_keyctl, -1, 22, 14, 0xfeedf157badc0dedul, 0, 0, 0),
			    "KEYCTL_SET_REQKEY_KEYRING, -1159983635 /* KEY_REQKEY_DEFL_??? */");
	assert_string_equal(drive(&f, dec_keyctl, -1, 22, 19, 0, 1, 19, (unsigned long)-6),
			    "KEYCTL_REJECT, 0, 1, ENODEV, KEY_SPEC_GROUP_KEYRING");
	assert_string_equal(drive(&f, dec_keyctl, 3, 0, 23, (unsigned long)dh, (unsigned long)buf, 9, 0),
			    "KEYCTL_DH_COMPUTE, {private=KEY_SPEC_GROUP_KEYRING, prime=1234567890, base=5}, "
			    "\"abc\", 9, NULL");
	assert_string_equal(drive(&f, dec_keyctl, -1, 22, 30, 0xbadc0ded, (unsigned long)-1, 0, ~0ul),
			    "KEYCTL_MOVE, -1159983635, KEY_SPEC_THREAD_KEYRING, 0, KEYCTL_MOVE_EXCL|0xfffffffe");
	pcfg.xlat_style = XLAT_RAW;
	assert_string_equal(drive(&f, dec_keyctl, -1, 22, 3, (unsigned long)-6, 0, 0, 0), "0x3, -6");
	pcfg.xlat_style = XLAT_VERBOSE;
	assert_string_equal(drive(&f, dec_keyctl, -1, 22, 3, (unsigned long)-6, 0, 0, 0),
			    "0x3 /* KEYCTL_REVOKE */, -6 /* KEY_SPEC_GROUP_KEYRING */");
	pcfg.xlat_style = XLAT_ABBREV;
	fake_done(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pidfd_pid),
		cmocka_unit_test(test_dec_keyctl),
		cmocka_unit_test(test_dec_kcmp),
		cmocka_unit_test(test_dec_landlock_create_ruleset),
		cmocka_unit_test(test_dec_mount_setattr),
		cmocka_unit_test(test_dec_ptrace_syscall_info),
	};

	return cmocka_run_group_tests(tests, fake_setup, NULL);
}
