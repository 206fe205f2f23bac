/* SCSI generic requests (scsi/sg.h, type 0x22).  SG_IO takes a struct
 * sg_io_hdr (interface id 'S') or a struct sg_io_v4 (guard 'Q',
 * <linux/bsg.h>): the request at entry, the response at exit, in one
 * pair of braces whatever the call returned. */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <scsi/sg.h>
#include <linux/bsg.h>

#include "decode.h"
#include "decode_desc.h"
#include "decode_ioctl.h"
#include "ioctl_families.h"
#include "mem.h"
#include "sink.h"
#include "quote.h"
#include "util.h"

#define SG_SCSI_RESET_NO_ESCALATE_BIT 0x100 /* not in glibc's scsi/sg.h */
#define SG_GET_ACCESS_COUNT_CMD 0x2289 /* not in glibc's scsi/sg.h */

/* [SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_DEVICE] */
static void print_scsi_reset(struct tcb *tcp, unsigned long addr)
{
	int v;
	unsigned rest;

	if (!fetch_or_print_addr(tcp, addr, &v, sizeof(v)))
		return;
	rest = (unsigned)v & ~SG_SCSI_RESET_NO_ESCALATE_BIT;
	tprints(tcp, "[");
	if (!xlat_lookup(&xlat_sg_scsi_reset, rest)) {
		print_xval(tcp, &xlat_sg_scsi_reset, (unsigned)v, "SG_SCSI_RESET_???");
	} else {
		if ((unsigned)v & SG_SCSI_RESET_NO_ESCALATE_BIT)
			tprints(tcp, "SG_SCSI_RESET_NO_ESCALATE|");
		print_xval(tcp, &xlat_sg_scsi_reset, rest, NULL);
	}
	tprints(tcp, "]");
}

/* An SG_IO buffer: an iovec of count entries holding size bytes, or
 * size bytes in hex. */
static void print_sg_buf(struct tcb *tcp, uint64_t addr, unsigned size, unsigned count)
{
	size_t want = size < pcfg.max_strlen ? size : pcfg.max_strlen;
	_cleanup_free_ char *buf = NULL;
	_cleanup_free_ char *out = NULL;

	if (count) {
		print_iovec(tcp, (unsigned long)addr, count, size);
		return;
	}
	if (!addr) {
		print_addr(tcp, 0);
		return;
	}
	buf = malloc(want + 1);
	out = malloc(QUOTE_SIZE(want));
	if (!buf || !out || mem_read(tcp->pid, (unsigned long)addr, buf, want) < 0) {
		print_addr(tcp, (unsigned long)addr);
		return;
	}
	tprintn(tcp, out, quote_string(buf, want, QUOTE_HEX_ALL, out));
	if (size > want)
		tprints(tcp, "...");
}

/* The request after its guard (interface_id or guard, skip bytes, which
 * the dispatch read): false, its address and "}" printed, when it cannot
 * be read. */
static bool fetch_after_guard(struct tcb *tcp, unsigned long arg, void *obj, size_t size,
			      size_t skip)
{
	if (mem_read_struct(tcp, arg + skip, (char *)obj + skip, size - skip) < 0) {
		print_addr(tcp, arg + skip);
		tprints(tcp, "}");
		return false;
	}
	return true;
}

/* The request of SG_IO v3; false when it could not be read. */
static bool sg_v3_request(struct tcb *tcp, unsigned long arg)
{
	const size_t skip = offsetof(struct sg_io_hdr, dxfer_direction);
	struct sg_io_hdr h;

	tprints(tcp, "{interface_id='S', ");
	if (!fetch_after_guard(tcp, arg, &h, sizeof(h), skip))
		return false;
	h.interface_id = 'S';
	tprints(tcp, "dxfer_direction=");
	print_xval(tcp, &xlat_sg_io_dxfer_directions, (uint64_t)(int64_t)h.dxfer_direction,
		   "SG_DXFER_???");
	tprintf(tcp, ", cmd_len=%u, cmdp=", h.cmd_len);
	print_sg_buf(tcp, (uintptr_t)h.cmdp, h.cmd_len, 0);
	tprintf(tcp, ", mx_sb_len=%u, iovec_count=%u, dxfer_len=%u, timeout=%u, flags=", h.mx_sb_len,
		h.iovec_count, h.dxfer_len, h.timeout);
	print_flags(tcp, &xlat_sg_io_flags, h.flags, "SG_FLAG_???");
	if (h.dxfer_direction == SG_DXFER_TO_DEV || h.dxfer_direction == SG_DXFER_TO_FROM_DEV) {
		tprints(tcp, ", dxferp=");
		print_sg_buf(tcp, (uintptr_t)h.dxferp, h.dxfer_len, h.iovec_count);
	}
	tcb_keep_call_copy(tcp, &h, sizeof(h));
	return true;
}

