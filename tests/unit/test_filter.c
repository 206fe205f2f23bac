/* Unit tests of the -e expression parser (src/filter.c) (the quoting
 * rule is tested in test_quote.c). */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "arch.h"
#include "filter.h"
#include "sink.h"
#include "syscallent.h"

static const struct arch_def *A = &arch_x86_64;
static bool *set;
static char err[256];

static int setup(void **state)
{
	(void)state;
	set = calloc(filter_set_size(A), sizeof(bool));
	return set ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	free(set);
	return 0;
}

static bool has(const char *name)
{
	long nr = arch_syscall_number(A, name);

	assert_true(nr >= 0);
	return set[nr];
}

/* is the 32-bit personality's call of that name in set? */
static bool has32(const char *name)
{
	long nr = arch_syscall_number(A->pers[1], name);

	assert_true(nr >= 0);
	return set[filter_slot(A, A->pers[1], nr)];
}

/* is x32's call of that name in set? */
static bool hasx32(const char *name)
{
	long nr = arch_syscall_number(&arch_x32, name);

	assert_true(nr >= 0);
	return set[filter_slot(A, &arch_x32, nr)];
}

static unsigned count(void)
{
	unsigned n = 0;

	for (unsigned i = 0; i < A->nsyscalls; i++)
		n += A->table[i].name[0] && set[i];
	return n;
}

static int parse(const char *v)
{
	err[0] = '\0';
	return filter_parse_trace(A, v, set, err, sizeof(err));
}

static void test_names(void **state)
{
	(void)state;
	assert_int_equal(parse("open,close"), 0);
	assert_true(has("open"));
	assert_true(has("close"));
	assert_false(has("read"));
	assert_int_equal(count(), 2);
}

static void test_negation(void **state)
{
	(void)state;
	assert_int_equal(parse("!close"), 0);
	assert_false(has("close"));
	assert_true(has("read"));
	assert_true(has("openat"));
	/* every number without a name is traced too */
	assert_true(set[A->nsyscalls]);
}

static void test_classes(void **state)
{
	(void)state;
	assert_int_equal(parse("%network"), 0);
	assert_true(has("socket"));
	assert_true(has("connect"));
	assert_false(has("read"));
	assert_int_equal(parse("%file"), 0);
	assert_true(has("openat"));
	assert_true(has("execve"));
	assert_false(has("read"));
	/* the old spelling without % */
	assert_int_equal(parse("process"), 0);
	assert_true(has("clone"));
	assert_false(has("openat"));
	/* ... before a name: "ipc" is %ipc, not i386's ipc call alone */
	assert_int_equal(parse("ipc"), 0);
	assert_true(has("shmget"));
	assert_true(has("msgsnd"));
	assert_true(has32("ipc"));
	/* %%stat: every stat-like call */
	assert_int_equal(parse("%%stat"), 0);
	assert_true(has("newfstatat"));
	assert_true(has("statx"));
	assert_false(has("statfs"));
	assert_int_equal(parse("!%memory"), 0);
	assert_false(has("mmap"));
	assert_true(has("openat"));
}

static void test_regex(void **state)
{
	(void)state;
	assert_int_equal(parse("/^sock"), 0);
	assert_true(has("socket"));
	assert_true(has("socketpair"));
	assert_false(has("getsockopt"));
	assert_int_equal(parse("/stat$,close"), 0);
	assert_true(has("fstat"));
	assert_false(has("newfstatat"));
	assert_true(has("close"));
	assert_false(has("statx"));
}

/* strace keeps one selection per personality: a name, a class or a
 * regex selects in each by its own table, NAME@64, NAME@32 and NAME@x32
 * in one, and a number that call's number in each */
