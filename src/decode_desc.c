/* Desc family decoders: readv/writev and friends, pipe/pipe2, fcntl,
 * poll/ppoll, select/pselect6, epoll, sendfile/splice/copy_file_range. */
#include "config.h"
#include "decode_desc.h"

#include <fcntl.h>
#include <linux/aio_abi.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <termios.h>

#include "decode.h"
#include "decode_file.h"
#include "decode_process.h"
#include "decode_signal.h"
#include "decode_time.h"
#include "gen/decoders.h"
#include "mem.h"
#include "pids.h"
#include "sink.h"
#include "signals.h"
#include "strbuf.h"
#include "util.h"

#define MAX_ARRAY_BYTES (1u << 20)

/* ---- pure helpers ------------------------------------------------------- */

size_t format_sigmask(char *buf, size_t size, const unsigned char *set, size_t nbytes)
{
	unsigned nsig = (unsigned)(nbytes * 8 < 64 ? nbytes * 8 : 64);
	unsigned count = 0;
	bool invert;
	struct strbuf sb;

	for (unsigned i = 0; i < nsig; i++)
		count += (set[i / 8] >> (i % 8)) & 1;
	invert = nsig && count > nsig / 2;
	sb_init(&sb, buf, size);
	sb_printf(&sb, "%s[", invert ? "~" : "");
	for (unsigned i = 0, first = 1; i < nsig; i++) {
		bool in = (set[i / 8] >> (i % 8)) & 1;
		const char *name;

		if (in == invert)
			continue;
		name = signal_name((int)i + 1);
		if (name && pcfg.xlat_style == XLAT_ABBREV)
			sb_printf(&sb, "%s%s", first ? "" : " ", name + 3);
		else if (name && pcfg.xlat_style == XLAT_VERBOSE)
			sb_printf(&sb, "%s%u /* %s */", first ? "" : " ", i + 1, name + 3);
		else
			sb_printf(&sb, "%s%u", first ? "" : " ", i + 1);
		first = 0;
	}
	sb_puts(&sb, "]");
	return sb_len(&sb);
}

size_t format_fdset(char *buf, size_t size, const unsigned char *set, int nfds)
{
	struct strbuf sb;
	bool first = true;

	sb_init(&sb, buf, size);
	sb_puts(&sb, "[");
	for (int i = 0; i < nfds; i++) {
		if (!((set[i / 8] >> (i % 8)) & 1))
			continue;
		sb_printf(&sb, "%s%d", first ? "" : " ", i);
		first = false;
	}
	sb_puts(&sb, "]");
	return sb_len(&sb);
}

/* ---- iovec -------------------------------------------------------------- */

struct iovec64 { uint64_t base, len; };

struct iovec_print {
	long data_len;   /* the bytes left to show (-1: all) */
	iov_data_fn fn;  /* prints one element's data (NULL: a quoted string) */
	void *ctx;
};

/* {iov_base=..., iov_len=N} */
static void print_iovec_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct iovec64 *iov = elem;
	struct iovec_print *ip = data;
	unsigned long n = iov->len;

	(void)addr;
	tprints(tcp, "{iov_base=");
	if (ip->data_len >= 0) {
		n = iov->len < (uint64_t)ip->data_len ? iov->len : (unsigned long)ip->data_len;
		ip->data_len -= (long)n;
	}
	if (ip->fn)
		ip->fn(tcp, iov->base, n, ip->ctx);
	else
		print_buf(tcp, iov->base, n);
	tprintf(tcp, ", iov_len=%" PRIu64 "}", iov->len);
}

void print_iovec(struct tcb *tcp, unsigned long addr, unsigned long cnt, long data_len)
{
	print_iovec_ex(tcp, addr, cnt, data_len, NULL, NULL);
}

void print_iovec_ex(struct tcb *tcp, unsigned long addr, unsigned long cnt, long data_len,
		    iov_data_fn fn, void *ctx)
{
	struct iovec_print ip = { data_len, fn, ctx };
	struct iovec64 iov;

	if (!addr || cnt == 0 || cnt > 1024 ||
	    mem_read(tcp->pid, addr, &iov, sizeof(iov)) < 0) {
		if (cnt == 0 && addr) {
			tprints(tcp, "[]");
			return;
		}
		print_addr(tcp, addr);
		return;
	}
	print_array(tcp, addr, cnt, &iov, sizeof(iov), print_iovec_elem, &ip, PA_FAULT_ADDR);
}

/* ", cnt[, pos][, flags]" after the iovec of readv/writev and kin */
static void print_rw_tail(struct tcb *tcp, int with_off, int with_flags)
{
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[2]);
	if (with_off) {
		tprint_arg_next(tcp);
		tprintf(tcp, "%ld", (long)tcp->args[3]);
	}
	if (with_flags) {
		tprint_arg_next(tcp);
		print_flags(tcp, &xlat_rwf_flags, tcp->args[5], NULL);
	}
}

static void print_iov_base_addr(struct tcb *tcp, unsigned long addr, unsigned long len, void *ctx)
{
	(void)len;
	(void)ctx;
	print_addr(tcp, addr);
}

