/* Unit tests: string quoting and flag formatting (pure functions). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "decode_time.h"
#include "sink.h"
#include "signals.h"
#include "util.h"

static const char *q(const char *s, size_t len, unsigned flags)
{
	static char out[4 * 512 + 3];
	quote_string(s, len, flags, out);
	return out;
}

static void test_quote_plain(void **state)
{
	(void)state;
	assert_string_equal(q("hello", 5, 0), "\"hello\"");
	assert_string_equal(q("", 0, 0), "\"\"");
	assert_string_equal(q("a\"b\\c", 5, 0), "\"a\\\"b\\\\c\"");
	assert_string_equal(q("\t\n\v\f\r", 5, 0), "\"\\t\\n\\v\\f\\r\"");
}

static void test_quote_octal(void **state)
{
	(void)state;
	/* shortest octal unless an octal digit follows */
	assert_string_equal(q("\0\1\177", 3, 0), "\"\\0\\1\\177\"");
	assert_string_equal(q("\0" "1", 2, 0), "\"\\0001\"");
	assert_string_equal(q("\10" "8", 2, 0), "\"\\108\"");
	assert_string_equal(q("\10" "7", 2, 0), "\"\\0107\"");
	assert_string_equal(q("\377", 1, 0), "\"\\377\"");
	assert_string_equal(q("\33[", 2, 0), "\"\\33[\"");
}

static void test_quote_hex(void **state)
{
	(void)state;
	/* -x: printable strings stay readable, escapes by letter too */
	assert_string_equal(q("ab\n", 3, QUOTE_HEX_NONPRINT), "\"ab\\n\"");
	/* -x: one byte that needs an escape turns the whole string to hex */
	assert_string_equal(q("a\1", 2, QUOTE_HEX_NONPRINT), "\"\\x61\\x01\"");
	/* -xx: everything */
	assert_string_equal(q("ab", 2, QUOTE_HEX_ALL), "\"\\x61\\x62\"");
	assert_string_equal(q("\xff", 1, QUOTE_HEX_ALL), "\"\\xff\"");
}

static void test_quote_all_bytes_fit(void **state)
{
	char in[256];
	char out[4 * 256 + 3];
	size_t n;

	(void)state;
	for (int i = 0; i < 256; i++)
		in[i] = (char)(255 - i);
	n = quote_string(in, sizeof(in), 0, out);
	assert_true(n <= 4 * 256 + 2);
	assert_int_equal(strlen(out), n);
	n = quote_string(in, sizeof(in), QUOTE_HEX_ALL, out);
	assert_int_equal(n, 4 * 256 + 2);
}

/* the names at their offsets in one pool, as gen/xlat.c has them */
static const char names[] = "BOTH\0ONE\0TWO\0EIGHT\0ZERO\0FOUR";
static const struct xlat_item bits_items[] = {
	{ 3, 0 }, { 1, 5 }, { 2, 9 }, { 8, 13 },
};
static const struct xlat bits = { bits_items, 4, XT_FLAGS, "bits", names };
static const struct xlat_item zero_items[] = { { 0, 19 }, { 4, 24 } };
static const struct xlat zeroset = { zero_items, 2, XT_FLAGS, "zeroset", names };

static const char *ff(const struct xlat *x, uint64_t v, const char *dflt)
{
	static char buf[256];
	format_flags(buf, sizeof(buf), x, v, dflt);
	return buf;
}

static void test_flags(void **state)
{
	(void)state;
	assert_string_equal(ff(&bits, 0, NULL), "0");
	assert_string_equal(ff(&bits, 0, "NONE"), "NONE");
	assert_string_equal(ff(&zeroset, 0, NULL), "ZERO");
	assert_string_equal(ff(&bits, 1, NULL), "ONE");
	assert_string_equal(ff(&bits, 3, NULL), "BOTH");
	assert_string_equal(ff(&bits, 11, NULL), "BOTH|EIGHT");
	assert_string_equal(ff(&bits, 0x30, NULL), "0x30");
	assert_string_equal(ff(&bits, 0x39, NULL), "ONE|EIGHT|0x30");
	assert_string_equal(ff(NULL, 0x10, NULL), "0x10");
	assert_string_equal(ff(&bits, 0xffffffffffffffffull, NULL), "BOTH|EIGHT|0xfffffffffffffff4");
}

static void test_flags_truncation(void **state)
{
	char small[8];

	(void)state;
	format_flags(small, sizeof(small), &bits, 11, NULL);
	assert_int_equal(strlen(small), sizeof(small) - 1);
}

static void test_signal_names(void **state)
{
	(void)state;
	assert_string_equal(signal_name(9), "SIGKILL");
	assert_string_equal(signal_name(17), "SIGCHLD");
	assert_null(signal_name(0));
	assert_null(signal_name(200));
}

/* The kernel's internal restart errnos: text for the four a tracer sees,
 * and all five count as an interrupted call. */
