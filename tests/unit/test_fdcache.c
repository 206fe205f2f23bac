/* Unit tests: the -y path cache (src/fdcache.c): which calls invalidate,
 * in-flight calls of other tracees, children ctrace cannot see. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <string.h>

#include "fdcache.h"
#include "syscallent.h"

enum { NR_READ, NR_CLOSE, NR_OPENAT, NR_FCNTL, NR_CLONE, NR_VFORK, NR_URING, NR_RENAME,
       NR_EXECVE, NR_DUP2, NR__COUNT };

static const struct syscall_ent table[NR__COUNT] = {
	[NR_READ] = { .name = "read", .props = SP_FD_NEUTRAL },
	[NR_CLOSE] = { .name = "close", .props = SP_FD_CLOSE },
	[NR_OPENAT] = { .name = "openat", .rval = RV_FD },
	[NR_FCNTL] = { .name = "fcntl", .props = SP_FD_FCNTL },
	[NR_CLONE] = { .name = "clone", .props = SP_CLONE },
	[NR_VFORK] = { .name = "vfork", .props = SP_FORK },
	[NR_URING] = { .name = "io_uring_setup", .rval = RV_FD, .props = SP_FD_IO_URING },
	[NR_RENAME] = { .name = "rename" },
	[NR_EXECVE] = { .name = "execve", .props = SP_EXEC },
	[NR_DUP2] = { .name = "dup2", .rval = RV_FD, .props = SP_FD_DUP2 },
};
static const struct arch_def fake_arch = { .name = "fake", .table = table, .nsyscalls = NR__COUNT };

static struct tcb t1, t2;

static int setup(void **state)
{
	(void)state;
	memset(&t1, 0, sizeof(t1));
	memset(&t2, 0, sizeof(t2));
	t1.pid = 1001;
	t2.pid = 1002;
	t1.arch = t2.arch = &fake_arch;
	fdcache_enable(&fake_arch, true);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	fdcache_forget(&t1);
	fdcache_forget(&t2);
	return 0;
}

static void call(struct tcb *t, long nr, unsigned long a0, unsigned long a1)
{
	t->scno = nr;
	t->args[0] = a0;
	t->args[1] = a1;
	fdcache_syscall_entry(t);
}

static const char *get(struct tcb *t, int fd)
{
	size_t len = 0;
	const char *s = fdcache_get(t, fd, &len);

	if (s)
		assert_int_equal(len, strlen(s));
	return s;
}

static void put(struct tcb *t, int fd, const char *s)
{
	fdcache_put(t, fd, s, strlen(s));
}

/* The kind of a syscall comes from its row in syscalls.def (the fd_*,
 * fork, clone, clone3 properties and rval fd), checked on both tables. */
static enum fdc_kind kind(const struct arch_def *a, const char *name)
{
	return fdcache_kind(arch_syscall(a, arch_syscall_number(a, name)));
}

static void test_kinds(void **state)
{
	static const char *const neutral[] = { "read", "write", "pread64", "lseek", "fstat",
		"newfstatat", "mmap", "brk", "futex", "exit_group", "wait4",
		"sendmsg", "get_robust_list", "getcpu", "writev", "utimensat", "getdents64",
		"faccessat", "mkdirat", "symlinkat", "clock_nanosleep", "rt_sigreturn" };
	static const char *const changing[] = { "close_range", "execve", "execveat", "renameat2",
		"unlinkat", "chdir", "fchdir", "ioctl", "pipe2", "socketpair",
		"recvmsg", "recvmmsg", "unshare", "mount", "no_such_call" };
	static const char *const x86_only[] = { "access", "getdents", "stat", "poll", "time" };

	(void)state;
	for (const struct arch_def *const *a = arch_all; *a; a++) {
		for (size_t i = 0; i < sizeof(neutral) / sizeof(neutral[0]); i++)
			assert_int_equal(kind(*a, neutral[i]), FDC_NEUTRAL);
		for (size_t i = 0; i < sizeof(changing) / sizeof(changing[0]); i++)
			assert_int_equal(kind(*a, changing[i]), FDC_CHANGES);
		assert_int_equal(kind(*a, "fcntl"), FDC_FCNTL);
		assert_int_equal(kind(*a, "clone"), FDC_CLONE);
		assert_int_equal(kind(*a, "clone3"), FDC_CLONE3);
		assert_int_equal(kind(*a, "io_uring_enter"), FDC_IO_URING);
		assert_int_equal(kind(*a, "io_uring_setup"), FDC_IO_URING);
		assert_int_equal(kind(*a, "close"), FDC_CLOSE);
		assert_int_equal(kind(*a, "dup3"), FDC_DUP2);
		assert_int_equal(kind(*a, "openat"), FDC_NEWFD);
		assert_int_equal(kind(*a, "dup"), FDC_NEWFD);
	}
	for (size_t i = 0; i < sizeof(x86_only) / sizeof(x86_only[0]); i++)
		assert_int_equal(kind(&arch_x86_64, x86_only[i]), FDC_NEUTRAL);
	assert_int_equal(kind(&arch_x86_64, "rename"), FDC_CHANGES);
	assert_int_equal(kind(&arch_x86_64, "rmdir"), FDC_CHANGES);
	assert_int_equal(kind(&arch_x86_64, "fork"), FDC_FORK);
	assert_int_equal(kind(&arch_x86_64, "vfork"), FDC_FORK);
	assert_int_equal(kind(&arch_x86_64, "dup2"), FDC_DUP2);
	assert_int_equal(fdcache_kind(NULL), FDC_CHANGES);
}

