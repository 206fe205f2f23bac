/* io_uring_setup and io_uring_enter (<linux/io_uring.h>) as strace 6.1
 * prints them. */
#include "config.h"
#include "decode_io_uring.h"

#include <inttypes.h>
#include <linux/io_uring.h>
#include <stdint.h>

#include "decode.h"
#include "decode_signal.h"
#include "gen/decoders.h"
#include "mem.h"
#include "print.h"

/* io_uring_setup(entries, params): what the caller asks at entry, what
 * the kernel filled in at the exit of a successful call */
int dec_io_uring_setup(struct tcb *tcp)
{
	unsigned long addr = tcp->args[1];
	struct io_uring_params p;

	if (!tcp->exiting) {
		print_udec(tcp, (unsigned)tcp->args[0]);
		tprint_arg_next(tcp);
		if (!fetch_or_print_addr(tcp, addr, &p, sizeof(p)))
			return DEC_DONE;
		tprints(tcp, "{flags=");
		print_flags_arg(tcp, &xlat_uring_setup_flags, p.flags);
		tprints(tcp, ", sq_thread_cpu=");
		print_hex(tcp, p.sq_thread_cpu);
		tprintf(tcp, ", sq_thread_idle=%u", p.sq_thread_idle);
		if (p.flags & IORING_SETUP_ATTACH_WQ) {
			tprints(tcp, ", wq_fd=");
			print_fd(tcp, (int)p.wq_fd);
		}
		if (p.resv[0] || p.resv[1] || p.resv[2])
			tprintf(tcp, ", resv=[%#x, %#x, %#x]", p.resv[0], p.resv[1], p.resv[2]);
		return DEC_MORE;
	}
	if (!tcp->err && tcp->rval >= 0 && mem_read(tcp->pid, addr, &p, sizeof(p)) >= 0) {
		tprintf(tcp, ", sq_entries=%u, cq_entries=%u, features=", p.sq_entries, p.cq_entries);
		print_flags_arg(tcp, &xlat_uring_setup_features, p.features);
		tprintf(tcp, ", sq_off={head=%u, tail=%u, ring_mask=%u, ring_entries=%u"
			", flags=%u, dropped=%u, array=%u}",
			p.sq_off.head, p.sq_off.tail, p.sq_off.ring_mask, p.sq_off.ring_entries,
			p.sq_off.flags, p.sq_off.dropped, p.sq_off.array);
		tprintf(tcp, ", cq_off={head=%u, tail=%u, ring_mask=%u, ring_entries=%u"
			", overflow=%u, cqes=%u, flags=%u}",
			p.cq_off.head, p.cq_off.tail, p.cq_off.ring_mask, p.cq_off.ring_entries,
			p.cq_off.overflow, p.cq_off.cqes, p.cq_off.flags);
	}
	tprints(tcp, "}");
	return DEC_DONE;
}

/* io_uring_enter(fd, to_submit, min_complete, flags, sig, sigsz): strace
 * 6.1 shows the fifth argument as a signal set whatever the flags */
int dec_io_uring_enter(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_udec(tcp, (unsigned)tcp->args[1]);
	tprint_arg_next(tcp);
	print_udec(tcp, (unsigned)tcp->args[2]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_uring_enter_flags, (unsigned)tcp->args[3]);
	tprint_arg_next(tcp);
	print_sigset(tcp, tcp->args[4], tcp->args[5]);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[5]);
	return DEC_DONE;
}
