/* Unit test of the fast path's seccomp-stop fix-up (src/fastpath.c) on
 * a call whose ABI is not the native one or not known. */
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
#include "filter.h"
#include "syscallent.h"
#include "tcb.h"

static void test_foreign_arch(void **state)
{
	bool *set = calloc(filter_set_size(arch_native), sizeof(bool));
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

/* The clone and clone3 of the other personalities (i386 and x32 on
 * x86_64, arm on aarch64), which the filter stops as every call of
 * theirs: the call is looked up in its personality's part of the
 * selection (a pid that does not exist: nothing is written). */
static void test_compat_clone(void **state)
{
	bool *set = calloc(filter_set_size(arch_native), sizeof(bool));
	const char *names[] = { "clone", "clone3" };
	unsigned n = 0;

	(void)state;
	for (unsigned i = 1; arch_native->pers[i]; i++) {
		const struct arch_def *p = arch_native->pers[i];

		for (unsigned k = 0; k < 2; k++) {
			struct tcb t;

			memset(&t, 0, sizeof(t));
			t.pid = 0x7fffffff;
			t.arch = p;
			t.scno = arch_syscall_number(p, names[k]);
			t.ent = arch_syscall(p, t.scno);
			assert_non_null(t.ent);
			assert_true(t.ent->props & (SP_CLONE | SP_CLONE3));
			t.args[0] = k ? 0x10000 : 0x00800011; /* CLONE_UNTRACED|SIGCHLD */
			/* not selected, even where the host's call of that number is */
			set[t.scno] = true;
			assert_true(fastpath_fix_untraced(&t, set));
			set[filter_slot(arch_native, p, t.scno)] = true;
			assert_false(fastpath_fix_untraced(&t, set));
			n++;
		}
	}
	/* x86_64: i386 and x32; aarch64: arm */
	assert_true(n >= 2);
	free(set);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_foreign_arch),
		cmocka_unit_test(test_compat_clone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
