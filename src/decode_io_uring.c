/* io_uring_setup, io_uring_enter and io_uring_register (<linux/io_uring.h>) as strace 6.1
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
#include "decode_sched.h"
#include "sink.h"
#include "util.h"

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

/* ---- io_uring_register(fd, opcode, arg, nr_args) ---- */

/* The kernel's ABI structures, spelled out so that older headers do */
struct uring_files_update { uint32_t offset, resv; uint64_t fds; };
struct uring_probe_op { uint8_t op, resv; uint16_t flags; uint32_t resv2; };
struct uring_probe {
	uint8_t last_op, ops_len;
	uint16_t resv;
	uint32_t resv2[3];
	struct uring_probe_op ops[];
};
struct uring_restriction { uint16_t opcode; uint8_t op, resv; uint32_t resv2[3]; };
struct uring_rsrc_register { uint32_t nr, flags; uint64_t resv2, data, tags; };
struct uring_rsrc_update2 { uint32_t offset, resv; uint64_t data, tags; uint32_t nr, resv2; };
struct uring_rsrc_update { uint32_t offset, resv; uint64_t data; };
struct uring_buf_reg { uint64_t ring_addr; uint32_t ring_entries; uint16_t bgid, pad; uint64_t resv[3]; };

enum { URING_FILES_SKIP = -2, URING_PROBE_OPS_MAX = 256 };

/* An enum shown in decimal: "NAME", "47 /+ DFLT +/"; raw "47";
 * verbose "1 /+ NAME +/" */
static void print_xval_u(struct tcb *tcp, const struct xlat *x, unsigned val, const char *dflt)
{
	const char *s = xlat_lookup(x, val);

	if (pcfg.xlat_style == XLAT_ABBREV && s)
		tprints(tcp, s);
	else if (pcfg.xlat_style == XLAT_RAW)
		tprintf(tcp, "%u", val);
	else
		tprintf(tcp, "%u /* %s */", val, s ? s : dflt);
}

/* An array argument: NULL, "[]" for none, the address when its first
 * element is unreadable, else the elements ("... /+ addr +/" at a fault) */
static void print_uring_array(struct tcb *tcp, unsigned long addr, unsigned long n, void *elem,
			      size_t elsize, print_elem_fn fn, void *data)
{
	if (addr && n == 0) {
		tprints(tcp, "[]");
		return;
	}
	if (!fetch_or_print_addr(tcp, addr, elem, elsize))
		return;
	print_array(tcp, addr, n, elem, elsize, fn, data, PA_FAULT_ADDR);
}

/* a descriptor; with skip, -2 is IORING_REGISTER_FILES_SKIP */
static void print_fd_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	int fd = *(int *)elem;

	(void)addr;
	if (data && fd == URING_FILES_SKIP) {
		if (pcfg.xlat_style == XLAT_ABBREV)
			tprints(tcp, "IORING_REGISTER_FILES_SKIP");
		else
			tprintf(tcp, "%d%s", fd,
				pcfg.xlat_style == XLAT_VERBOSE ? " /* IORING_REGISTER_FILES_SKIP */" : "");
		return;
	}
	print_fd(tcp, fd);
}

static void print_fds(struct tcb *tcp, unsigned long addr, unsigned long n, bool skip)
{
	int fd;

	print_uring_array(tcp, addr, n, &fd, sizeof(fd), print_fd_elem, skip ? &fd : NULL);
}

/* registered buffers: their addresses */
static void print_iov_addr_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const uint64_t *iov = elem;

	(void)addr;
	(void)data;
	tprints(tcp, "{iov_base=");
	print_addr(tcp, iov[0]);
	tprintf(tcp, ", iov_len=%" PRIu64 "}", iov[1]);
}

static void print_iovs(struct tcb *tcp, unsigned long addr, unsigned long n)
{
	uint64_t iov[2];

	print_uring_array(tcp, addr, n, iov, sizeof(iov), print_iov_addr_elem, NULL);
}

static void print_x64_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	(void)addr;
	(void)data;
	tprintf(tcp, "%#" PRIx64, *(uint64_t *)elem);
}

static void print_files_update(struct tcb *tcp, unsigned long addr, unsigned nargs)
{
	struct uring_files_update u;

	if (!fetch_or_print_addr(tcp, addr, &u, sizeof(u)))
		return;
	tprintf(tcp, "{offset=%u", u.offset);
	if (u.resv)
		tprintf(tcp, ", resv=%#x", u.resv);
	tprints(tcp, ", fds=");
	print_fds(tcp, u.fds, nargs, true);
	tprints(tcp, "}");
}