static void test_personalities(void **state)
{
	(void)state;
	assert_ptr_equal(A->pers[0], A);
	assert_ptr_equal(A->pers[1], &arch_i386);
	assert_ptr_equal(A->pers[2], &arch_x32);
	assert_int_equal(filter_set_size(A), A->nsyscalls + 1 + arch_i386.nsyscalls + arch_x32.nsyscalls);
	assert_int_equal(filter_slot(A, A->pers[1], 0), A->nsyscalls + 1);
	assert_int_equal(filter_slot(A, A->pers[1], 100000), A->nsyscalls);
	assert_int_equal(filter_slot(A, &arch_x32, 0), A->nsyscalls + 1 + arch_i386.nsyscalls);
	assert_int_equal(filter_slot(A, &arch_x32, 547), filter_set_size(A) - 1);
	assert_int_equal(filter_slot(A, &arch_x32, 548), A->nsyscalls);
	assert_int_equal(filter_slot(A, A, 100000), A->nsyscalls);
	assert_int_equal(filter_slot(A, &arch_aarch64, 1), A->nsyscalls);
	assert_int_equal(filter_slot(A, NULL, 1), A->nsyscalls);
	assert_int_equal(parse("%memory"), 0);
	assert_true(has("mmap"));
	assert_true(has32("mmap2"));
	assert_true(has32("brk"));
	assert_true(hasx32("mmap"));
	assert_false(has32("read"));
	assert_false(hasx32("read"));
	assert_int_equal(parse("mmap2,stat64"), 0);
	assert_int_equal(count(), 0);
	assert_true(has32("mmap2"));
	assert_true(has32("stat64"));
	assert_false(has32("mmap"));
	assert_int_equal(parse("/^_llseek$"), 0);
	assert_true(has32("_llseek"));
	assert_int_equal(parse("!%network"), 0);
	assert_false(has32("socketcall"));
	assert_true(has32("mmap2"));
	assert_int_equal(parse("read@32"), 0);
	assert_true(has32("read"));
	assert_false(has("read"));
	assert_int_equal(parse("read@64"), 0);
	assert_false(has32("read"));
	assert_true(has("read"));
	assert_int_equal(parse("mmap2@64"), -EINVAL);
	assert_string_equal(err, "invalid system call 'mmap2@64'");
	assert_int_equal(parse("read@x32"), 0);
	assert_int_equal(count(), 0);
	assert_false(has32("read"));
	assert_true(hasx32("read"));
	assert_false(hasx32("write"));
	/* x32's own calls (512..547): ioctl is 16 in x86_64, 514 in x32 */
	assert_int_equal(parse("ioctl@x32,mmap2@32"), 0);
	assert_int_equal(count(), 0);
	assert_true(set[filter_slot(A, &arch_x32, 514)]);
	assert_false(set[filter_slot(A, &arch_x32, 16)]);
	assert_true(has32("mmap2"));
	assert_int_equal(parse("mmap2@x32"), -EINVAL);
	assert_string_equal(err, "invalid system call 'mmap2@x32'");
	assert_int_equal(parse("uretprobe@x32"), -EINVAL);
	assert_int_equal(parse("/^preadv2$"), 0);
	assert_true(has("preadv2"));
	assert_true(has32("preadv2"));
	assert_true(hasx32("preadv2"));
	/* x86_64's 3 is close, i386's read, x32's close */
	assert_int_equal(parse("3"), 0);
	assert_true(has("close"));
	assert_true(has32("read"));
	assert_false(has32("close"));
	assert_true(hasx32("close"));
	/* a number of x32's table alone (x32's rt_sigaction; past the
	 * tables of x86_64 and i386), as in strace 6.1 */
	assert_int_equal(parse("512"), 0);
	assert_int_equal(count(), 0);
	assert_false(set[A->nsyscalls]);
	assert_true(hasx32("rt_sigaction"));
	assert_int_equal(parse("547"), 0);
	assert_true(hasx32("pwritev2"));
	assert_int_equal(parse("548"), -EINVAL);
	assert_string_equal(err, "invalid system call '548'");
	assert_int_equal(parse("512@64"), -EINVAL);
	assert_int_equal(parse("512@x32"), 0);
	assert_true(hasx32("rt_sigaction"));
	assert_int_equal(parse("all"), 0);
	assert_true(has32("mmap2"));
	assert_true(hasx32("pwritev2"));
	assert_true(set[A->nsyscalls]);
	/* aarch64 has no x32 */
	A = &arch_aarch64;
	assert_null(A->pers[2]);
	assert_int_equal(parse("read@x32"), -EINVAL);
	assert_string_equal(err, "incorrect personality designator 'x32' in qualification 'read@x32'");
	A = &arch_x86_64;
}

