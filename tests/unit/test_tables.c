/* Unit tests of the generated syscall tables (syscalls/<arch>.tbl joined
 * with syscalls/syscalls.def) and of the lookups in arch/arch.c.
 *
 * Every number/name pair of both tables is cross-checked against libseccomp
 * in both directions.  libseccomp (2.5.4 here) is older than our tables;
 * the syscalls it does not know are listed explicitly in lib_unknown[]
 * below, so that a typo, or a newer libseccomp that knows them, makes the
 * test fail instead of passing silently. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <linux/audit.h>
#include <seccomp.h>

#include "arch.h"
#include "syscallent.h"
#include "xlat.h"
#include "gen/decoders.h"

/* Syscalls of our tables that libseccomp 2.5.4 (Debian 12) cannot resolve. */
struct unknown {
	const char *arch;
	long nr;
	const char *name;
};

static const struct unknown lib_unknown[] = {
	{ "x86_64", 335, "uretprobe" },
	{ "x86_64", 336, "uprobe" },
	{ "x86_64", 457, "statmount" },
	{ "x86_64", 458, "listmount" },
	{ "x86_64", 459, "lsm_get_self_attr" },
	{ "x86_64", 460, "lsm_set_self_attr" },
	{ "x86_64", 461, "lsm_list_modules" },
	{ "x86_64", 462, "mseal" },
	{ "x86_64", 463, "setxattrat" },
	{ "x86_64", 464, "getxattrat" },
	{ "x86_64", 465, "listxattrat" },
	{ "x86_64", 466, "removexattrat" },
	{ "x86_64", 467, "open_tree_attr" },
	{ "x86_64", 468, "file_getattr" },
	{ "x86_64", 469, "file_setattr" },
	{ "aarch64", 457, "statmount" },
	{ "aarch64", 458, "listmount" },
	{ "aarch64", 459, "lsm_get_self_attr" },
	{ "aarch64", 460, "lsm_set_self_attr" },
	{ "aarch64", 461, "lsm_list_modules" },
	{ "aarch64", 462, "mseal" },
	{ "aarch64", 463, "setxattrat" },
	{ "aarch64", 464, "getxattrat" },
	{ "aarch64", 465, "listxattrat" },
	{ "aarch64", 466, "removexattrat" },
	{ "aarch64", 467, "open_tree_attr" },
	{ "aarch64", 468, "file_getattr" },
	{ "aarch64", 469, "file_setattr" },
	{ "i386", 457, "statmount" },
	{ "i386", 458, "listmount" },
	{ "i386", 459, "lsm_get_self_attr" },
	{ "i386", 460, "lsm_set_self_attr" },
	{ "i386", 461, "lsm_list_modules" },
	{ "i386", 462, "mseal" },
	{ "i386", 463, "setxattrat" },
	{ "i386", 464, "getxattrat" },
	{ "i386", 465, "listxattrat" },
	{ "i386", 466, "removexattrat" },
	{ "i386", 467, "open_tree_attr" },
	{ "i386", 468, "file_getattr" },
	{ "i386", 469, "file_setattr" },
	{ "arm", 457, "statmount" },
	{ "arm", 458, "listmount" },
	{ "arm", 459, "lsm_get_self_attr" },
	{ "arm", 460, "lsm_set_self_attr" },
	{ "arm", 461, "lsm_list_modules" },
	{ "arm", 462, "mseal" },
	{ "arm", 463, "setxattrat" },
	{ "arm", 464, "getxattrat" },
	{ "arm", 465, "listxattrat" },
	{ "arm", 466, "removexattrat" },
	{ "arm", 467, "open_tree_attr" },
	{ "arm", 468, "file_getattr" },
	{ "arm", 469, "file_setattr" },
	{ "x32", 457, "statmount" },
	{ "x32", 458, "listmount" },
	{ "x32", 459, "lsm_get_self_attr" },
	{ "x32", 460, "lsm_set_self_attr" },
	{ "x32", 461, "lsm_list_modules" },
	{ "x32", 462, "mseal" },
	{ "x32", 463, "setxattrat" },
	{ "x32", 464, "getxattrat" },
	{ "x32", 465, "listxattrat" },
	{ "x32", 466, "removexattrat" },
	{ "x32", 467, "open_tree_attr" },
	{ "x32", 468, "file_getattr" },
	{ "x32", 469, "file_setattr" },
};

