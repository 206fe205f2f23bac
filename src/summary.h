/* -c / -C: per-syscall counts, errors and time, printed as strace's table. */
#ifndef CTRACE_SUMMARY_H
#define CTRACE_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/resource.h>

#include "arch.h"
#include "tcb.h"

enum sum_col {
	SC_TIME_PERCENT, SC_TOTAL_TIME, SC_AVG_TIME, SC_CALLS, SC_ERRORS,
	SC_NAME, SC_MIN_TIME, SC_MAX_TIME, SC__COUNT
};
enum sum_sort { SS_TIME, SS_CALLS, SS_ERRORS, SS_NAME, SS_NOTHING,
		SS_MIN_TIME, SS_MAX_TIME, SS_AVG_TIME };

struct sum_stat {
	uint64_t calls, errors;
	uint64_t total_ns, min_ns, max_ns;
};

/* Parse -S and -U arguments (0 or -EINVAL). */
int summary_parse_sort(const char *s, enum sum_sort *out);
int summary_parse_columns(const char *s, enum sum_col *cols, unsigned *ncols);
/* -U LIST checked as strace checks it: 0, or -EINVAL with strace's words
 * in err ("unknown column name: 'x'", a column given twice). */
int summary_check_columns(const char *s, char *err, size_t errsize);

/* Start collecting for arch a; wall: -w (wall clock) instead of the
 * tracee's CPU time. */
void summary_init(const struct arch_def *a, bool wall);
/* The rusage wait4 returned with the current stop (NULL: not asked for):
 * the CPU time of a single-threaded tracee comes with it, no read. */
void summary_stop_rusage(const struct rusage *ru);
/* A call timed by the rusage is between its entry and exit: wait4 must go
 * on asking for it. */
bool summary_rusage_pending(void);
/* Called at syscall entry and exit of a counted syscall. */
/* -O: the time to take off each call (strace's syscall overhead) */
void summary_set_overhead(uint64_t ns);
void summary_enter(struct tcb *tcp);
void summary_exit(struct tcb *tcp);
/* A tracee is gone (maybe inside a call). */
void summary_forget(struct tcb *tcp);
/* Account one call nr of personality pers (tcp->arch: NULL for one
 * without a table) directly (for tests and for exits without entry).
 * Numbers no table of pers names are counted together, as "unknown" in
 * the host's table. */
void summary_add(const struct arch_def *pers, long nr, bool error, uint64_t ns);
/* The slot of call nr of personality pers in the counts: filter_slot()'s
 * (filter.h), and its slot of unknown numbers for a hole in pers's table. */
size_t summary_slot(const struct arch_def *pers, long nr);
/* Print one table per personality that made calls (strace's), the host's
 * first; nothing when none did. */
void summary_print(FILE *fp, enum sum_sort sort, const enum sum_col *cols, unsigned ncols);
void summary_free(void);

#endif