/* readv(fd, iov, cnt), preadv(fd, iov, cnt, pos_l, pos_h), preadv2(+flags) */
static int readv_common(struct tcb *tcp, int with_off, int with_flags)
{
	if (print_fd_at_entry(tcp))
		return DEC_MORE;
	/* a failed call filled nothing: the buffers as addresses */
	if (syscall_failed(tcp))
		print_iovec_ex(tcp, tcp->args[1], tcp->args[2], -1, print_iov_base_addr, NULL);
	else
		print_iovec(tcp, tcp->args[1], tcp->args[2], tcp->rval);
	print_rw_tail(tcp, with_off, with_flags);
	return DEC_DONE;
}

static int writev_common(struct tcb *tcp, int with_off, int with_flags)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_iovec(tcp, tcp->args[1], tcp->args[2], -1);
	print_rw_tail(tcp, with_off, with_flags);
	return DEC_DONE;
}

int dec_readv(struct tcb *tcp) { return readv_common(tcp, 0, 0); }
int dec_preadv(struct tcb *tcp) { return readv_common(tcp, 1, 0); }
int dec_preadv2(struct tcb *tcp) { return readv_common(tcp, 1, 1); }
int dec_writev(struct tcb *tcp) { return writev_common(tcp, 0, 0); }
int dec_pwritev(struct tcb *tcp) { return writev_common(tcp, 1, 0); }
int dec_pwritev2(struct tcb *tcp) { return writev_common(tcp, 1, 1); }

int dec_vmsplice(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_iovec(tcp, tcp->args[1], tcp->args[2], -1);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[2]);
	tprint_arg_next(tcp);
	print_flags(tcp, &xlat_splice_flags, tcp->args[3], NULL);
	return DEC_DONE;
}

int dec_lseek(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%ld", (long)tcp->args[1]);
	tprint_arg_next(tcp);
	print_xval(tcp, &xlat_lseek_whence, (unsigned)tcp->args[2], "SEEK_???");
	return DEC_DONE;
}

/* ---- pipe --------------------------------------------------------------- */

static void print_fd_pair(struct tcb *tcp, unsigned long addr)
{
	int fds[2];

	if (syscall_failed(tcp) || !addr || mem_read_struct(tcp, addr, fds, sizeof(fds)) < 0) {
		print_addr(tcp, addr);
		return;
	}
	tprints(tcp, "[");
	print_fd(tcp, fds[0]);
	tprints(tcp, ", ");
	print_fd(tcp, fds[1]);
	tprints(tcp, "]");
}

int dec_pipe(struct tcb *tcp)
{
	if (!tcp->exiting)
		return DEC_MORE;
	print_fd_pair(tcp, tcp->args[0]);
	return DEC_DONE;
}

int dec_pipe2(struct tcb *tcp)
{
	if (!tcp->exiting)
		return DEC_MORE;
	print_fd_pair(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_open_flags, (uint32_t)tcp->args[1]);  /* strace names any O_ bit */
	return DEC_DONE;
}

/* ---- fcntl -------------------------------------------------------------- */

static void print_flock(struct tcb *tcp, unsigned long addr, bool with_pid)
{
	struct flock fl;

	if (!fetch_or_print_addr(tcp, addr, &fl, sizeof(fl)))
		return;
	tprints(tcp, "{l_type=");
	print_xval(tcp, &xlat_fcntl_lock_types, (unsigned short)fl.l_type, NULL);
	tprints(tcp, ", l_whence=");
	print_xval(tcp, &xlat_lseek_whence, (unsigned short)fl.l_whence, NULL);
	tprintf(tcp, ", l_start=%lld, l_len=%lld", (long long)fl.l_start, (long long)fl.l_len);
	if (with_pid)
		tprintf(tcp, ", l_pid=%d", (int)fl.l_pid);
	tprints(tcp, "}");
}

static void set_flags_aux(struct tcb *tcp, const char *what, const struct xlat *x, unsigned long v,
			  bool open_flags)
{
	char buf[512], raw[32], styled[1200];

	tcp->rval_hex = true;
	if (open_flags) {
		/* strace prints F_GETFL's flags as names even under -X */
		format_open_flags(styled, sizeof(styled), v);
	} else {
		format_flags(buf, sizeof(buf), x, v, NULL);
		snprintf(raw, sizeof(raw), v ? "%#lx" : "0", v);
		format_styled(styled, sizeof(styled), raw, buf);
	}
	sb_printf(tcb_aux(tcp), "%s %s", what, styled);
	tcb_aux_done(tcp);
}

/* struct f_owner_ex { int type; pid_t pid; } */
static void print_owner_ex(struct tcb *tcp, unsigned long addr)
{
	int v[2];

	if (!fetch_or_print_addr(tcp, addr, v, sizeof(v)))
		return;
	tprints(tcp, "{type=");
	print_xval(tcp, &xlat_f_owner_types, (unsigned)v[0], "F_OWNER_???");
	tprints(tcp, ", pid=");
	/* F_OWNER_TID 0, F_OWNER_PID 1, F_OWNER_PGRP 2 */
	if (v[0] >= 0 && v[0] <= 2)
		print_pid(tcp, v[1], v[0] == 0 ? PT_TID : v[0] == 1 ? PT_TGID : PT_PGID);
	else
		print_dec(tcp, v[1]);
	tprints(tcp, "}");
}