/* How far beyond our tables libseccomp is asked whether it knows more. */
#define SCAN_LIMIT 1024

static const struct unknown *find_unknown(const struct arch_def *a, long nr)
{
	for (size_t i = 0; i < sizeof(lib_unknown) / sizeof(lib_unknown[0]); i++)
		if (strcmp(lib_unknown[i].arch, a->name) == 0 && lib_unknown[i].nr == nr)
			return &lib_unknown[i];
	return NULL;
}

/* libseccomp's architecture tokens are the AUDIT_ARCH_* values. */
static uint32_t scmp_arch(const struct arch_def *a)
{
	if (a == &arch_x86_64)
		return SCMP_ARCH_X86_64;
	if (a == &arch_aarch64)
		return SCMP_ARCH_AARCH64;
	if (a == &arch_i386)
		return SCMP_ARCH_X86;
	if (a == &arch_arm)
		return SCMP_ARCH_ARM;
	if (a == &arch_x32)
		return SCMP_ARCH_X32;
	fail_msg("no libseccomp token for %s", a->name);
	return 0;
}

static void check_against_libseccomp(const struct arch_def *a)
{
	uint32_t sa = scmp_arch(a);
	unsigned named = 0, unknown = 0;

	/* x32's calls are x86_64's audit arch with a bit in the number;
	 * libseccomp's token for it is another value, and its numbers
	 * carry the bit */
	if (a->nr_bit)
		assert_int_equal(a->audit_arch, arch_x86_64.audit_arch);
	else
		assert_int_equal(a->audit_arch, sa);

	for (long nr = 0; nr < SCAN_LIMIT; nr++) {
		const struct syscall_ent *e = arch_syscall(a, nr);
		const struct unknown *u = find_unknown(a, nr);
		char *lib = seccomp_syscall_resolve_num_arch(sa, (int)arch_raw_nr(a, nr));

		if (e && strstr(e->name, "#64")) {
			/* x32's NAME#64: a number of the 64-bit ABI alone,
			 * named as strace names it; the kernel and libseccomp
			 * know no such x32 call, the 64-bit ABI's is NAME */
			const struct syscall_ent *e64 = arch_syscall(&arch_x86_64, nr);

			assert_non_null(a->nr_bit);
			assert_non_null(e64);
			assert_int_equal(strlen(e->name), strlen(e64->name) + 3);
			assert_memory_equal(e->name, e64->name, strlen(e64->name));
			if (lib)
				fail_msg("%s: libseccomp knows %ld as '%s', our table has '%s'",
					 a->name, nr, lib, e->name);
			assert_null(u);
			continue;
		}
		if (!e) {
			/* A hole (or beyond the table): libseccomp must not name
			 * it either, or our table is missing a syscall. */
			if (lib)
				fail_msg("%s: libseccomp knows %ld as '%s', our table has no entry",
					 a->name, nr, lib);
			assert_null(u);
			continue;
		}
		named++;
		if (u) {
			/* Listed as unknown: it must really be unknown, by number
			 * and by name, and the list must agree with the table. */
			unknown++;
			if (lib)
				fail_msg("%s: libseccomp now knows %ld (%s): remove it from lib_unknown[]",
					 a->name, nr, lib);
			assert_string_equal(u->name, e->name);
			if (seccomp_syscall_resolve_name_arch(sa, e->name) >= 0)
				fail_msg("%s: libseccomp now resolves '%s': remove it from lib_unknown[]",
					 a->name, e->name);
			continue;
		}
		if (!lib)
			fail_msg("%s: %ld '%s' is unknown to libseccomp and not in lib_unknown[]",
				 a->name, nr, e->name);
		if (strcmp(lib, e->name) != 0)
			fail_msg("%s: %ld is '%s' in our table but '%s' in libseccomp",
				 a->name, nr, e->name, lib);
		free(lib);
		/* i386's socket calls also have a socketcall() form: by name,
		 * libseccomp gives that multiplexed pseudo number (negative) */
		long by_name = seccomp_syscall_resolve_name_arch(sa, e->name);
		if (by_name >= 0 || a->wordsize == 8)
			assert_int_equal(by_name, arch_raw_nr(a, nr));
	}

	/* Every entry of lib_unknown[] for this arch was met above. */
	unsigned listed = 0;
	for (size_t i = 0; i < sizeof(lib_unknown) / sizeof(lib_unknown[0]); i++)
		if (strcmp(lib_unknown[i].arch, a->name) == 0)
			listed++;
	assert_int_equal(unknown, listed);
	print_message("%s: %u syscalls, %u unknown to libseccomp %u.%u.%u\n", a->name,
		      named, unknown, seccomp_version()->major, seccomp_version()->minor,
		      seccomp_version()->micro);
}

