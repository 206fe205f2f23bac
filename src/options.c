/* Option parsing: strace's short options plus ctrace's long options. */
#include "config.h"
#include "options.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "arch.h"
#include "dump.h"
#include "filter.h"
#include "inject.h"
#include "pathtrace.h"
#include "stacktrace.h"
#include "summary.h"
#include "syscallent.h"
#include "util.h"

/* The one table of long options, for tracing and for --check alike: each
 * mode's parser rejects what it does not take, in its own words. */
const struct option ctrace_long_options[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "output", required_argument, NULL, 'o' },
	{ "attach", required_argument, NULL, 'p' },
	{ "follow-forks", no_argument, NULL, 'f' },
	{ "string-limit", required_argument, NULL, 's' },
	{ "summary-only", no_argument, NULL, 'c' },
	{ "summary", no_argument, NULL, 'C' },
	{ "summary-wall-clock", no_argument, NULL, 'w' },
	{ "summary-sort-by", required_argument, NULL, 'S' },
	{ "summary-columns", required_argument, NULL, 'U' },
	{ "stack-traces", no_argument, NULL, 'k' },
	{ "syscall-times", optional_argument, NULL, OPT_SYSCALL_TIMES },
	{ "relative-timestamps", optional_argument, NULL, OPT_REL_TS },
	{ "absolute-timestamps", optional_argument, NULL, OPT_ABS_TS },
	{ "timestamps", optional_argument, NULL, OPT_ABS_TS },
	{ "successful-only", no_argument, NULL, 'z' },
	{ "failed-only", no_argument, NULL, 'Z' },
	{ "no-abbrev", no_argument, NULL, 'v' },
	{ "user", required_argument, NULL, 'u' },
	{ "env", required_argument, NULL, 'E' },
	{ "quiet", optional_argument, NULL, 'q' },
	{ "columns", required_argument, NULL, 'a' },
	{ "trace-path", required_argument, NULL, 'P' },
	{ "output-append-mode", no_argument, NULL, 'A' },
	{ "output-separately", no_argument, NULL, OPT_OUTPUT_SEPARATELY },
	{ "syscall-number", no_argument, NULL, 'n' },
	{ "instruction-pointer", no_argument, NULL, 'i' },
	{ "const-print-style", required_argument, NULL, 'X' },
	{ "strings-in-hex", optional_argument, NULL, OPT_STRINGS_IN_HEX },
	{ "decode-fds", optional_argument, NULL, OPT_DECODE_FDS },
	{ "detach-on", required_argument, NULL, 'b' },
	{ "daemonize", optional_argument, NULL, OPT_DAEMONIZE },
	{ "daemonise", optional_argument, NULL, OPT_DAEMONIZE },
	{ "daemonized", optional_argument, NULL, OPT_DAEMONIZE },
	{ "daemonised", optional_argument, NULL, OPT_DAEMONIZE },
	{ "interruptible", required_argument, NULL, 'I' },
	{ "summary-syscall-overhead", required_argument, NULL, 'O' },
	/* long forms of -e NAME=VALUE: the table index gives NAME */
	{ "trace", required_argument, NULL, OPT_QUALIFY },
	{ "signal", required_argument, NULL, OPT_QUALIFY },
	{ "status", required_argument, NULL, OPT_QUALIFY },
	{ "abbrev", required_argument, NULL, OPT_QUALIFY },
	{ "verbose", required_argument, NULL, OPT_QUALIFY },
	{ "raw", required_argument, NULL, OPT_QUALIFY },
	{ "inject", required_argument, NULL, OPT_QUALIFY },
	{ "fault", required_argument, NULL, OPT_QUALIFY },
	{ "read", required_argument, NULL, OPT_QUALIFY },
	{ "write", required_argument, NULL, OPT_QUALIFY },
	{ "kvm", required_argument, NULL, OPT_QUALIFY },
	{ "decode-pids", required_argument, NULL, OPT_QUALIFY },
	{ "secontext", optional_argument, NULL, OPT_SECONTEXT },
	{ "pidns-translation", no_argument, NULL, OPT_PIDNS_TRANSLATION },
	{ "tips", optional_argument, NULL, OPT_TIPS },
	{ "debug", no_argument, NULL, 'd' },
	{ "silent", optional_argument, NULL, 'q' },
	{ "silence", optional_argument, NULL, 'q' },
	{ "no-aslr", no_argument, NULL, OPT_NO_ASLR },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "list-syscalls", no_argument, NULL, OPT_LIST_SYSCALLS },
	{ "seccomp-bpf", no_argument, NULL, OPT_SECCOMP_BPF },
	{ "no-seccomp-bpf", no_argument, NULL, OPT_NO_SECCOMP_BPF },
	/* --check and its what-if options */
	{ "check", no_argument, NULL, OPT_CHECK },
	{ "profile", required_argument, NULL, OPT_PROFILE },
	{ "cap-add", required_argument, NULL, OPT_CAP_ADD },
	{ "cap-drop", required_argument, NULL, OPT_CAP_DROP },
	{ "no-new-privs", no_argument, NULL, OPT_NO_NEW_PRIVS },
	{ "engine", required_argument, NULL, OPT_ENGINE },
	{ "arch", required_argument, NULL, OPT_ARCH },
	{ "strict", no_argument, NULL, OPT_STRICT },
	{ "compare", no_argument, NULL, OPT_COMPARE },
	{ "engine-version", required_argument, NULL, OPT_ENGINE_VERSION },
	{ "pod", required_argument, NULL, OPT_POD },
	{ "container", required_argument, NULL, OPT_CONTAINER },
	{ "seccomp-root", required_argument, NULL, OPT_SECCOMP_ROOT },
	{ "write-profile", required_argument, NULL, OPT_WRITE_PROFILE },
	{ "for", required_argument, NULL, OPT_FOR },
	{ NULL, 0, NULL, 0 },
};

