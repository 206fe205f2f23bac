/* Scheduling decoders: sched_* (affinity, policy, param, attr). */
#include "config.h"
#include "decode_sched.h"

#include <stdio.h>

#include "decode.h"
#include "decode_time.h"
#include "gen/decoders.h"
#include "mem.h"
#include "pids.h"
#include "sink.h"
#include "strbuf.h"
#include "util.h"

size_t format_cpuset(char *buf, size_t size, const unsigned char *set, size_t setlen)
{
	struct strbuf sb;
	bool first = true;

	sb_init(&sb, buf, size);
	sb_puts(&sb, "[");
	for (size_t i = 0; i < setlen * 8; i++) {
		if (!(set[i / 8] >> (i % 8) & 1))
			continue;
		sb_printf(&sb, "%s%zu", first ? "" : " ", i);
		first = false;
	}
	sb_puts(&sb, "]");
	return sb_len(&sb);
}

/* ---- capabilities ---- */

static void print_cpuset(struct tcb *tcp, unsigned long addr, unsigned long n)
{
	_cleanup_free_ unsigned char *set = NULL;
	_cleanup_free_ char *buf = NULL;
	size_t bufsize;

	if (addr && n == 0) {
		tprints(tcp, "[]");
		return;
	}
	if (!addr || n > 1 << 16) {
		print_addr(tcp, addr);
		return;
	}
	set = xmalloc(n);
	if (mem_read_struct(tcp, addr, set, n) < 0) {
		print_addr(tcp, addr);
		return;
	}
	bufsize = n * 8 * 7 + 3;
	buf = xmalloc(bufsize);
	format_cpuset(buf, bufsize, set, n);
	tprints(tcp, buf);
}

int dec_sched_getaffinity(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_pid(tcp, (int)tcp->args[0], PT_TGID);
		tprint_arg_next(tcp);
		tprintf(tcp, "%u", (unsigned)tcp->args[1]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err || tcp->rval <= 0)
		print_addr(tcp, tcp->args[2]);
	else
		print_cpuset(tcp, tcp->args[2], (unsigned long)tcp->rval);
	return DEC_DONE;
}

int dec_sched_setaffinity(struct tcb *tcp)
{
	print_pid(tcp, (int)tcp->args[0], PT_TGID);
	tprint_arg_next(tcp);
	tprintf(tcp, "%u", (unsigned)tcp->args[1]);
	tprint_arg_next(tcp);
	print_cpuset(tcp, tcp->args[2], (unsigned)tcp->args[1]);
	return DEC_DONE;
}

int dec_sched_getscheduler(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_pid(tcp, (int)tcp->args[0], PT_TGID);
		return DEC_MORE;
	}
	if (!tcp->err)
		tcp->auxstr = xlat_lookup(&xlat_sched_policies, (uint64_t)tcp->rval & ~0x40000000ULL);
	return DEC_DONE;
}

static void print_sched_param(struct tcb *tcp, unsigned long addr)
{
	int32_t prio;

	if (!addr || mem_read_struct(tcp, addr, &prio, sizeof(prio)) < 0)
		print_addr(tcp, addr);
	else
		tprintf(tcp, "[%d]", prio);
}

int dec_sched_getparam(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_pid(tcp, (int)tcp->args[0], PT_TGID);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	print_out_arg(tcp, tcp->args[1], print_sched_param);
	return DEC_DONE;
}

int dec_sched_setparam(struct tcb *tcp)
{
	print_pid(tcp, (int)tcp->args[0], PT_TGID);
	tprint_arg_next(tcp);
	print_sched_param(tcp, tcp->args[1]);
	return DEC_DONE;
}

int dec_sched_setscheduler(struct tcb *tcp)
{
	print_pid(tcp, (int)tcp->args[0], PT_TGID);
	tprint_arg_next(tcp);
	print_xval(tcp, &xlat_sched_policies, (uint32_t)tcp->args[1], "SCHED_???");
	tprint_arg_next(tcp);
	print_sched_param(tcp, tcp->args[2]);
	return DEC_DONE;
}

/* sched_rr_get_interval(pid, &ts): the interval at exit */
int dec_sched_rr_get_interval(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_pid(tcp, (int)tcp->args[0], PT_TGID);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	print_out_arg(tcp, tcp->args[1], print_timespec);
	return DEC_DONE;
}