static void test_libseccomp_x86_64(void **state)
{
	(void)state;
	check_against_libseccomp(&arch_x86_64);
}

static void test_libseccomp_aarch64(void **state)
{
	(void)state;
	check_against_libseccomp(&arch_aarch64);
}

/* The 32-bit personalities: syscalls/i386.tbl and arm.tbl, made from the
 * kernel headers, against libseccomp's own tables. */
static void test_libseccomp_i386(void **state)
{
	(void)state;
	check_against_libseccomp(&arch_i386);
}

static void test_libseccomp_arm(void **state)
{
	(void)state;
	check_against_libseccomp(&arch_arm);
}

/* x32: syscalls/x32.tbl against libseccomp's SCMP_ARCH_X32 (numbers with
 * __X32_SYSCALL_BIT) */
static void test_libseccomp_x32(void **state)
{
	(void)state;
	check_against_libseccomp(&arch_x32);
}

/* Ranges that must be complete, and the holes that must stay holes. */
static void assert_named(const struct arch_def *a, long from, long to)
{
	for (long nr = from; nr <= to; nr++)
		if (!arch_syscall(a, nr))
			fail_msg("%s: %ld has no name", a->name, nr);
}

static void assert_holes(const struct arch_def *a, long from, long to)
{
	for (long nr = from; nr <= to; nr++) {
		const struct syscall_ent *e = arch_syscall(a, nr);
		if (e)
			fail_msg("%s: %ld is a hole but named '%s'", a->name, nr, e->name);
		/* A hole is all zero: nothing half-filled. */
		if (nr < (long)a->nsyscalls) {
			const struct syscall_ent *raw = &a->table[nr];
			assert_string_equal(raw->name, "");
			assert_int_equal(raw->nargs, 0);
			assert_int_equal(raw->classes, 0);
			assert_int_equal(raw->decode, 0);
		}
	}
}

static void test_ranges(void **state)
{
	(void)state;
	assert_int_equal(arch_x86_64.nsyscalls, 470);
	assert_int_equal(arch_aarch64.nsyscalls, 470);

	assert_named(&arch_x86_64, 0, 336);
	assert_holes(&arch_x86_64, 337, 423);
	assert_named(&arch_x86_64, 424, 469);
	assert_holes(&arch_x86_64, 470, SCAN_LIMIT);

	assert_named(&arch_aarch64, 0, 243);
	assert_holes(&arch_aarch64, 244, 259);   /* arch-specific range, unused by arm64 */
	assert_named(&arch_aarch64, 260, 294);
	assert_holes(&arch_aarch64, 295, 423);
	assert_named(&arch_aarch64, 424, 469);
	assert_holes(&arch_aarch64, 470, SCAN_LIMIT);
}

