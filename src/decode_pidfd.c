/* Calls on other processes: pidfd_open, pidfd_getfd, pidfd_send_signal,
 * process_madvise, process_mrelease, process_vm_readv/writev, kcmp, as
 * strace 6.1 prints them.  A descriptor of another process (pidfd_getfd's
 * target, kcmp's indexes) is shown with -y as that process sees it
 * (print_fd_pid()); a pidfd itself, with -yy, as "<pid:N>" (fdinfo.c). */
#include "config.h"
#include "decode_pidfd.h"

#include <inttypes.h>
#include <linux/kcmp.h>
#include <stdint.h>

#include "decode.h"
#include "decode_desc.h"
#include "decode_signal.h"
#include "fdinfo.h"
#include "gen/decoders.h"
#include "mem.h"
#include "pids.h"
#include "sink.h"

/* A flags word the kernel takes as unsigned int: "0", else hex. */
static void print_uint_hex(struct tcb *tcp, unsigned long v)
{
	print_hex(tcp, (unsigned)v);
}

static bool call_failed(const struct tcb *tcp)
{
	return tcp->err || tcp->rval < 0;
}

/* pidfd_open(pid, flags) */
int dec_pidfd_open(struct tcb *tcp)
{
	print_pid(tcp, (int)tcp->args[0], PT_TGID);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_pidfd_open_flags, (unsigned)tcp->args[1]);
	return DEC_DONE;
}

/* pidfd_getfd(pidfd, targetfd, flags): targetfd is the pidfd's process's */
int dec_pidfd_getfd(struct tcb *tcp)
{
	int pidfd = (int)tcp->args[0];
	int pid = pidfd >= 0 && pcfg.decode_fds ? fdinfo_pidfd_pid(tcp->pid, pidfd) : -1;

	print_fd(tcp, pidfd);
	tprint_arg_next(tcp);
	print_fd_pid(tcp, pid, (int)tcp->args[1]);
	tprint_arg_next(tcp);
	print_uint_hex(tcp, tcp->args[2]);
	return DEC_DONE;
}

/* pidfd_send_signal(pidfd, sig, info, flags) */
int dec_pidfd_send_signal(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_signo(tcp, (int)tcp->args[1]);
	tprint_arg_next(tcp);
	print_siginfo_at(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	print_uint_hex(tcp, tcp->args[3]);
	return DEC_DONE;
}

/* An iovec of another process, or one whose data is not shown:
 * iov_base as an address. */
static void print_iov_addr(struct tcb *tcp, unsigned long addr, unsigned long len, void *ctx)
{
	(void)len;
	(void)ctx;
	print_addr(tcp, addr);
}

/* process_madvise(pidfd, iovec, vlen, advice, flags) */
int dec_process_madvise(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_iovec_ex(tcp, tcp->args[1], tcp->args[2], -1, print_iov_addr, NULL);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	print_xval(tcp, &xlat_madvise_advice, (unsigned)tcp->args[3], "MADV_???");
	tprint_arg_next(tcp);
	print_uint_hex(tcp, tcp->args[4]);
	return DEC_DONE;
}

/* process_mrelease(pidfd, flags) */
int dec_process_mrelease(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_uint_hex(tcp, tcp->args[1]);
	return DEC_DONE;
}

/* process_vm_readv/writev(pid, local_iov, liovcnt, remote_iov, riovcnt,
 * flags): the local data is shown (read: at exit, as much as was read),
 * the remote iovecs as addresses. */
static int process_vm_common(struct tcb *tcp, bool reading)
{
	if (reading && !tcp->exiting)
		return DEC_MORE;
	print_pid(tcp, (int)tcp->args[0], PT_TGID);
	tprint_arg_next(tcp);
	if (reading && call_failed(tcp))
		print_iovec_ex(tcp, tcp->args[1], tcp->args[2], -1, print_iov_addr, NULL);
	else
		print_iovec(tcp, tcp->args[1], tcp->args[2], reading ? tcp->rval : -1);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	print_iovec_ex(tcp, tcp->args[3], tcp->args[4], -1, print_iov_addr, NULL);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[4]);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[5]);
	return DEC_DONE;
}

int dec_process_vm_readv(struct tcb *tcp) { return process_vm_common(tcp, true); }
int dec_process_vm_writev(struct tcb *tcp) { return process_vm_common(tcp, false); }

/* kcmp(pid1, pid2, type, idx1, idx2): the indexes are descriptors of
 * pid1 / pid2 for KCMP_FILE, idx2 a struct kcmp_epoll_slot of pid2's
 * descriptors for KCMP_EPOLL_TFD, nothing for the other known types. */
int dec_kcmp(struct tcb *tcp)
{
	int pid1 = (int)tcp->args[0], pid2 = (int)tcp->args[1];
	unsigned long type = tcp->args[2];
	struct kcmp_epoll_slot slot;
	/* the pids are the tracee's; its descriptors are read under ours */
	int our1 = pcfg.decode_fds ? pids_to_ours(tcp, pid1) : 0;
	int our2 = pcfg.decode_fds ? pids_to_ours(tcp, pid2) : 0;

	if (!our1)
		our1 = pid1;
	if (!our2)
		our2 = pid2;

	print_pid(tcp, pid1, PT_TGID);
	tprint_arg_next(tcp);
	print_pid(tcp, pid2, PT_TGID);
	tprint_arg_next(tcp);
	print_xval(tcp, &xlat_kcmp_types, (unsigned)type, "KCMP_???");
	switch (type) {
	case KCMP_FILE:
		tprint_arg_next(tcp);
		print_fd_pid(tcp, our1, (int)tcp->args[3]);
		tprint_arg_next(tcp);
		print_fd_pid(tcp, our2, (int)tcp->args[4]);
		break;
	case KCMP_EPOLL_TFD:
		tprint_arg_next(tcp);
		print_fd_pid(tcp, our1, (int)tcp->args[3]);
		tprint_arg_next(tcp);
		if (!fetch_or_print_addr(tcp, tcp->args[4], &slot, sizeof(slot)))
			break;
		tprints(tcp, "{efd=");
		print_fd_pid(tcp, our2, (int)slot.efd);
		tprints(tcp, ", tfd=");
		print_fd_pid(tcp, our2, (int)slot.tfd);
		tprintf(tcp, ", toff=%" PRIu32 "}", slot.toff);
		break;
	case KCMP_VM: case KCMP_FILES: case KCMP_FS: case KCMP_SIGHAND:
	case KCMP_IO: case KCMP_SYSVSEM:
		break;
	default:
		tprint_arg_next(tcp);
		print_hex(tcp, tcp->args[3]);
		tprint_arg_next(tcp);
		print_hex(tcp, tcp->args[4]);
		break;
	}
	return DEC_DONE;
}
