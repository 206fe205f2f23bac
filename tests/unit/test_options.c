/* Unit tests: option parsing and -e trace= expressions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "filter.h"
#include "options.h"

static int parse(struct options *o, const char *line)
{
	static char buf[512];
	static char *argv[64];
	int argc = 0;

	snprintf(buf, sizeof(buf), "%s", line);
	for (char *t = strtok(buf, " "); t && argc < 63; t = strtok(NULL, " "))
		argv[argc++] = t;
	argv[argc] = NULL;
	return options_parse(o, argc, argv);
}

static void test_basic(void **state)
{
	struct options o;

	(void)state;
	assert_int_equal(parse(&o, "ctrace ls -l"), 0);
	assert_int_equal(o.argc, 2);
	assert_string_equal(o.argv[0], "ls");
	assert_string_equal(o.argv[1], "-l"); /* options after PROG are PROG's */
	assert_int_equal(o.max_strlen, 32);
	options_free(&o);

	assert_int_equal(parse(&o, "ctrace -ff -o out -s 100 -xx -yy -ttt -T -q true"), 0);
	assert_int_equal(o.follow, 2);
	assert_string_equal(o.outfile, "out");
	assert_int_equal(o.max_strlen, 100);
	assert_int_equal(o.xflag, 2);
	assert_int_equal(o.decode_fds, DECODE_FD_ALL);
	assert_int_equal(o.tflag, TS_EPOCH);
	assert_int_equal(o.T_prec, 6);
	assert_int_equal(o.quiet, 1);
	options_free(&o);
}

static void test_ff_without_o(void **state)
{
	struct options o;

	(void)state;
	assert_int_equal(parse(&o, "ctrace -ff true"), 0);
	assert_int_equal(o.follow, 1);
	options_free(&o);
}

/* Which tracer messages are silenced (strace 6.1, measured): -o FILE
 * with a command silences attach/detach, -p does not. */
static void test_quiet_rules(void **state)
{
	static const struct {
		const char *line;
		bool attach, exit, superseded;
	} cases[] = {
		{ "ctrace true", false, false, false },
		{ "ctrace -f -o f true", true, false, false },
		{ "ctrace -ff -o f true", true, false, false },
		{ "ctrace -ff true", false, false, false },
		{ "ctrace -o f -p 1", false, false, false },
		{ "ctrace -q -p 1", true, false, false },
		{ "ctrace -qq true", true, true, false },
		{ "ctrace -qqq -o f true", true, true, true },
		/* any explicit quiet set turns the -o default off */
		{ "ctrace -o f --quiet=exit true", false, true, false },
		{ "ctrace -o f -e quiet=none true", false, false, false },
	};
	struct options o;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(parse(&o, cases[i].line), 0);
		bool attach = o.quiet_mask & QUIET_ATTACH, exit = o.quiet_mask & QUIET_EXIT;
		bool superseded = o.quiet_mask & QUIET_THREAD_EXECVE;

		if (attach != cases[i].attach || exit != cases[i].exit ||
		    superseded != cases[i].superseded)
			fail_msg("%s: attach %d exit %d superseded %d", cases[i].line,
				 attach, exit, superseded);
		options_free(&o);
	}
}

static void test_pids(void **state)
{
	struct options o;

	(void)state;
	assert_int_equal(parse(&o, "ctrace -p 12,34 -p 56"), 0);
	assert_int_equal(o.npids, 3);
	assert_int_equal(o.pids[0], 12);
	assert_int_equal(o.pids[2], 56);
	assert_null(o.argv);
	options_free(&o);
	assert_int_equal(parse(&o, "ctrace -p 12x"), -EINVAL);
	options_free(&o);
	assert_int_equal(parse(&o, "ctrace -p -5"), -EINVAL);
	options_free(&o);
	assert_int_equal(parse(&o, "ctrace -p 99999999999"), -EINVAL);
	options_free(&o);
}

static void test_errors(void **state)
{
	/* the last five, as strace: every -e expression is checked as it is
	 * read (each has a command, so only that check can refuse it;
	 * tests/integration/options.sh compares the messages with strace) */
	static const char *const bad[] = {
		"ctrace", "ctrace -s -1 true", "ctrace --no-aslr -p 1", "ctrace -Q true",
		"ctrace -e inject= true", "ctrace -e inject=!:error=EIO true",
		"ctrace -e signal=, true", "ctrace -e status=! true", "ctrace -e foo=bar true",
	};
	struct options o;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(parse(&o, bad[i]), -EINVAL);
		options_free(&o);
	}
	assert_int_equal(parse(&o, "ctrace -e fault=chdir:when=4 -e status=!failed true"), 0);
	options_free(&o);
}

/* strace 6.1: the last of -z/-Z wins (with a warning); -F is an old
 * -f (with a warning), nothing more after -f */