const char ctrace_short_options[] = "+:a:Ab:dfFhiI:no:O:p:P:s:e:E:u:vVxX:yYrtTcCkqzZDwS:U:";

bool options_wants_check(int argc, char **argv)
{
	int c;

	opterr = 0;
	optind = 0; /* 0: full re-initialisation of GNU getopt */
	/* "+": only options before the traced command count, so
	 * "ctrace prog --check" traces prog with its own --check argument. */
	while ((c = getopt_long(argc, argv, ctrace_short_options, ctrace_long_options,
				NULL)) != -1)
		if (c == OPT_CHECK)
			return true;
	return false;
}

void usage(FILE *fp)
{
	fputs(
"Usage: ctrace [-fqvxyzZckrtT] [-e EXPR]... [-o FILE] [-s STRSIZE] [-u USER]\n"
"              [-E VAR=VAL]... [--no-aslr] { -p PID | PROG [ARGS] }\n"
"       ctrace --check [--json] [-p PID]\n"
"\n"
"Tracing:\n"
"  -f             follow forks and threads; -ff with -o: one file per process\n"
"  -p PID[,PID]   attach to running processes (detach with ^C)\n"
"  -u USER        run the command as USER (when root)\n"
"  -E VAR[=VAL]   set (or with no =, remove) VAR in the command's environment\n"
"  --no-aslr      run the command with address space randomization off\n"
"  -b execve      detach from a process at its execve (--detach-on=execve)\n"
"  -D, -DD, -DDD  tracer as a detached grandchild, in a new process group,\n"
"                 in a new session (--daemonize[=grandchild|pgroup|session])\n"
"  -I N           1 anywhere, 2 waiting, 3 never, 4 never_tstp: when fatal\n"
"                 signals interrupt ctrace (--interruptible=)\n"
"  --seccomp-bpf / --no-seccomp-bpf   force / forbid the filtered fast path\n"
"Filtering:\n"
"  -e trace=SET   only these syscalls (names, %%classes, /regex, ?name, !)\n"
"  -e signal=SET  only these signals           -e status=SET  only these outcomes\n"
"                 (successful failed unfinished unavailable detached)\n"
"  -e raw=SET / abbrev=SET / verbose=SET   undecoded / abbreviated / dereferenced\n"
"  -z / -Z        only successful / only failed syscalls\n"
"  -P PATH        only syscalls that touch PATH (by path or descriptor)\n"
"Tampering:\n"
"  -e inject=SET[:error=ERRNO|:retval=VALUE][:signal=SIG][:syscall=NAME]\n"
"     [:delay_enter=DELAY][:delay_exit=DELAY][:poke_enter=@argN=HEX,...]\n"
"     [:poke_exit=@argN=HEX,...][:when=FIRST[..LAST][+[STEP]]]\n"
"  -e fault=SET[:error=ERRNO][:when=WHEN]   inject with ENOSYS by default\n"
"Output:\n"
"  -o FILE        write the trace to FILE (FILE.PID with -ff)\n"
"  -s STRSIZE     maximum string size to print (default 32)\n"
"  -v             unabbreviated structures     -x / -xx  hex escapes\n"
"  -X FORMAT      constants: raw, abbrev (default) or verbose\n"
"  -y             print paths of descriptors   -q / -qq  fewer messages\n"
"  -t -tt -ttt    timestamps                   -r  relative timestamps\n"
"  -T             time spent in each syscall   -c / -C  summary table\n"
"  -w             summary of wall-clock time   -S SORTBY / -U COLUMNS  summary\n"
"  -O OVERHEAD    time taken off each call in the summary (--summary-syscall-overhead=)\n"
"  -k             stack trace at each syscall\n"
"  -a COLUMN      align return values at COLUMN (default 40)\n"
"  -A             append to the -o FILE        --output-separately  as -ff\n"
"  -n             syscall numbers              -i  instruction pointers\n"
"  -e quiet=SET   attach exit path-resolution personality thread-execve\n"
"  --strings-in-hex=none|non-ascii-chars|non-ascii|all   --const-print-style=FORMAT\n"
"  --decode-fds=path|socket|dev|pidfd|all   --trace= --signal= --status= ...: -e\n"
"  -e read=SET / write=SET   hex dumps of data read from / written to these fds\n"
"  -Y, --decode-pids=comm|pidns   pids with command names / ctrace's pid\n"
"  -e kvm=vcpu, --secontext[=full,mismatch]   accepted; say why no effect here\n"
"  -d             debug messages               --tips[=id:N,format:FMT]  a tip\n"
"  --json         one JSON object per event (docs/trace-json.md)\n"
"Diagnosis:\n"
"  --check        report which tracing modes work here, why not, and the fix\n"
"  --list-syscalls  the names -e trace= accepts, one per line\n"
"  -h, --help     this help                    -V, --version  version\n",
		fp);
}