/* The return value of fcntl depends on the command. */
static void fcntl_rval(struct tcb *tcp)
{
	unsigned cmd = (unsigned)tcp->args[1];

	if (syscall_failed(tcp))
		return;
	switch (cmd) {
	case F_DUPFD: case F_DUPFD_CLOEXEC:
		tcp->rval_fd = true;
		break;
	case F_GETFD:
		if (tcp->rval)
			set_flags_aux(tcp, "flags", &xlat_fd_flags, (unsigned long)tcp->rval, false);
		break;
	case F_GETFL:
		set_flags_aux(tcp, "flags", NULL, (unsigned long)tcp->rval, true);
		break;
	case F_GET_SEALS:
		if (tcp->rval)
			set_flags_aux(tcp, "seals", &xlat_fcntl_seals, (unsigned long)tcp->rval, false);
		break;
	case F_GETLEASE: {
		const char *name = xlat_lookup(&xlat_fcntl_lock_types, (unsigned long)tcp->rval);

		tcp->rval_hex = true;
		if (name)
			tcp->auxstr = name;
		break;
	}
	case F_GETSIG: {
		const char *name = tcp->rval ? signal_name((int)tcp->rval) : NULL;

		if (name)
			tcp->auxstr = name;
		break;
	}
	default:
		break;
	}
}

int dec_fcntl(struct tcb *tcp)
{
	unsigned cmd = (unsigned)tcp->args[1];
	unsigned long arg = tcp->args[2];

	if (!tcp->exiting) {
		print_fd(tcp, (int)tcp->args[0]);
		tprint_arg_next(tcp);
		print_xval(tcp, &xlat_fcntl_cmds, cmd, "F_???");
		switch (cmd) {
		case F_GETFD: case F_GETFL: case F_GET_SEALS: case F_GETSIG: case F_GETLEASE:
			return DEC_MORE;   /* the return value is decorated */
		case F_GETOWN: /* a process (> 0) or a process group */
			tcp->rval_pid = RV_TGID;
			return DEC_DONE;
		case F_GETPIPE_SZ:
			return DEC_DONE;
		case F_GETLK: case F_OFD_GETLK: case F_GETOWN_EX:
			tprint_arg_next(tcp);
			return DEC_MORE;
		case F_SETOWN_EX:
			tprint_arg_next(tcp);
			print_owner_ex(tcp, arg);
			return DEC_DONE;
		case F_NOTIFY:
			tprint_arg_next(tcp);
			print_flags(tcp, &xlat_dnotify_flags, arg, NULL);
			return DEC_DONE;
		case F_DUPFD: case F_DUPFD_CLOEXEC:
			tprint_arg_next(tcp);
			tprintf(tcp, "%d", (int)arg);
			return DEC_MORE;   /* the return value is a fd */
		case F_SETOWN:
			tprint_arg_next(tcp);
			print_pid_tgid_pgid(tcp, (int)arg);
			return DEC_DONE;
		case F_SETPIPE_SZ:
			tprint_arg_next(tcp);
			tprintf(tcp, "%d", (int)arg);
			return DEC_DONE;
		case F_SETFD:
			tprint_arg_next(tcp);
			print_flags(tcp, &xlat_fd_flags, arg, NULL);
			return DEC_DONE;
		case F_SETFL:
			tprint_arg_next(tcp);
			print_open_flags(tcp, arg);
			return DEC_DONE;
		case F_SETLK: case F_SETLKW: case F_OFD_SETLK: case F_OFD_SETLKW:
			tprint_arg_next(tcp);
			print_flock(tcp, arg, false);
			return DEC_DONE;
		case F_SETSIG:
			tprint_arg_next(tcp);
			print_signo(tcp, (int)arg);
			return DEC_DONE;
		case F_SETLEASE:
			tprint_arg_next(tcp);
			print_xval(tcp, &xlat_fcntl_lock_types, arg, NULL);
			return DEC_DONE;
		case F_ADD_SEALS:
			tprint_arg_next(tcp);
			print_flags(tcp, &xlat_fcntl_seals, arg, NULL);
			return DEC_DONE;
		default:
			tprint_arg_next(tcp);
			print_hex(tcp, arg);
			return DEC_DONE;
		}
	}
	/* exit: F_GETLK's struct, or decorate the return value */
	switch (cmd) {
	case F_GETLK: case F_OFD_GETLK:
		if (syscall_failed(tcp))
			print_addr(tcp, arg);
		else
			print_flock(tcp, arg, true);
		break;
	case F_GETOWN_EX:
		if (syscall_failed(tcp))
			print_addr(tcp, arg);
		else
			print_owner_ex(tcp, arg);
		break;
	default:
		break;
	}
	fcntl_rval(tcp);
	return DEC_DONE;
}

/* ---- poll --------------------------------------------------------------- */