static void test_kernel_errnos(void **state)
{
	struct tcb t = { 0 };
	bool restart;

	(void)state;
	assert_string_equal(errno_text(ERESTARTSYS, &restart),
			    "ERESTARTSYS (To be restarted if SA_RESTART is set)");
	assert_true(restart);
	assert_string_equal(errno_text(ERESTARTNOINTR, &restart), "ERESTARTNOINTR (To be restarted)");
	assert_string_equal(errno_text(ERESTARTNOHAND, &restart),
			    "ERESTARTNOHAND (To be restarted if no handler)");
	assert_string_equal(errno_text(ERESTART_RESTARTBLOCK, &restart),
			    "ERESTART_RESTARTBLOCK (Interrupted by signal)");
	assert_null(errno_text(ENOIOCTLCMD, &restart));
	assert_false(restart);
	assert_null(errno_text(EINTR, &restart));
	assert_int_equal(ERESTARTSYS, 512);
	assert_int_equal(ERESTART_RESTARTBLOCK, 516);
	for (int e = ERESTARTSYS; e <= ERESTART_RESTARTBLOCK; e++) {
		t.err = e;
		assert_true(syscall_interrupted(&t));
	}
	t.err = ERESTART_RESTARTBLOCK + 1;
	assert_false(syscall_interrupted(&t));
	t.err = EINTR;
	assert_true(syscall_interrupted(&t));
}

/* The sink's own buffer: a FILE sink hands its text to the FILE when
 * full, on sink_flush() and before a message; a memory sink grows. */
static void test_sink_buffer(void **state)
{
	char *text = NULL, big[3 * SINK_BUF_SIZE];
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);
	struct tcb t = { 0 };
	struct mem_sink m;
	char *out;

	(void)state;
	assert_non_null(fp);
	t.out = outstream_new(fp);
	tprints(&t, "abc");
	fflush(fp);
	assert_int_equal(len, 0); /* still in the sink */
	assert_int_equal(outstreams_pending(), OUT_URGENT);
	assert_non_null(ct_message_hook);
	ct_message_hook(); /* before a message on stderr: the text first */
	fflush(fp);
	assert_string_equal(text, "abc");
	memset(big, 'x', sizeof(big));
	tprintn(&t, big, sizeof(big)); /* larger than the buffer */
	tprintf(&t, "%d", 42);
	assert_int_equal(sink_flush(t.out), 0);
	assert_int_equal(len, 3 + sizeof(big) + 2);
	assert_memory_equal(text + 3 + sizeof(big), "42", 2);
	assert_int_equal(t.curcol, 3 + (int)sizeof(big) + 2);
	assert_int_equal(t.out->len, 0);
	for (int i = 0; i < 2 * SINK_BUF_SIZE / 8; i++) /* many small pieces */
		tprints(&t, "12345678");
	assert_int_equal(sink_flush(t.out), 0);
	assert_int_equal(len, 3 + sizeof(big) + 2 + 2 * SINK_BUF_SIZE);
	/* a memory sink on top grows and ends with a NUL */
	assert_int_equal(mem_sink_push(&t, &m), 0);
	tprintn(&t, big, sizeof(big));
	tprintf(&t, "%s", "end");
	out = mem_sink_pop(&t, &m);
	assert_ptr_equal(t.out->fp, fp);
	assert_int_equal(m.len, sizeof(big) + 3);
	assert_string_equal(out + sizeof(big), "end");
	free(out);
	outstream_close(t.out);
	free(text);
}

/* strbuf.h: a fixed builder cuts as snprintf and keeps the NUL; a
 * growable one starts in the caller's buffer and moves to the heap */
static void test_strbuf(void **state)
{
	char small[8], start[4];
	struct strbuf sb;
	(void)state;

	sb_init(&sb, small, sizeof(small));
	sb_puts(&sb, "abc");
	sb_printf(&sb, "%d|", 42);
	assert_string_equal(sb_str(&sb), "abc42|");
	assert_int_equal(sb_len(&sb), 6);
	assert_false(sb.truncated);
	sb_printf(&sb, "%s", "xyz");
	assert_string_equal(small, "abc42|x");
	assert_int_equal(sb_len(&sb), 7);
	assert_true(sb.truncated);
	sb_putc(&sb, 'q');
	assert_string_equal(small, "abc42|x");
	sb_reset(&sb);
	assert_string_equal(small, "");
	sb_init(&sb, NULL, 0);
	sb_puts(&sb, "lost");
	assert_int_equal(sb_len(&sb), 0);
	strcpy(small, "ab");
	sb_init_cat(&sb, small, sizeof(small));
	sb_printf(&sb, "|%s", "cdefgh");
	assert_string_equal(small, "ab|cdef");

	sb_init_grow(&sb, start, sizeof(start));
	sb_puts(&sb, "ab");
	assert_ptr_equal(sb_str(&sb), start);
	for (int i = 0; i < 100; i++)
		sb_printf(&sb, "%03d", i);
	assert_false(sb.truncated);
	assert_int_equal(sb_len(&sb), 2 + 300);
	assert_memory_equal(sb_str(&sb), "ab000001002", 11);
	assert_string_equal(sb_str(&sb) + 299, "099");
	sb_free(&sb);
	assert_string_equal(sb_str(&sb), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kernel_errnos),
		cmocka_unit_test(test_sink_buffer),
		cmocka_unit_test(test_quote_plain),
		cmocka_unit_test(test_quote_octal),
		cmocka_unit_test(test_quote_hex),
		cmocka_unit_test(test_quote_all_bytes_fit),
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_flags_truncation),
		cmocka_unit_test(test_strbuf),
		cmocka_unit_test(test_signal_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