static void print_probe_op(struct tcb *tcp, const struct uring_probe_op *op)
{
	tprints(tcp, "{op=");
	print_xval_u(tcp, &xlat_uring_ops, op->op, "IORING_OP_???");
	if (op->resv)
		tprintf(tcp, ", resv=%#x", op->resv);
	tprints(tcp, ", flags=");
	print_flags(tcp, &xlat_uring_op_flags, op->flags, "IO_URING_OP_???");
	if (op->resv2)
		tprintf(tcp, ", resv2=%#x", op->resv2);
	tprints(tcp, "}");
}

/* the probe's header and its ops: nargs of them at entry; at exit those
 * the kernel filled (ops_len), "..." past nargs */
static void print_probe_body(struct tcb *tcp, const struct uring_probe *p, unsigned nargs)
{
	unsigned long n = nargs, shown;
	bool more;

	tprints(tcp, "{last_op=");
	print_xval_u(tcp, &xlat_uring_ops, p->last_op, "IORING_OP_???");
	tprintf(tcp, ", ops_len=%u", p->ops_len);
	if (p->resv)
		tprintf(tcp, ", resv=%#x", p->resv);
	if (p->resv2[0] || p->resv2[1] || p->resv2[2])
		tprintf(tcp, ", resv2=[%#x, %#x, %#x]", p->resv2[0], p->resv2[1], p->resv2[2]);
	tprints(tcp, ", ops=[");
	if (tcp->exiting && p->ops_len < n)
		n = p->ops_len;
	shown = n < pcfg.max_strlen ? n : pcfg.max_strlen;
	more = shown < n || (tcp->exiting && p->ops_len > nargs);
	for (unsigned long i = 0; i < shown; i++) {
		if (i)
			tprints(tcp, ", ");
		print_probe_op(tcp, &p->ops[i]);
	}
	if (more)
		tprints(tcp, shown ? ", ..." : "...");
	tprints(tcp, "]}");
}

static int marker_printed;

/* IORING_REGISTER_PROBE: the caller's probe at entry unless it is all
 * zero; what the kernel filled at exit */
static int print_probe(struct tcb *tcp, unsigned long addr, unsigned nargs)
{
	size_t len = sizeof(struct uring_probe) + (size_t)nargs * sizeof(struct uring_probe_op);
	_cleanup_free_ struct uring_probe *p = NULL;
	bool printed = tcp->exiting && tcp->call_priv == &marker_printed;

	if (tcp->exiting && syscall_failed(tcp)) {
		if (!printed)
			print_addr(tcp, addr);
		return DEC_DONE;
	}
	if (nargs > URING_PROBE_OPS_MAX) {
		print_addr(tcp, addr);
		return DEC_DONE;
	}
	p = xmalloc(len);
	if (printed)
		tprints(tcp, " => ");
	if (!fetch_or_print_addr(tcp, addr, p, len))
		return DEC_DONE;
	if (!tcp->exiting) {
		bool zero = true;

		for (size_t i = 0; i < len; i++)
			zero = zero && !((unsigned char *)p)[i];
		if (zero)
			return DEC_MORE;
	}
	print_probe_body(tcp, p, nargs);
	if (!tcp->exiting) {
		tcb_set_call_priv(tcp, &marker_printed, NULL);
		return DEC_MORE;
	}
	return DEC_DONE;
}

static void print_restriction(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct uring_restriction *r = elem;

	(void)addr;
	(void)data;
	tprints(tcp, "{opcode=");
	print_xval(tcp, &xlat_uring_restriction_opcodes, r->opcode, "IORING_RESTRICTION_???");
	switch (r->opcode) {
	case 0:
		tprints(tcp, ", register_op=");
		print_xval(tcp, &xlat_uring_register_ops, r->op, "IORING_REGISTER_???");
		break;
	case 1:
		tprints(tcp, ", sqe_op=");
		print_xval(tcp, &xlat_uring_ops, r->op, "IORING_OP_???");
		break;
	case 2: case 3:
		tprints(tcp, ", sqe_flags=");
		print_flags(tcp, &xlat_uring_sqe_flags, r->op, "IOSQE_???");
		break;
	default:
		tprintf(tcp, " /* op: %#x */", r->op);
		break;
	}
	if (r->resv)
		tprintf(tcp, ", resv=%#x", r->resv);
	if (r->resv2[0] || r->resv2[1] || r->resv2[2])
		tprintf(tcp, ", resv2=[%#x, %#x, %#x]", r->resv2[0], r->resv2[1], r->resv2[2]);
	tprints(tcp, "}");
}