static void test_arch_lookup(void **state)
{
	(void)state;
	assert_ptr_equal(arch_by_name("x86_64"), &arch_x86_64);
	assert_ptr_equal(arch_by_name("amd64"), &arch_x86_64);
	assert_ptr_equal(arch_by_name("aarch64"), &arch_aarch64);
	assert_ptr_equal(arch_by_name("arm64"), &arch_aarch64);
	assert_null(arch_by_name("i386"));
	assert_null(arch_by_name(""));
	assert_null(arch_by_name("x86_64 "));

	assert_ptr_equal(arch_by_audit(AUDIT_ARCH_X86_64), &arch_x86_64);
	assert_ptr_equal(arch_by_audit(AUDIT_ARCH_AARCH64), &arch_aarch64);
	assert_ptr_equal(arch_by_audit(AUDIT_ARCH_I386), &arch_i386);
	assert_ptr_equal(arch_by_audit(AUDIT_ARCH_ARM), &arch_arm);
	assert_int_equal(arch_i386.wordsize, 4);
	assert_int_equal(arch_arm.wordsize, 4);
	assert_int_equal(arch_x86_64.wordsize, 8);
	assert_null(arch_by_audit(0));

	/* x32: never by its audit arch (x86_64's), but by its number's bit */
	long nr = 0x40000000 | 514;
	assert_ptr_equal(arch_personality(AUDIT_ARCH_X86_64, &nr), &arch_x32);
	assert_int_equal(nr, 514);
	assert_string_equal(arch_syscall(&arch_x32, nr)->name, "ioctl");
	assert_int_equal(arch_raw_nr(&arch_x32, 514), 0x40000000 | 514);
	assert_int_equal(arch_raw_nr(&arch_x32, -1), -1);
	assert_int_equal(arch_raw_nr(&arch_x86_64, 16), 16);
	nr = 39;
	assert_ptr_equal(arch_personality(AUDIT_ARCH_X86_64, &nr), &arch_x86_64);
	assert_int_equal(nr, 39);
	nr = -1;
	assert_ptr_equal(arch_personality(AUDIT_ARCH_X86_64, &nr), &arch_x86_64);
	assert_int_equal(nr, -1);
	nr = 0x40000000 | 20;
	assert_ptr_equal(arch_personality(AUDIT_ARCH_I386, &nr), &arch_i386);
	assert_int_equal(nr, 0x40000000 | 20);
	nr = 0x40000000 | 63;
	assert_ptr_equal(arch_personality(AUDIT_ARCH_AARCH64, &nr), &arch_aarch64);
	assert_null(arch_personality(0, &nr));
	assert_int_equal(arch_x32.wordsize, 4);
	assert_int_equal(arch_x32.nsyscalls, 548);
	assert_string_equal(arch_x32.mode, "x32");
	assert_string_equal(arch_i386.mode, "32 bit");
	assert_string_equal(arch_x86_64.mode, "64 bit");
	assert_named(&arch_x32, 512, 547);
	/* the numbers of the 64-bit ABI alone, named as strace 6.1 names
	 * them (and 335, 336, 453, later than strace 6.1, alike): NAME's
	 * classes, its arguments in hex (strace's printargs), as many as
	 * strace shows (preadv: 4, pos_h unused), no decoder, no property */
	assert_named(&arch_x32, 0, 336);
	assert_holes(&arch_x32, 337, 423);
	assert_named(&arch_x32, 424, 469);
	assert_holes(&arch_x32, 470, 511);
	static const struct { long nr; const char *name; unsigned nargs, classes; } x64[] = {
		{ 13, "rt_sigaction#64", 4, TC_SIGNAL },
		{ 15, "rt_sigreturn#64", 0, TC_SIGNAL },
		{ 16, "ioctl#64", 3, TC_DESC },
		{ 59, "execve#64", 3, TC_FILE | TC_PROCESS },
		{ 295, "preadv#64", 4, TC_DESC },
		{ 296, "pwritev#64", 4, TC_DESC },
		{ 327, "preadv2#64", 6, TC_DESC },
		{ 335, "uretprobe#64", 0, 0 },
		{ 453, "map_shadow_stack#64", 3, TC_MEMORY },
	};
	for (size_t i = 0; i < sizeof(x64) / sizeof(x64[0]); i++) {
		const struct syscall_ent *e = arch_syscall(&arch_x32, x64[i].nr);

		assert_non_null(e);
		assert_string_equal(e->name, x64[i].name);
		assert_int_equal(e->nargs, x64[i].nargs);
		assert_int_equal(e->classes, x64[i].classes);
		assert_int_equal(e->props, 0);
		assert_int_equal(e->decode, 0);
		assert_int_equal(e->rval, RV_DEC);
		for (unsigned k = 0; k < e->nargs; k++)
			assert_int_equal(e->args[k].kind, AK_HEX);
		assert_int_equal(arch_syscall_number(&arch_x32, x64[i].name), x64[i].nr);
	}

	unsigned n = 0;
	for (; arch_all[n]; n++)
		assert_ptr_equal(arch_by_name(arch_all[n]->name), arch_all[n]);
	assert_int_equal(n, 2);
}