static void sg_v3_response(struct tcb *tcp, unsigned long arg, const struct sg_io_hdr *in)
{
	struct sg_io_hdr h;
	unsigned din_len;

	if (mem_read(tcp->pid, arg, &h, sizeof(h)) < 0) {
		/* what the request said about the output buffers */
		if (in->dxfer_direction == SG_DXFER_FROM_DEV) {
			tprints(tcp, ", dxferp=");
			print_addr(tcp, (uintptr_t)in->dxferp);
		}
		tprints(tcp, ", sbp=");
		print_addr(tcp, (uintptr_t)in->sbp);
		return;
	}
	if (h.interface_id != in->interface_id) {
		tprintf(tcp, " => interface_id=%u", (unsigned)h.interface_id);
		return;
	}
	if (h.dxfer_direction == SG_DXFER_FROM_DEV || h.dxfer_direction == SG_DXFER_TO_FROM_DEV) {
		din_len = h.dxfer_len;
		if (h.resid > 0 && (unsigned)h.resid <= din_len)
			din_len -= (unsigned)h.resid;
		if (h.dxfer_direction == SG_DXFER_FROM_DEV || din_len) {
			tprints(tcp, h.dxfer_direction == SG_DXFER_FROM_DEV ? ", dxferp=" : " => dxferp=");
			print_sg_buf(tcp, (uintptr_t)h.dxferp, din_len, h.iovec_count);
		}
	}
	tprintf(tcp, ", status=%#x, masked_status=%#x, msg_status=%#x, sb_len_wr=%u, sbp=", h.status,
		h.masked_status, h.msg_status, h.sb_len_wr);
	print_sg_buf(tcp, (uintptr_t)h.sbp, h.sb_len_wr, 0);
	tprintf(tcp, ", host_status=%#x, driver_status=%#x, resid=%d, duration=%u, info=",
		h.host_status, h.driver_status, h.resid, h.duration);
	print_flags(tcp, &xlat_sg_io_info, h.info, "SG_INFO_???");
}

/* The request of SG_IO v4; false when it could not be read. */
static bool sg_v4_request(struct tcb *tcp, unsigned long arg)
{
	const size_t skip = offsetof(struct sg_io_v4, protocol);
	struct sg_io_v4 v;

	tprints(tcp, "{guard='Q', ");
	if (!fetch_after_guard(tcp, arg, &v, sizeof(v), skip))
		return false;
	v.guard = 'Q';
	tprints(tcp, "protocol=");
	print_xval(tcp, &xlat_bsg_protocols, v.protocol, "BSG_PROTOCOL_???");
	tprints(tcp, ", subprotocol=");
	print_xval(tcp, &xlat_bsg_subprotocols, v.subprotocol, "BSG_SUB_PROTOCOL_???");
	tprintf(tcp, ", request_len=%u, request=", v.request_len);
	print_sg_buf(tcp, v.request, v.request_len, 0);
	tprintf(tcp, ", request_tag=%#llx, request_attr=%u, request_priority=%u, request_extra=%u, "
		"max_response_len=%u, dout_iovec_count=%u, dout_xfer_len=%u, din_iovec_count=%u, "
		"din_xfer_len=%u, dout_xferp=", (unsigned long long)v.request_tag, v.request_attr,
		v.request_priority, v.request_extra, v.max_response_len, v.dout_iovec_count,
		v.dout_xfer_len, v.din_iovec_count, v.din_xfer_len);
	print_sg_buf(tcp, v.dout_xferp, v.dout_xfer_len, v.dout_iovec_count);
	tprintf(tcp, ", timeout=%u, flags=", v.timeout);
	print_flags(tcp, &xlat_bsg_flags, v.flags, "BSG_FLAG_???");
	tprintf(tcp, ", usr_ptr=%#llx", (unsigned long long)v.usr_ptr);
	tcb_keep_call_copy(tcp, &v, sizeof(v));
	return true;
}

