/* HDIO_* ioctls (type 0x03, <linux/hdreg.h>): HDIO_GETGEO,
 * HDIO_DRIVE_CMD, the HDIO_GET_* and HDIO_SET_* settings. */
#include "config.h"

#include <linux/hdreg.h>

#include "decode_ioctl.h"
#include "ioctl_families.h"
#include "mem.h"
#include "sink.h"
#include "quote.h"
#include "syscallent.h"
#include "util.h"

/* IDE_NICE_* are bit numbers: "1 << IDE_NICE_1|0xf0" */
static void print_ide_nice(struct tcb *tcp, uint64_t v)
{
	ioctl_print_bit_flags(tcp, &xlat_hdio_ide_nice, v, "1 << ", "IDE_NICE_???");
}

/* The sector data after an HDIO_DRIVE_CMD header: in hex, -s bytes. */
static void print_hex_buf(struct tcb *tcp, unsigned long addr, unsigned long len)
{
	size_t n = len < pcfg.max_strlen ? len : pcfg.max_strlen;
	char data[4096], out[QUOTE_SIZE(4096)];

	if (n > sizeof(data))
		n = sizeof(data);
	if (mem_read_struct(tcp, addr, data, n) < 0) {
		print_addr(tcp, addr);
		return;
	}
	tprintn(tcp, out, quote_string(data, n, QUOTE_HEX_ALL, out));
	if (len > n)
		tprints(tcp, "...");
}

static int hdio_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	struct hd_drive_cmd_hdr dc;
	struct hd_geometry geo;
	uint64_t v;

	if (tcp->exiting) {
		switch (cmd) {
		case HDIO_GETGEO:
			if (fetch_or_print_addr(tcp, arg, &geo, sizeof(geo)))
				tprintf(tcp, "{heads=%u, sectors=%u, cylinders=%u, start=%lu}",
					geo.heads, geo.sectors, geo.cylinders, geo.start);
			break;
		case HDIO_DRIVE_CMD:
			/* the entry printed the header: its answer on success */
			tprints(tcp, "}");
			if (!tcp->err && tcp->rval >= 0 &&
			    mem_read(tcp->pid, arg, &dc, sizeof(dc)) == 0) {
				tprintf(tcp, " => {status=%#x, error=%u, nsector=%u", dc.command,
					dc.sector_number, dc.feature);
				if (dc.sector_count) {
					tprints(tcp, ", buf=");
					print_hex_buf(tcp, arg + sizeof(dc), dc.sector_count * 512ul);
				}
				tprints(tcp, "}");
			}
			break;
		case HDIO_GET_NICE:
			if (fetch_or_print_addr(tcp, arg, &v, sizeof(v))) {
				tprints(tcp, "[");
				print_ide_nice(tcp, v);
				tprints(tcp, "]");
			}
			break;
		case HDIO_GET_BUSSTATE:
			if (fetch_or_print_addr(tcp, arg, &v, sizeof(v))) {
				tprints(tcp, "[");
				print_xval(tcp, &xlat_hdio_busstates, v, "BUSSTATE_???");
				tprints(tcp, "]");
			}
			break;
		case HDIO_OBSOLETE_IDENTITY:
			print_buf(tcp, arg, 142);
			break;
		case HDIO_GET_IDENTITY:
			print_buf(tcp, arg, 512);
			break;
		default: /* the HDIO_GET_* settings: an unsigned long */
			if (fetch_or_print_addr(tcp, arg, &v, sizeof(v)))
				tprintf(tcp, "[%llu]", (unsigned long long)v);
			break;
		}
		return DEC_DONE;
	}
	switch (cmd) {
	case HDIO_GETGEO: case HDIO_GET_NICE: case HDIO_GET_BUSSTATE:
	case HDIO_OBSOLETE_IDENTITY: case HDIO_GET_IDENTITY:
	case HDIO_GET_32BIT: case HDIO_GET_ACOUSTIC: case HDIO_GET_ADDRESS:
	case HDIO_GET_DMA: case HDIO_GET_KEEPSETTINGS: case HDIO_GET_MULTCOUNT:
	case HDIO_GET_NOWERR: case HDIO_GET_UNMASKINTR: case HDIO_GET_WCACHE:
		tprint_arg_next(tcp);
		return DEC_MORE;
	case HDIO_DRIVE_CMD:
		tprint_arg_next(tcp);
		if (!fetch_or_print_addr(tcp, arg, &dc, sizeof(dc)))
			return DEC_DONE;
		tprints(tcp, "{command=");
		print_xval(tcp, &xlat_hdio_drive_cmds, dc.command, "ATA_CMD_???");
		tprintf(tcp, ", sector_number=%u, feature=%u, sector_count=%u", dc.sector_number,
			dc.feature, dc.sector_count);
		return DEC_MORE;
	case HDIO_DRIVE_RESET: case HDIO_SCAN_HWIF: {
		unsigned a[3];

		tprint_arg_next(tcp);
		if (fetch_or_print_addr(tcp, arg, a, sizeof(a)))
			tprintf(tcp, "[%#x, %#x, %#x]", a[0], a[1], a[2]);
		return DEC_DONE;
	}
	case HDIO_SET_NICE:
		tprint_arg_next(tcp);
		print_ide_nice(tcp, arg);
		return DEC_DONE;
	case HDIO_SET_BUSSTATE:
		tprint_arg_next(tcp);
		print_xval(tcp, &xlat_hdio_busstates, arg, "BUSSTATE_???");
		return DEC_DONE;
	case HDIO_SET_32BIT: case HDIO_SET_ACOUSTIC: case HDIO_SET_ADDRESS:
	case HDIO_SET_DMA: case HDIO_SET_KEEPSETTINGS: case HDIO_SET_MULTCOUNT:
	case HDIO_SET_NOWERR: case HDIO_SET_PIO_MODE: case HDIO_SET_UNMASKINTR:
	case HDIO_SET_WCACHE: case HDIO_UNREGISTER_HWIF:
		tprint_arg_next(tcp);
		tprintf(tcp, "%lu", arg);
		return DEC_DONE;
	default:
		return IOCTL_UNHANDLED;
	}
}

/* HDIO_DRIVE_CMD ends its header at exit, failed or not. */
static bool hdio_exit_on_error(unsigned cmd)
{
	return cmd == HDIO_DRIVE_CMD;
}

const struct ioctl_family ioctl_family_hdio = {
	.name = "hdio",
	.types = { 0x03 },
	.cmds = &xlat_hdio_cmds,
	.decode = hdio_decode,
	.exit_on_error = hdio_exit_on_error,
};
