/* Architecture-only PROT_ bits: aarch64's PROT_BTI and PROT_MTE are named
 * for an aarch64 tracee, in value order among the common bits as strace
 * does, and stay numbers for x86_64, where 0x10 and 0x20 mean nothing. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "arch.h"
#include "decode_memory.h"
#include "xlat.h"

/* a 32-bit result register read without PTRACE_GET_SYSCALL_INFO: an
 * address above 2 GiB stays positive, -errno is negative */
static void test_ret32(void **state)
{
	(void)state;
	assert_int_equal(ret32(0xf7f2f000u), 0xf7f2f000L);
	assert_int_equal(ret32(0x80000000u), 0x80000000L);
	assert_int_equal(ret32(0xfffff000u), 0xfffff000L);
	assert_int_equal(ret32(0xfffff001u), -4095);
	assert_int_equal(ret32(0xfffffff4u), -12);
	assert_int_equal(ret32(5), 5);
}

static void test_arch_fields(void **state)
{
	(void)state;
	assert_ptr_equal(arch_aarch64.mmap_prot_extra, &xlat_mmap_prot_aarch64);
	assert_null(arch_x86_64.mmap_prot_extra);
}

static void test_aarch64_bits(void **state)
{
	const struct xlat *a64 = arch_aarch64.mmap_prot_extra;
	char buf[256];

	(void)state;
	format_mmap_prot_arch(buf, sizeof(buf), 0x1 | 0x4 | 0x10, a64);
	assert_string_equal(buf, "PROT_READ|PROT_EXEC|PROT_BTI");
	format_mmap_prot_arch(buf, sizeof(buf), 0x3 | 0x20, a64);
	assert_string_equal(buf, "PROT_READ|PROT_WRITE|PROT_MTE");
	/* value order: BTI (0x10) before GROWSDOWN (0x01000000) */
	format_mmap_prot_arch(buf, sizeof(buf), 0x01000010, a64);
	assert_string_equal(buf, "PROT_BTI|PROT_GROWSDOWN");
	/* unknown bits stay a number at the end */
	format_mmap_prot_arch(buf, sizeof(buf), 0x10 | 0x100, a64);
	assert_string_equal(buf, "PROT_BTI|0x100");
	format_mmap_prot_arch(buf, sizeof(buf), 0x40, a64);
	assert_string_equal(buf, "0x40");
	format_mmap_prot_arch(buf, sizeof(buf), 0, a64);
	assert_string_equal(buf, "PROT_NONE");
}

static void test_x86_64_bits(void **state)
{
	char buf[256];

	(void)state;
	format_mmap_prot_arch(buf, sizeof(buf), 0x1 | 0x4 | 0x10, arch_x86_64.mmap_prot_extra);
	assert_string_equal(buf, "PROT_READ|PROT_EXEC|0x10");
	format_mmap_prot(buf, sizeof(buf), 0x1 | 0x20);
	assert_string_equal(buf, "PROT_READ|0x20");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ret32),
		cmocka_unit_test(test_arch_fields),
		cmocka_unit_test(test_aarch64_bits),
		cmocka_unit_test(test_x86_64_bits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
