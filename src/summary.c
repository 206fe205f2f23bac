#include "config.h"
#include "summary.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "filter.h"
#include "syscallent.h"
#include "util.h"

static const struct arch_def *sum_arch;
/* one slot per call of each personality, laid out as a selection of
 * sum_arch's (filter.h): the host's calls, the numbers no table names,
 * then each other personality's calls */
static struct sum_stat *stats;
static bool wall_clock;
static uint64_t overhead_ns;		/* -O: taken off each call's time */
static const struct rusage *stop_ru;   /* wait4's, for the current stop */
static unsigned ru_pending;            /* calls timed by it, not yet ended */

/* strace's names; '_' and '-' are the same (sum_name_eq) */
static const struct { const char *name; enum sum_col col; } col_names[] = {
	{ "time-percent", SC_TIME_PERCENT }, { "time", SC_TIME_PERCENT },
	{ "%time", SC_TIME_PERCENT },
	{ "total-time", SC_TOTAL_TIME }, { "time-total", SC_TOTAL_TIME },
	{ "seconds", SC_TOTAL_TIME },
	{ "avg-time", SC_AVG_TIME }, { "time-avg", SC_AVG_TIME },
	{ "usecs/call", SC_AVG_TIME },
	{ "calls", SC_CALLS }, { "count", SC_CALLS },
	{ "errors", SC_ERRORS }, { "error", SC_ERRORS },
	{ "name", SC_NAME }, { "syscall", SC_NAME }, { "syscall-name", SC_NAME },
	{ "min-time", SC_MIN_TIME }, { "time-min", SC_MIN_TIME }, { "shortest", SC_MIN_TIME },
	{ "max-time", SC_MAX_TIME }, { "time-max", SC_MAX_TIME }, { "longest", SC_MAX_TIME },
};

static const struct { const char *name; enum sum_sort s; } sort_names[] = {
	{ "time", SS_TIME }, { "time-percent", SS_TIME }, { "total-time", SS_TIME },
	{ "time-total", SS_TIME },
	{ "calls", SS_CALLS }, { "count", SS_CALLS },
	{ "errors", SS_ERRORS }, { "error", SS_ERRORS },
	{ "name", SS_NAME }, { "syscall", SS_NAME }, { "syscall-name", SS_NAME },
	{ "nothing", SS_NOTHING }, { "none", SS_NOTHING },
	{ "min-time", SS_MIN_TIME }, { "time-min", SS_MIN_TIME }, { "shortest", SS_MIN_TIME },
	{ "max-time", SS_MAX_TIME }, { "time-max", SS_MAX_TIME }, { "longest", SS_MAX_TIME },
	{ "avg-time", SS_AVG_TIME }, { "time-avg", SS_AVG_TIME }, { "usecs/call", SS_AVG_TIME },
};

/* a name as strace compares it: '_' matches '-' */
static bool sum_name_eq(const char *name, const char *s)
{
	for (; *name && *s; name++, s++)
		if (*name != *s && !(*name == '-' && *s == '_'))
			return false;
	return *name == *s;
}

int summary_parse_sort(const char *s, enum sum_sort *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(sort_names); i++) {
		if (sum_name_eq(sort_names[i].name, s)) {
			*out = sort_names[i].s;
			return 0;
		}
	}
	return -EINVAL;
}

int summary_parse_columns(const char *s, enum sum_col *cols, unsigned *ncols)
{
	_cleanup_free_ char *copy = xstrdup(s);
	char *save = NULL;
	unsigned n = 0;

	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		size_t i;

		for (i = 0; i < ARRAY_SIZE(col_names); i++)
			if (sum_name_eq(col_names[i].name, tok))
				break;
		if (i == ARRAY_SIZE(col_names) || n >= SC__COUNT)
			return -EINVAL;
		cols[n++] = col_names[i].col;
	}
	if (n == 0)
		return -EINVAL;
	*ncols = n;
	return 0;
}

