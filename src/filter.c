#include "config.h"
#include "filter.h"

#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sink.h"
#include "signals.h"
#include "syscallent.h"
#include "util.h"

static bool signal_set[65];
static bool signal_set_given;

static const struct {
	const char *name;
	unsigned bit;
} classes[] = {
	{ "file", TC_FILE }, { "desc", TC_DESC }, { "process", TC_PROCESS },
	{ "network", TC_NETWORK }, { "net", TC_NETWORK }, { "signal", TC_SIGNAL },
	{ "ipc", TC_IPC }, { "memory", TC_MEMORY }, { "creds", TC_CREDS },
	{ "clock", TC_CLOCK }, { "stat", TC_STAT }, { "lstat", TC_LSTAT },
	{ "fstat", TC_FSTAT }, { "statfs", TC_STATFS }, { "fstatfs", TC_FSTATFS },
	{ "pure", TC_PURE }, { "%stat", TC_STAT_LIKE }, { "%statfs", TC_STATFS_LIKE },
};

unsigned filter_class(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(classes); i++)
		if (strcmp(classes[i].name, name) == 0)
			return classes[i].bit;
	return 0;
}

static bool is_legacy_class(const char *name)
{
	static const char *const legacy[] = {
		"file", "desc", "process", "network", "signal", "ipc", "memory",
	};

	for (size_t i = 0; i < ARRAY_SIZE(legacy); i++)
		if (strcmp(legacy[i], name) == 0)
			return true;
	return false;
}

/* The personalities a selection of a's covers (filter.h): where each
 * one's calls start in the set. */
struct part {
	const struct arch_def *t;
	size_t off;
};

/* The parts a token applies to: every personality (which < 0), or the
 * one strace's designator `which` names (a->personalities[which]: "64",
 * "32", "x32"); their number. */
static unsigned token_parts(const struct arch_def *a, int which, struct part p[ARCH_NPERS])
{
	unsigned n = 0;

	for (unsigned i = 0; i < ARCH_NPERS && a->pers[i]; i++)
		if (which < 0 || which == (int)i)
			p[n++] = (struct part){ a->pers[i], filter_slot(a, a->pers[i], 0) };
	return n;
}

/* Set, in each part, the calls for which pick() is true; whether any was */
static bool select_calls(const struct part *p, unsigned np, bool *set, bool value,
			 bool (*pick)(const struct syscall_ent *e, const void *arg),
			 const void *arg)
{
	bool matched = false;

	for (unsigned k = 0; k < np; k++)
		for (unsigned i = 0; i < p[k].t->nsyscalls; i++)
			if (p[k].t->table[i].name[0] && pick(&p[k].t->table[i], arg)) {
				set[p[k].off + i] = value;
				matched = true;
			}
	return matched;
}

static bool pick_any(const struct syscall_ent *e, const void *arg)
{
	(void)e;
	(void)arg;
	return true;
}

static bool pick_class(const struct syscall_ent *e, const void *arg)
{
	return e->classes & *(const unsigned *)arg;
}

static bool pick_regex(const struct syscall_ent *e, const void *arg)
{
	return regexec(arg, e->name, 0, NULL, 0) == 0;
}

static bool pick_name(const struct syscall_ent *e, const void *arg)
{
	return strcmp(e->name, arg) == 0;
}

/* One token in the parts p (a NAME@PERS token's, or all).  A name,
 * class or regex selects in each personality by its own table; a
 * number is a call in some personality and selects that number in
 * each, as strace's per-personality sets do. */