static void push(char ***arr, size_t *n, char *s)
{
	*arr = xrealloc(*arr, (*n + 1) * sizeof(**arr));
	(*arr)[(*n)++] = s;
}

int options_add_pids(struct options *opts, const char *arg)
{
	_cleanup_free_ char *copy = xstrdup(arg);
	char *save = NULL;
	int n = 0;

	for (char *tok = strtok_r(copy, ", \t\n", &save); tok;
	     tok = strtok_r(NULL, ", \t\n", &save)) {
		char *end;
		long v;

		errno = 0;
		v = strtol(tok, &end, 10);
		if (errno || *end || v <= 0 || v > INT_MAX) {
			ct_error("Invalid process id: '%s'", tok);
			return -EINVAL;
		}
		opts->pids = xrealloc(opts->pids, (opts->npids + 1) * sizeof(pid_t));
		opts->pids[opts->npids++] = (pid_t)v;
		n++;
	}
	if (n == 0) {
		ct_error("Invalid process id: '%s'", arg);
		return -EINVAL;
	}
	return 0;
}

static int parse_uint(const char *s, unsigned *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || !*s || *s == '-' || v > INT_MAX)
		return -EINVAL;
	*out = (unsigned)v;
	return 0;
}

/* Usage errors: the message already said what is wrong, in one line. */
int parse_precision(const char *s)
{
	static const char *const names[] = { "s", "ms", "us", "ns" };

	for (int i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0)
			return 3 * i;
	return -EINVAL;
}

int parse_abs_timestamps(const char *s, int *format, int *prec)
{
	_cleanup_free_ char *copy = xstrdup(s);
	char *save = NULL;

	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		const char *v = tok;
		int p;

		if (strncmp(tok, "format:", 7) == 0)
			v = tok + 7;
		else if (strncmp(tok, "precision:", 10) == 0)
			v = tok + 10;
		if (strcmp(v, "none") == 0 && v != tok + 10)
			*format = TSF_NONE;
		else if (strcmp(v, "time") == 0 && v != tok + 10)
			*format = TSF_TIME;
		else if (strcmp(v, "unix") == 0 && v != tok + 10)
			*format = TSF_UNIX;
		else if (v != tok + 7 && (p = parse_precision(v)) >= 0)
			*prec = p;
		else
			return -EINVAL;
	}
	return 0;
}

static const char *const quiet_names[] = {
	"attach", "exit", "path-resolution", "personality", "thread-execve",
};

int parse_quiet(const char *value, unsigned *mask)
{
	_cleanup_free_ char *copy = NULL;
	bool negate = *value == '!';
	char *save = NULL;
	unsigned m = 0;

	copy = xstrdup(value + negate);
	if (!*copy)
		return -EINVAL;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		unsigned bit = 0;

		if (strcmp(tok, "all") == 0)
			bit = QUIET_ALL;
		else if (strcmp(tok, "none") == 0)
			continue;
		else if (strcmp(tok, "superseded") == 0) /* strace's older name */
			bit = QUIET_THREAD_EXECVE;
		else if (strcmp(tok, "exits") == 0) /* strace's other name */
			bit = QUIET_EXIT;
		for (unsigned i = 0; i < ARRAY_SIZE(quiet_names); i++)
			if (strcmp(quiet_names[i], tok) == 0)
				bit = 1u << i;
		if (!bit)
			return -EINVAL;
		m |= bit;
	}
	*mask = negate ? QUIET_ALL & ~m : m;
	return 0;
}

/* --decode-fds= / -e decode-fds=: a set of path, socket, dev, pidfd
 * (all, none), each its own kind as strace has them. */
static int parse_decode_fds(const char *value, unsigned *mask)
{
	static const char *const kinds[] = { "path", "socket", "dev", "pidfd" };
	bool negate = *value == '!';
	_cleanup_free_ char *copy = xstrdup(value + negate);
	char *save = NULL;
	unsigned m = 0;

	if (!*copy) {
		ct_error("invalid decode-fds '%s'", value);
		return -EINVAL;
	}
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		unsigned bit = 0;

		if (strcmp(tok, "all") == 0)
			bit = DECODE_FD_ALL;
		for (unsigned i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
			if (strcmp(tok, kinds[i]) == 0)
				bit = 1u << i;
		if (!bit && strcmp(tok, "none") != 0) {
			ct_error("invalid decode-fds '%s'", tok);
			return -EINVAL;
		}
		m |= bit;
	}
	/* "!path": every other kind */
	*mask = negate ? DECODE_FD_ALL & ~m : m;
	return 0;
}

/* A strace set of names: "a,b", "!a", "all", "none" over names[] (bit i
 * for names[i]).  An unknown name: "invalid WHAT 'NAME'", -EINVAL. */
