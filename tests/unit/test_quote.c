/* Unit tests of the escaping rule for hostile bytes (src/quote.c): strace
 * quoting for text, valid UTF-8 with reversible escapes for JSON. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <json-c/json.h>

#include "quote.h"
#include "util.h"

static void check_quote(const char *s, size_t len, unsigned flags, const char *want)
{
	char out[256];

	quote_string(s, len, flags, out);
	assert_string_equal(out, want);
}

static void test_quote(void **state)
{
	(void)state;
	check_quote("a\tb\n\"\\", 6, 0, "\"a\\tb\\n\\\"\\\\\"");
	/* octal, shortest unless a digit follows */
	check_quote("\001" "234\001" "9", 6, 0, "\"\\001234\\19\"");
	check_quote("\377\0", 2, 0, "\"\\377\\0\"");
	/* -x: printable and whitespace only -> as without -x */
	check_quote("ab\tc\n", 5, QUOTE_HEX_NONPRINT, "\"ab\\tc\\n\"");
	/* -x: one other byte switches the whole string to hex */
	check_quote("abc\0d", 5, QUOTE_HEX_NONPRINT, "\"\\x61\\x62\\x63\\x00\\x64\"");
	check_quote("a\177", 2, QUOTE_HEX_NONPRINT, "\"\\x61\\x7f\"");
	/* -xx: everything */
	check_quote("ab", 2, QUOTE_HEX_ALL, "\"\\x61\\x62\"");
	check_quote("", 0, QUOTE_HEX_ALL, "\"\"");
	/* --strings-in-hex=non-ascii-chars: hex where octal would be */
	check_quote("a\033\n", 3, QUOTE_HEX_ESCAPES, "\"a\\x1b\\n\"");
}

static void test_bracketed_and_bare(void **state)
{
	char out[QUOTE_SIZE(64)], small[9];

	(void)state;
	/* a device named to forge a line and colour the terminal */
	quote_bracketed("/dev/x\033[31m\n<y>\377", 16, 0, out);
	assert_string_equal(out, "/dev/x\\33[31m\\n\\74y\\76\\377");
	/* before an octal digit, three digits as strace (its fsync-y test) */
	quote_bracketed("<<0>>1<8>9:7<", 13, 0, out);
	assert_string_equal(out, "\\74\\0740\\76\\0761\\748\\769:7\\74");
	assert_string_equal(quote_bare_buf("f\033(\n)<", out, sizeof(out)), "f\\33(\\n)<");
	/* cut before an escape, never inside one */
	assert_string_equal(quote_bare_buf("abcdefghij", small, sizeof(small)), "ab");
	assert_string_equal(quote_bare_buf("\033\033\033", small, sizeof(small)), "\\33\\33");
}

/* Every output byte of the text rule is printable ASCII. */
static void test_text_never_raw(void **state)
{
	char in[256], out[QUOTE_SIZE(256)];
	unsigned flags[] = { 0, QUOTE_HEX_NONPRINT, QUOTE_HEX_ALL, QUOTE_HEX_ESCAPES };

	(void)state;
	for (int i = 0; i < 256; i++)
		in[i] = (char)i;
	for (size_t f = 0; f < ARRAY_SIZE(flags); f++) {
		size_t n = quote_string(in, sizeof(in), flags[f], out);

		for (size_t i = 0; i < n; i++)
			assert_true(out[i] >= ' ' && out[i] < 0x7f);
		n = quote_bracketed(in, sizeof(in), flags[f], out);
		for (size_t i = 0; i < n; i++)
			assert_true(out[i] >= ' ' && out[i] < 0x7f && out[i] != '<' && out[i] != '>');
	}
}

/* A decoder written from RFC 8259 and PEP 383, independent of the
 * encoder: \uDC80..\uDCFF is the byte 0x80..0xff, other escapes are UTF-8
 * encoded.  Returns the decoded length, or -1 when lit is not a string
 * literal a strict parser accepts. */
