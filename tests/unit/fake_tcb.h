/* Shared by the decoder unit tests: a tracee control block whose output
 * goes to a memory buffer, and a runner that drives a decoder through
 * entry and exit like the tracer does. */
#ifndef CTRACE_TESTS_FAKE_TCB_H
#define CTRACE_TESTS_FAKE_TCB_H

#include <stdio.h>

#include "sink.h"
#include "syscallent.h"
#include "tcb.h"

#define NO_SUCH_PID 0x7fffffff
#define BAD_ADDR 8ul

struct fake {
	struct tcb tcb;
	char *buf;
	size_t len;
	FILE *fp;
};

void fake_init(struct fake *f, pid_t pid);
/* The text printed so far. */
const char *fake_text(struct fake *f);
void fake_done(struct fake *f);
void set_args(struct tcb *t, unsigned long a0, unsigned long a1, unsigned long a2,
	      unsigned long a3, unsigned long a4, unsigned long a5);
/* Run a decoder like the tracer: entry, then (unless done) exit with the
 * given return value and errno. */
void run(struct tcb *t, int (*dec)(struct tcb *), long rval, int err);
/* A fresh fake (same pid and arch) that runs decoder d with arguments
 * a0..a5 to an exit of rval (-1 when err is set) and err: its text. */
const char *fake_drive(struct fake *f, int (*d)(struct tcb *), long rval, int err,
		       unsigned long a0, unsigned long a1, unsigned long a2, unsigned long a3,
		       unsigned long a4, unsigned long a5);
/* cmocka group setup: the default printing configuration. */
int fake_setup(void **state);

#endif