static int parse_name_set(const char *value, const char *const *names, unsigned n,
			  const char *what, unsigned *mask)
{
	_cleanup_free_ char *copy = NULL;
	unsigned all = (1u << n) - 1, m = 0;
	const char *v = value;
	bool negate = false, any = false;
	char *save = NULL;

	while (*v == '!') {
		negate = !negate;
		v++;
	}
	if (strcmp(v, "none") == 0 || strcmp(v, "all") == 0) {
		m = *v == 'a' ? all : 0;
		*mask = negate ? all & ~m : m;
		return 0;
	}
	copy = xstrdup(v);
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		unsigned i;

		for (i = 0; i < n && strcmp(names[i], tok) != 0; i++)
			;
		if (i == n) {
			ct_error("invalid %s '%s'", what, tok);
			return -EINVAL;
		}
		m |= 1u << i;
		any = true;
	}
	if (!any) {
		ct_error("invalid %s '%s'", what, value);
		return -EINVAL;
	}
	*mask = negate ? all & ~m : m;
	return 0;
}

/* --tips[=[id:]N|random,[format:]none|compact|full] */
static int parse_tips(struct options *opts, const char *value)
{
	_cleanup_free_ char *copy = xstrdup(value);
	int fmt = opts->tips ? opts->tips : TIPS_COMPACT, id = opts->tips_id;
	char *save = NULL;

	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		bool as_id = true, as_fmt = true;
		unsigned n;

		if (strncasecmp(tok, "id:", 3) == 0) {
			tok += 3;
			as_fmt = false;
		} else if (strncasecmp(tok, "format:", 7) == 0) {
			tok += 7;
			as_id = false;
		}
		if (as_id && strcasecmp(tok, "random") == 0)
			id = -1;
		else if (as_id && parse_uint(tok, &n) == 0)
			id = (int)n;
		else if (as_fmt && strcasecmp(tok, "none") == 0)
			fmt = TIPS_NONE;
		else if (as_fmt && strcasecmp(tok, "compact") == 0)
			fmt = TIPS_COMPACT;
		else if (as_fmt && strcasecmp(tok, "full") == 0)
			fmt = TIPS_FULL;
		else
			return -EINVAL;
	}
	opts->tips = fmt;
	opts->tips_id = id;
	return 0;
}

static const char *const decode_pid_names[] = { "comm", "pidns" };
static const char *const secontext_names[] = { "full", "mismatch" };

/* -e read= write= kvm= decode-pids= secontext= */
static int take_qualifier_more(struct options *opts, const char *e)
{
	const char *eq = strchr(e, '=');
	const char *v = eq ? eq + 1 : NULL;
	size_t name_len = eq ? (size_t)(eq - e) : 0;
	unsigned mask;

	if (!eq)	/* a trace set alone: the filter's */
		return 0;

	if (STRN_IN(e, name_len, "read", "reads", "r", "write", "writes", "w"))
		return dump_parse_set(*e == 'w', v) < 0 ? -EINVAL : 1;
	if (STRN_IN(e, name_len, "inject", "fault")) {
		/* parsed here, as strace does: a bad one is said before
		 * "must have PROG [ARGS] or -p PID" */
		char err[256];

		if (inject_parse(arch_native, v, *e == 'f', err, sizeof(err)) < 0) {
			ct_error("%s", err);
			return -EINVAL;
		}
		return 1;
	}
	if (STRN_IN(e, name_len, "kvm")) {
		if (strcmp(v, "vcpu") != 0) {
			ct_error("invalid -e kvm= argument: '%s'", v);
			return -EINVAL;
		}
		opts->kvm_vcpu = true;
		return 1;
	}
	if (STRN_IN(e, name_len, "decode-pids", "decode-pid")) {
		if (parse_name_set(v, decode_pid_names, 2, "decode-pids", &mask) < 0)
			return -EINVAL;
		opts->decode_pids = mask;
		return 1;
	}
	if (STRN_IN(e, name_len, "secontext")) {
		if (parse_name_set(v, secontext_names, 2, "secontext", &mask) < 0)
			return -EINVAL;
		opts->secontext = true;
		return 1;
	}
	return 0;
}

/* -I N / --interruptible=: 1..4 or a name; -EINVAL otherwise */
int parse_interruptible(const char *s)
{
	static const struct { const char *name; int val; } names[] = {
		{ "anywhere", INTR_ANYWHERE }, { "always", INTR_ANYWHERE },
		{ "waiting", INTR_WAITING }, { "never", INTR_NEVER },
		{ "never_tstp", INTR_NEVER_TSTP },
	};
	unsigned v;

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (strcmp(names[i].name, s) == 0)
			return names[i].val;
	if (parse_uint(s, &v) < 0 || v < INTR_ANYWHERE || v > INTR_NEVER_TSTP)
		return -EINVAL;
	return (int)v;
}

/* -O / --summary-syscall-overhead=: a number, integer or floating
 * point, with an optional unit s, ms, us (the default) or ns. */
int parse_overhead(const char *s, long long *ns)
{
	static const struct { const char *unit; long long scale; } units[] = {
		{ "", 1000 }, { "s", 1000000000 }, { "ms", 1000000 }, { "us", 1000 }, { "ns", 1 },
	};
	size_t float_len = strspn(s, "eE.-+0123456789");
	size_t int_len = strspn(s, "+0123456789");
	double d = 0;
	unsigned long long u = 0;
	char *end;

	errno = 0;
	if (float_len > int_len) {
		d = strtod(s, &end);
		if (end == s || errno || d < 0)
			return -EINVAL;
	} else {
		if (!int_len)
			return -EINVAL;
		u = strtoull(s, &end, 10);
		if (errno || u > LLONG_MAX)
			return -EINVAL;
	}
	for (size_t i = 0; i < ARRAY_SIZE(units); i++) {
		if (strcmp(end, units[i].unit) != 0)
			continue;
		if (float_len > int_len)
			*ns = (long long)(d * (double)units[i].scale);
		else
			*ns = (long long)u * units[i].scale;
		return 0;
	}
	return -EINVAL;
}

