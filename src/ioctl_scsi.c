/* SCSI generic requests (scsi/sg.h, type 0x22).  SG_IO's sg_io_hdr and
 * sg_io_v4 structures are not decoded yet: their address is printed. */
#include "config.h"

#include <sys/ioctl.h>
#include <scsi/sg.h>

#include "decode.h"
#include "decode_ioctl.h"
#include "print.h"

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

static int scsi_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	if (tcp->exiting) {
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
		tprint_arg_next(tcp);
		print_addr(tcp, arg);
		return DEC_DONE;
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