static void test_errors(void **state)
{
	(void)state;
	assert_int_equal(parse("nosuch"), -EINVAL);
	assert_string_equal(err, "invalid system call 'nosuch'");
	/* a name of the compat personality only (i386's mmap2 on x86_64,
	 * arm's on aarch64) is taken, as strace takes it, and selects no
	 * native call */
	assert_int_equal(parse("mmap,mmap2"), 0);
	assert_int_equal(count(), 1);
	assert_int_equal(parse("open,nosuch"), -EINVAL);
	assert_string_equal(err, "invalid system call 'nosuch'");
	assert_int_equal(parse("%nosuch"), -EINVAL);
	assert_string_equal(err, "invalid system call '%nosuch'");
	/* a regex that matches nothing is an error, as in strace */
	assert_int_equal(parse("/^nosuch"), -EINVAL);
	assert_string_equal(err, "invalid system call '/^nosuch'");
	assert_int_equal(parse("/["), -EINVAL);
	assert_memory_equal(err, "regcomp: [: ", 12);
	assert_int_equal(parse(""), -EINVAL);
}

static void test_optional(void **state)
{
	(void)state;
	assert_int_equal(parse("?nosuch,close"), 0);
	assert_true(has("close"));
	assert_int_equal(count(), 1);
	assert_int_equal(parse("?/^nosuch"), 0);
	assert_int_equal(count(), 0);
	assert_int_equal(parse("?%nosuch"), 0);
}

static void test_all_none(void **state)
{
	(void)state;
	assert_int_equal(parse("all"), 0);
	assert_true(has("read"));
	assert_int_equal(parse("none"), 0);
	assert_int_equal(count(), 0);
	assert_int_equal(parse("!all"), 0);
	assert_int_equal(count(), 0);
}

/* strace 6.1's list rules: each leading '!' inverts; "none" and "all"
 * only alone; a list without a token is said whole */
