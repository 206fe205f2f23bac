/* MTD (memory technology device) ioctls (type 'M', <mtd/mtd-abi.h>).
 * The OSS mixer uses type 'M' too: a request of that type that reads or
 * writes is named "MIXER_READ(nr)" or "MIXER_WRITE(nr)", followed by
 * " or NAME" when it has one, as strace does. */
#include "config.h"

#include <stdio.h>
#include <sys/ioctl.h>
#include <mtd/mtd-abi.h>

#include "decode.h"
#include "decode_ioctl.h"
#include "ioctl_common.h"
#include "ioctl_families.h"
#include "mem.h"
#include "sink.h"
#include "syscallent.h"
#include "util.h"

#define FETCH(tcp, arg, obj) fetch_or_print_addr(tcp, arg, &(obj), sizeof(obj))

static bool mtd_print_cmd(struct tcb *tcp, unsigned cmd)
{
	unsigned dir = (cmd >> 30) & 3u;
	const char *name = xlat_lookup(&xlat_mtd_ioctl_cmds, cmd);
	char names[96];

	if (dir != _IOC_READ && dir != _IOC_WRITE)
		return false;
	snprintf(names, sizeof(names), "MIXER_%s(%u)%s%s", dir == _IOC_READ ? "READ" : "WRITE",
		 cmd & 0xffu, name ? " or " : "", name ? name : "");
	ioctl_print_cmd_text(tcp, cmd, names);
	return true;
}

static void print_erase_info(struct tcb *tcp, unsigned long arg)
{
	struct erase_info_user e;

	if (FETCH(tcp, arg, e))
		tprintf(tcp, "{start=%#x, length=%#x}", e.start, e.length);
}

static void print_erase_info64(struct tcb *tcp, unsigned long arg)
{
	struct erase_info_user64 e;

	if (FETCH(tcp, arg, e))
		tprintf(tcp, "{start=%#llx, length=%#llx}", (unsigned long long)e.start,
			(unsigned long long)e.length);
}

static void print_oob_buf(struct tcb *tcp, unsigned long arg)
{
	struct mtd_oob_buf b;

	if (!FETCH(tcp, arg, b))
		return;
	tprintf(tcp, "{start=%#x, length=%#x, ptr=", b.start, b.length);
	print_addr(tcp, (unsigned long)b.ptr);
	tprints(tcp, "}");
}

static void print_oob_buf64(struct tcb *tcp, unsigned long arg)
{
	struct mtd_oob_buf64 b;

	if (!FETCH(tcp, arg, b))
		return;
	tprintf(tcp, "{start=%#llx, length=%#x, usr_ptr=", (unsigned long long)b.start, b.length);
	print_addr(tcp, (unsigned long)b.usr_ptr);
	tprints(tcp, "}");
}

static void print_otp_info(struct tcb *tcp, unsigned long arg)
{
	struct otp_info o;

	if (FETCH(tcp, arg, o))
		tprintf(tcp, "{start=%#x, length=%#x, locked=%u}", o.start, o.length, o.locked);
}

static void print_write_req(struct tcb *tcp, unsigned long arg)
{
	struct mtd_write_req w;

	if (!FETCH(tcp, arg, w))
		return;
	tprintf(tcp, "{start=%#llx, len=%#llx, ooblen=%#llx, usr_data=",
		(unsigned long long)w.start, (unsigned long long)w.len,
		(unsigned long long)w.ooblen);
	print_addr(tcp, (unsigned long)w.usr_data);
	tprints(tcp, ", usr_oob=");
	print_addr(tcp, (unsigned long)w.usr_oob);
	tprints(tcp, ", mode=");
	print_xval(tcp, &xlat_mtd_ops_modes, w.mode, "MTD_OPS_???");
	tprints(tcp, "}");
}

static void print_info_user(struct tcb *tcp, unsigned long arg)
{
	struct mtd_info_user m;

	if (!FETCH(tcp, arg, m))
		return;
	tprints(tcp, "{type=");
	print_xval(tcp, &xlat_mtd_types, m.type, "MTD_???");
	tprints(tcp, ", flags=");
	print_flags(tcp, &xlat_mtd_flags, m.flags, "MTD_???");
	tprintf(tcp, ", size=%#x, erasesize=%#x, writesize=%#x, oobsize=%#x, padding=%#llx}",
		m.size, m.erasesize, m.writesize, m.oobsize, (unsigned long long)m.padding);
}

static void print_oobfree_pair(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	(void)addr;
	(void)data;
	ioctl_print_uints(tcp, elem, sizeof(uint32_t), 2, true);
}

static void print_oobinfo(struct tcb *tcp, unsigned long arg)
{
	struct nand_oobinfo n;

	if (!FETCH(tcp, arg, n))
		return;
	tprints(tcp, "{useecc=");
	print_xval(tcp, &xlat_mtd_nandecc_modes, n.useecc, "MTD_NANDECC_???");
	tprintf(tcp, ", eccbytes=%#x, oobfree=", n.eccbytes);
	print_local_array(tcp, n.oobfree, ARRAY_SIZE(n.oobfree), sizeof(n.oobfree[0]),
			  print_oobfree_pair, NULL);
	tprints(tcp, ", eccpos=");
	ioctl_print_uints(tcp, n.eccpos, sizeof(n.eccpos[0]), 32, true);
	tprints(tcp, "}");
}