static void test_strace_leniency(void **state)
{
	struct options o;

	(void)state;
	assert_int_equal(parse(&o, "ctrace -z -Z true"), 0);
	assert_false(o.only_successful);
	assert_true(o.only_failed);
	options_free(&o);
	assert_int_equal(parse(&o, "ctrace --failed-only --successful-only true"), 0);
	assert_true(o.only_successful);
	assert_false(o.only_failed);
	options_free(&o);
	assert_int_equal(parse(&o, "ctrace -F true"), 0);
	assert_int_equal(o.follow, 1);
	options_free(&o);
	assert_int_equal(parse(&o, "ctrace -fF true"), 0);
	assert_int_equal(o.follow, 1);
	options_free(&o);
	/* warnings only: -c with -i, -S without -c, -A without -o */
	assert_int_equal(parse(&o, "ctrace -c -i -S name -A true"), 0);
	options_free(&o);
	assert_int_equal(parse(&o, "ctrace -S errors -A --output-separately true"), 0);
	options_free(&o);
}

static bool *set_for(const char *expr)
{
	const struct arch_def *a = &arch_x86_64;
	bool *set;

	filter_reset();
	if (filter_apply_expr(a, expr) < 0)
		return NULL;
	set = calloc(filter_set_size(a), sizeof(bool));
	memcpy(set, filter_trace_set(a), filter_set_size(a) * sizeof(bool));
	return set;
}

static bool traced(const bool *set, const char *name)
{
	long nr = arch_syscall_number(&arch_x86_64, name);
	assert_true(nr >= 0);
	return set[nr];
}

static void test_trace_expr(void **state)
{
	bool *s;

	(void)state;
	s = set_for("trace=open,close");
	assert_non_null(s);
	assert_true(traced(s, "open"));
	assert_true(traced(s, "close"));
	assert_false(traced(s, "read"));
	assert_false(s[arch_x86_64.nsyscalls]); /* unknown numbers */
	free(s);

	s = set_for("!write");
	assert_non_null(s);
	assert_false(traced(s, "write"));
	assert_true(traced(s, "read"));
	assert_true(s[arch_x86_64.nsyscalls]);
	free(s);

	s = set_for("trace=%file");
	assert_non_null(s);
	assert_true(traced(s, "openat"));
	assert_true(traced(s, "execve"));
	assert_false(traced(s, "read"));
	free(s);

	s = set_for("trace=/^getu?id$");
	assert_non_null(s);
	assert_true(traced(s, "getuid"));
	assert_false(traced(s, "getgid"));
	free(s);

	s = set_for("trace=?nosuchcall,read");
	assert_non_null(s);
	assert_true(traced(s, "read"));
	free(s);

	assert_null(set_for("trace=nosuchcall"));
	assert_null(set_for("trace=%nosuchclass"));
	assert_null(set_for("trace="));
	assert_null(set_for("frobnicate=1"));
	assert_null(set_for("trace=/[unclosed"));
}

static void test_signal_expr(void **state)
{
	bool *s;

	(void)state;
	s = set_for("signal=SIGUSR1,TERM");
	assert_non_null(s);
	assert_true(filter_signal_traced(10));
	assert_true(filter_signal_traced(15));
	assert_false(filter_signal_traced(17));
	free(s);
	s = set_for("signal=!CHLD");
	assert_non_null(s);
	assert_false(filter_signal_traced(17));
	assert_true(filter_signal_traced(10));
	free(s);
	assert_null(set_for("signal=SIGNOPE"));
}

static void test_timestamp_args(void **state)
{
	int f = 0, p = -1;

	(void)state;
	assert_int_equal(parse_precision("s"), 0);
	assert_int_equal(parse_precision("ms"), 3);
	assert_int_equal(parse_precision("us"), 6);
	assert_int_equal(parse_precision("ns"), 9);
	assert_int_equal(parse_precision("ps"), -EINVAL);
	assert_int_equal(parse_precision(""), -EINVAL);
	assert_int_equal(parse_abs_timestamps("format:unix,precision:ms", &f, &p), 0);
	assert_int_equal(f, TSF_UNIX);
	assert_int_equal(p, 3);
	assert_int_equal(parse_abs_timestamps("time,ns", &f, &p), 0);
	assert_int_equal(f, TSF_TIME);
	assert_int_equal(p, 9);
	assert_int_equal(parse_abs_timestamps("none", &f, &p), 0);
	assert_int_equal(f, TSF_NONE);
	assert_int_equal(parse_abs_timestamps("format:ms", &f, &p), -EINVAL);
	assert_int_equal(parse_abs_timestamps("precision:unix", &f, &p), -EINVAL);
	assert_int_equal(parse_abs_timestamps("bogus", &f, &p), -EINVAL);
}