static void test_arch_syscall(void **state)
{
	(void)state;
	const struct arch_def *x = &arch_x86_64, *a = &arch_aarch64;

	assert_string_equal(arch_syscall(x, 0)->name, "read");
	assert_string_equal(arch_syscall(x, 2)->name, "open");
	assert_string_equal(arch_syscall(x, 257)->name, "openat");
	assert_string_equal(arch_syscall(x, 231)->name, "exit_group");
	assert_string_equal(arch_syscall(x, 469)->name, "file_setattr");
	assert_string_equal(arch_syscall(a, 63)->name, "read");
	assert_string_equal(arch_syscall(a, 56)->name, "openat");
	assert_string_equal(arch_syscall(a, 38)->name, "renameat");
	assert_string_equal(arch_syscall(a, 79)->name, "newfstatat");
	assert_string_equal(arch_syscall(a, 80)->name, "fstat");
	assert_string_equal(arch_syscall(a, 453)->name, "map_shadow_stack");
	assert_null(arch_syscall(x, -1));
	assert_null(arch_syscall(x, (long)x->nsyscalls));
	assert_null(arch_syscall(x, 100000));
	assert_null(arch_syscall(a, -38));

	assert_int_equal(arch_syscall_number(x, "read"), 0);
	assert_int_equal(arch_syscall_number(x, "openat"), 257);
	assert_int_equal(arch_syscall_number(x, "uretprobe"), 335);
	assert_int_equal(arch_syscall_number(a, "openat"), 56);
	assert_int_equal(arch_syscall_number(a, "exit_group"), 94);
	assert_int_equal(arch_syscall_number(a, "file_getattr"), 468);
	/* arm64 has only the *at and generic forms */
	assert_int_equal(arch_syscall_number(a, "open"), -1);
	assert_int_equal(arch_syscall_number(a, "stat"), -1);
	assert_int_equal(arch_syscall_number(a, "fork"), -1);
	assert_int_equal(arch_syscall_number(a, "uretprobe"), -1);
	assert_int_equal(arch_syscall_number(x, "no_such_syscall"), -1);
	assert_int_equal(arch_syscall_number(x, ""), -1);

	/* Names are unique: the reverse lookup finds every entry again. */
	for (unsigned i = 0; arch_all[i]; i++)
		for (long nr = 0; nr < (long)arch_all[i]->nsyscalls; nr++) {
			const struct syscall_ent *e = arch_syscall(arch_all[i], nr);
			if (e)
				assert_int_equal(arch_syscall_number(arch_all[i], e->name), nr);
		}
}

static const struct syscall_ent *ent(const struct arch_def *a, const char *name)
{
	long nr = arch_syscall_number(a, name);
	if (nr < 0)
		fail_msg("%s: no syscall '%s'", a->name, name);
	return arch_syscall(a, nr);
}