/* {fd=3, events=POLLIN} */
static void print_pollfd_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct pollfd *pfd = elem;

	(void)addr;
	(void)data;
	tprints(tcp, "{fd=");
	print_fd(tcp, pfd->fd);
	if (pfd->fd < 0) {	/* ignored by the kernel: no events, as strace */
		tprints(tcp, "}");
		return;
	}
	tprints(tcp, ", events=");
	print_flags(tcp, &xlat_poll_events, (unsigned short)pfd->events, NULL);
	tprints(tcp, "}");
}

static void print_pollfds(struct tcb *tcp, unsigned long addr, unsigned long n)
{
	struct pollfd pfd;

	if (!addr || n > MAX_ARRAY_BYTES / sizeof(pfd) ||
	    (n && mem_read_struct(tcp, addr, &pfd, sizeof(pfd)) < 0)) {
		print_addr(tcp, addr);
		return;
	}
	print_array(tcp, addr, n, &pfd, sizeof(pfd), print_pollfd_elem, NULL,
		    PA_FAULT_ADDR | (pcfg.verbose ? PA_NO_LIMIT : 0));
}

/* "[{fd=8, revents=POLLIN}]" into a */
static void aux_revents(struct tcb *tcp, struct strbuf *a, unsigned long addr, unsigned long n)
{
	struct pollfd pfd;
	bool first = true;
	unsigned printed = 0;
	char buf[256], raw[16], styled[300];

	sb_puts(a, "[");
	for (unsigned long i = 0; i < n && i < MAX_ARRAY_BYTES / sizeof(pfd); i++) {
		if (mem_read(tcp->pid, addr + i * sizeof(pfd), &pfd, sizeof(pfd)) < 0)
			break;
		if (!pfd.revents)
			continue;
		if (printed++ >= pcfg.max_strlen && !pcfg.verbose) {
			sb_puts(a, first ? "..." : ", ...");
			break;
		}
		format_flags(buf, sizeof(buf), &xlat_poll_events, (unsigned short)pfd.revents, NULL);
		snprintf(raw, sizeof(raw), "%#x", (unsigned short)pfd.revents);
		format_styled(styled, sizeof(styled), raw, buf);
		sb_printf(a, "%s{fd=%d, revents=%s}", first ? "" : ", ", pfd.fd, styled);
		first = false;
	}
	sb_puts(a, "]");
}

static bool read_ts(struct tcb *tcp, unsigned long addr, long long *sec, long long *frac)
{
	int64_t v[2];

	if (!addr || mem_read(tcp->pid, addr, v, sizeof(v)) < 0)
		return false;
	*sec = v[0];
	*frac = v[1];
	return true;
}

/* timespec (nsec true) or timeval at addr */
static void print_time_ptr(struct tcb *tcp, unsigned long addr, bool nsec)
{
	long long s, f;

	if (!read_ts(tcp, addr, &s, &f)) {
		print_addr(tcp, addr);
		return;
	}
	tprintf(tcp, "{tv_sec=%lld, %s=%llu}", s, nsec ? "tv_nsec" : "tv_usec", (unsigned long long)f);
}

static void aux_left(struct tcb *tcp, struct strbuf *a, unsigned long addr, bool nsec, bool comma)
{
	long long s, f;

	if (!read_ts(tcp, addr, &s, &f))
		return;
	sb_printf(a, "%sleft {tv_sec=%lld, %s=%llu}", comma ? ", " : "", s,
		nsec ? "tv_nsec" : "tv_usec", (unsigned long long)f);
}

static void print_sigset_at(struct tcb *tcp, unsigned long addr, unsigned long size)
{
	unsigned char set[8] = { 0 };
	char buf[512];

	if (!addr || size == 0 || size > sizeof(set) ||
	    mem_read_struct(tcp, addr, set, size) < 0) {
		print_addr(tcp, addr);
		return;
	}
	format_sigmask(buf, sizeof(buf), set, size);
	tprints(tcp, buf);
}