/* "invalid -X argument: 'V'" or "invalid --NAME argument: 'V'", as
 * strace words it */
static int bad_arg(int c, int li, const char *arg)
{
	if (li >= 0)
		ct_error_help("invalid --%s argument: '%s'", ctrace_long_options[li].name, arg);
	else
		ct_error_help("invalid -%c argument: '%s'", c, arg);
	return -EINVAL;
}

static bool is_quiet_qualifier(const char *e)
{
	return strncmp(e, "quiet=", 6) == 0 || strncmp(e, "silent=", 7) == 0 ||
	       strncmp(e, "silence=", 8) == 0 || strncmp(e, "q=", 2) == 0;
}

/* -e NAME=VALUE that options, not the filter, keep */
static int take_qualifier(struct options *opts, const char *e)
{
	if (is_quiet_qualifier(e)) {
		const char *v = strchr(e, '=') + 1;

		opts->quiet_seen = true;
		if (parse_quiet(v, &opts->quiet_mask) < 0) {
			ct_error("invalid quiet '%s'", v);
			return -EINVAL;
		}
		return 1;
	}
	if (strncmp(e, "decode-fds=", 11) == 0 || strncmp(e, "decode-fd=", 10) == 0) {
		const char *v = strchr(e, '=') + 1;

		opts->decode_fds_set = true;
		if (parse_decode_fds(v, &opts->decode_fds) < 0)
			return -EINVAL;
		return 1;
	}
	{
		int r = take_qualifier_more(opts, e);

		if (r)
			return r;
	}
	return 0;
}

static int bad_usage(void)
{
	return -EINVAL;
}

/* strace's warnings about options that change nothing with the others
 * given, in its words and order */
static void warn_no_effect(const struct options *o, unsigned z_count)
{
	static const char with_c[] = "has no effect with -c/--summary-only";

	if (o->sortby && !o->count)
		ct_warn("-S/--summary-sort-by has no effect without (-c/--summary-only or -C/--summary)");
	if (o->count == COUNT_ONLY) {
		if (o->print_ip)
			ct_warn("-i/--instruction-pointer %s", with_c);
		if (o->stack)
			ct_warn("-k/--stack-traces %s", with_c);
		if (o->print_scno)
			ct_warn("-n/--syscall-number %s", with_c);
		if (o->rel_prec >= 0)
			ct_warn("-r/--relative-timestamps %s", with_c);
		if (o->tflag || o->ts_format == TSF_TIME || o->ts_format == TSF_UNIX)
			ct_warn("-t/--absolute-timestamps %s", with_c);
		if (o->T_prec >= 0)
			ct_warn("-T/--syscall-times %s", with_c);
		if (o->decode_fds)
			ct_warn("-y/--decode-fds %s", with_c);
		if (o->secontext)
			ct_warn("--secontext %s", with_c);
	}
	if (!o->outfile) {
		if (o->separately && !o->follow)
			ct_warn("--output-separately has no effect without -o/--output");
		if (o->append)
			ct_warn("-A/--output-append-mode has no effect without -o/--output");
	}
	if (z_count > 1)
		ct_warn("Only the last of -z/--successful-only/-Z/--failed-only options will take "
			 "effect. See status qualifier for more complex filters.");
}

