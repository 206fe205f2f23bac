/* Unit tests: -k frame lines and the mapping-change predicate (pure). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include <sys/mman.h>

#include "arch.h"
#include "stacktrace.h"

static const char *fmt(const char *module, const char *sym, unsigned long off,
		       unsigned long addr, bool plus_zero)
{
	static char buf[512];
	struct stack_frame_info f = { .module = module, .symbol = sym, .sym_off = off,
				      .addr = addr };
	int n = stack_format_frame(buf, sizeof(buf), &f, plus_zero);

	assert_int_equal(n, (int)strlen(buf));
	return buf;
}

static void test_frame_symbol(void **state)
{
	(void)state;
	assert_string_equal(fmt("/usr/lib/x86_64-linux-gnu/libc.so.6", "__write", 0x10, 0xf8350, false),
			    " > /usr/lib/x86_64-linux-gnu/libc.so.6(__write+0x10) [0xf8350]\n");
	/* the offset is printed even when it is zero; plus_zero changes nothing */
	assert_string_equal(fmt("/bin/x", "main", 0, 0x1000, true), " > /bin/x(main+0x0) [0x1000]\n");
}

/* C++ symbols demangled when built with libiberty, as they are otherwise;
 * a name that only looks mangled, and a C name, as they are */
static void test_frame_demangle(void **state)
{
	(void)state;
	if (!stacktrace_demangles) {
		assert_string_equal(fmt("/bin/x", "_ZN2ns2f3Ei", 0x9c, 0x13dc, false),
				    " > /bin/x(_ZN2ns2f3Ei+0x9c) [0x13dc]\n");
		skip(); /* built without libiberty-dev */
	}
	assert_string_equal(fmt("/bin/x", "_ZN2ns2f3Ei", 0x9c, 0x13dc, false),
			    " > /bin/x(ns::f3(int)+0x9c) [0x13dc]\n");
	assert_string_equal(fmt("/bin/x", "_Zbogus", 1, 2, false), " > /bin/x(_Zbogus+0x1) [0x2]\n");
	assert_string_equal(fmt("/bin/x", "Z3foo", 1, 2, false), " > /bin/x(Z3foo+0x1) [0x2]\n");
}

static void test_frame_no_symbol(void **state)
{
	(void)state;
	assert_string_equal(fmt("/usr/bin/echo", NULL, 0, 0x60c4, false),
			    " > /usr/bin/echo() [0x60c4]\n");
	assert_string_equal(fmt("/usr/bin/echo", "", 7, 0x60c4, false),
			    " > /usr/bin/echo() [0x60c4]\n");
	assert_string_equal(fmt("/usr/bin/true", NULL, 0, 0x23f1, true),
			    " > /usr/bin/true(+0x0) [0x23f1]\n");
}

static void test_frame_no_module(void **state)
{
	(void)state;
	assert_string_equal(fmt(NULL, NULL, 0, 0x7f0012345678, false),
			    " > ?() [0x7f0012345678]\n");
}

static void test_frame_truncated(void **state)
{
	char small[16];
	struct stack_frame_info f = { .module = "/a/very/long/module/path.so", .symbol = "sym",
				      .sym_off = 1, .addr = 2 };
	int n = stack_format_frame(small, sizeof(small), &f, false);

	(void)state;
	assert_true(n > (int)sizeof(small));
	assert_int_equal(strlen(small), sizeof(small) - 1);
}

static const struct syscall_ent *ent(const char *name)
{
	return arch_syscall(&arch_x86_64, arch_syscall_number(&arch_x86_64, name));
}

/* the maps / maps_exec properties of syscalls.def */
static void test_maps_change(void **state)
{
	unsigned long none[6] = { 0x1000, 4096, PROT_READ, 0, 0, 0 };
	unsigned long exec[6] = { 0x1000, 4096, PROT_READ | PROT_EXEC, 0, 0, 0 };

	(void)state;
	assert_true(stacktrace_maps_change(ent("mmap"), none));
	assert_true(stacktrace_maps_change(ent("munmap"), none));
	assert_true(stacktrace_maps_change(ent("mremap"), none));
	assert_true(stacktrace_maps_change(ent("mprotect"), exec));
	assert_false(stacktrace_maps_change(ent("mprotect"), none));
	assert_true(stacktrace_maps_change(ent("pkey_mprotect"), exec));
	assert_false(stacktrace_maps_change(ent("write"), exec));
	assert_false(stacktrace_maps_change(ent("brk"), none));
	assert_false(stacktrace_maps_change(NULL, none));
	assert_true(stacktrace_maps_change(ent("shmat"), none));
	assert_true(stacktrace_maps_change(ent("shmdt"), none));
	assert_true(stacktrace_maps_change(ent("remap_file_pages"), none));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_frame_symbol),
		cmocka_unit_test(test_frame_demangle),
		cmocka_unit_test(test_frame_no_symbol),
		cmocka_unit_test(test_frame_no_module),
		cmocka_unit_test(test_frame_truncated),
		cmocka_unit_test(test_maps_change),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