/* poll and ppoll: "[{fd=3, events=POLLIN}], 1, " */
static void print_poll_head(struct tcb *tcp)
{
	print_pollfds(tcp, tcp->args[0], (unsigned)tcp->args[1]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%u", (unsigned)tcp->args[1]);
	tprint_arg_next(tcp);
}

int dec_poll(struct tcb *tcp)
{
	struct strbuf *a;

	if (!tcp->exiting) {
		print_poll_head(tcp);
		tprintf(tcp, "%d", (int)tcp->args[2]);
		return DEC_MORE;
	}
	if (syscall_failed(tcp))
		return DEC_DONE;
	if (tcp->rval == 0) {
		tcp->auxstr = "Timeout";
		return DEC_DONE;
	}
	a = tcb_aux(tcp);
	aux_revents(tcp, a, tcp->args[0], (unsigned)tcp->args[1]);
	tcb_aux_done(tcp);
	return DEC_DONE;
}

int dec_ppoll(struct tcb *tcp)
{
	struct strbuf *a;

	if (!tcp->exiting) {
		print_poll_head(tcp);
		print_time_ptr(tcp, tcp->args[2], true);
		tprint_arg_next(tcp);
		print_sigset_at(tcp, tcp->args[3], tcp->args[4]);
		tprint_arg_next(tcp);
		tprintf(tcp, "%lu", tcp->args[4]);
		return DEC_MORE;
	}
	if (syscall_failed(tcp))
		return DEC_DONE;
	a = tcb_aux(tcp);
	if (tcp->rval == 0)
		sb_puts(a, "Timeout");
	else
		aux_revents(tcp, a, tcp->args[0], (unsigned)tcp->args[1]);
	if (tcp->args[2] && tcp->rval)
		aux_left(tcp, a, tcp->args[2], true, true);
	tcb_aux_done(tcp);
	return DEC_DONE;
}

/* ---- select ------------------------------------------------------------- */

static size_t fdset_bytes(int nfds)
{
	size_t bits = sizeof(long) * 8;

	return (((size_t)nfds + bits - 1) / bits) * sizeof(long);
}

static void print_fdset_at(struct tcb *tcp, unsigned long addr, int nfds)
{
	_cleanup_free_ unsigned char *set = NULL;
	size_t n;
	bool first = true;

	if (!addr || nfds < 0) {
		print_addr(tcp, addr);
		return;
	}
	if (nfds > 1 << 20)	/* strace reads at most 2^20 bits */
		nfds = 1 << 20;
	n = fdset_bytes(nfds);
	set = xcalloc(1, n ? n : 1);
	if (n && mem_read_struct(tcp, addr, set, n) < 0) {
		print_addr(tcp, addr);
		return;
	}
	tprints(tcp, "[");
	for (int i = 0; i < nfds; i++) {
		if (!((set[i / 8] >> (i % 8)) & 1))
			continue;
		if (!first)
			tprints(tcp, " ");
		print_fd(tcp, i);
		first = false;
	}
	tprints(tcp, "]");
}

static void aux_fdset(struct tcb *tcp, struct strbuf *a, const char *name, unsigned long addr,
		      int nfds, bool *first)
{
	_cleanup_free_ unsigned char *set = NULL;
	_cleanup_free_ char *buf = NULL;
	size_t n, blen;

	if (!addr || nfds <= 0)
		return;
	if (nfds > 1 << 20)
		nfds = 1 << 20;
	n = fdset_bytes(nfds);
	set = xcalloc(1, n);
	if (mem_read(tcp->pid, addr, set, n) < 0)
		return;
	for (size_t i = 0; i < n; i++) {
		if (set[i])
			goto nonempty;
	}
	return;
nonempty:
	blen = (size_t)nfds * 8 + 3;
	buf = xmalloc(blen);
	format_fdset(buf, blen, set, nfds);
	sb_printf(a, "%s%s %s", *first ? "" : ", ", name, buf);
	*first = false;
}

static int select_common(struct tcb *tcp, bool pselect)
{
	int nfds = (int)tcp->args[0];
	struct strbuf *a;
	bool first = true;

	if (!tcp->exiting) {
		tprintf(tcp, "%d", nfds);
		for (int i = 1; i <= 3; i++) {
			tprint_arg_next(tcp);
			print_fdset_at(tcp, tcp->args[i], nfds);
		}
		tprint_arg_next(tcp);
		print_time_ptr(tcp, tcp->args[4], pselect);
		if (pselect) {
			uint64_t ss[2];

			tprint_arg_next(tcp);
			if (!tcp->args[5] || mem_read_struct(tcp, tcp->args[5], ss, sizeof(ss)) < 0) {
				print_addr(tcp, tcp->args[5]);
			} else {
				tprints(tcp, "{sigmask=");
				print_sigset_at(tcp, ss[0], ss[1]);
				tprintf(tcp, ", sigsetsize=%" PRIu64 "}", ss[1]);
			}
		}
		return DEC_MORE;
	}
	if (syscall_failed(tcp))
		return DEC_DONE;
	a = tcb_aux(tcp);
	if (tcp->rval == 0) {
		sb_puts(a, "Timeout");
		first = false;
	} else {
		aux_fdset(tcp, a, "in", tcp->args[1], nfds, &first);
		aux_fdset(tcp, a, "out", tcp->args[2], nfds, &first);
		aux_fdset(tcp, a, "except", tcp->args[3], nfds, &first);
	}
	if (tcp->args[4] && tcp->rval)
		aux_left(tcp, a, tcp->args[4], pselect, !first);
	tcb_aux_done(tcp);
	return DEC_DONE;
}

int dec_select(struct tcb *tcp) { return select_common(tcp, false); }
int dec_pselect6(struct tcb *tcp) { return select_common(tcp, true); }

/* ---- epoll -------------------------------------------------------------- */

static void print_epoll_event(struct tcb *tcp, const struct epoll_event *ev)
{
	tprints(tcp, "{events=");
	print_flags(tcp, &xlat_epoll_events, ev->events, NULL);
	tprintf(tcp, ", data={u32=%" PRIu32 ", u64=%" PRIu64 "}}",
		(uint32_t)ev->data.u64, (uint64_t)ev->data.u64);
}

static void print_epoll_event_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	(void)addr;
	(void)data;
	print_epoll_event(tcp, elem);
}