int summary_check_columns(const char *s, char *err, size_t errsize)
{
	bool seen[SC__COUNT] = { false };
	const char *tok = s;

	for (;;) {
		size_t len = strcspn(tok, ",");
		_cleanup_free_ char *name = xmalloc(len + 1);
		size_t i;

		memcpy(name, tok, len);
		name[len] = '\0';
		for (i = 0; i < ARRAY_SIZE(col_names); i++)
			if (sum_name_eq(col_names[i].name, name))
				break;
		if (i == ARRAY_SIZE(col_names)) {
			snprintf(err, errsize, "unknown column name: '%s'", name);
			return -EINVAL;
		}
		if (seen[col_names[i].col]) {
			snprintf(err, errsize, "call summary column has been provided more than "
				 "once: '%s' (-U option residual: '%s')", name, tok);
			return -EINVAL;
		}
		seen[col_names[i].col] = true;
		if (!tok[len])
			return 0;
		tok += len + 1;
	}
}

void summary_init(const struct arch_def *a, bool wall)
{
	sum_arch = a;
	wall_clock = wall;
	stats = xcalloc(filter_set_size(a), sizeof(*stats));
}

void summary_free(void)
{
	free(stats);
	stats = NULL;
}

/* On-CPU time of the tracee thread: between a syscall's entry and exit
 * stops that is the time the kernel spent on the call.  Read from
 * /proc/PID/task/TID/schedstat (ns), kept open per tracee; the CPU clock of
 * the whole process where that file is missing; wall time with -w. */