static int apply_token(const struct arch_def *a, const struct part *p, unsigned np,
		       const char *tok, bool value, bool *set, char *err, size_t errsize)
{
	bool optional = false;
	bool matched = false;

	if (*tok == '?') {
		optional = true;
		tok++;
	}
	if (strcmp(tok, "all") == 0) {
		select_calls(p, np, set, value, pick_any, NULL);
		if (np && p[0].t == a)
			set[a->nsyscalls] = value;
		return 0;
	}
	if (*tok == '%') {
		unsigned bit = filter_class(tok + 1);

		if (!bit) {
			if (optional)
				return 0;
			snprintf(err, errsize, "invalid system call '%s'", tok);
			return -EINVAL;
		}
		select_calls(p, np, set, value, pick_class, &bit);
		return 0;
	}
	if (*tok == '/') {
		regex_t re;

		int rc = regcomp(&re, tok + 1, REG_EXTENDED | REG_NOSUB);

		if (rc != 0) {
			char msg[128];

			regerror(rc, &re, msg, sizeof(msg));
			snprintf(err, errsize, "regcomp: %s: %s", tok + 1, msg);
			return -EINVAL;
		}
		matched = select_calls(p, np, set, value, pick_regex, &re);
		regfree(&re);
		if (!matched && !optional) {
			snprintf(err, errsize, "invalid system call '%s'", tok);
			return -EINVAL;
		}
		return 0;
	}
	if (*tok >= '0' && *tok <= '9') {
		/* a number that names a call in some personality (a hole of
		 * every table, 415 on x86_64, is no system call) */
		char *end;
		unsigned long n = strtoul(tok, &end, 10);

		for (unsigned k = 0; !*end && k < np; k++)
			if (n < p[k].t->nsyscalls && p[k].t->table[n].name[0])
				matched = true;
		if (matched) {
			for (unsigned k = 0; k < np; k++)
				if (n < p[k].t->nsyscalls)
					set[p[k].off + n] = value;
			return 0;
		}
		if (optional)
			return 0;
		snprintf(err, errsize, "invalid system call '%s'", tok);
		return -EINVAL;
	}
	if (is_legacy_class(tok)) {
		/* "file", "process"...: the class names of old strace, which
		 * come before a call's name, as in strace ("ipc" is %ipc, not
		 * i386's ipc call alone) */
		unsigned bit = filter_class(tok);

		select_calls(p, np, set, value, pick_class, &bit);
		return 0;
	}
	matched = select_calls(p, np, set, value, pick_name, tok);
	if (!matched && !optional) {
		snprintf(err, errsize, "invalid system call '%s'", tok);
		return -EINVAL;
	}
	return 0;
}

/* NAME@PERS (strace 6.1): NAME in one personality only ("64" the host,
 * "32" its 32-bit one, "x32"). */
static int apply_token_pers(const struct arch_def *a, char *tok, bool value,
			    bool *set, char *err, size_t errsize)
{
	char *at = strchr(tok, '@');
	struct part p[ARCH_NPERS];
	size_t i;
	int ret;

	if (!at)
		return apply_token(a, p, token_parts(a, -1, p), tok, value, set, err, errsize);
	for (i = 0; a->personalities[i]; i++)
		if (strcmp(at + 1, a->personalities[i]) == 0)
			break;
	if (!a->personalities[i]) {
		snprintf(err, errsize, "incorrect personality designator '%s' in qualification '%s'",
			 at + 1, tok + (*tok == '?'));
		return -EINVAL;
	}
	*at = '\0';
	ret = apply_token(a, p, token_parts(a, (int)i, p), tok, value, set, err, errsize);
	*at = '@';
	/* as strace: the unknown name (an empty one too: "@64") is said
	 * with its designator */
	if (ret < 0 && strncmp(err, "invalid system call '", 21) == 0)
		snprintf(err, errsize, "invalid system call '%s'", tok + (*tok == '?'));
	return ret;
}

/* strace's lists: "[!]...TOKEN[,TOKEN...]", each leading '!' inverting
 * what follows; "none" and "all" alone are no selection and every one.
 * fill() sets every member to a value, token() one token's; a list
 * without any token ("", "!", ",") is "invalid WHAT 'LIST'", as strace
 * says it. */
struct list_ops {
	const char *what;
	void (*fill)(void *ctx, bool value);
	int (*token)(char *tok, bool value, void *ctx, char *err, size_t errsize);
};