static void test_list_rules(void **state)
{
	unsigned mask = 0;

	(void)state;
	assert_int_equal(parse("!!read"), 0);
	assert_true(has("read"));
	assert_int_equal(count(), 1);
	assert_int_equal(parse("!!none"), 0);
	assert_int_equal(count(), 0);
	assert_int_equal(parse("!none"), 0);
	assert_true(has("read"));
	assert_int_equal(parse("read,none"), -EINVAL);
	assert_string_equal(err, "invalid system call 'none'");
	assert_int_equal(parse("read,all"), 0);
	assert_true(has("write"));
	for (unsigned i = 0; i < 5; i++) {
		static const char *const empty[] = { "", "!", ",", "!!", "!," };
		char want[64];

		snprintf(want, sizeof(want), "invalid system call '%s'", empty[i]);
		assert_int_equal(parse(empty[i]), -EINVAL);
		assert_string_equal(err, want);
	}
	/* numbers: a call in the native or the compat table (x86_64 336 is
	 * i386's perf_event_open), not a hole of both */
	assert_int_equal(parse("1"), 0);
	assert_true(has("write"));
	assert_int_equal(parse("336"), 0);
	assert_int_equal(parse("415"), -EINVAL);
	assert_string_equal(err, "invalid system call '415'");
	assert_int_equal(parse("-1@64"), -EINVAL);
	assert_string_equal(err, "invalid system call '-1@64'");
	assert_int_equal(parse("@64"), -EINVAL);
	assert_string_equal(err, "invalid system call '@64'");
	assert_int_equal(parse("?@x"), -EINVAL);
	assert_string_equal(err, "incorrect personality designator 'x' in qualification '@x'");

	assert_int_equal(filter_parse_status("!!failed", &mask, err, sizeof(err)), 0);
	assert_int_equal(mask, 1u << FS_FAILED);
	assert_int_equal(filter_parse_status("failed,all", &mask, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, "invalid status 'all'");
	assert_int_equal(filter_parse_status("!", &mask, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, "invalid status '!'");
	assert_int_equal(filter_parse_status("none", &mask, err, sizeof(err)), 0);
	assert_int_equal(mask, 0);
}

static void test_status(void **state)
{
	unsigned mask = 0;

	(void)state;
	assert_int_equal(filter_parse_status("successful", &mask, err, sizeof(err)), 0);
	assert_int_equal(mask, 1u << FS_SUCCESSFUL);
	assert_int_equal(filter_parse_status("failed,unfinished", &mask, err, sizeof(err)), 0);
	assert_int_equal(mask, (1u << FS_FAILED) | (1u << FS_UNFINISHED));
	assert_int_equal(filter_parse_status("!failed", &mask, err, sizeof(err)), 0);
	assert_int_equal(mask, FS_ALL & ~(1u << FS_FAILED));
	assert_int_equal(filter_parse_status("all", &mask, err, sizeof(err)), 0);
	assert_int_equal(mask, FS_ALL);
	assert_int_equal(filter_parse_status("detached,unavailable", &mask, err, sizeof(err)), 0);
	assert_int_equal(mask, (1u << FS_DETACHED) | (1u << FS_UNAVAILABLE));
	assert_int_equal(filter_parse_status("foo", &mask, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, "invalid status 'foo'");

	filter_set_status(FS_ALL);
	assert_false(filter_status_active());
	filter_set_status(1u << FS_FAILED);
	assert_true(filter_status_active());
	assert_true(filter_status_selected(FS_FAILED));
	assert_false(filter_status_selected(FS_SUCCESSFUL));
	filter_set_status(FS_ALL);
}

/* the expressions one after the other, as options_parse() applies them;
 * set: the trace selection they made */
static int apply(const char *const *exprs, size_t n)
{
	filter_reset();
	for (size_t i = 0; i < n; i++)
		if (filter_apply_expr(A, exprs[i]) < 0)
			return -EINVAL;
	memcpy(set, filter_trace_set(A), filter_set_size(A) * sizeof(bool));
	return 0;
}

static void test_build(void **state)
{
	const char *ok[] = { "trace=open", "signal=!SIGCHLD", "status=failed", "raw=read",
			     "abbrev=none", "verbose=!all", "t=close" };
	const char *bad[] = { "trace=nosuch", "signal=FOO", "status=foo", "raw=nosuch",
			      "nosuch=1", "signal=256", "signal=-1" };
	const char *nums[] = { "signal=0,64,255" };

	(void)state;
	assert_int_equal(apply(ok, 1), 0);
	assert_true(has("open"));
	assert_int_equal(count(), 1);
	assert_int_equal(apply(ok, 7), 0);
	/* the last trace= wins, as in strace */
	assert_true(has("close"));
	assert_false(has("open"));
	assert_false(filter_signal_traced(17));
	assert_true(filter_signal_traced(2));
	assert_true(filter_status_active());
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(apply(&bad[i], 1), -EINVAL);
	/* numbers below 256 are accepted, as strace does */
	assert_int_equal(apply(nums, 1), 0);
	assert_true(filter_signal_traced(64));
	assert_false(filter_signal_traced(2));
	/* no expression: every call, every signal, every status */
	assert_int_equal(apply(NULL, 0), 0);
	assert_true(has("open"));
	assert_true(has("read"));
	assert_true(set[A->nsyscalls]);
	assert_true(filter_signal_traced(17));
	assert_false(filter_status_active());
	filter_reset();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_negation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_classes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_regex, setup, teardown),
		cmocka_unit_test_setup_teardown(test_personalities, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_optional, setup, teardown),
		cmocka_unit_test_setup_teardown(test_all_none, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_status, setup, teardown),
		cmocka_unit_test_setup_teardown(test_build, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
