/* Unit test of the fast path's seccomp-stop fix-up (src/fastpath.c) on
 * a call whose ABI is not the native one. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "arch.h"
#include "fastpath.h"
#include "syscallent.h"
#include "tcb.h"

static void test_foreign_arch(void **state)
{
	bool *set = calloc(arch_native->nsyscalls + 1, sizeof(bool));
	struct tcb t;

	(void)state;
	memset(&t, 0, sizeof(t));
	t.pid = 0x7fffffff;
	t.scno = arch_syscall_number(arch_native, "clone");
	t.ent = arch_syscall(arch_native, t.scno);
	assert_non_null(t.ent);
	/* a seccomp stop whose audit arch ctrace does not know: no arch */
	t.arch = NULL;
	assert_false(fastpath_fix_untraced(&t, set));
	/* a number beyond the native table (a 32-bit call) */
	t.scno = 100000;
	assert_false(fastpath_fix_untraced(&t, set));
	/* native, not selected: untraced */
	t.arch = arch_native;
	t.scno = arch_syscall_number(arch_native, "clone");
	assert_true(fastpath_fix_untraced(&t, set));
	set[t.scno] = true;
	assert_false(fastpath_fix_untraced(&t, set));
	free(set);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_foreign_arch),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