static int parse_list(const char *list, const struct list_ops *ops, void *ctx,
		      char *err, size_t errsize)
{
	const char *body = list;
	bool negate = false, any = false;
	_cleanup_free_ char *copy = NULL;
	char *save = NULL;

	for (; *body == '!'; body++)
		negate = !negate;
	ops->fill(ctx, negate);
	if (strcmp(body, "none") == 0)
		return 0;
	if (strcmp(body, "all") == 0) {
		ops->fill(ctx, !negate);
		return 0;
	}
	copy = xstrdup(body);
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int ret = ops->token(tok, !negate, ctx, err, errsize);

		if (ret < 0)
			return ret;
		any = true;
	}
	if (!any) {
		snprintf(err, errsize, "invalid %s '%s'", ops->what, list);
		return -EINVAL;
	}
	return 0;
}

struct trace_ctx {
	const struct arch_def *a;
	bool *set;
};

/* every slot of a selection of a's */
static void fill_set(const struct arch_def *a, bool *set, bool value)
{
	memset(set, value, filter_set_size(a) * sizeof(bool));
}

static void trace_fill(void *ctx, bool value)
{
	struct trace_ctx *t = ctx;

	fill_set(t->a, t->set, value);
}

static int trace_token(char *tok, bool value, void *ctx, char *err, size_t errsize)
{
	struct trace_ctx *t = ctx;

	return apply_token_pers(t->a, tok, value, t->set, err, errsize);
}

int filter_parse_trace(const struct arch_def *a, const char *value, bool *set,
		       char *err, size_t errsize)
{
	static const struct list_ops ops = { "system call", trace_fill, trace_token };
	struct trace_ctx t = { a, set };

	/* A fresh selection starts empty ("trace=open" traces only open),
	 * a negated one starts full. */
	return parse_list(value, &ops, &t, err, errsize);
}

static void signal_fill(void *ctx, bool value)
{
	(void)ctx;
	for (int s = 0; s < 65; s++)
		signal_set[s] = value;
}

static int signal_token(char *tok, bool value, void *ctx, char *err, size_t errsize)
{
	int sig = -1;

	(void)ctx;
	if (*tok >= '0' && *tok <= '9') {
		char *end;
		long v = strtol(tok, &end, 10);
		/* strace takes any number below 256 */
		if (!*end && end != tok && v >= 0 && v < 256)
			sig = (int)v;
	} else {
		for (int s = 1; s < 65; s++) {
			const char *n = signal_name(s);
			if (n && (strcasecmp(n, tok) == 0 || strcasecmp(n + 3, tok) == 0)) {
				sig = s;
				break;
			}
		}
	}
	if (sig < 0) {
		snprintf(err, errsize, "invalid signal '%s'", tok);
		return -EINVAL;
	}
	if (sig > 0 && sig < 65)
		signal_set[sig] = value;
	return 0;
}

static int parse_signal_set(const char *value, char *err, size_t errsize)
{
	static const struct list_ops ops = { "signal", signal_fill, signal_token };
	int ret = parse_list(value, &ops, NULL, err, errsize);

	if (ret == 0)
		signal_set_given = true;
	return ret;
}

static const char *const status_names[] = {
	[FS_SUCCESSFUL] = "successful", [FS_FAILED] = "failed",
	[FS_UNFINISHED] = "unfinished", [FS_UNAVAILABLE] = "unavailable",
	[FS_DETACHED] = "detached",
};
unsigned filter_status_mask = FS_ALL;

static void status_fill(void *ctx, bool value)
{
	*(unsigned *)ctx = value ? FS_ALL : 0;
}

static int status_token(char *tok, bool value, void *ctx, char *err, size_t errsize)
{
	unsigned *m = ctx, bit = 0;

	for (unsigned i = 0; i < ARRAY_SIZE(status_names); i++)
		if (strcmp(status_names[i], tok) == 0)
			bit = 1u << i;
	if (!bit) {
		snprintf(err, errsize, "invalid status '%s'", tok);
		return -EINVAL;
	}
	*m = value ? *m | bit : *m & ~bit;
	return 0;
}

int filter_parse_status(const char *value, unsigned *mask, char *err, size_t errsize)
{
	static const struct list_ops ops = { "status", status_fill, status_token };
	unsigned m;
	int ret = parse_list(value, &ops, &m, err, errsize);

	if (ret == 0)
		*mask = m;
	return ret;
}

void filter_set_status(unsigned mask)
{
	filter_status_mask = mask;
}

bool filter_status_selected(unsigned status)
{
	return filter_status_mask & (1u << status);
}

