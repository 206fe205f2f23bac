/* Unit tests: the hot-path integer formatters against printf. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"

static const unsigned long long samples[] = {
	0, 1, 9, 10, 15, 16, 99, 100, 255, 256, 4095, 4096, 65535,
	1000000, 0x7fffffffULL, 0x80000000ULL, 0xffffffffULL, 0x100000000ULL,
	999999999999ULL, 0x7fffffffffffffffULL, 0x8000000000000000ULL,
	0xfffffffffffff000ULL, 0xffffffffffffffffULL, 18446744073709551615ULL - 1,
};

static void check_one(unsigned long long v)
{
	char got[FMT_INT_SIZE], want[64];
	size_t n;

	n = fmt_udec(got, v);
	snprintf(want, sizeof(want), "%llu", v);
	assert_string_equal(got, want);
	assert_int_equal(n, strlen(want));

	n = fmt_dec(got, (long long)v);
	snprintf(want, sizeof(want), "%lld", (long long)v);
	assert_string_equal(got, want);
	assert_int_equal(n, strlen(want));

	n = fmt_hex(got, v);
	snprintf(want, sizeof(want), "%#llx", v);
	assert_string_equal(got, want);
	assert_int_equal(n, strlen(want));

	n = fmt_oct(got, v);
	snprintf(want, sizeof(want), "%#llo", v);
	assert_string_equal(got, want);
	assert_int_equal(n, strlen(want));

	for (unsigned w = 0; w < 8; w++) {
		n = fmt_oct_width(got, v & 07777, w);
		snprintf(want, sizeof(want), "%#0*llo", (int)w, v & 07777);
		assert_string_equal(got, want);
		assert_int_equal(n, strlen(want));
	}
}

static void test_fmt_edges(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		check_one(samples[i]);
		check_one(-samples[i]);
	}
	check_one((unsigned long long)LLONG_MIN);
	check_one((unsigned long long)-1LL);
}

static void test_fmt_known(void **state)
{
	char buf[FMT_INT_SIZE];

	(void)state;
	assert_int_equal(fmt_hex(buf, 0), 1);
	assert_string_equal(buf, "0");
	fmt_hex(buf, 0xdeadbeef);
	assert_string_equal(buf, "0xdeadbeef");
	fmt_dec(buf, -100);
	assert_string_equal(buf, "-100");
	assert_int_equal(fmt_dec(buf, LLONG_MIN), 20);
	assert_string_equal(buf, "-9223372036854775808");
	assert_int_equal(fmt_udec(buf, ULLONG_MAX), 20);
	assert_string_equal(buf, "18446744073709551615");
	fmt_oct_width(buf, 0, 3);
	assert_string_equal(buf, "000");
	fmt_oct_width(buf, 7, 3);
	assert_string_equal(buf, "007");
	fmt_oct_width(buf, 0644, 3);
	assert_string_equal(buf, "0644");
	fmt_oct(buf, 0100644);
	assert_string_equal(buf, "0100644");
}

static void test_fmt_random(void **state)
{
	unsigned long long x = 0x9e3779b97f4a7c15ULL;

	(void)state;
	for (int i = 0; i < 20000; i++) {
		/* xorshift64; the shift spreads values over every length */
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		check_one(x >> (i % 64));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fmt_edges),
		cmocka_unit_test(test_fmt_known),
		cmocka_unit_test(test_fmt_random),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