int options_parse(struct options *opts, int argc, char **argv)
{
	int c, li, daemonize_short = 0, daemonize_long = 0, ycount = 0;
	/* strace refuses a short option with its long twin: -f and
	 * --follow-forks, -ff and --output-separately, -t and
	 * --absolute-timestamps, -q and --quiet/-e quiet=; -c with -C */
	int follow_short = 0;
	bool follow_long = false, t_short = false, ts_long = false;
	bool q_short = false, q_long = false, c_only = false, c_also = false;
	bool x_short = false, x_long = false, opt_F = false;
	unsigned z_count = 0;

	memset(opts, 0, sizeof(*opts));
	filter_reset();
	opts->max_strlen = 32;
	opts->ts_prec = -1;
	opts->rel_prec = -1;
	opts->T_prec = -1;
	opts->acolumn = 40;
	opts->tips_id = -1;
	opts->overhead_ns = -1;
	opterr = 0;
	optind = 0; /* 0: full re-initialisation of GNU getopt */

	while ((li = -1, c = getopt_long(argc, argv, ctrace_short_options, ctrace_long_options,
					 &li)) != -1) {
		switch (c) {
		case 'f':
			opts->follow++;
			if (li >= 0)
				follow_long = true;
			else
				follow_short++;
			break;
		case 'o': opts->outfile = optarg; break;
		case 'p':
			if (options_add_pids(opts, optarg) < 0)
				return -EINVAL;
			break;
		case 's':
			/* strace's bound: under 2^30 */
			if (parse_uint(optarg, &opts->max_strlen) < 0 ||
			    opts->max_strlen >= 1U << 30)
				return bad_arg(c, li, optarg);
			break;
		case 'e': {
			int r = take_qualifier(opts, optarg);

			if (is_quiet_qualifier(optarg))
				q_long = true;
			if (r < 0)
				return bad_usage();
			if (r == 0 && filter_apply_expr(arch_native, optarg) < 0)
				return bad_usage();
			if (r == 0)
				push(&opts->exprs, &opts->nexprs, optarg);
			break;
		}
		case OPT_QUALIFY: {
			/* --trace=SET is -e trace=SET */
			const char *name = ctrace_long_options[li].name;
			size_t n = strlen(name) + strlen(optarg) + 2;
			char *e = xmalloc(n);

			snprintf(e, n, "%s=%s", name, optarg);
			push(&opts->owned, &opts->nowned, e);
			n = (size_t)take_qualifier(opts, e);
			if ((int)n < 0)
				return bad_usage();
			if (n == 0 && filter_apply_expr(arch_native, e) < 0)
				return bad_usage();
			if (n == 0)
				push(&opts->exprs, &opts->nexprs, e);
			break;
		}
		case 'a':
			if (parse_uint(optarg, &opts->acolumn) < 0) {
				ct_error_help("invalid -a argument: '%s'", optarg);
				return bad_usage();
			}
			break;
		case 'A': opts->append = true; break;
		case 'P':
			if (!*optarg) {
				ct_error("-P: empty path");
				return bad_usage();
			}
			push(&opts->paths, &opts->npaths, optarg);
			break;
		case 'n': opts->print_scno = true; break;
		case 'i': opts->print_ip = true; break;
		case OPT_OUTPUT_SEPARATELY: opts->separately = true; break;
		case OPT_STRINGS_IN_HEX:
			x_long = true;
			if (!optarg || strcmp(optarg, "all") == 0) {
				opts->xflag = 2;
			} else if (strcmp(optarg, "non-ascii") == 0) {
				opts->xflag = 1;
			} else if (strcmp(optarg, "non-ascii-chars") == 0) {
				opts->hex_escapes = true;
			} else if (strcmp(optarg, "none") == 0) {
				opts->xflag = 0;
			} else {
				ct_error_help("invalid --strings-in-hex argument: '%s'", optarg);
				return bad_usage();
			}
			break;
		case OPT_DECODE_FDS:
			opts->decode_fds_set = true;
			if (!optarg) {
				opts->decode_fds = DECODE_FD_PATH;
			} else if (parse_decode_fds(optarg, &opts->decode_fds) < 0) {
				return bad_usage();
			}
			break;
		case 'E': push(&opts->env, &opts->nenv, optarg); break;
		case 'u': opts->username = optarg; break;
		case 'v':
			/* strace: -v is -e abbrev=none at its place, so a later
			 * abbrev= narrows it and an earlier one is undone */
			opts->verbose = true;
			if (filter_apply_expr(arch_native, "abbrev=none") < 0)
				return bad_usage();
			break;
		case 'x': opts->xflag++; x_short = true; break;
		case 'X':
			if (strcmp(optarg, "raw") == 0) {
				opts->xlat_style = XLAT_RAW;
			} else if (strcmp(optarg, "abbrev") == 0) {
				opts->xlat_style = XLAT_ABBREV;
			} else if (strcmp(optarg, "verbose") == 0) {
				opts->xlat_style = XLAT_VERBOSE;
			} else {
				return bad_arg(c, li, optarg);
			}
			break;
		case 'y': ycount++; break;
		case 'r': opts->rel_prec = 6; break;
		case 't':
			if (opts->tflag < TS_EPOCH)
				opts->tflag++;
			t_short = true;
			break;
		case 'T': opts->T_prec = 6; break;
		case OPT_REL_TS:
		case OPT_SYSCALL_TIMES: {
			int p = optarg ? parse_precision(optarg) : 6;

			if (p < 0)
				return bad_arg(c, li, optarg);
			if (c == OPT_REL_TS)
				opts->rel_prec = p;
			else
				opts->T_prec = p;
			break;
		}
		case OPT_ABS_TS:
			ts_long = true;
			if (!optarg) {
				opts->ts_format = TSF_TIME;
			} else if (parse_abs_timestamps(optarg, &opts->ts_format, &opts->ts_prec) < 0) {
				return bad_arg(c, li, optarg);
			} else if (opts->ts_format == TSF_DEFAULT) {
				opts->ts_format = TSF_TIME;
			}
			break;
		case 'c':
		case 'C':
			if (c == 'c')
				c_only = true;
			else
				c_also = true;
			if (c_only && c_also) {
				ct_error_help("-c/--summary-only and -C/--summary are mutually exclusive");
				return bad_usage();
			}
			opts->count = c == 'c' ? COUNT_ONLY : COUNT_ALSO;
			break;
		case 'k': opts->stack = true; break;
		case 'w': opts->count_wall = true; break;
		case 'S': {
			enum sum_sort ss;

			if (summary_parse_sort(optarg, &ss) < 0) {
				ct_error_help("invalid sortby: '%s'", optarg);
				return bad_usage();
			}
			opts->sortby = optarg;
			break;
		}
		case 'U': {
			char err[256];

			if (summary_check_columns(optarg, err, sizeof(err)) < 0) {
				ct_error_help("%s", err);
				return bad_usage();
			}
			opts->columns = optarg;
			break;
		}
		case 'q':
			opts->quiet_seen = true;
			if (li >= 0 || optarg)
				q_long = true;
			else
				q_short = true;
			if (optarg) {
				if (parse_quiet(optarg, &opts->quiet_mask) < 0) {
					ct_error("invalid quiet '%s'", optarg);
					return bad_usage();
				}
				break;
			}
			/* -q attach,personality; -qq and exit; -qqq all */
			opts->quiet++;
			opts->quiet_mask |= opts->quiet == 1 ? QUIET_ATTACH | QUIET_PERSONALITY :
					    opts->quiet == 2 ? QUIET_EXIT : QUIET_ALL;
			break;
		/* as strace: the last of -z/-Z wins (a warning says so) */
		case 'z':
		case 'Z':
			opts->only_successful = c == 'z';
			opts->only_failed = c == 'Z';
			z_count++;
			break;
		case 'F': opt_F = true; break;
		case 'd': opts->debug = true; break;
		/* as strace: each replaces the set of the ones before */
		case 'Y': opts->decode_pids = DECODE_PID_COMM; break;
		case OPT_PIDNS_TRANSLATION: opts->decode_pids = DECODE_PID_PIDNS; break;
		case OPT_SECONTEXT: {
			/* --secontext alone: strace's "!full,mismatch" */
			const char *v = optarg ? optarg : "!full,mismatch";
			size_t n = strlen(v) + 11;
			char *e = xmalloc(n);

			snprintf(e, n, "secontext=%s", v);
			push(&opts->owned, &opts->nowned, e);
			if (take_qualifier(opts, e) < 0)
				return bad_usage();
			break;
		}
		case OPT_TIPS:
			if (parse_tips(opts, optarg ? optarg : "") < 0) {
				ct_error_help("invalid --tips argument: '%s'", optarg);
				return bad_usage();
			}
			break;
		case 'b':
			if (strcmp(optarg, "execve") != 0) {
				ct_error("Syscall '%s' for -b isn't supported", optarg);
				return bad_usage();
			}
			opts->detach_on_execve = true;
			break;
		case 'D':
			daemonize_short++;
			break;
		case OPT_DAEMONIZE:
			/* strace takes the names in any case (--daemonize=Pgrp) */
			if (!optarg || strcasecmp(optarg, "grandchild") == 0)
				daemonize_long = DAEMONIZE_GRANDCHILD;
			else if (strcasecmp(optarg, "pgroup") == 0 || strcasecmp(optarg, "pgrp") == 0)
				daemonize_long = DAEMONIZE_PGROUP;
			else if (strcasecmp(optarg, "session") == 0)
				daemonize_long = DAEMONIZE_SESSION;
			else
				return bad_arg(c, li, optarg);
			break;
		case 'I':
			opts->intr = parse_interruptible(optarg);
			if (opts->intr < 0)
				return bad_arg(c, li, optarg);
			break;
		case 'O':
			if (parse_overhead(optarg, &opts->overhead_ns) < 0)
				return bad_arg(c, li, optarg);
			break;
		case OPT_NO_ASLR: opts->no_aslr = true; break;
		case OPT_JSON: opts->json = true; break;
		case OPT_LIST_SYSCALLS:
			for (unsigned i = 0; i < arch_native->nsyscalls; i++)
				if (arch_native->table[i].name[0])
					puts(arch_native->table[i].name);
			return 1;
		case OPT_SECCOMP_BPF: opts->seccomp_bpf = 1; break;
		case OPT_NO_SECCOMP_BPF: opts->seccomp_bpf = -1; break;
		case 'h':
			usage(stdout);
			return 1;
		case 'V':
			printf("ctrace -- version %s\n", PACKAGE_VERSION);
			/* as strace's last -V line */
			printf("Optional features enabled: stack-trace=libdw%s\n",
			       stacktrace_demangles ? " stack-demangle" : "");
			return 1;
		case ':':
			ct_error_help("option requires an argument -- '%c'", optopt);
			return bad_usage();
		default:
			if (optopt && optopt < 0x100)
				ct_error_help("invalid option -- '%c'", optopt);
			else
				ct_error_help("unrecognized option '%s'", argv[optind - 1]);
			return bad_usage();
		}
	}

	if (optind < argc) {
		opts->argv = argv + optind;
		opts->argc = argc - optind;
	}
	/* The checks below come in strace 6.1's order: a command line with
	 * several faults gets strace's first message (and its warnings
	 * before it). */
	if (!opts->argv && opts->npids == 0) {
		ct_error_help("must have PROG [ARGS] or -p PID");
		return bad_usage();
	}
	if (daemonize_short && daemonize_long) {
		ct_error("-D and --daemonize cannot be provided simultaneously");
		return bad_usage();
	}
	opts->daemonize = daemonize_long ? daemonize_long : daemonize_short;
	if (opts->daemonize && !opts->argv) {
		ct_error_help("PROG [ARGS] must be specified with -D/--daemonize");
		return bad_usage();
	}
	if (opts->daemonize > DAEMONIZE_SESSION) {
		ct_error_help("Too many -D's (%d), maximum supported -D count is %d",
			 opts->daemonize, DAEMONIZE_SESSION);
		return bad_usage();
	}
	if (t_short && ts_long) {
		ct_error("-t and --absolute-timestamps cannot be provided simultaneously");
		return bad_usage();
	}
	if (x_short && x_long) {
		ct_error("-x and --strings-in-hex cannot be provided simultaneously");
		return bad_usage();
	}
	/* -y: the paths, -yy: every kind; not both -y and --decode-fds */
	if (ycount && opts->decode_fds_set) {
		ct_error("-y and --decode-fds cannot be provided simultaneously");
		return bad_usage();
	}
	if (ycount)
		opts->decode_fds = ycount > 1 ? DECODE_FD_ALL : DECODE_FD_PATH;
	/* strace: the default of -I, by how ctrace runs */
	if (!opts->intr)
		opts->intr = opts->daemonize ? INTR_NEVER_TSTP :
			     opts->outfile && opts->argv ? INTR_NEVER : INTR_WAITING;
	if (opts->detach_on_execve && opts->seccomp_bpf > 0)
		ct_error("--seccomp-bpf is not enabled because it is not compatible with -b");
	/* -b: every execve must stop, followed or not */
	if (opts->detach_on_execve)
		opts->seccomp_bpf = -1;
	if (follow_short && follow_long) {
		ct_error("-f and --follow-forks cannot be provided simultaneously");
		return bad_usage();
	}
	if (follow_short > 1 && opts->separately) {
		ct_error("-ff and --output-separately cannot be provided simultaneously");
		return bad_usage();
	}
	/* -p PID with a command, as strace: the command is started, then the
	 * pids are attached; those run without the seccomp filter, so the
	 * fast path is off.  -p alone: strace's words (as strace, also
	 * said under -d with a command) */
	if (opts->seccomp_bpf > 0 && opts->npids && (!opts->argv || opts->debug))
		ct_error("--seccomp-bpf is not enabled for processes attached with -p");
	if (opts->argv && opts->npids) {
		if (opts->seccomp_bpf > 0 && !opts->debug)
			ct_error("--seccomp-bpf is not enabled because it is not compatible with -p");
		opts->seccomp_bpf = -1;
	}
	/* -n numbers the last syscall made, filtered or not: no fast path
	 * unless asked for */
	if (opts->print_scno && opts->seccomp_bpf == 0)
		opts->seccomp_bpf = -1;
	if (opts->separately)
		opts->follow = opts->follow ? 2 : 0;
	/* strace: the seccomp filter is inherited by every child, and only a
	 * tracer that follows forks serves the stops of a child: without -f
	 * the fast path is off (a child must stay free to be traced by its
	 * own parent, as gdb's inferior is) */
	if (!opts->follow && opts->seccomp_bpf >= 0) {
		if (opts->seccomp_bpf > 0)
			ct_error("--seccomp-bpf cannot be used without -f/--follow-forks, disabling");
		opts->seccomp_bpf = -1;
	}
	/* no filter can be added to a running process */
	if (opts->npids)
		opts->seccomp_bpf = -1;
	/* -F: strace's old spelling of -f (after the --seccomp-bpf checks,
	 * as strace: the fast path stays off) */
	if (opt_F) {
		if (opts->follow) {
			ct_warn("deprecated option -F ignored");
		} else {
			ct_warn("option -F is deprecated, please use -f/--follow-forks instead");
			opts->follow = 1;
		}
	}
	if (opts->count && (opts->follow > 1 || opts->separately)) {
		ct_error_help("(-c/--summary-only or -C/--summary) and -ff/--output-separately are mutually exclusive");
		return bad_usage();
	}
	if (opts->count_wall && !opts->count) {
		ct_error_help("-w/--summary-wall-clock must be given with (-c/--summary-only or -C/--summary)");
		return bad_usage();
	}
	if (opts->columns && !opts->count) {
		ct_error_help("-U/--summary-columns must be given with (-c/--summary-only or -C/--summary)");
		return bad_usage();
	}
	warn_no_effect(opts, z_count);
	/* -P: resolved now, as strace does ("Requested path ... resolved
	 * into ..."); only --quiet=path-resolution (or -e quiet=) silences
	 * it, not -qqq */
	for (size_t i = 0; i < opts->npaths; i++)
		pathtrace_add(opts->paths[i], q_long && (opts->quiet_mask & QUIET_PATH_RESOLUTION));
	if ((opts->separately || opts->follow > 1) && opts->outfile &&
	    (opts->outfile[0] == '|' || opts->outfile[0] == '!')) {
		ct_error_help("piping the output and -ff/--output-separately are mutually exclusive");
		return bad_usage();
	}
	if (opts->follow > 1 && !opts->outfile)
		opts->follow = 1; /* -ff without -o behaves as -f, like strace */
	if (q_short && q_long) {
		ct_error("-q and -e quiet/--quiet cannot be provided simultaneously");
		return bad_usage();
	}
	/* strace: with -o FILE and a command, and no -q or -e quiet= at
	 * all, -q holds: attach/detach and personality messages are off */
	if (!opts->quiet_seen && opts->outfile && opts->argv)
		opts->quiet_mask |= QUIET_ATTACH | QUIET_PERSONALITY;
	if (opts->no_aslr && !opts->argv) {
		ct_error("--no-aslr needs PROG [ARGS] (it cannot change a running process)");
		return bad_usage();
	}
	return 0;
}

void options_free(struct options *opts)
{
	free(opts->pids);
	free(opts->exprs);
	free(opts->env);
	free(opts->paths);
	for (size_t i = 0; i < opts->nowned; i++)
		free(opts->owned[i]);
	free(opts->owned);
	memset(opts, 0, sizeof(*opts));
}
