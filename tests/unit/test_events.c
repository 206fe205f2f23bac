/* Unit tests: splitting a decoded argument list for --json. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "events.h"

struct parts {
	char s[16][128];
	int n;
};

static void collect(const char *start, size_t len, void *data)
{
	struct parts *p = data;

	if (p->n < 16) {
		memcpy(p->s[p->n], start, len < 127 ? len : 127);
		p->s[p->n][len < 127 ? len : 127] = '\0';
	}
	p->n++;
}

static struct parts split(const char *s)
{
	struct parts p = { 0 };
	split_args(s, strlen(s), collect, &p);
	return p;
}

static void test_simple(void **state)
{
	struct parts p;

	(void)state;
	p = split("AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC");
	assert_int_equal(p.n, 3);
	assert_string_equal(p.s[0], "AT_FDCWD");
	assert_string_equal(p.s[1], "\"/etc/passwd\"");
	assert_string_equal(p.s[2], "O_RDONLY|O_CLOEXEC");
	p = split("");
	assert_int_equal(p.n, 0);
	p = split("0");
	assert_int_equal(p.n, 1);
}

static void test_nesting_and_quotes(void **state)
{
	struct parts p;

	(void)state;
	p = split("3, {st_mode=S_IFREG|0644, st_size=12, ...}, [{iov_base=\"a, b\", iov_len=4}], \"x\\\", y\"...");
	assert_int_equal(p.n, 4);
	assert_string_equal(p.s[1], "{st_mode=S_IFREG|0644, st_size=12, ...}");
	assert_string_equal(p.s[2], "[{iov_base=\"a, b\", iov_len=4}]");
	assert_string_equal(p.s[3], "\"x\\\", y\"...");
	p = split("\"/bin/true\", [\"true\"], 0x7ffe /* 37 vars */");
	assert_int_equal(p.n, 3);
	assert_string_equal(p.s[2], "0x7ffe /* 37 vars */");
	/* unbalanced input never over-reads */
	p = split("}}, ((, \"unterminated");
	assert_true(p.n >= 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple),
		cmocka_unit_test(test_nesting_and_quotes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