/* The selections of -e trace= / raw= / abbrev= / verbose= (NULL: none
 * given), of architecture set_arch's personalities (filter.h). */
static bool *trace_set;
bool *filter_raw_set, *filter_abbrev_set, *filter_verbose_set;
static const struct arch_def *set_arch;

static bool *new_set(const struct arch_def *a, bool value)
{
	bool *set = xcalloc(filter_set_size(a), sizeof(bool));

	fill_set(a, set, value);
	set_arch = a;
	return set;
}

/* As -e trace=: a call no table names is the host part's last slot,
 * which only "all" (and new_set()'s initial value) fills. */
static bool set_has(const bool *set, const struct tcb *tcp, bool dflt)
{
	if (!set)
		return dflt;
	if (!tcp->ent)
		return set[set_arch->nsyscalls];
	return set[filter_slot(set_arch, tcp->arch, tcp->scno)];
}

bool filter_raw_slow(const struct tcb *tcp)
{
	return set_has(filter_raw_set, tcp, false);
}

bool filter_abbrev(const struct tcb *tcp)
{
	/* -v is abbrev=none where it stands (options.c) */
	return set_has(filter_abbrev_set, tcp, true);
}

bool filter_verbose_slow(const struct tcb *tcp)
{
	return set_has(filter_verbose_set, tcp, true);
}

/* One -e expression: KEY=VALUE, or a trace set alone.  A key that is
 * no action of these makes the whole expression a trace set, as in
 * strace ("-e foo=bar": invalid system call 'foo=bar'); read=, write=,
 * inject=, fault=, quiet= and the other option-like ones were taken by
 * options.c. */
static int apply_expr(const struct arch_def *a, const char *e, bool *set, char *err, size_t errsize)
{
	const char *eq = strchr(e, '=');
	size_t klen = eq ? (size_t)(eq - e) : 0;
	const char *val = eq ? eq + 1 : e;

	if (!eq)
		return filter_parse_trace(a, e, set, err, errsize);
	if (STRN_IN(e, klen, "trace", "t"))
		return filter_parse_trace(a, val, set, err, errsize);
	if (STRN_IN(e, klen, "signal", "signals", "s"))
		return parse_signal_set(val, err, errsize);
	if (STRN_IN(e, klen, "status")) {
		unsigned mask;
		int ret = filter_parse_status(val, &mask, err, errsize);

		if (ret == 0)
			filter_status_mask = mask;
		return ret;
	}
	if (STRN_IN(e, klen, "raw", "x", "abbrev", "a", "verbose", "v")) {
		bool **which = (e[0] == 'r' || e[0] == 'x') ? &filter_raw_set :
			       e[0] == 'a' ? &filter_abbrev_set : &filter_verbose_set;

		free(*which);
		*which = new_set(a, false);
		return filter_parse_trace(a, val, *which, err, errsize);
	}
	return filter_parse_trace(a, e, set, err, errsize);
}

int filter_apply_expr(const struct arch_def *a, const char *e)
{
	char err[256];

	if (!trace_set)
		trace_set = new_set(a, true);
	if (apply_expr(a, e, trace_set, err, sizeof(err)) < 0) {
		/* strace counts a bad @personality as a usage error */
		if (strncmp(err, "incorrect personality designator", 32) == 0)
			ct_error_help("%s", err);
		else
			ct_error("%s", err);
		return -EINVAL;
	}
	return 0;
}

const bool *filter_trace_set(const struct arch_def *a)
{
	if (!trace_set)
		trace_set = new_set(a, true);
	return trace_set;
}

void filter_reset(void)
{
	free(trace_set);
	free(filter_raw_set);
	free(filter_abbrev_set);
	free(filter_verbose_set);
	trace_set = filter_raw_set = filter_abbrev_set = filter_verbose_set = NULL;
	set_arch = NULL;
	memset(signal_set, 0, sizeof(signal_set));
	signal_set_given = false;
	filter_status_mask = FS_ALL;
}

bool filter_signal_traced(int sig)
{
	if (!signal_set_given || sig <= 0 || sig >= 65)
		return true;
	return signal_set[sig];
}
