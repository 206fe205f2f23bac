#include "config.h"
#include "fake_tcb.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

void fake_init(struct fake *f, pid_t pid)
{
	memset(f, 0, sizeof(*f));
	mem_cache_drop(); /* the test rewrites its own memory between cases */
	f->fp = open_memstream(&f->buf, &f->len);
	assert_non_null(f->fp);
	f->tcb.out = outstream_new(f->fp);
	f->tcb.pid = pid;
}

const char *fake_text(struct fake *f)
{
	sink_flush(f->tcb.out);
	return f->buf;
}

void fake_done(struct fake *f)
{
	tcb_call_priv_drop(&f->tcb);
	sb_free(&f->tcb.aux);
	outstream_close(f->tcb.out);
	free(f->buf);
}

void set_args(struct tcb *t, unsigned long a0, unsigned long a1, unsigned long a2,
	      unsigned long a3, unsigned long a4, unsigned long a5)
{
	t->args[0] = a0; t->args[1] = a1; t->args[2] = a2;
	t->args[3] = a3; t->args[4] = a4; t->args[5] = a5;
}

void run(struct tcb *t, int (*dec)(struct tcb *), long rval, int err)
{
	mem_cache_drop(); /* as at each stop of a real tracee */
	t->exiting = false;
	if (dec(t) == DEC_DONE)
		return;
	mem_cache_drop(); /* the call ran */
	t->exiting = true;
	t->rval = rval;
	t->err = err;
	dec(t);
	tcb_call_priv_drop(t); /* as the tracer does when the call ends */
}

const char *fake_drive(struct fake *f, int (*d)(struct tcb *), long rval, int err,
		       unsigned long a0, unsigned long a1, unsigned long a2, unsigned long a3,
		       unsigned long a4, unsigned long a5)
{
	pid_t pid = f->tcb.pid;
	const struct arch_def *arch = f->tcb.arch;

	fake_done(f);
	fake_init(f, pid);
	f->tcb.arch = arch;
	set_args(&f->tcb, a0, a1, a2, a3, a4, a5);
	run(&f->tcb, d, err ? -1 : rval, err);
	return fake_text(f);
}

int fake_setup(void **state)
{
	(void)state;
	pcfg.max_strlen = 32;
	pcfg.verbose = false;
	pcfg.decode_fds = 0;
	pcfg.xflag = 0;
	pcfg.xlat_style = XLAT_ABBREV;
	return 0;
}
