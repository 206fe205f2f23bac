/* File-system requests (linux/fs.h) of types 'f' and 'X': inode flags
 * (FS_IOC_GETFLAGS/SETFLAGS and their 32-bit codes), FIFREEZE/FITHAW,
 * FITRIM and the fsxattr requests. */
#include "config.h"

#include <sys/ioctl.h>
#include <linux/fs.h>

#include "decode.h"
#include "decode_ioctl.h"
#include "sink.h"

/* [FS_EXTENT_FL] */
static void print_inode_flags_ref(struct tcb *tcp, unsigned long addr)
{
	unsigned v;

	if (!fetch_or_print_addr(tcp, addr, &v, sizeof(v)))
		return;
	tprints(tcp, "[");
	print_flags(tcp, &xlat_fs_inode_flags, v, "FS_???_FL");
	tprints(tcp, "]");
}

static void print_fstrim_range(struct tcb *tcp, unsigned long addr)
{
	struct fstrim_range r;

	if (!fetch_or_print_addr(tcp, addr, &r, sizeof(r)))
		return;
	tprintf(tcp, "{start=%#llx, len=%llu, minlen=%llu}", (unsigned long long)r.start,
		(unsigned long long)r.len, (unsigned long long)r.minlen);
}

/* fsx_nextents is an output only */
static void print_fsxattr(struct tcb *tcp, unsigned long addr, bool get)
{
	struct fsxattr x;

	if (!fetch_or_print_addr(tcp, addr, &x, sizeof(x)))
		return;
	tprints(tcp, "{fsx_xflags=");
	print_flags(tcp, &xlat_fs_xflags, x.fsx_xflags, "FS_XFLAG_???");
	tprintf(tcp, ", fsx_extsize=%u", x.fsx_extsize);
	if (get)
		tprintf(tcp, ", fsx_nextents=%u", x.fsx_nextents);
	tprintf(tcp, ", fsx_projid=%#x, fsx_cowextsize=%u}", x.fsx_projid, x.fsx_cowextsize);
}

static int fs_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	if (tcp->exiting) {
		switch (cmd) {
		case FS_IOC_GETFLAGS: case FS_IOC32_GETFLAGS:
			print_inode_flags_ref(tcp, arg);
			return DEC_DONE;
		case FS_IOC_FSGETXATTR:
			print_fsxattr(tcp, arg, true);
			return DEC_DONE;
		default:
			return IOCTL_UNHANDLED;
		}
	}
	switch (cmd) {
	case FS_IOC_GETFLAGS: case FS_IOC32_GETFLAGS: case FS_IOC_FSGETXATTR:
		tprint_arg_next(tcp);
		return DEC_MORE;
	case FS_IOC_SETFLAGS: case FS_IOC32_SETFLAGS:
		tprint_arg_next(tcp);
		print_inode_flags_ref(tcp, arg);
		return DEC_DONE;
	case FS_IOC_FSSETXATTR:
		tprint_arg_next(tcp);
		print_fsxattr(tcp, arg, false);
		return DEC_DONE;
	case FITRIM:
		tprint_arg_next(tcp);
		print_fstrim_range(tcp, arg);
		return DEC_DONE;
	case FIFREEZE: case FITHAW:
		return DEC_DONE;   /* no argument */
	default:
		return IOCTL_UNHANDLED;
	}
}

const struct ioctl_family ioctl_family_fs = {
	.name = "fs",
	.types = { 'f', 'X' },
	.cmds = &xlat_fs_ioctl_cmds,
	.decode = fs_decode,
};