static void test_call_changes(void **state)
{
	unsigned long dupfd[6] = { 3, F_DUPFD }, dupcl[6] = { 3, F_DUPFD_CLOEXEC };
	unsigned long getfl[6] = { 3, F_GETFL }, setfd[6] = { 3, F_SETFD, FD_CLOEXEC };
	unsigned long thread[6] = { CLONE_VM | CLONE_FILES | CLONE_THREAD | CLONE_SIGHAND };
	unsigned long pidfd[6] = { CLONE_PIDFD };

	(void)state;
	assert_false(fdcache_call_changes(FDC_FCNTL, dupfd));
	assert_true(fdcache_returns_new_fd(FDC_FCNTL, dupfd));
	assert_true(fdcache_returns_new_fd(FDC_FCNTL, dupcl));
	assert_false(fdcache_returns_new_fd(FDC_FCNTL, getfl));
	assert_false(fdcache_returns_new_fd(FDC_FCNTL, setfd));
	assert_true(fdcache_returns_new_fd(FDC_NEWFD, getfl));
	assert_false(fdcache_returns_new_fd(FDC_CLOSE, getfl));
	assert_false(fdcache_call_changes(FDC_FCNTL, getfl));
	assert_false(fdcache_call_changes(FDC_CLONE, thread));
	assert_true(fdcache_call_changes(FDC_CLONE, pidfd));
	assert_false(fdcache_call_changes(FDC_NEUTRAL, getfl));
	assert_true(fdcache_call_changes(FDC_CHANGES, getfl));
}

static void test_child_blinds(void **state)
{
	(void)state;
	assert_true(fdcache_child_blinds(0, false));  /* fork without -f */
	assert_false(fdcache_child_blinds(0, true));
	assert_false(fdcache_child_blinds(CLONE_FILES | CLONE_THREAD, true));
	assert_true(fdcache_child_blinds(CLONE_FILES | CLONE_UNTRACED, true));
	assert_true(fdcache_child_blinds(CLONE_UNTRACED, true)); /* may rename files */
}

static void test_hit_and_neutral(void **state)
{
	(void)state;
	assert_null(get(&t1, 3));
	put(&t1, 3, "</etc/hosts>");
	assert_string_equal(get(&t1, 3), "</etc/hosts>");
	assert_null(get(&t2, 3));           /* per tracee */
	call(&t1, NR_READ, 3, 0);
	fdcache_syscall_exit(&t1);
	call(&t2, NR_FCNTL, 3, F_GETFL);
	fdcache_syscall_exit(&t2);
	assert_string_equal(get(&t1, 3), "</etc/hosts>");
	put(&t1, -1, "</tmp>");             /* cwd */
	assert_string_equal(get(&t1, -1), "</tmp>");
	put(&t1, 200, "<pipe:[1]>");        /* grows */
	assert_string_equal(get(&t1, 200), "<pipe:[1]>");
	assert_string_equal(get(&t1, 3), "</etc/hosts>");
	put(&t1, 5000, "<big>");            /* not cached */
	assert_null(get(&t1, 5000));
	put(&t1, 3, "");                    /* unreadable link */
	assert_string_equal(get(&t1, 3), "");
}

static void test_change_invalidates(void **state)
{
	(void)state;
	put(&t2, 4, "</b>");
	/* execve: everything, in every tracee */
	call(&t1, NR_EXECVE, 0, 0);
	assert_null(get(&t2, 4));           /* another tracee while it is in flight */
	put(&t2, 4, "</b>");
	assert_null(get(&t2, 4));           /* nor remembered */
	fdcache_syscall_exit(&t1);
	assert_null(get(&t2, 4));           /* every tracee: tables may be shared */
	put(&t2, 4, "</b>");
	assert_string_equal(get(&t2, 4), "</b>");

	/* fcntl(4, F_DUPFD) = 6: 6 changes, 4 does not */
	put(&t2, 6, "</old>");
	call(&t2, NR_FCNTL, 4, F_DUPFD);
	assert_string_equal(get(&t2, 4), "</b>");
	t2.rval = 6;
	fdcache_syscall_exit(&t2);
	assert_string_equal(get(&t2, 4), "</b>");
	assert_null(get(&t2, 6));
	call(&t1, NR_RENAME, 0, 0);
	fdcache_syscall_exit(&t1);
	assert_null(get(&t2, 4));
	put(&t2, 4, "</b>");
	call(&t1, 9999, 0, 0);              /* unknown number */
	fdcache_syscall_exit(&t1);
	assert_null(get(&t2, 4));
	put(&t2, 4, "</b>");
	t1.arch = NULL;                     /* another personality */
	call(&t1, NR_READ, 0, 0);
	fdcache_syscall_exit(&t1);
	t1.arch = &fake_arch;
	assert_null(get(&t2, 4));
}