/* the data and tags of a resource registration or update: descriptors
 * (files) or buffers, nr of each */
static void print_rsrc_data_tags(struct tcb *tcp, bool files, bool skip, uint64_t data,
				 uint64_t tags, uint32_t nr)
{
	uint64_t tag;

	tprints(tcp, ", data=");
	if (files)
		print_fds(tcp, data, nr, skip);
	else
		print_iovs(tcp, data, nr);
	tprints(tcp, ", tags=");
	print_uring_array(tcp, tags, nr, &tag, sizeof(tag), print_x64_elem, NULL);
}

/* size bytes of an extensible structure of known bytes: the address when
 * too short or unreadable, else 0 and its tail checked by the caller */
static bool fetch_sized(struct tcb *tcp, unsigned long addr, unsigned size, void *buf, size_t known)
{
	if (size < known) {
		print_addr(tcp, addr);
		return false;
	}
	return fetch_or_print_addr(tcp, addr, buf, known);
}

/* ", ???" or ", /+ bytes a..b +/ ..." for a nonzero tail */
static void print_rsrc_tail(struct tcb *tcp, unsigned long addr, size_t known, unsigned size)
{
	if (size > known && check_nonzero_tail(tcp, addr, known, size) != 0) {
		tprints(tcp, ", ");
		print_nonzero_tail(tcp, addr, known, size);
	}
}

static void print_rsrc_register(struct tcb *tcp, unsigned long addr, unsigned size, bool files)
{
	struct uring_rsrc_register r;

	if (!fetch_sized(tcp, addr, size, &r, sizeof(r)))
		return;
	tprintf(tcp, "{nr=%u, flags=", r.nr);
	print_flags(tcp, &xlat_uring_rsrc_register_flags, r.flags, "IORING_RSRC_REGISTER_???");
	if (r.resv2)
		tprintf(tcp, ", resv2=%#" PRIx64, r.resv2);
	print_rsrc_data_tags(tcp, files, false, r.data, r.tags, r.nr);
	print_rsrc_tail(tcp, addr, sizeof(r), size);
	tprints(tcp, "}");
}

static void print_rsrc_update2(struct tcb *tcp, unsigned long addr, unsigned size, bool files)
{
	struct uring_rsrc_update2 u;

	if (!fetch_sized(tcp, addr, size, &u, sizeof(u)))
		return;
	tprintf(tcp, "{offset=%u", u.offset);
	if (u.resv)
		tprintf(tcp, ", resv=%#x", u.resv);
	print_rsrc_data_tags(tcp, files, true, u.data, u.tags, u.nr);
	tprintf(tcp, ", nr=%u", u.nr);
	if (u.resv2)
		tprintf(tcp, ", resv2=%#x", u.resv2);
	print_rsrc_tail(tcp, addr, sizeof(u), size);
	tprints(tcp, "}");
}

static void print_iowq_aff(struct tcb *tcp, unsigned long addr, unsigned size)
{
	_cleanup_free_ unsigned char *set = NULL;
	_cleanup_free_ char *buf = NULL;
	size_t bufsize;

	if (addr && size == 0) {
		tprints(tcp, "[]");
		return;
	}
	if (!addr || size > 1 << 16) {
		print_addr(tcp, addr);
		return;
	}
	set = xmalloc(size);
	if (!fetch_or_print_addr(tcp, addr, set, size))
		return;
	bufsize = (size_t)size * 8 * 7 + 3;
	buf = xmalloc(bufsize);
	format_cpuset(buf, bufsize, set, size);
	tprints(tcp, buf);
}

/* "[IO_WQ_BOUND]=N": the index named */
static void print_max_workers_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	unsigned long *idx = data;

	(void)addr;
	tprints(tcp, "[");
	print_xval_u(tcp, &xlat_uring_iowq_acct, (unsigned)(*idx)++, "IO_WQ_???");
	tprintf(tcp, "]=%u", *(uint32_t *)elem);
}

/* IORING_REGISTER_IOWQ_MAX_WORKERS: the limits asked, then (when they all
 * could be read) the previous ones the kernel wrote back */
