/* FS_IOC_FIEMAP (linux/fiemap.h): the request's fields at entry, the
 * flags, the number of extents and (-v) the extents at exit. */
#include "config.h"

#include <linux/fiemap.h>

#include "decode.h"
#include "decode_ioctl.h"
#include "ioctl_common.h"
#include "sink.h"

#define FS_IOC_FIEMAP_CMD 0xc020660bu /* _IOWR('f', 11, struct fiemap) */

static void print_extent(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct fiemap_extent *fe = elem;

	(void)addr;
	(void)data;
	tprintf(tcp, "{fe_logical=%llu, fe_physical=%llu, fe_length=%llu, fe_flags=",
		(unsigned long long)fe->fe_logical, (unsigned long long)fe->fe_physical,
		(unsigned long long)fe->fe_length);
	print_flags(tcp, &xlat_fiemap_extent_flags, fe->fe_flags, "FIEMAP_EXTENT_???");
	tprints(tcp, "}");
}

static int fiemap_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	struct fiemap fm;

	if (cmd != FS_IOC_FIEMAP_CMD)
		return IOCTL_UNHANDLED;
	if (!tcp->exiting) {
		tprint_arg_next(tcp);
		if (!fetch_or_print_addr(tcp, arg, &fm, sizeof(fm)))
			return DEC_DONE;
		tprintf(tcp, "{fm_start=%llu, fm_length=%llu, fm_flags=",
			(unsigned long long)fm.fm_start, (unsigned long long)fm.fm_length);
		print_flags(tcp, &xlat_fiemap_flags, fm.fm_flags, "FIEMAP_FLAG_???");
		tprintf(tcp, ", fm_extent_count=%u}", fm.fm_extent_count);
		return IOCTL_MORE_ALWAYS;
	}
	if (ioctl_failed(tcp))
		return DEC_DONE;
	tprints(tcp, " => ");
	if (!fetch_or_print_addr(tcp, arg, &fm, sizeof(fm)))
		return DEC_DONE;
	tprints(tcp, "{fm_flags=");
	print_flags(tcp, &xlat_fiemap_flags, fm.fm_flags, "FIEMAP_FLAG_???");
	tprintf(tcp, ", fm_mapped_extents=%u, ", fm.fm_mapped_extents);
	if (pcfg.verbose) {
		struct fiemap_extent fe;

		tprints(tcp, "fm_extents=");
		print_struct_array(tcp, arg + sizeof(fm), fm.fm_mapped_extents, &fe,
				   sizeof(fe), print_extent, NULL, 0);
	} else {
		tprints(tcp, "...");
	}
	tprints(tcp, "}");
	return DEC_DONE;
}

const struct ioctl_family ioctl_family_fiemap = {
	.name = "fiemap",
	.types = { 'f' },
	.decode = fiemap_decode,
};