static void test_signatures(void **state)
{
	(void)state;
	for (unsigned i = 0; arch_all[i]; i++) {
		const struct arch_def *a = arch_all[i];
		const struct syscall_ent *e;

		assert_int_equal(ent(a, "read")->nargs, 3);
		assert_int_equal(ent(a, "mmap")->nargs, 6);
		assert_int_equal(ent(a, "openat")->nargs, 4);
		assert_int_equal(ent(a, "exit_group")->nargs, 1);
		assert_int_equal(ent(a, "getpid")->nargs, 0);
		assert_int_equal(ent(a, "clone")->nargs, 5);
		assert_int_equal(ent(a, "futex")->nargs, 6);

		assert_int_equal(ent(a, "openat")->classes, TC_FILE | TC_DESC);
		assert_int_equal(ent(a, "getpid")->classes, TC_PURE);
		assert_int_equal(ent(a, "getuid")->classes, TC_CREDS | TC_PURE);
		assert_int_equal(ent(a, "read")->classes, TC_DESC);
		assert_int_equal(ent(a, "execve")->classes, TC_FILE | TC_PROCESS);
		assert_int_equal(ent(a, "kill")->classes, TC_PROCESS | TC_SIGNAL);
		assert_int_equal(ent(a, "socket")->classes, TC_NETWORK);
		assert_int_equal(ent(a, "mmap")->classes, TC_DESC | TC_MEMORY);
		assert_int_equal(ent(a, "shmat")->classes, TC_IPC | TC_MEMORY);
		assert_int_equal(ent(a, "setresuid")->classes, TC_CREDS);
		assert_int_equal(ent(a, "clock_gettime")->classes, TC_CLOCK);
		assert_int_equal(ent(a, "fstat")->classes, TC_DESC | TC_FSTAT | TC_STAT_LIKE);
		assert_int_equal(ent(a, "newfstatat")->classes,
				 TC_DESC | TC_FILE | TC_FSTAT | TC_STAT_LIKE);
		assert_int_equal(ent(a, "statx")->classes,
				 TC_DESC | TC_FILE | TC_FSTAT | TC_STAT_LIKE);
		assert_int_equal(ent(a, "statfs")->classes, TC_FILE | TC_STATFS | TC_STATFS_LIKE);
		assert_int_equal(ent(a, "fstatfs")->classes, TC_DESC | TC_FSTATFS | TC_STATFS_LIKE);
		assert_int_equal(ent(a, "rt_sigaction")->classes, TC_SIGNAL);

		/* properties share the column but not the classes */
		assert_int_equal(ent(a, "execve")->props, SP_EXEC | SP_UNWIND_ENTRY);
		assert_int_equal(ent(a, "execveat")->props, SP_EXEC | SP_UNWIND_ENTRY);
		assert_int_equal(ent(a, "exit")->props, SP_FD_NEUTRAL | SP_UNWIND_ENTRY);
		assert_int_equal(ent(a, "exit_group")->props, SP_FD_NEUTRAL | SP_UNWIND_ENTRY);
		assert_int_equal(ent(a, "restart_syscall")->props, SP_FD_NEUTRAL | SP_RESTART_BLOCK);
		assert_int_equal(ent(a, "futex")->props, SP_FD_NEUTRAL | SP_RESTART_BLOCK);
		assert_int_equal(ent(a, "nanosleep")->props, SP_FD_NEUTRAL | SP_RESTART_BLOCK);
		assert_int_equal(ent(a, "clock_nanosleep")->props,
				 SP_FD_NEUTRAL | SP_RESTART_BLOCK);
		assert_int_equal(ent(a, "mprotect")->props, SP_FD_NEUTRAL | SP_MAPS_EXEC);
		assert_int_equal(ent(a, "shmdt")->props, SP_MAPS);
		assert_int_equal(ent(a, "fcntl")->props, SP_FD_FCNTL);
		assert_int_equal(ent(a, "openat")->props, 0);

		assert_int_equal(ent(a, "openat")->rval, RV_FD);
		assert_int_equal(ent(a, "socket")->rval, RV_FD);
		assert_int_equal(ent(a, "mmap")->rval, RV_HEX);
		assert_int_equal(ent(a, "brk")->rval, RV_HEX);
		assert_int_equal(ent(a, "umask")->rval, RV_OCT);
		assert_int_equal(ent(a, "exit_group")->rval, RV_NONE);
		assert_int_equal(ent(a, "exit")->rval, RV_NONE);
		assert_int_equal(ent(a, "read")->rval, RV_DEC);

		e = ent(a, "read");
		assert_int_equal(e->args[0].kind, AK_FD);
		assert_int_equal(e->args[1].kind, AK_OUTBUF);
		assert_int_equal(e->args[1].aux, 2);
		assert_int_equal(e->args[2].kind, AK_ULONG);
		e = ent(a, "write");
		assert_int_equal(e->args[1].kind, AK_INBUF);
		assert_int_equal(e->args[1].aux, 2);
		e = ent(a, "openat");
		assert_int_equal(e->args[0].kind, AK_DIRFD);
		assert_int_equal(e->args[1].kind, AK_PATH);
		assert_int_equal(e->args[2].kind, AK_FLAGS);
		assert_ptr_equal(argspec_xlat(&e->args[2]), &xlat_open_flags);
		assert_int_equal(e->args[3].kind, AK_MODE);
		/* decoders by id (the tables hold no pointers) */
		assert_ptr_equal(syscall_decoder(e), dec_openat);
		assert_ptr_equal(syscall_decoder(ent(a, "socket")), dec_socket);
		assert_null(syscall_decoder(ent(a, "getpid")));
		for (unsigned n = 0; n < a->nsyscalls; n++)
			if (a->table[n].decode && !syscall_decoder(&a->table[n]))
				fail_msg("%s: %s has decoder id %u and no decoder", a->name,
					 a->table[n].name, a->table[n].decode);
		/* an inline name fits with its NUL, in every personality's table
		 * (C takes a literal that only fills the array without one) */
		for (unsigned p = 0; a->pers[p]; p++)
			for (unsigned n = 0; n < a->pers[p]->nsyscalls; n++)
				if (strnlen(a->pers[p]->table[n].name, SYSCALL_NAME_SIZE) ==
				    SYSCALL_NAME_SIZE)
					fail_msg("%s: the name of %u does not fit SYSCALL_NAME_SIZE",
						 a->pers[p]->name, n);
		e = ent(a, "fstat");
		assert_int_equal(e->args[1].kind, AK_OUTPTR);
		e = ent(a, "kill");
		assert_int_equal(e->args[0].kind, AK_PID);
		assert_int_equal(e->args[1].kind, AK_SIGNO);
		e = ent(a, "fchownat");
		assert_int_equal(e->args[2].kind, AK_ID);
		assert_int_equal(e->args[3].kind, AK_ID);
		e = ent(a, "lseek");
		assert_int_equal(e->args[1].kind, AK_OFF);
	}
	assert_int_equal(ent(&arch_x86_64, "open")->classes, TC_FILE | TC_DESC);
	assert_int_equal(ent(&arch_x86_64, "stat")->classes, TC_FILE | TC_STAT | TC_STAT_LIKE);
	assert_int_equal(ent(&arch_x86_64, "lstat")->classes, TC_FILE | TC_LSTAT | TC_STAT_LIKE);
}

