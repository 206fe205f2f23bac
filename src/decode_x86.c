/* x86 decoders of struct user_desc: modify_ldt, set_thread_area,
 * get_thread_area (syscalls of the x86 tables only).  The structure is the
 * same on every x86 ABI (four 32-bit words, the flags as bits of the
 * last), so it is spelled out here rather than taken from <asm/ldt.h>,
 * which other architectures' headers lack: these decoders are linked into
 * every build, the x86_64 syscall table being. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include "decode.h"
#include "gen/decoders.h"
#include "sink.h"
#include "tcb.h"

struct x86_user_desc {
	uint32_t entry_number;
	uint32_t base_addr;
	uint32_t limit;
	uint32_t flags; /* seg_32bit:1 contents:2 read_exec_only:1
			 * limit_in_pages:1 seg_not_present:1 useable:1 lm:1 */
};

static void print_entry_number(struct tcb *tcp, uint32_t n)
{
	if (n == UINT32_MAX)
		tprints(tcp, "{entry_number=-1");
	else
		tprintf(tcp, "{entry_number=%u", n);
}

/* The fields after entry_number, and the closing brace; lm only for a
 * 64-bit tracee. */
static void print_desc_rest(struct tcb *tcp, const struct x86_user_desc *d)
{
	uint32_t f = d->flags;

	tprintf(tcp, ", base_addr=%#08x, limit=%#08x, seg_32bit=%u, contents=%u"
		", read_exec_only=%u, limit_in_pages=%u, seg_not_present=%u, useable=%u",
		d->base_addr, d->limit, f & 1, (f >> 1) & 3, (f >> 3) & 1,
		(f >> 4) & 1, (f >> 5) & 1, (f >> 6) & 1);
	if (!tcp->arch || tcp->arch->wordsize == 8)
		tprintf(tcp, ", lm=%u", (f >> 7) & 1);
	tprints(tcp, "}");
}

static void print_user_desc(struct tcb *tcp, unsigned long addr)
{
	struct x86_user_desc d;

	if (!fetch_or_print_addr(tcp, addr, &d, sizeof(d)))
		return;
	print_entry_number(tcp, d.entry_number);
	print_desc_rest(tcp, &d);
}

/* modify_ldt(func, ptr, bytecount): the structure when bytecount is its
 * size.  The kernel returns an int zero-extended: an error shows as its
 * 32-bit value with the errno name. */
int dec_modify_ldt(struct tcb *tcp)
{
	print_dec(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	if (tcp->args[2] == sizeof(struct x86_user_desc))
		print_user_desc(tcp, tcp->args[1]);
	else
		print_addr(tcp, tcp->args[1]);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[2]);
	tcp->rval_int_err = true;
	return DEC_DONE;
}

/* set_thread_area(u_info): the kernel fills entry_number in when it was
 * -1: shown after the return value. */
int dec_set_thread_area(struct tcb *tcp)
{
	struct x86_user_desc d;

	if (!tcp->exiting) {
		print_user_desc(tcp, tcp->args[0]);
		return DEC_MORE;
	}
	if (!tcp->err && mem_read_struct(tcp, tcp->args[0], &d, sizeof(d)) == 0) {
		snprintf(tcp->auxbuf, sizeof(tcp->auxbuf), "entry_number=%u", d.entry_number);
		tcp->auxstr = tcp->auxbuf;
	}
	return DEC_DONE;
}

/* get_thread_area(u_info): entry_number is read from the caller, the rest
 * written by the kernel. */
int dec_get_thread_area(struct tcb *tcp)
{
	struct x86_user_desc d;
	uint32_t n;

	if (!tcp->exiting) {
		if (!fetch_or_print_addr(tcp, tcp->args[0], &n, sizeof(n)))
			return DEC_DONE;
		print_entry_number(tcp, n);
		return DEC_MORE;
	}
	if (tcp->err || mem_read_struct(tcp, tcp->args[0], &d, sizeof(d)) < 0)
		tprints(tcp, ", ...}");
	else
		print_desc_rest(tcp, &d);
	return DEC_DONE;
}