static void test_strace_options(void **state)
{
	struct options o;
	unsigned m = 0;

	(void)state;
	assert_int_equal(parse(&o, "ctrace -a 60 -A -n -i -o f --output-separately -f true"), 0);
	assert_int_equal(o.acolumn, 60);
	assert_true(o.append && o.print_scno && o.print_ip);
	assert_int_equal(o.follow, 2);
	options_free(&o);
	assert_int_equal(parse(&o, "ctrace true"), 0);
	assert_int_equal(o.acolumn, 40);
	options_free(&o);
	/* -q, -qq, -qqq and -e quiet= */
	assert_int_equal(parse(&o, "ctrace -q true"), 0);
	assert_int_equal(o.quiet_mask, QUIET_ATTACH | QUIET_PERSONALITY);
	options_free(&o);
	assert_int_equal(parse(&o, "ctrace -qqq true"), 0);
	assert_int_equal(o.quiet_mask, QUIET_ALL);
	options_free(&o);
	assert_int_equal(parse(&o, "ctrace -e quiet=exit --quiet=thread-execve true"), 0);
	assert_int_equal(o.quiet_mask, QUIET_THREAD_EXECVE);
	assert_int_equal(o.nexprs, 0);
	options_free(&o);
	assert_int_equal(parse_quiet("!exit", &m), 0);
	assert_int_equal(m, QUIET_ALL & ~QUIET_EXIT);
	assert_int_equal(parse_quiet("attach,bogus", &m), -EINVAL);
	/* long forms of -e */
	assert_int_equal(parse(&o, "ctrace --trace=open --signal=none true"), 0);
	assert_int_equal(o.nexprs, 2);
	assert_string_equal(o.exprs[0], "trace=open");
	assert_string_equal(o.exprs[1], "signal=none");
	options_free(&o);
	assert_int_equal(parse(&o, "ctrace --decode-fds=socket --strings-in-hex=non-ascii true"), 0);
	assert_int_equal(o.decode_fds, DECODE_FD_SOCKET);
	assert_int_equal(o.xflag, 1);
	options_free(&o);
	/* each kind on its own; -y adds the paths, -yy all of them */
	assert_int_equal(parse(&o, "ctrace -e decode-fds=dev,pidfd true"), 0);
	assert_int_equal(o.decode_fds, DECODE_FD_DEV | DECODE_FD_PIDFD);
	options_free(&o);
	assert_int_equal(parse(&o, "ctrace -y -y true"), 0);
	assert_int_equal(o.decode_fds, DECODE_FD_ALL);
	options_free(&o);
	assert_int_equal(parse(&o, "ctrace --decode-fds=none -y true"), -EINVAL);
	assert_int_equal(parse(&o, "ctrace -yy -e decode-fds=dev true"), -EINVAL);
	assert_int_equal(parse(&o, "ctrace --decode-fds=all true"), 0);
	assert_int_equal(o.decode_fds, DECODE_FD_ALL);
	options_free(&o);
	assert_int_equal(parse(&o, "ctrace --decode-fds true"), 0);
	assert_int_equal(o.decode_fds, DECODE_FD_PATH);
	options_free(&o);
	assert_int_equal(parse(&o, "ctrace -a x true"), -EINVAL);
	assert_int_equal(parse(&o, "ctrace --decode-fds=bogus true"), -EINVAL);
}

/* -X and -c/-C land as the named modes the tracer tests. */
static void test_named_modes(void **state)
{
	struct options o;

	(void)state;
	assert_int_equal(parse(&o, "ctrace true"), 0);
	assert_int_equal(o.xlat_style, XLAT_ABBREV);
	assert_int_equal(o.count, COUNT_NONE);
	options_free(&o);
	assert_int_equal(parse(&o, "ctrace -X raw -c true"), 0);
	assert_int_equal(o.xlat_style, XLAT_RAW);
	assert_int_equal(o.count, COUNT_ONLY);
	options_free(&o);
	assert_int_equal(parse(&o, "ctrace -X verbose -C true"), 0);
	assert_int_equal(o.xlat_style, XLAT_VERBOSE);
	assert_int_equal(o.count, COUNT_ALSO);
	options_free(&o);
	assert_int_equal(parse(&o, "ctrace -X abbrev true"), 0);
	assert_int_equal(o.xlat_style, XLAT_ABBREV);
	options_free(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_ff_without_o),
		cmocka_unit_test(test_quiet_rules),
		cmocka_unit_test(test_pids),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_strace_leniency),
		cmocka_unit_test(test_trace_expr),
		cmocka_unit_test(test_signal_expr),
		cmocka_unit_test(test_timestamp_args),
		cmocka_unit_test(test_strace_options),
		cmocka_unit_test(test_named_modes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