/* close, dup2 and new descriptors change one number, in every tracee */
static void test_one_number(void **state)
{
	(void)state;
	put(&t1, 3, "</a>");
	put(&t1, 4, "</b>");
	put(&t2, 3, "</a>");
	put(&t2, 5, "</c>");
	call(&t1, NR_CLOSE, 3, 0);          /* its own line is printed already */
	assert_null(get(&t1, 3));
	assert_null(get(&t2, 3));           /* a thread sharing the table */
	put(&t2, 3, "</a>");
	assert_null(get(&t2, 3));           /* not while the close is in flight */
	assert_string_equal(get(&t1, 4), "</b>");
	assert_string_equal(get(&t2, 5), "</c>");
	fdcache_syscall_exit(&t1);
	assert_null(get(&t2, 3));
	assert_string_equal(get(&t1, 4), "</b>");
	put(&t1, 3, "</new>");
	assert_string_equal(get(&t1, 3), "</new>");

	/* dup2(4, 5): 5 changes, 4 does not */
	call(&t2, NR_DUP2, 4, 5);
	assert_null(get(&t2, 5));
	t2.rval = 5;
	fdcache_syscall_exit(&t2);
	assert_null(get(&t2, 5));
	assert_string_equal(get(&t1, 4), "</b>");

	/* openat returning 4 (after a close not seen here, e.g. a fork's
	 * child with its own table): 4 is looked up again */
	call(&t1, NR_OPENAT, 0, 0);
	assert_string_equal(get(&t1, 4), "</b>"); /* no number is free yet */
	t1.rval = 4;
	fdcache_syscall_exit(&t1);
	assert_null(get(&t1, 4));
	assert_string_equal(get(&t1, 3), "</new>");
	/* a failed openat changes nothing */
	put(&t1, 4, "</b>");
	call(&t1, NR_OPENAT, 0, 0);
	t1.rval = -2;
	t1.err = 2;
	fdcache_syscall_exit(&t1);
	t1.err = 0;
	assert_string_equal(get(&t1, 4), "</b>");
	/* close of a number that is never cached */
	call(&t1, NR_CLOSE, 100000, 0);
	fdcache_syscall_exit(&t1);
	call(&t1, NR_CLOSE, (unsigned long)-1, 0);
	fdcache_syscall_exit(&t1);
	assert_string_equal(get(&t1, 4), "</b>");
}

static void test_gone_in_flight(void **state)
{
	(void)state;
	call(&t1, NR_EXECVE, 0, 0);
	put(&t2, 4, "</b>");
	assert_null(get(&t2, 4));
	fdcache_forget(&t1);                /* killed inside execve */
	put(&t2, 4, "</b>");
	assert_string_equal(get(&t2, 4), "</b>");
	call(&t2, NR_CLOSE, 7, 0);
	put(&t1, 7, "</x>");
	assert_null(get(&t1, 7));
	fdcache_forget(&t2);                /* killed inside close */
	put(&t1, 7, "</x>");
	assert_string_equal(get(&t1, 7), "</x>");
}

static void test_blind(void **state)
{
	(void)state;
	put(&t1, 3, "</a>");
	call(&t1, NR_CLONE, CLONE_VM | CLONE_FILES | CLONE_THREAD | CLONE_SIGHAND, 0);
	fdcache_syscall_exit(&t1);
	assert_true(fdcache_on());
	assert_string_equal(get(&t1, 3), "</a>");
	call(&t1, NR_CLONE, CLONE_UNTRACED, 0);
	assert_false(fdcache_on());
	assert_null(get(&t1, 3));

	fdcache_enable(&fake_arch, false);  /* no -f */
	put(&t1, 3, "</a>");
	call(&t1, NR_VFORK, 0, 0);
	assert_false(fdcache_on());
	assert_null(get(&t1, 3));

	fdcache_enable(&fake_arch, true);
	call(&t1, NR_VFORK, 0, 0);
	assert_true(fdcache_on());
	call(&t1, NR_URING, 0, 0);
	assert_false(fdcache_on());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_call_changes),
		cmocka_unit_test(test_child_blinds),
		cmocka_unit_test_setup_teardown(test_hit_and_neutral, setup, teardown),
		cmocka_unit_test_setup_teardown(test_change_invalidates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_one_number, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gone_in_flight, setup, teardown),
		cmocka_unit_test_setup_teardown(test_blind, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