static void print_oobfree(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct nand_oobfree *f = elem;

	(void)addr;
	(void)data;
	tprintf(tcp, "{offset=%#x, length=%#x}", f->offset, f->length);
}

static void print_ecclayout(struct tcb *tcp, unsigned long arg)
{
	struct nand_ecclayout_user n;

	if (!FETCH(tcp, arg, n))
		return;
	tprintf(tcp, "{eccbytes=%#x, eccpos=", n.eccbytes);
	ioctl_print_uints(tcp, n.eccpos, sizeof(n.eccpos[0]), MTD_MAX_ECCPOS_ENTRIES, true);
	tprintf(tcp, ", oobavail=%#x, oobfree=", n.oobavail);
	print_local_array(tcp, n.oobfree, MTD_MAX_OOBFREE_ENTRIES, sizeof(n.oobfree[0]),
			  print_oobfree, NULL);
	tprints(tcp, "}");
}

static void print_ecc_stats(struct tcb *tcp, unsigned long arg)
{
	struct mtd_ecc_stats s;

	if (FETCH(tcp, arg, s))
		tprintf(tcp, "{corrected=%#x, failed=%#x, badblocks=%#x, bbtblocks=%#x}",
			s.corrected, s.failed, s.badblocks, s.bbtblocks);
}

static void print_otp_mode(struct tcb *tcp, unsigned long arg)
{
	unsigned otp;

	if (!FETCH(tcp, arg, otp))
		return;
	tprints(tcp, "[");
	print_xval(tcp, &xlat_mtd_otp_modes, otp, "MTD_OTP_???");
	tprints(tcp, "]");
}

static void print_file_mode(struct tcb *tcp, unsigned long arg)
{
	print_xval(tcp, &xlat_mtd_file_modes, arg, "MTD_FILE_MODE_???");
}

static const struct ioctl_req mtd_reqs[] = {
	{ MEMGETINFO, IOCTL_AT_EXIT, print_info_user },
	{ MEMGETOOBSEL, IOCTL_AT_EXIT, print_oobinfo },
	{ ECCGETLAYOUT, IOCTL_AT_EXIT, print_ecclayout },
	{ ECCGETSTATS, IOCTL_AT_EXIT, print_ecc_stats },
	{ OTPGETREGIONINFO, IOCTL_AT_EXIT, print_otp_info },
	{ OTPGETREGIONCOUNT, IOCTL_AT_EXIT, print_uint_ref },
	{ MEMGETREGIONCOUNT, IOCTL_AT_EXIT, print_int_ref },
	{ MEMERASE, IOCTL_AT_ENTRY, print_erase_info },
	{ MEMLOCK, IOCTL_AT_ENTRY, print_erase_info },
	{ MEMUNLOCK, IOCTL_AT_ENTRY, print_erase_info },
	{ MEMISLOCKED, IOCTL_AT_ENTRY, print_erase_info },
	{ MEMERASE64, IOCTL_AT_ENTRY, print_erase_info64 },
	{ MEMWRITEOOB, IOCTL_AT_ENTRY, print_oob_buf },
	{ MEMREADOOB, IOCTL_AT_ENTRY, print_oob_buf },
	{ MEMWRITEOOB64, IOCTL_AT_ENTRY, print_oob_buf64 },
	{ MEMREADOOB64, IOCTL_AT_ENTRY, print_oob_buf64 },
	{ MEMWRITE, IOCTL_AT_ENTRY, print_write_req },
	{ OTPLOCK, IOCTL_AT_ENTRY, print_otp_info },
	{ OTPSELECT, IOCTL_AT_ENTRY, print_otp_mode },
	{ MTDFILEMODE, IOCTL_AT_ENTRY, print_file_mode },
	{ MEMGETBADBLOCK, IOCTL_AT_ENTRY, print_u64_ref },
	{ MEMSETBADBLOCK, IOCTL_AT_ENTRY, print_u64_ref },
};

/* MEMGETREGIONINFO: "{regionindex=N" at entry, the region the kernel
 * found at a successful exit, then "}". */
static int print_region_info(struct tcb *tcp, unsigned long arg)
{
	struct region_info_user r;

	if (!tcp->exiting) {
		tprint_arg_next(tcp);
		if (!FETCH(tcp, arg, r))
			return DEC_DONE;
		tprintf(tcp, "{regionindex=%#x", r.regionindex);
		return IOCTL_MORE_ALWAYS;
	}
	if (!ioctl_failed(tcp) && mem_read(tcp->pid, arg, &r, sizeof(r)) >= 0)
		tprintf(tcp, ", offset=%#x, erasesize=%#x, numblocks=%#x", r.offset, r.erasesize,
			r.numblocks);
	tprints(tcp, "}");
	return DEC_DONE;
}

static int mtd_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	if (cmd == MEMGETREGIONINFO)
		return print_region_info(tcp, arg);
	return ioctl_decode_reqs(tcp, mtd_reqs, ARRAY_SIZE(mtd_reqs), cmd, arg);
}

const struct ioctl_family ioctl_family_mtd = {
	.name = "mtd",
	.types = { 'M' },
	.cmds = &xlat_mtd_ioctl_cmds,
	.print_cmd = mtd_print_cmd,
	.decode = mtd_decode,
};