static int has_kind(const struct syscall_ent *e, enum arg_kind k)
{
	for (unsigned i = 0; i < e->nargs; i++)
		if (e->args[i].kind == k)
			return 1;
	return 0;
}

/* Rules every row of syscalls.def obeys. */
static void test_row_consistency(void **state)
{
	(void)state;
	for (unsigned i = 0; arch_all[i]; i++) {
		const struct arch_def *a = arch_all[i];
		for (long nr = 0; nr < (long)a->nsyscalls; nr++) {
			const struct syscall_ent *e = arch_syscall(a, nr);
			if (!e)
				continue;
			assert_true(e->nargs <= 6);
			assert_true(e->rval <= RV_SID);
			assert_true(e->classes < (TC_STATFS_LIKE << 1));
			for (unsigned k = 0; k < 6; k++) {
				const struct argspec *s = &e->args[k];
				if (k >= e->nargs) {
					/* unused slots stay zero */
					assert_int_equal(s->kind, 0);
					assert_int_equal(s->xlat, XLAT_ID_NONE);
					continue;
				}
				assert_true(s->kind < AK__COUNT);
				if (s->kind == AK_INBUF || s->kind == AK_OUTBUF) {
					if (s->aux >= e->nargs || s->aux == k)
						fail_msg("%s: buffer length index %u", e->name, s->aux);
				}
				if ((s->kind == AK_FLAGS || s->kind == AK_ENUM ||
		     s->kind == AK_LFLAGS || s->kind == AK_XENUM) != (s->xlat != XLAT_ID_NONE))
					fail_msg("%s: arg %u xlat mismatch", e->name, k);
			}
			if ((e->classes & TC_PURE) && e->nargs != 0)
				fail_msg("%s: pure syscall with arguments", e->name);
			/* getcwd returns a path; fsconfig's value is a path
			 * only for FSCONFIG_SET_PATH*, left to a decoder. */
			if ((e->classes & TC_FILE) && !has_kind(e, AK_PATH) &&
			    strcmp(e->name, "getcwd") != 0 && strcmp(e->name, "fsconfig") != 0)
				fail_msg("%s: class file but no path argument", e->name);
			if (has_kind(e, AK_PATH) && !(e->classes & TC_FILE))
				fail_msg("%s: path argument but not class file", e->name);
			if (has_kind(e, AK_DIRFD) && !(e->classes & TC_DESC))
				fail_msg("%s: dirfd argument but not class desc", e->name);
			if (e->rval == RV_FD && !(e->classes & (TC_DESC | TC_NETWORK)))
				fail_msg("%s: returns an fd but not class desc/network", e->name);
			if ((e->classes & (TC_STAT | TC_LSTAT | TC_FSTAT)) && !(e->classes & TC_STAT_LIKE))
				fail_msg("%s: stat class without stat_like", e->name);
			if ((e->classes & (TC_STATFS | TC_FSTATFS)) && !(e->classes & TC_STATFS_LIKE))
				fail_msg("%s: statfs class without statfs_like", e->name);
		}
	}
}