int dec_epoll_ctl(struct tcb *tcp)
{
	struct epoll_event ev;

	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_xval(tcp, &xlat_epoll_ctl_ops, (unsigned)tcp->args[1], "EPOLL_CTL_???");
	tprint_arg_next(tcp);
	print_fd(tcp, (int)tcp->args[2]);
	tprint_arg_next(tcp);
	/* EPOLL_CTL_DEL ignores the event: its pointer only */
	if (!tcp->args[3] || (unsigned)tcp->args[1] == EPOLL_CTL_DEL ||
	    mem_read_struct(tcp, tcp->args[3], &ev, sizeof(ev)) < 0)
		print_addr(tcp, tcp->args[3]);
	else
		print_epoll_event(tcp, &ev);
	return DEC_DONE;
}

static void print_epoll_events_out(struct tcb *tcp)
{
	unsigned long addr = tcp->args[1];
	struct epoll_event ev;

	if (syscall_failed(tcp) || !addr) {
		print_addr(tcp, addr);
		return;
	}
	if (tcp->rval && mem_read_struct(tcp, addr, &ev, sizeof(ev)) < 0) {
		print_addr(tcp, addr);
		return;
	}
	print_array(tcp, addr, (unsigned long)tcp->rval, &ev, sizeof(ev), print_epoll_event_elem, NULL, 0);
}

/* epoll_wait(fd, events, max, timeout), epoll_pwait(+sigmask, size),
 * epoll_pwait2(fd, events, max, timespec*, sigmask, size) */
static int epoll_wait_common(struct tcb *tcp, int kind)
{
	if (print_fd_at_entry(tcp))
		return DEC_MORE;
	print_epoll_events_out(tcp);
	tprint_arg_next(tcp);
	tprintf(tcp, "%d", (int)tcp->args[2]);
	tprint_arg_next(tcp);
	/* read at exit: the addresses when the call failed, as strace */
	if (kind == 2 && syscall_failed(tcp))
		print_addr(tcp, tcp->args[3]);
	else if (kind == 2)
		print_time_ptr(tcp, tcp->args[3], true);
	else
		tprintf(tcp, "%d", (int)tcp->args[3]);
	if (kind) {
		tprint_arg_next(tcp);
		if (syscall_failed(tcp))
			print_addr(tcp, tcp->args[4]);
		else
			print_sigset_at(tcp, tcp->args[4], tcp->args[5]);
		tprint_arg_next(tcp);
		tprintf(tcp, "%lu", tcp->args[5]);
	}
	return DEC_DONE;
}

int dec_epoll_wait(struct tcb *tcp) { return epoll_wait_common(tcp, 0); }
int dec_epoll_pwait(struct tcb *tcp) { return epoll_wait_common(tcp, 1); }
int dec_epoll_pwait2(struct tcb *tcp) { return epoll_wait_common(tcp, 2); }

/* ---- sendfile, splice, copy_file_range ---------------------------------- */

static void print_off_ref(struct tcb *tcp, unsigned long addr)
{
	int64_t v;

	if (!fetch_or_print_addr(tcp, addr, &v, sizeof(v)))
		return;
	tprintf(tcp, "[%" PRId64 "]", v);
}

int dec_sendfile(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_fd(tcp, (int)tcp->args[0]);
		tprint_arg_next(tcp);
		print_fd(tcp, (int)tcp->args[1]);
		tprint_arg_next(tcp);
		print_u64_ref(tcp, tcp->args[2]); /* unsigned, as strace */
		return DEC_MORE;
	}
	/* the new offset only when bytes were sent, as strace */
	if (!syscall_failed(tcp) && tcp->rval > 0 && tcp->args[2]) {
		tprints(tcp, " => ");
		print_u64_ref(tcp, tcp->args[2]); /* unsigned, as strace */
	}
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[3]);
	return DEC_DONE;
}

/* "fd_in, off_in, fd_out, off_out" of splice and copy_file_range */
static void print_fd_off_pairs(struct tcb *tcp)
{
	for (unsigned i = 0; i < 4; i += 2) {
		if (i)
			tprint_arg_next(tcp);
		print_fd(tcp, (int)tcp->args[i]);
		tprint_arg_next(tcp);
		print_off_ref(tcp, tcp->args[i + 1]);
	}
}

int dec_splice(struct tcb *tcp)
{
	print_fd_off_pairs(tcp);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[4]);
	tprint_arg_next(tcp);
	print_flags(tcp, &xlat_splice_flags, tcp->args[5], NULL);
	return DEC_DONE;
}

int dec_copy_file_range(struct tcb *tcp)
{
	print_fd_off_pairs(tcp);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[4]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%u", (unsigned)tcp->args[5]);
	return DEC_DONE;
}

/* ---- fanotify ----------------------------------------------------------- */

enum { FAN_CLASS_BITS = 0xc, FAN_NOFD_VAL = -1 };

