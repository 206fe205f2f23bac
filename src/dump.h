/* -e read=SET / -e write=SET: hex dumps of I/O data after a call's line. */
#ifndef CTRACE_DUMP_H
#define CTRACE_DUMP_H

#include <stdbool.h>

#include "tcb.h"

/* Some descriptor set is not empty: dump_io() may print. */
extern bool dump_active;

/* Set the read (write=false) or write set from a strace number set:
 * "3,4", "!3", "all", "none".  0, or -EINVAL after one error line. */
int dump_parse_set(bool write, const char *spec);
/* After tcp's exit line: dump what it wrote to / read from a listed fd. */
void dump_io(struct tcb *tcp);
/* Dump len bytes of data as lines whose offsets start at base_off,
 * offs_chars hex digits wide (pure but for the sink; for tests). */
void dump_bytes(struct tcb *tcp, const unsigned char *data, unsigned long len,
		unsigned long base_off, int offs_chars);
void dump_reset(void);

#endif
