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

/* The trace selection the expressions made: [0..a->nsyscalls], the last
 * standing for every number without a name (holes in the table are false
 * once a selection is given); every call when none was given.  Owned by
 * the filter, valid until filter_reset(). */
const bool *filter_trace_set(const struct arch_def *a);

/* Forget every expression applied (options_parse() starts with it). */
void filter_reset(void);

/* Apply one "trace=" value ("open,%file,!close", "/regex", "all") to set.
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
/* The sets of -e raw=, abbrev= and verbose=, by native number; NULL
 * when the option was not given (every call gets the default). */
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