/* A name present on both architectures has the same signature (the rows
 * come from one arch-independent file). */
static void test_same_row_on_both(void **state)
{
	(void)state;
	unsigned common = 0;
	for (long nr = 0; nr < (long)arch_aarch64.nsyscalls; nr++) {
		const struct syscall_ent *e = arch_syscall(&arch_aarch64, nr);
		if (!e)
			continue;
		long xn = arch_syscall_number(&arch_x86_64, e->name);
		if (xn < 0)
			continue;
		const struct syscall_ent *x = arch_syscall(&arch_x86_64, xn);
		common++;
		assert_int_equal(e->nargs, x->nargs);
		assert_int_equal(e->rval, x->rval);
		assert_int_equal(e->classes, x->classes);
		assert_int_equal(e->decode, x->decode);
		assert_memory_equal(e->args, x->args, sizeof(e->args));
	}
	assert_true(common > 300);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_libseccomp_x86_64),
		cmocka_unit_test(test_libseccomp_aarch64),
		cmocka_unit_test(test_libseccomp_i386),
		cmocka_unit_test(test_libseccomp_arm),
		cmocka_unit_test(test_libseccomp_x32),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_arch_lookup),
		cmocka_unit_test(test_arch_syscall),
		cmocka_unit_test(test_signatures),
		cmocka_unit_test(test_row_consistency),
		cmocka_unit_test(test_same_row_on_both),
	};
	return cmocka_run_group_tests_name("tables", tests, NULL, NULL);
}