/* fanotify_init(flags, event_f_flags): the class first, then the flags */
int dec_fanotify_init(struct tcb *tcp)
{
	uint32_t flags = (uint32_t)tcp->args[0];
	uint32_t rest = flags & ~(uint32_t)FAN_CLASS_BITS;

	print_xval(tcp, &xlat_fan_classes, flags & FAN_CLASS_BITS, "FAN_CLASS_???");
	if (rest) {
		tprints(tcp, "|");
		print_flags(tcp, &xlat_fan_init_flags, rest, "FAN_???");
	}
	tprint_arg_next(tcp);
	print_open_flags(tcp, (uint32_t)tcp->args[1]);
	return DEC_DONE;
}

/* fanotify_mark(fd, flags, mask, dirfd, path); 64-bit ABIs pass the mask
 * in one register */
int dec_fanotify_mark(struct tcb *tcp)
{
	int dirfd = (int)tcp->args[3];

	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_flags(tcp, &xlat_fan_mark_flags, (uint32_t)tcp->args[1], "FAN_MARK_???");
	tprint_arg_next(tcp);
	print_flags(tcp, &xlat_fan_event_flags, (uint64_t)tcp->args[2], "FAN_???");
	tprint_arg_next(tcp);
	if (dirfd == FAN_NOFD_VAL)
		print_styled_text(tcp, "-1", "FAN_NOFD");
	else
		print_dirfd(tcp, dirfd);
	tprint_arg_next(tcp);
	print_path(tcp, tcp->args[4]);
	return DEC_DONE;
}

/* ---- Linux AIO: io_setup, io_submit, io_getevents, io_cancel ---------- */


struct k_io_event {
	uint64_t data, obj;
	int64_t res, res2;
};

enum { IOCB_PREAD, IOCB_PWRITE, IOCB_PREADV = 7, IOCB_PWRITEV = 8, IOCB_FL_RESFD = 1, IOCB_FL_IOPRIO = 2 };

/* The fields every iocb has; false when the opcode is unknown */
static bool print_iocb_header(struct tcb *tcp, const struct iocb *cb)
{
	const char *op = xlat_lookup(&xlat_aio_cmds, cb->aio_lio_opcode);

	tprintf(tcp, cb->aio_data ? "aio_data=%#llx" : "aio_data=0", (unsigned long long)cb->aio_data);
	if (cb->aio_key)
		tprintf(tcp, ", aio_key=%u", cb->aio_key);
	if (cb->aio_rw_flags) {
		tprints(tcp, ", aio_rw_flags=");
		print_flags(tcp, &xlat_rwf_flags, (uint32_t)cb->aio_rw_flags, "RWF_???");
	}
	tprints(tcp, ", aio_lio_opcode=");
	if (op)
		print_xval(tcp, &xlat_aio_cmds, cb->aio_lio_opcode, NULL);
	else
		tprintf(tcp, "%u /* IOCB_CMD_??? */", cb->aio_lio_opcode);
	if (cb->aio_reqprio) {
		char buf[128];

		tprints(tcp, ", aio_reqprio=");
		if (cb->aio_flags & IOCB_FL_IOPRIO) {
			format_ioprio(buf, sizeof(buf), (uint16_t)cb->aio_reqprio);
			tprints(tcp, buf);
		} else {
			tprintf(tcp, "%d", cb->aio_reqprio);
		}
	}
	tprints(tcp, ", aio_fildes=");
	print_fd(tcp, (int)cb->aio_fildes);
	return op != NULL;
}

static void print_iocb(struct tcb *tcp, const struct iocb *cb)
{
	tprints(tcp, "{");
	if (!print_iocb_header(tcp, cb)) {
		tprints(tcp, "}");
		return;
	}
	switch (cb->aio_lio_opcode) {
	case IOCB_PREAD: case IOCB_PWRITE:
		tprints(tcp, ", aio_buf=");
		if (cb->aio_lio_opcode == IOCB_PWRITE)
			print_buf(tcp, cb->aio_buf, cb->aio_nbytes);
		else
			print_addr(tcp, cb->aio_buf);
		tprintf(tcp, ", aio_nbytes=%llu, aio_offset=%lld", (unsigned long long)cb->aio_nbytes,
			(long long)cb->aio_offset);
		break;
	case IOCB_PREADV: case IOCB_PWRITEV:
		tprints(tcp, ", aio_buf=");
		if ((int64_t)cb->aio_nbytes < 0)    /* no vector the kernel would take */
			tprintf(tcp, "%#llx, aio_nbytes=%llu", (unsigned long long)cb->aio_buf,
				(unsigned long long)cb->aio_nbytes);
		else if (cb->aio_lio_opcode == IOCB_PWRITEV)
			print_iovec(tcp, cb->aio_buf, cb->aio_nbytes, -1);
		else    /* nothing read yet: the buffers' addresses */
			print_iovec_ex(tcp, cb->aio_buf, cb->aio_nbytes, -1, print_iov_base_addr, NULL);
		tprintf(tcp, ", aio_offset=%lld", (long long)cb->aio_offset);
		break;
	}
	if (cb->aio_flags) {
		tprints(tcp, ", aio_flags=");
		print_flags(tcp, &xlat_aio_iocb_flags, cb->aio_flags, "IOCB_FLAG_???");
	}
	if (cb->aio_flags & IOCB_FL_RESFD) {
		tprints(tcp, ", aio_resfd=");
		print_fd(tcp, (int)cb->aio_resfd);
	}
	tprints(tcp, "}");
}

