/* Tracee table: an open hash on pid, so lookups at every stop are O(1). */
#include "config.h"
#include "tcb.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sink.h"
#include "util.h"

struct tcb *tcb_buckets[TCB_HASH_SIZE];
#define buckets tcb_buckets
unsigned tcb_ntcbs;
#define ntcbs tcb_ntcbs
unsigned tcb_nvisible;
#define nvisible tcb_nvisible

#define hash tcb_hash

struct tcb *tcb_new(pid_t pid, unsigned flags)
{
	struct tcb *tcp = xcalloc(1, sizeof(*tcp));
	unsigned h = hash(pid);

	tcp->pid = pid;
	tcp->flags = flags;
	tcp->sched_fd = -1;
	tcp->arch = arch_native;
	tcp->hnext = buckets[h];
	buckets[h] = tcp;
	ntcbs++;
	if (!(flags & TCB_SILENT))
		nvisible++;
	return tcp;
}


static void unlink_tcb(struct tcb *tcp)
{
	for (struct tcb **pp = &buckets[hash(tcp->pid)]; *pp; pp = &(*pp)->hnext) {
		if (*pp == tcp) {
			*pp = tcp->hnext;
			return;
		}
	}
}

void tcb_call_priv_drop_slow(struct tcb *tcp)
{
	if (tcp->call_priv && tcp->call_priv_free)
		tcp->call_priv_free(tcp->call_priv);
	tcp->call_priv = NULL;
	tcp->call_priv_free = NULL;
}

void tcb_set_call_priv(struct tcb *tcp, void *p, void (*free_fn)(void *))
{
	tcb_call_priv_drop(tcp);
	tcp->call_priv = p;
	tcp->call_priv_free = free_fn;
}

bool tcb_keep_call_copy(struct tcb *tcp, const void *data, size_t size)
{
	void *p = malloc(size);

	if (!p)
		return false;
	memcpy(p, data, size);
	tcb_set_call_priv(tcp, p, free);
	return true;
}

struct strbuf *tcb_aux(struct tcb *tcp)
{
	if (tcp->aux.heap)
		sb_reset(&tcp->aux);
	else
		sb_init_grow(&tcp->aux, tcp->auxbuf, sizeof(tcp->auxbuf));
	return &tcp->aux;
}

void tcb_aux_done(struct tcb *tcp)
{
	tcp->auxstr = sb_str(&tcp->aux);
}

void tcb_free(struct tcb *tcp)
{
	tcb_call_priv_drop(tcp);
	sb_free(&tcp->aux);
	unlink_tcb(tcp);
	ntcbs--;
	if (!(tcp->flags & TCB_SILENT))
		nvisible--;
	if (tcp->sched_fd >= 0)
		close(tcp->sched_fd);
	outstream_mem_free(tcp->json_os);
	free(tcp->root);
	free(tcp->inj_count);
	free(tcp);
}

void tcb_rename(struct tcb *tcp, pid_t newpid)
{
	unsigned h = hash(newpid);

	unlink_tcb(tcp);
	tcp->pid = newpid;
	tcp->hnext = buckets[h];
	buckets[h] = tcp;
}



void tcb_foreach(void (*fn)(struct tcb *tcp, void *data), void *data)
{
	for (unsigned i = 0; i < TCB_HASH_SIZE; i++) {
		struct tcb *t = buckets[i];
		while (t) {
			struct tcb *next = t->hnext;
			fn(t, data);
			t = next;
		}
	}
}
