/* Unit tests: -k frame lines and the mapping-change predicate (pure), and
 * the frame cache (stacktrace.c's static add_frame, on this process's own
 * modules): a C++ name is demangled once per cached frame. */
#include "config.h"
#if HAVE_LIBIBERTY_DEMANGLE_H
#include <libiberty/demangle.h>

/* cplus_demangle, counted: stacktrace.c below calls this one */
static unsigned demangle_calls;
static char *counted_demangle(const char *mangled, int options)
{
	demangle_calls++;
	return cplus_demangle(mangled, options);
}
#define cplus_demangle counted_demangle
#endif

#include "../../src/stacktrace.c"

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
	_cleanup_free_ char *plain = stack_demangle(sym);
	struct stack_frame_info f = { .module = module, .symbol = plain ? plain : sym,
				      .sym_off = off, .addr = addr };
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

/* a C++ name by an asm label, as a C++ compiler would emit it */
__attribute__((noinline)) int ctrace_cxx_fn(int x) __asm__("_ZN6ctrace5cacheEi");
__attribute__((noinline)) int ctrace_cxx_fn(int x)
{
	return x * 3 + 1;
}

/* The same frame three times: symbolized and demangled once, printed
 * demangled every time; another pc of the same function is another frame. */
static void test_frame_cache_demangles_once(void **state)
{
	struct stack_proc p = { .tgid = getpid() };
	struct stack_tcb st = { 0 };
	Dwarf_Addr pc = (Dwarf_Addr)(uintptr_t)&ctrace_cxx_fn + 1;
	unsigned n = 0;

	const char *why = NULL;

	(void)state;
	if (!stacktrace_demangles)
		skip(); /* built without libiberty-dev */
	assert_int_equal(stacktrace_load(&why), 0);
	p.dwfl = dw->dwfl_begin(&proc_callbacks);
	assert_non_null(p.dwfl);
	dw->dwfl_report_begin(p.dwfl);
	assert_int_equal(dw->dwfl_linux_proc_report(p.dwfl, p.tgid), 0);
	assert_int_equal(dw->dwfl_report_end(p.dwfl, NULL, NULL), 0);
	sb_init_grow(&st.text, NULL, 0);
	struct walk w = { .st = &st, .proc = &p, .dwfl = p.dwfl };

	demangle_calls = 0;
	for (int i = 0; i < 3; i++)
		add_frame(&w, pc, true);
	assert_int_equal(demangle_calls, 1);
	add_frame(&w, pc + 1, true);
	assert_int_equal(demangle_calls, 2);
	for (const char *t = sb_str(&st.text); (t = strstr(t, "(ctrace::cache(int)+0x")); t++)
		n++;
	assert_int_equal(n, 4);
	assert_int_equal(ctrace_cxx_fn(1), 4);
	symcache_clear(&p);
	free(p.symcache);
	dw->dwfl_end(p.dwfl);
	sb_free(&st.text);
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
		cmocka_unit_test(test_frame_cache_demangles_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
