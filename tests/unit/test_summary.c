/* Unit tests of the -c summary (src/summary.c): each personality's calls
 * are counted by its own table and printed in a table of their own, as
 * strace 6.1 prints them (the tables below are strace's, times left out
 * with -U; tests/x86vm compares with strace itself on i386 and x32
 * programs). */
#include "config.h"

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
#include "summary.h"
#include "syscallent.h"
#include "util.h"

static const enum sum_col cols[] = { SC_NAME, SC_CALLS, SC_ERRORS };

static long nr_of(const struct arch_def *a, const char *name)
{
	long nr = arch_syscall_number(a, name);

	assert_true(nr >= 0);
	return nr;
}

/* the tables as text */
static char *printed(enum sum_sort sort)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	summary_print(fp, sort, cols, ARRAY_SIZE(cols));
	assert_int_equal(fclose(fp), 0);
	return buf;
}

/* i386's 20 is getpid, x86_64's is writev; x32's 514 is ioctl, a number
 * past x86_64's own calls */
static void test_slots(void **state)
{
	const struct arch_def *a = &arch_x86_64;

	(void)state;
	summary_init(a, false);
	assert_int_equal(summary_slot(a, 20), 20);
	assert_int_equal(summary_slot(&arch_i386, 20), filter_slot(a, &arch_i386, 20));
	assert_true(summary_slot(&arch_i386, 20) > a->nsyscalls);
	assert_true(summary_slot(&arch_x32, 514) > a->nsyscalls);
	assert_int_not_equal(summary_slot(&arch_x32, 514), summary_slot(&arch_i386, 20));
	/* numbers no table names: past a table, a hole, no personality */
	assert_int_equal(summary_slot(a, 100000), a->nsyscalls);
	assert_int_equal(summary_slot(a, -1), a->nsyscalls);
	assert_int_equal(summary_slot(NULL, 20), a->nsyscalls);
	assert_string_equal(a->table[400].name, "");
	assert_int_equal(summary_slot(a, 400), a->nsyscalls);
	summary_free();
}

static void add_i386_program(void)
{
	summary_add(&arch_x86_64, nr_of(&arch_x86_64, "execve"), false, 1000);
	summary_add(&arch_i386, 20, false, 10);
	summary_add(&arch_i386, nr_of(&arch_i386, "write"), false, 30);
	summary_add(&arch_i386, nr_of(&arch_i386, "mmap2"), false, 20);
}

/* strace -c -U name,calls,errors /t/i386 */
static void test_i386(void **state)
{
	char *out;

	(void)state;
	summary_init(&arch_x86_64, false);
	add_i386_program();
	out = printed(SS_TIME);
	assert_string_equal(out,
		"syscall              calls    errors\n"
		"---------------- --------- ---------\n"
		"execve                   1          \n"
		"---------------- --------- ---------\n"
		"total                    1          \n"
		"System call usage summary for 32 bit mode:\n"
		"syscall              calls    errors\n"
		"---------------- --------- ---------\n"
		"write                    1          \n"
		"mmap2                    1          \n"
		"getpid                   1          \n"
		"---------------- --------- ---------\n"
		"total                    3          \n");
	free(out);
	/* -S name sorts each table by itself */
	out = printed(SS_NAME);
	assert_non_null(strstr(out, "32 bit mode:\n"
		"syscall              calls    errors\n"
		"---------------- --------- ---------\n"
		"getpid                   1          \n"
		"mmap2                    1          \n"
		"write                    1          \n"));
	free(out);
	summary_free();
}

/* strace -c -U name,calls,errors /t/x32, and an x32 call alone: the
 * host's table is left out when the host made no call */
static void test_x32(void **state)
{
	char *out;

	(void)state;
	summary_init(&arch_x86_64, false);
	summary_add(&arch_x32, 514, true, 10);
	out = printed(SS_CALLS);
	assert_string_equal(out,
		"System call usage summary for x32 mode:\n"
		"syscall              calls    errors\n"
		"---------------- --------- ---------\n"
		"ioctl                    1         1\n"
		"---------------- --------- ---------\n"
		"total                    1         1\n");
	free(out);
	/* the 32-bit table comes before x32's, unknown numbers in the host's */
	summary_add(&arch_i386, 20, false, 10);
	summary_add(&arch_x32, 100000, true, 10);
	out = printed(SS_CALLS);
	assert_string_equal(out,
		"syscall              calls    errors\n"
		"---------------- --------- ---------\n"
		"unknown                  1         1\n"
		"---------------- --------- ---------\n"
		"total                    1         1\n"
		"System call usage summary for 32 bit mode:\n"
		"syscall              calls    errors\n"
		"---------------- --------- ---------\n"
		"getpid                   1          \n"
		"---------------- --------- ---------\n"
		"total                    1          \n"
		"System call usage summary for x32 mode:\n"
		"syscall              calls    errors\n"
		"---------------- --------- ---------\n"
		"ioctl                    1         1\n"
		"---------------- --------- ---------\n"
		"total                    1         1\n");
	free(out);
	summary_free();
}

/* no call counted: strace prints no table at all */
static void test_empty(void **state)
{
	char *out;

	(void)state;
	summary_init(&arch_x86_64, false);
	out = printed(SS_TIME);
	assert_string_equal(out, "");
	free(out);
	summary_free();
}

/* aarch64's 32-bit personality: arm, "32 bit" */
static void test_aarch64(void **state)
{
	char *out;

	(void)state;
	summary_init(&arch_aarch64, false);
	summary_add(&arch_arm, nr_of(&arch_arm, "getpid"), false, 10);
	out = printed(SS_TIME);
	assert_non_null(strstr(out, "System call usage summary for 32 bit mode:\n"));
	assert_non_null(strstr(out, "getpid                   1          \n"));
	free(out);
	summary_free();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slots),
		cmocka_unit_test(test_i386),
		cmocka_unit_test(test_x32),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_aarch64),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
