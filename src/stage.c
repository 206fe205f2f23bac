#include "config.h"
#include "stage.h"

#include <stdio.h>
#include <stdlib.h>

#include "filter.h"
#include "sink.h"
#include "util.h"

struct stage {
	struct tcb *tcp;
	struct mem_sink mem;
	struct stage *next;
};

struct stage *stage_list;
#define stages stage_list

static struct stage *find(const struct tcb *tcp, struct stage ***prevp)
{
	struct stage **pp;

	for (pp = &stages; *pp; pp = &(*pp)->next) {
		if ((*pp)->tcp == tcp) {
			if (prevp)
				*prevp = pp;
			return *pp;
		}
	}
	return NULL;
}

bool stage_active(const struct tcb *tcp)
{
	return find(tcp, NULL) != NULL;
}

void stage_begin_slow(struct tcb *tcp)
{
	struct stage *st;

	if (!filter_status_active() || stage_active(tcp))
		return;
	st = xcalloc(1, sizeof(*st));
	if (mem_sink_push(tcp, &st->mem) < 0) {
		free(st);
		return; /* out of memory: the line is printed unfiltered */
	}
	st->tcp = tcp;
	st->next = stages;
	stages = st;
}

void stage_end_slow(struct tcb *tcp, unsigned status)
{
	struct stage **pp = NULL;
	struct stage *st;

	if (!stages)
		return;
	if (!(st = find(tcp, &pp)))
		return;
	*pp = st->next;
	mem_sink_pop(tcp, &st->mem);
	if (filter_status_selected(status) && st->mem.len) {
		struct outstream *os = tcp->out;

		if (os->curline && os->curline != tcp) {
			/* another tracee's line is open on the real stream */
			sink_write(os, " <unfinished ...>\n", sizeof(" <unfinished ...>\n") - 1);
			os->curline->flags |= TCB_REPRINT;
			os->curline->curcol = 0;
			os->curline = NULL;
		}
		sink_write(os, st->mem.buf, st->mem.len);
		if (os->flush_lines)
			sink_flush(os);
	}
	free(st->mem.buf);
	free(st);
}