static void sg_v4_response(struct tcb *tcp, unsigned long arg, const struct sg_io_v4 *in)
{
	struct sg_io_v4 v;
	unsigned din_len;

	if (mem_read(tcp->pid, arg, &v, sizeof(v)) < 0) {
		tprintf(tcp, ", response=%#llx, din_xferp=%#llx", (unsigned long long)in->response,
			(unsigned long long)in->din_xferp);
		return;
	}
	if (v.guard != in->guard) {
		tprintf(tcp, " => guard=%u", (unsigned)v.guard);
		return;
	}
	tprintf(tcp, ", response_len=%u, response=", v.response_len);
	print_sg_buf(tcp, v.response, v.response_len, 0);
	din_len = v.din_xfer_len;
	if (v.din_resid > 0 && (unsigned)v.din_resid <= din_len)
		din_len -= (unsigned)v.din_resid;
	tprints(tcp, ", din_xferp=");
	print_sg_buf(tcp, v.din_xferp, din_len, v.din_iovec_count);
	tprintf(tcp, ", driver_status=%#x, transport_status=%#x, device_status=%#x, "
		"retry_delay=%u, info=", v.driver_status, v.transport_status, v.device_status,
		v.retry_delay);
	print_flags(tcp, &xlat_sg_io_info, v.info, "SG_INFO_???");
	tprintf(tcp, ", duration=%u, response_len=%u, din_resid=%d, dout_resid=%d, "
		"generated_tag=%#llx", v.duration, v.response_len, v.din_resid, v.dout_resid,
		(unsigned long long)v.generated_tag);
}

/* SG_IO at entry: "[iid]" for an unknown interface. */
static int sg_io_entry(struct tcb *tcp, unsigned long arg)
{
	uint32_t iid;

	tprint_arg_next(tcp);
	if (!fetch_or_print_addr(tcp, arg, &iid, sizeof(iid)))
		return DEC_DONE;
	switch (iid) {
	case 'S':
		return sg_v3_request(tcp, arg) ? IOCTL_MORE_ALWAYS : DEC_DONE;
	case 'Q':
		return sg_v4_request(tcp, arg) ? IOCTL_MORE_ALWAYS : DEC_DONE;
	default:
		tprintf(tcp, "[%u]", iid);
		return DEC_DONE;
	}
}

static void sg_io_exit(struct tcb *tcp, unsigned long arg)
{
	const void *in = tcp->call_priv_free == free ? tcp->call_priv : NULL;
	uint32_t iid;

	if (in) {
		memcpy(&iid, in, sizeof(iid));
		if (iid == 'S')
			sg_v3_response(tcp, arg, in);
		else
			sg_v4_response(tcp, arg, in);
	}
	tprints(tcp, "}");
}

static int scsi_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	if (tcp->exiting) {
		if (cmd == SG_IO) {
			sg_io_exit(tcp, arg);
			return DEC_DONE;
		}
		switch (cmd) {
		case SG_EMULATED_HOST: case SG_GET_ACCESS_COUNT_CMD: case SG_GET_COMMAND_Q:
		case SG_GET_KEEP_ORPHAN: case SG_GET_LOW_DMA: case SG_GET_NUM_WAITING:
		case SG_GET_PACK_ID: case SG_GET_RESERVED_SIZE: case SG_GET_SG_TABLESIZE:
		case SG_GET_TRANSFORM: case SG_GET_VERSION_NUM:
			print_int_ref(tcp, arg);
			return DEC_DONE;
		default:
			return IOCTL_UNHANDLED;
		}
	}
	switch (cmd) {
	case SG_GET_TIMEOUT:
		return DEC_DONE;   /* no argument: the timeout is the result */
	case SG_SET_TRANSFORM:
		tprint_arg_next(tcp);
		tprintf(tcp, "%#x", (unsigned)arg);
		return DEC_DONE;
	case SG_NEXT_CMD_LEN: case SG_SET_COMMAND_Q: case SG_SET_DEBUG:
	case SG_SET_FORCE_LOW_DMA: case SG_SET_FORCE_PACK_ID: case SG_SET_KEEP_ORPHAN:
	case SG_SET_RESERVED_SIZE: case SG_SET_TIMEOUT:
		tprint_arg_next(tcp);
		print_int_ref(tcp, arg);
		return DEC_DONE;
	case SG_SCSI_RESET:
		tprint_arg_next(tcp);
		print_scsi_reset(tcp, arg);
		return DEC_DONE;
	case SG_EMULATED_HOST: case SG_GET_ACCESS_COUNT_CMD: case SG_GET_COMMAND_Q:
	case SG_GET_KEEP_ORPHAN: case SG_GET_LOW_DMA: case SG_GET_NUM_WAITING:
	case SG_GET_PACK_ID: case SG_GET_RESERVED_SIZE: case SG_GET_SG_TABLESIZE:
	case SG_GET_TRANSFORM: case SG_GET_VERSION_NUM: case SG_GET_SCSI_ID:
	case SG_GET_REQUEST_TABLE:
		tprint_arg_next(tcp);
		return DEC_MORE;
	case SG_IO:
		return sg_io_entry(tcp, arg);
	default:
		return IOCTL_UNHANDLED;
	}
}

const struct ioctl_family ioctl_family_scsi = {
	.name = "scsi",
	.types = { 0x22 },
	.cmds = &xlat_scsi_sg_commands,
	.decode = scsi_decode,
};