static uint64_t now_ns(struct tcb *tcp)
{
	struct timespec ts;

	if (!wall_clock) {
		if (tcp->sched_fd == -1) {
			char path[64];

			snprintf(path, sizeof(path), "/proc/%d/task/%d/schedstat", tcp->pid, tcp->pid);
			tcp->sched_fd = open(path, O_RDONLY | O_CLOEXEC);
			if (tcp->sched_fd < 0)
				tcp->sched_fd = -2;
		}
		if (tcp->sched_fd >= 0) {
			char buf[96];
			ssize_t n = pread(tcp->sched_fd, buf, sizeof(buf) - 1, 0);

			if (n > 0) {
				buf[n] = '\0';
				return strtoull(buf, NULL, 10);
			}
		}
		if (clock_gettime((clockid_t)((~(unsigned)tcp->pid << 3) | 2), &ts) == 0)
			return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	}
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void summary_stop_rusage(const struct rusage *ru)
{
	stop_ru = ru;
}

bool summary_rusage_pending(void)
{
	return ru_pending > 0;
}

/* utime + stime: the kernel splits the group's exact run time between
 * them by tick samples, so only their sum is worth taking. */
static uint64_t ru_ns(const struct rusage *ru)
{
	return ((uint64_t)ru->ru_utime.tv_sec + (uint64_t)ru->ru_stime.tv_sec) * 1000000000u +
	       ((uint64_t)ru->ru_utime.tv_usec + (uint64_t)ru->ru_stime.tv_usec) * 1000u;
}

void summary_enter(struct tcb *tcp)
{
	summary_forget(tcp);
	if (stop_ru && !wall_clock && tcp->solo && !(tcp->ent && (tcp->ent->props & SP_REAP))) {
		tcp->sum_ru = true;
		ru_pending++;
		tcp->sum_start_ns = ru_ns(stop_ru);
		return;
	}
	tcp->sum_start_ns = now_ns(tcp);
}

void summary_set_overhead(uint64_t ns)
{
	overhead_ns = ns;
}

void summary_forget(struct tcb *tcp)
{
	if (tcp->sum_ru) {
		tcp->sum_ru = false;
		ru_pending--;
	}
}

size_t summary_slot(const struct arch_def *pers, long nr)
{
	size_t slot = filter_slot(sum_arch, pers, nr);

	/* in range, so pers has a table: a hole in it is an unknown number */
	if (slot != sum_arch->nsyscalls && !pers->table[nr].name[0])
		slot = sum_arch->nsyscalls;
	return slot;
}

void summary_add(const struct arch_def *pers, long nr, bool error, uint64_t ns)
{
	struct sum_stat *st;

	if (!stats)
		return;
	st = &stats[summary_slot(pers, nr)];
	if (st->calls == 0 || ns < st->min_ns)
		st->min_ns = ns;
	if (ns > st->max_ns)
		st->max_ns = ns;
	st->calls++;
	st->total_ns += ns;
	if (error)
		st->errors++;
}

void summary_exit(struct tcb *tcp)
{
	uint64_t end, ns;

	if (tcp->sum_ru) {
		/* wait4 keeps asking while the call is pending (ru_pending) */
		end = stop_ru ? ru_ns(stop_ru) : tcp->sum_start_ns;
		summary_forget(tcp);
	} else {
		end = now_ns(tcp);
	}
	ns = end > tcp->sum_start_ns ? end - tcp->sum_start_ns : 0;
	ns = ns > overhead_ns ? ns - overhead_ns : 0;

	/* the personality and number of the entry (an execve's exit may
	 * be in another personality: the call is counted in the one that
	 * made it, as strace does) */
	summary_add(tcp->arch, tcp->scno, tcp->err != 0, ns);
}

static enum sum_sort cur_sort;

/* a row of one personality's table: its slot in stats, its name */
struct sum_row {
	size_t slot;
	const char *name;
};

static int cmp_rows(const void *pa, const void *pb)
{
	const struct sum_row *ra = pa, *rb = pb;
	size_t a = ra->slot, b = rb->slot;
	const struct sum_stat *x = &stats[a], *y = &stats[b];
	int c = 0;

#define DESC(f) (x->f < y->f ? 1 : x->f > y->f ? -1 : 0)
	switch (cur_sort) {
	case SS_TIME: c = DESC(total_ns); break;
	case SS_CALLS: c = DESC(calls); break;
	case SS_ERRORS: c = DESC(errors); break;
	case SS_MIN_TIME: c = DESC(min_ns); break;
	case SS_MAX_TIME: c = DESC(max_ns); break;
	case SS_AVG_TIME: {
		uint64_t ax = x->total_ns / x->calls, ay = y->total_ns / y->calls;
		c = ax < ay ? 1 : ax > ay ? -1 : 0;
		break;
	}
	case SS_NAME: c = strcmp(ra->name, rb->name); break;
	case SS_NOTHING: break;
	}
#undef DESC
	if (c)
		return c;
	return a < b ? -1 : a > b;
}

static void print_header(FILE *fp, const enum sum_col *cols, unsigned n, bool dashes)
{
	for (unsigned i = 0; i < n; i++) {
		const char *sep = i ? " " : "";
		bool last = i + 1 == n;

		switch (cols[i]) {
		case SC_TIME_PERCENT: fprintf(fp, "%s%s", sep, dashes ? "------" : "% time"); break;
		case SC_TOTAL_TIME: fprintf(fp, "%s%11s", sep, dashes ? "-----------" : "seconds"); break;
		case SC_AVG_TIME: fprintf(fp, "%s%11s", sep, dashes ? "-----------" : "usecs/call"); break;
		case SC_CALLS: fprintf(fp, "%s%9s", sep, dashes ? "---------" : "calls"); break;
		case SC_ERRORS: fprintf(fp, "%s%9s", sep, dashes ? "---------" : "errors"); break;
		case SC_MIN_TIME: fprintf(fp, "%s%8s", sep, dashes ? "--------" : "shortest"); break;
		case SC_MAX_TIME: fprintf(fp, "%s%8s", sep, dashes ? "--------" : "longest"); break;
		case SC_NAME:
			if (dashes)
				fprintf(fp, "%s----------------", sep);
			else if (last)
				fprintf(fp, "%ssyscall", sep);
			else
				fprintf(fp, "%s%-16s", sep, "syscall");
			break;
		default: break;
		}
	}
	fputc('\n', fp);
}

static void print_row(FILE *fp, const enum sum_col *cols, unsigned n, const char *name,
		      const struct sum_stat *st, uint64_t total_ns, bool is_total)
{
	for (unsigned i = 0; i < n; i++) {
		const char *sep = i ? " " : "";
		bool last = i + 1 == n;

		switch (cols[i]) {
		case SC_TIME_PERCENT:
			fprintf(fp, "%s%6.2f", sep, is_total ? 100.0 : total_ns ?
				100.0 * (double)st->total_ns / (double)total_ns : 0.0);
			break;
		case SC_TOTAL_TIME:
			fprintf(fp, "%s%11.6f", sep, (double)st->total_ns / 1e9);
			break;
		case SC_AVG_TIME:
			fprintf(fp, "%s%11llu", sep, st->calls ?
				(unsigned long long)(st->total_ns / 1000 / st->calls) : 0ull);
			break;
		case SC_CALLS: fprintf(fp, "%s%9llu", sep, (unsigned long long)st->calls); break;
		case SC_ERRORS:
			if (st->errors)
				fprintf(fp, "%s%9llu", sep, (unsigned long long)st->errors);
			else
				fprintf(fp, "%s%9s", sep, "");
			break;
		case SC_MIN_TIME: fprintf(fp, "%s%8.6f", sep, (double)st->min_ns / 1e9); break;
		case SC_MAX_TIME: fprintf(fp, "%s%8.6f", sep, (double)st->max_ns / 1e9); break;
		case SC_NAME:
			if (last)
				fprintf(fp, "%s%s", sep, name);
			else
				fprintf(fp, "%s%-16s", sep, name);
			break;
		default: break;
		}
	}
	fputc('\n', fp);
}

/* add row slot (name) to rows when it has calls, and its figures to total */
static void add_row(struct sum_row *rows, unsigned *nrows, struct sum_stat *total,
		    size_t slot, const char *name)
{
	const struct sum_stat *st = &stats[slot];

	if (!st->calls)
		return;
	rows[(*nrows)++] = (struct sum_row){ slot, name };
	if (total->calls == 0 || st->min_ns < total->min_ns)
		total->min_ns = st->min_ns;
	if (st->max_ns > total->max_ns)
		total->max_ns = st->max_ns;
	total->calls += st->calls;
	total->errors += st->errors;
	total->total_ns += st->total_ns;
}

/* The table of personality k of sum_arch (0: its own, with the numbers no
 * table names), when it made calls; the others under strace's line
 * "System call usage summary for MODE mode:". */
static void print_pers(FILE *fp, unsigned k, struct sum_row *rows,
		       const enum sum_col *cols, unsigned ncols)
{
	const struct arch_def *p = sum_arch->pers[k];
	struct sum_stat total = { 0 };
	unsigned nrows = 0;

	for (unsigned nr = 0; nr < p->nsyscalls; nr++)
		if (p->table[nr].name[0])
			add_row(rows, &nrows, &total, filter_slot(sum_arch, p, nr), p->table[nr].name);
	if (k == 0)
		add_row(rows, &nrows, &total, sum_arch->nsyscalls, "unknown");
	if (nrows == 0)
		return;
	qsort(rows, nrows, sizeof(*rows), cmp_rows);

	if (k > 0)
		fprintf(fp, "System call usage summary for %s mode:\n", p->mode);
	print_header(fp, cols, ncols, false);
	print_header(fp, cols, ncols, true);
	for (unsigned i = 0; i < nrows; i++)
		print_row(fp, cols, ncols, rows[i].name, &stats[rows[i].slot], total.total_ns, false);
	print_header(fp, cols, ncols, true);
	print_row(fp, cols, ncols, "total", &total, total.total_ns, true);
}

/* One table per personality that made calls, the host's first, as strace
 * prints them; nothing when no call was counted. */
void summary_print(FILE *fp, enum sum_sort sort, const enum sum_col *cols, unsigned ncols)
{
	static const enum sum_col dflt[] = { SC_TIME_PERCENT, SC_TOTAL_TIME, SC_AVG_TIME,
					     SC_CALLS, SC_ERRORS, SC_NAME };
	_cleanup_free_ struct sum_row *rows = NULL;

	if (!stats)
		return;
	if (!cols || ncols == 0) {
		cols = dflt;
		ncols = ARRAY_SIZE(dflt);
	}
	rows = xcalloc(filter_set_size(sum_arch), sizeof(*rows));
	cur_sort = sort;
	for (unsigned k = 0; sum_arch->pers[k]; k++)
		print_pers(fp, k, rows, cols, ncols);
}
