/* Block device requests (linux/fs.h, linux/blkpg.h,
 * linux/blktrace_api.h; type 0x12). */
#include "config.h"

#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/fs.h>
#include <linux/blkpg.h>
#include <linux/blktrace_api.h>

#include "decode.h"
#include "decode_ioctl.h"
#include "pids.h"
#include "ioctl_common.h"
#include "sink.h"

static void print_blkpg(struct tcb *tcp, unsigned long addr)
{
	struct blkpg_ioctl_arg a;
	struct blkpg_partition p;

	if (!fetch_or_print_addr(tcp, addr, &a, sizeof(a)))
		return;
	tprints(tcp, "{op=");
	print_xval(tcp, &xlat_blkpg_ops, (unsigned)a.op, "BLKPG_???");
	tprintf(tcp, ", flags=%d, datalen=%d, data=", a.flags, a.datalen);
	if (xlat_lookup(&xlat_blkpg_ops, (unsigned)a.op) &&
	    fetch_or_print_addr(tcp, (unsigned long)a.data, &p, sizeof(p))) {
		tprintf(tcp, "{start=%lld, length=%lld, pno=%d, devname=",
			(long long)p.start, (long long)p.length, p.pno);
		print_cstring_field(tcp, p.devname, sizeof(p.devname));
		tprints(tcp, ", volname=");
		print_cstring_field(tcp, p.volname, sizeof(p.volname));
		tprints(tcp, "}");
	} else if (!xlat_lookup(&xlat_blkpg_ops, (unsigned)a.op)) {
		print_addr(tcp, (unsigned long)a.data);
	}
	tprints(tcp, "}");
}

static void print_trace_setup(struct tcb *tcp, unsigned long addr)
{
	struct blk_user_trace_setup b;

	if (!fetch_or_print_addr(tcp, addr, &b, sizeof(b)))
		return;
	tprintf(tcp, "{act_mask=%hu, buf_size=%u, buf_nr=%u, start_lba=%llu, end_lba=%llu, pid=",
		b.act_mask, b.buf_size, b.buf_nr, (unsigned long long)b.start_lba,
		(unsigned long long)b.end_lba);
	print_pid(tcp, (int)b.pid, PT_TGID);
	tprints(tcp, "}");
}

static void print_u64_pair(struct tcb *tcp, unsigned long addr)
{
	uint64_t v[2];

	if (fetch_or_print_addr(tcp, addr, v, sizeof(v)))
		tprintf(tcp, "[%llu, %llu]", (unsigned long long)v[0], (unsigned long long)v[1]);
}

/* "[N]" of the size the request reads or writes */
static void print_num_ref(struct tcb *tcp, unsigned long addr, size_t size, bool is_signed)
{
	union { uint16_t u16; uint32_t u32; uint64_t u64; } v;

	if (!fetch_or_print_addr(tcp, addr, &v, size))
		return;
	if (size == 2)
		tprintf(tcp, "[%u]", v.u16);
	else if (size == 4 && is_signed)
		tprintf(tcp, "[%d]", (int32_t)v.u32);
	else if (size == 4)
		tprintf(tcp, "[%u]", v.u32);
	else if (is_signed)
		tprintf(tcp, "[%lld]", (long long)v.u64);
	else
		tprintf(tcp, "[%llu]", (unsigned long long)v.u64);
}

/* The getters' result: its size, whether signed; 0 when not a getter. */
static size_t getter_size(unsigned cmd, bool *is_signed)
{
	*is_signed = false;
	switch (cmd) {
	case BLKSECTGET: case BLKROTATIONAL:
		return 2;
	case BLKROGET: case BLKBSZGET: case BLKSSZGET: case BLKALIGNOFF:
		*is_signed = true;
		return 4;
	case BLKIOMIN: case BLKIOOPT: case BLKPBSZGET: case BLKDISCARDZEROES:
		return 4;
	case BLKRAGET: case BLKFRAGET:
		*is_signed = true;
		return sizeof(long);
	case BLKGETSIZE: case BLKGETSIZE64: case BLKGETDISKSEQ:
		return 8;
	default:
		return 0;
	}
}

static int block_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	bool is_signed;
	size_t size = getter_size(cmd, &is_signed);

	if (tcp->exiting) {
		if (!size)
			return IOCTL_UNHANDLED;
		print_num_ref(tcp, arg, size, is_signed);
		return DEC_DONE;
	}
	if (size) {
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	switch (cmd) {
	case BLKRRPART: case BLKFLSBUF: case BLKTRACESTART: case BLKTRACESTOP:
	case BLKTRACETEARDOWN:
		return DEC_DONE;   /* no argument */
	case BLKRASET: case BLKFRASET:
		tprint_arg_next(tcp);
		print_udec(tcp, arg);
		return DEC_DONE;
	case BLKROSET: case BLKBSZSET:
		tprint_arg_next(tcp);
		print_num_ref(tcp, arg, 4, true);
		return DEC_DONE;
	case BLKDISCARD: case BLKSECDISCARD: case BLKZEROOUT:
		tprint_arg_next(tcp);
		print_u64_pair(tcp, arg);
		return DEC_DONE;
	case BLKPG:
		tprint_arg_next(tcp);
		print_blkpg(tcp, arg);
		return DEC_DONE;
	case BLKTRACESETUP:
		tprint_arg_next(tcp);
		print_trace_setup(tcp, arg);
		return DEC_DONE;
	default:
		return IOCTL_UNHANDLED;
	}
}

const struct ioctl_family ioctl_family_block = {
	.name = "block",
	.types = { 0x12 },
	.cmds = &xlat_block_ioctl_cmds,
	.decode = block_decode,
};