static int print_max_workers(struct tcb *tcp, unsigned long addr, unsigned nargs)
{
	unsigned long idx = 0;
	uint32_t v;

	if (tcp->exiting) {
		tprints(tcp, " => ");
		if (syscall_failed(tcp)) {
			print_addr(tcp, addr);
			return DEC_DONE;
		}
	}
	if (!addr || nargs == 0 || nargs > 1024 || !tcp->exiting) {
		print_uring_array(tcp, addr, nargs, &v, sizeof(v), print_max_workers_elem, &idx);
		if (!addr || nargs == 0 || nargs > 1024)
			return DEC_DONE;
		_cleanup_free_ uint32_t *all = xmalloc(nargs * sizeof(v));
		return mem_read(tcp->pid, addr, all, nargs * sizeof(v)) < 0 ? DEC_DONE : DEC_MORE;
	}
	print_uring_array(tcp, addr, nargs, &v, sizeof(v), print_max_workers_elem, &idx);
	return DEC_DONE;
}

static void print_ring_fd(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct uring_rsrc_update *u = elem;
	bool reg = data != NULL;

	(void)addr;
	if (reg && u->offset == UINT32_MAX)
		tprints(tcp, "{offset=-1");
	else
		tprintf(tcp, "{offset=%u", u->offset);
	if (u->resv)
		tprintf(tcp, ", resv=%#x", u->resv);
	if (reg) {
		tprints(tcp, ", data=");
		print_fd(tcp, (int)u->data);
	} else if (u->data) {
		tprintf(tcp, ", data=%#" PRIx64, u->data);
	}
	tprints(tcp, "}");
}

static void print_buf_reg(struct tcb *tcp, unsigned long addr)
{
	struct uring_buf_reg b;

	if (!fetch_or_print_addr(tcp, addr, &b, sizeof(b)))
		return;
	tprints(tcp, "{ring_addr=");
	print_addr(tcp, b.ring_addr);
	tprintf(tcp, ", ring_entries=%u, bgid=%u", b.ring_entries, b.bgid);
	if (b.pad)
		tprintf(tcp, ", pad=%#x", b.pad);
	if (b.resv[0] || b.resv[1] || b.resv[2])
		tprintf(tcp, ", resv=[%#" PRIx64 ", %#" PRIx64 ", %#" PRIx64 "]",
			b.resv[0], b.resv[1], b.resv[2]);
	tprints(tcp, "}");
}

/* the argument by opcode; DEC_MORE when there is more to show at exit */
static int print_register_arg(struct tcb *tcp, unsigned op, unsigned long addr, unsigned nargs)
{
	struct uring_restriction r;
	struct uring_rsrc_update u;

	switch (op) {
	case 0:     /* IORING_REGISTER_BUFFERS */
		print_iovs(tcp, addr, nargs);
		break;
	case 2: case 4: case 7:     /* FILES, EVENTFD, EVENTFD_ASYNC */
		print_fds(tcp, addr, nargs, false);
		break;
	case 6:     /* FILES_UPDATE */
		print_files_update(tcp, addr, nargs);
		break;
	case 8:     /* PROBE */
		return print_probe(tcp, addr, nargs);
	case 11:    /* RESTRICTIONS */
		print_uring_array(tcp, addr, nargs, &r, sizeof(r), print_restriction, NULL);
		break;
	case 13: case 15:   /* FILES2, BUFFERS2 */
		print_rsrc_register(tcp, addr, nargs, op == 13);
		break;
	case 14: case 16:   /* FILES_UPDATE2, BUFFERS_UPDATE */
		print_rsrc_update2(tcp, addr, nargs, op == 14);
		break;
	case 17:    /* IOWQ_AFF */
		print_iowq_aff(tcp, addr, nargs);
		break;
	case 19:    /* IOWQ_MAX_WORKERS */
		return print_max_workers(tcp, addr, nargs);
	case 20: case 21:   /* REGISTER_RING_FDS, UNREGISTER_RING_FDS */
		print_uring_array(tcp, addr, nargs, &u, sizeof(u), print_ring_fd, op == 20 ? &u : NULL);
		break;
	case 22: case 23:   /* REGISTER_PBUF_RING, UNREGISTER_PBUF_RING */
		print_buf_reg(tcp, addr);
		break;
	default:
		print_addr(tcp, addr);
		break;
	}
	return DEC_DONE;
}

int dec_io_uring_register(struct tcb *tcp)
{
	unsigned op = (unsigned)tcp->args[1];
	unsigned nargs = (unsigned)tcp->args[3];

	if (!tcp->exiting) {
		print_fd(tcp, (int)tcp->args[0]);
		tprint_arg_next(tcp);
		print_xval(tcp, &xlat_uring_register_ops, op, "IORING_REGISTER_???");
		tprint_arg_next(tcp);
	}
	if (print_register_arg(tcp, op, tcp->args[2], nargs) == DEC_MORE && !tcp->exiting)
		return DEC_MORE;
	tprint_arg_next(tcp);
	print_udec(tcp, nargs);
	return DEC_DONE;
}