static long json_unquote(const char *lit, char *out)
{
	const unsigned char *p = (const unsigned char *)lit;
	char *o = out;

	if (*p++ != '"')
		return -1;
	while (*p != '"') {
		unsigned cp;

		if (*p == '\0' || *p < 0x20)
			return -1;
		if (*p != '\\') {
			*o++ = (char)*p++;
			continue;
		}
		p++;
		switch (*p++) {
		case '"': *o++ = '"'; continue;
		case '\\': *o++ = '\\'; continue;
		case '/': *o++ = '/'; continue;
		case 'n': *o++ = '\n'; continue;
		case 't': *o++ = '\t'; continue;
		case 'r': *o++ = '\r'; continue;
		case 'b': *o++ = '\b'; continue;
		case 'f': *o++ = '\f'; continue;
		case 'u': break;
		default: return -1;
		}
		if (sscanf((const char *)p, "%4x", &cp) != 1)
			return -1;
		p += 4;
		if (cp >= 0xdc80 && cp <= 0xdcff)
			*o++ = (char)(cp - 0xdc00);
		else if (cp < 0x80)
			*o++ = (char)cp;
		else
			return -1; /* the encoder never escapes anything else */
	}
	return p[1] == '\0' ? (long)(o - out) : -1;
}

/* The JSON literal is valid UTF-8 (strict: no surrogates, no overlong). */
static void assert_valid_utf8(const char *s)
{
	json_object *o;
	char *doc;

	/* json-c's parser with strict UTF-8 checking as a second opinion */
	assert_int_not_equal(asprintf(&doc, "[%s]", s), -1);
	{
		json_tokener *tok = json_tokener_new();

		json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
		o = json_tokener_parse_ex(tok, doc, (int)strlen(doc));
		assert_non_null(o);
		json_object_put(o);
		json_tokener_free(tok);
	}
	free(doc);
}

static void round_trip(const char *in, size_t len)
{
	char *lit = malloc(JSON_QUOTE_SIZE(len)), *back = malloc(len + 1);

	json_quote(in, len, lit);
	assert_valid_utf8(lit);
	assert_int_equal(json_unquote(lit, back), (long)len);
	assert_memory_equal(back, in, len);
	free(lit);
	free(back);
}

static void test_json_round_trip(void **state)
{
	char in[512];
	unsigned seed = 12345;

	(void)state;
	for (int i = 0; i < 256; i++)
		in[i] = (char)i;
	round_trip(in, 256);
	/* invalid UTF-8 of every kind: overlong, surrogate, > U+10FFFF,
	 * truncated, stray continuation */
	round_trip("\xc0\xaf", 2);
	round_trip("\xed\xa0\x80", 3);
	round_trip("\xf4\x90\x80\x80", 4);
	round_trip("\xe2\x82", 2);
	round_trip("\x80x\xbf", 3);
	/* what the escape itself looks like, literally */
	round_trip("\\udcff", 6);
	for (int r = 0; r < 2000; r++) {
		size_t len = (size_t)(rand_r(&seed) % (int)sizeof(in));

		for (size_t i = 0; i < len; i++)
			in[i] = (char)rand_r(&seed);
		round_trip(in, len);
	}
}

static void test_json_utf8_kept(void **state)
{
	char out[JSON_QUOTE_SIZE(32)];
	json_object *o;

	(void)state;
	json_quote("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", 14, out);
	assert_string_equal(out, "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
	json_quote("a\xff\033\"", 4, out);
	assert_string_equal(out, "\"a\\udcff\\u001b\\\"\"");
	/* the json-c object serialises with the same rule */
	o = json_bytes("x\xfe", 2);
	assert_string_equal(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN), "\"x\\udcfe\"");
	json_object_put(o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quote),
		cmocka_unit_test(test_bracketed_and_bare),
		cmocka_unit_test(test_text_never_raw),
		cmocka_unit_test(test_json_round_trip),
		cmocka_unit_test(test_json_utf8_kept),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