/* ---- sched_setattr, sched_getattr ---- */

struct k_sched_attr {
	uint32_t size;
	uint32_t sched_policy;
	uint64_t sched_flags;
	int32_t sched_nice;
	uint32_t sched_priority;
	uint64_t sched_runtime;
	uint64_t sched_deadline;
	uint64_t sched_period;
	uint32_t sched_util_min;
	uint32_t sched_util_max;
};

#define SCHED_ATTR_SIZE_VER0 48
#define SCHED_FLAG_KEEP_POLICY 0x08
#define SCHED_FLAG_KEEP_PARAMS 0x10

/* The struct at addr; size is how much of it the caller says is there
 * (0: the first version).  What the kept policy or parameters make
 * meaningless is left out, as strace does. */
static void print_sched_attr(struct tcb *tcp, unsigned long addr, uint32_t size)
{
	struct k_sched_attr a;
	size_t n;

	if (!size)
		size = SCHED_ATTR_SIZE_VER0;
	if (size < SCHED_ATTR_SIZE_VER0) {
		if (fetch_or_print_addr(tcp, addr, &a.size, sizeof(a.size)))
			tprintf(tcp, "{size=%u}", a.size);
		return;
	}
	n = size < sizeof(a) ? size : sizeof(a);
	memset(&a, 0, sizeof(a));
	if (!fetch_or_print_addr(tcp, addr, &a, n))
		return;
	tprintf(tcp, "{size=%u", a.size);
	if (!(a.sched_flags & (SCHED_FLAG_KEEP_POLICY | SCHED_FLAG_KEEP_PARAMS))) {
		tprints(tcp, ", sched_policy=");
		print_xval(tcp, &xlat_sched_policies, a.sched_policy, "SCHED_???");
	}
	tprints(tcp, ", sched_flags=");
	print_flags(tcp, &xlat_sched_attr_flags, a.sched_flags, "SCHED_FLAG_???");
	if (!(a.sched_flags & SCHED_FLAG_KEEP_PARAMS))
		tprintf(tcp, ", sched_nice=%d, sched_priority=%u, sched_runtime=%llu"
			", sched_deadline=%llu, sched_period=%llu", a.sched_nice,
			a.sched_priority, (unsigned long long)a.sched_runtime,
			(unsigned long long)a.sched_deadline, (unsigned long long)a.sched_period);
	if (n >= sizeof(a))
		tprintf(tcp, ", sched_util_min=%u, sched_util_max=%u", a.sched_util_min,
			a.sched_util_max);
	tprints(tcp, size > sizeof(a) ? ", ...}" : "}");
}

int dec_sched_setattr(struct tcb *tcp)
{
	uint32_t size;

	if (!tcp->exiting) {
		print_pid(tcp, (int)tcp->args[0], PT_TGID);
		tprint_arg_next(tcp);
		if (fetch_or_print_addr(tcp, tcp->args[1], &size, sizeof(size))) {
			print_sched_attr(tcp, tcp->args[1], size);
			return DEC_MORE;
		}
		tprint_arg_next(tcp);
		tprintf(tcp, "%u", (unsigned)tcp->args[2]);
		return DEC_DONE;
	}
	/* E2BIG: the kernel wrote back the size it supports */
	if (tcp->err == E2BIG && mem_read(tcp->pid, tcp->args[1], &size, sizeof(size)) == 0)
		tprintf(tcp, " => {size=%u}", size);
	tprint_arg_next(tcp);
	tprintf(tcp, "%u", (unsigned)tcp->args[2]);
	return DEC_DONE;
}

int dec_sched_getattr(struct tcb *tcp)
{
	uint32_t size;

	if (!tcp->exiting) {
		print_pid(tcp, (int)tcp->args[0], PT_TGID);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err || !fetch_or_print_addr(tcp, tcp->args[1], &size, sizeof(size))) {
		if (tcp->err)
			print_addr(tcp, tcp->args[1]);
	} else {
		print_sched_attr(tcp, tcp->args[1],
				 size < (uint32_t)tcp->args[2] ? size : (uint32_t)tcp->args[2]);
	}
	tprint_arg_next(tcp);
	tprintf(tcp, "%u", (unsigned)tcp->args[2]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%u", (unsigned)tcp->args[3]);
	return DEC_DONE;
}