/* an element of io_submit's array: a pointer to an iocb */
static void print_iocbp_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	uint64_t p = *(uint64_t *)elem;
	struct iocb cb;

	(void)addr;
	(void)data;
	if (!p) {
		tprints(tcp, "NULL");
		return;
	}
	if (mem_read(tcp->pid, p, &cb, sizeof(cb)) < 0) {
		print_hex(tcp, p);
		return;
	}
	print_iocb(tcp, &cb);
}

int dec_io_setup(struct tcb *tcp)
{
	uint64_t ctx;

	if (!tcp->exiting) {
		tprintf(tcp, "%u", (uint32_t)tcp->args[0]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (syscall_failed(tcp) || mem_read_struct(tcp, tcp->args[1], &ctx, sizeof(ctx)) < 0)
		print_addr(tcp, tcp->args[1]);
	else
		tprintf(tcp, ctx ? "[%#llx]" : "[0]", (unsigned long long)ctx);
	return DEC_DONE;
}

int dec_io_submit(struct tcb *tcp)
{
	long n = (long)tcp->args[1];
	uint64_t p;

	print_hex(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%ld", n);
	tprint_arg_next(tcp);
	if (n <= 0) {
		print_addr(tcp, tcp->args[2]);
		return DEC_DONE;
	}
	if (!fetch_or_print_addr(tcp, tcp->args[2], &p, sizeof(p)))
		return DEC_DONE;
	print_array(tcp, tcp->args[2], (unsigned long)n, &p, sizeof(p), print_iocbp_elem, NULL,
		    PA_FAULT_ADDR);
	return DEC_DONE;
}

static void print_io_event_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct k_io_event *e = elem;

	(void)addr;
	(void)data;
	tprintf(tcp, e->data ? "{data=%#llx, obj=" : "{data=0, obj=", (unsigned long long)e->data);
	print_addr(tcp, e->obj);
	tprintf(tcp, ", res=%lld, res2=%lld}", (long long)e->res, (long long)e->res2);
}

static void print_io_events(struct tcb *tcp, unsigned long addr, unsigned long n)
{
	struct k_io_event e;

	if (syscall_failed(tcp) || !n) {
		if (!syscall_failed(tcp) && addr)
			tprints(tcp, "[]");
		else
			print_addr(tcp, addr);
		return;
	}
	if (!fetch_or_print_addr(tcp, addr, &e, sizeof(e)))
		return;
	print_array(tcp, addr, n, &e, sizeof(e), print_io_event_elem, NULL, PA_FAULT_ADDR);
}

/* io_getevents(ctx, min_nr, nr, events, timeout): events and timeout at exit */
int dec_io_getevents(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_hex(tcp, tcp->args[0]);
		tprint_arg_next(tcp);
		tprintf(tcp, "%ld", (long)tcp->args[1]);
		tprint_arg_next(tcp);
		tprintf(tcp, "%ld", (long)tcp->args[2]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	print_io_events(tcp, tcp->args[3], syscall_failed(tcp) ? 0 : (unsigned long)tcp->rval);
	tprint_arg_next(tcp);
	print_timespec(tcp, tcp->args[4]);
	return DEC_DONE;
}

/* struct __aio_sigset of io_pgetevents */
static void print_aio_sigset(struct tcb *tcp, unsigned long addr)
{
	struct { uint64_t sigmask, sigsetsize; } ss;

	if (!fetch_or_print_addr(tcp, addr, &ss, sizeof(ss)))
		return;
	tprints(tcp, "{sigmask=");
	print_sigset(tcp, ss.sigmask, ss.sigsetsize);
	tprintf(tcp, ", sigsetsize=%llu}", (unsigned long long)ss.sigsetsize);
}

/* io_pgetevents(ctx, min_nr, nr, events, timeout, usig) */
int dec_io_pgetevents(struct tcb *tcp)
{
	if (!tcp->exiting)
		return dec_io_getevents(tcp);
	dec_io_getevents(tcp);
	tprint_arg_next(tcp);
	print_aio_sigset(tcp, tcp->args[5]);
	return DEC_DONE;
}

/* io_cancel(ctx, iocb, result): the iocb's header fields */
int dec_io_cancel(struct tcb *tcp)
{
	struct iocb cb;

	if (!tcp->exiting) {
		print_hex(tcp, tcp->args[0]);
		tprint_arg_next(tcp);
		if (fetch_or_print_addr(tcp, tcp->args[1], &cb, sizeof(cb))) {
			tprints(tcp, "{");
			print_iocb_header(tcp, &cb);
			tprints(tcp, "}");
		}
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	print_io_events(tcp, tcp->args[2], syscall_failed(tcp) ? 0 : 1);
	return DEC_DONE;
}
