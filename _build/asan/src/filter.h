/* -e expressions: which syscalls and signals are traced. */
#ifndef CTRACE_FILTER_H
#define CTRACE_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include "arch.h"

/* Fill set[0..a->nsyscalls] from the -e expressions (set[a->nsyscalls]
 * stands for every number without a name; holes in the table are false
 * once a selection is given).  Prints one error line and returns
 * -EINVAL for a bad expression or an unknown syscall name. */
int filter_build(const struct arch_def *a, const char *const *exprs, size_t n, bool *set);

/* Apply one "trace=" value ("open,%file,!close", "/regex", "all") to set.
 * Returns 0 or -EINVAL with a message in err. */
int filter_parse_trace(const struct arch_def *a, const char *value, bool *set,
		       char *err, size_t errsize);

/* Class bit (TC_*) for "%file" style names (without the %), or 0. */
unsigned filter_class(const char *name);

/* -e signal=: is this signal printed? */
bool filter_signal_traced(int sig);

#endif
