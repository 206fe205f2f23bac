/* -e expressions: which syscalls and signals are traced. */
#ifndef CTRACE_FILTER_H
#define CTRACE_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include "arch.h"

/* Apply one -e expression (trace=, signal=, status=, raw=, abbrev=,
 * verbose=, or a set alone) as the option is read (strace's order: a bad
 * one is said before "must have PROG"); the expressions add up in their
 * order.  Prints one error line and returns -EINVAL when it is bad. */
int filter_apply_expr(const struct arch_def *a, const char *e);

/* A selection of calls (-e trace=, raw=, abbrev=, verbose=, inject=,
 * fault=) covers every personality of architecture a, as strace's
 * per-personality sets do: a's own calls by number at [0, N) (N =
 * a->nsyscalls); at N the numbers no table names; then the calls of each
 * other personality (a->pers[1], [2]: the 32-bit one, x32), one after
 * the other, at N + 1 + (the sizes of the tables before it) + number.
 * A name, a class or a regex selects in each personality by that
 * personality's table; NAME@64, NAME@32 and NAME@x32 in one. */
static inline size_t filter_set_size(const struct arch_def *a)
{
	size_t n = a->nsyscalls + 1;

	for (unsigned i = 1; a->pers[i]; i++)
		n += a->pers[i]->nsyscalls;
	return n;
}

/* The slot of call nr of personality pers in a selection of a's (N for
 * a number past pers's table, or an unknown personality). */
static inline size_t filter_slot(const struct arch_def *a, const struct arch_def *pers, long nr)
{
	size_t off = a->nsyscalls + 1;

	if (pers == a)
		return (unsigned long)nr < a->nsyscalls ? (size_t)nr : a->nsyscalls;
	for (unsigned i = 1; pers && a->pers[i]; off += a->pers[i++]->nsyscalls)
		if (pers == a->pers[i])
			return (unsigned long)nr < pers->nsyscalls ? off + (size_t)nr : a->nsyscalls;
	return a->nsyscalls;
}

/* The trace selection the expressions made (holes in the tables are
 * false once a selection is given); every call when none was given.
 * Owned by the filter, valid until filter_reset(). */
const bool *filter_trace_set(const struct arch_def *a);

/* Forget every expression applied (options_parse() starts with it). */
void filter_reset(void);

/* Apply one "trace=" value ("open,%file,!close", "/regex", "all") to set
 * (filter_set_size(a) slots).
 * Returns 0 or -EINVAL with a message in err. */
int filter_parse_trace(const struct arch_def *a, const char *value, bool *set,
		       char *err, size_t errsize);

/* Class bit (TC_*) for "%file" style names (without the %), or 0. */
unsigned filter_class(const char *name);

/* -e signal=: is this signal printed? */
bool filter_signal_traced(int sig);

/* -e status= (and -z / -Z): how a syscall ended. */
enum { FS_SUCCESSFUL, FS_FAILED, FS_UNFINISHED, FS_UNAVAILABLE, FS_DETACHED };
#define FS_ALL 0x1fu
/* Parse "successful,failed" / "!failed" into a mask of 1 << FS_*. */
int filter_parse_status(const char *value, unsigned *mask, char *err, size_t errsize);
void filter_set_status(unsigned mask);
/* True when some status is not printed (lines must be held back).
 * Inline, as the two below: asked at every traced syscall. */
extern unsigned filter_status_mask;
static inline bool filter_status_active(void)
{
	return filter_status_mask != FS_ALL;
}
bool filter_status_selected(unsigned status);

struct tcb;
/* The selections of -e raw=, abbrev= and verbose=; NULL when the option
 * was not given (every call gets the default). */
extern bool *filter_raw_set, *filter_abbrev_set, *filter_verbose_set;
bool filter_raw_slow(const struct tcb *tcp);
bool filter_verbose_slow(const struct tcb *tcp);
/* -e raw=: print the current syscall's arguments undecoded (hex). */
static inline bool filter_raw(const struct tcb *tcp)
{
	return filter_raw_set && filter_raw_slow(tcp);
}
/* -e abbrev=: abbreviate structures of this syscall (no abbrev= given:
 * unless -v, which any abbrev= overrides, wherever it stands). */
bool filter_abbrev(const struct tcb *tcp);
/* -e verbose=: dereference structures of this syscall. */
static inline bool filter_verbose(const struct tcb *tcp)
{
	return !filter_verbose_set || filter_verbose_slow(tcp);
}

#endif
