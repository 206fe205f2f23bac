/* LIRC (infrared remote control) ioctls (type 'i', <linux/lirc.h>):
 * each argument is a pointer to a __u32. */
#include "config.h"

#include <linux/lirc.h>

#include "decode_ioctl.h"
#include "ioctl_families.h"
#include "sink.h"
#include "syscallent.h"

#define LIRC_GET_REC_TIMEOUT_CMD 0x80046924u /* _IOR('i', 0x24, __u32) */

/* Codes two drivers use: strace names both. */
static bool lirc_print_cmd(struct tcb *tcp, unsigned cmd)
{
	if (cmd == LIRC_SET_REC_CARRIER_RANGE)
		ioctl_print_cmd_text(tcp, cmd, "IPMICTL_SET_MAINTENANCE_MODE_CMD or LIRC_SET_REC_CARRIER_RANGE");
	else if (cmd == LIRC_GET_MIN_TIMEOUT)
		ioctl_print_cmd_text(tcp, cmd, "I2OVALIDATE or LIRC_GET_MIN_TIMEOUT");
	else
		return false;
	return true;
}

static void print_u32(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	uint32_t v;

	if (!fetch_or_print_addr(tcp, arg, &v, sizeof(v)))
		return;
	tprints(tcp, "[");
	switch (cmd) {
	case LIRC_GET_FEATURES:
		print_flags(tcp, &xlat_lirc_features, v, NULL);
		break;
	case LIRC_GET_SEND_MODE: case LIRC_GET_REC_MODE:
	case LIRC_SET_SEND_MODE: case LIRC_SET_REC_MODE:
		print_xval(tcp, &xlat_lirc_modes, v, "LIRC_MODE_???");
		break;
	case LIRC_SET_TRANSMITTER_MASK:
		tprintf(tcp, "%#x", v);
		break;
	default:
		tprintf(tcp, "%u", v);
		break;
	}
	tprints(tcp, "]");
}

static int lirc_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	if (tcp->exiting) {
		print_u32(tcp, cmd, arg);
		return DEC_DONE;
	}
	switch (cmd) {
	case LIRC_GET_FEATURES: case LIRC_GET_SEND_MODE: case LIRC_GET_REC_MODE:
	case LIRC_GET_REC_RESOLUTION: case LIRC_GET_MIN_TIMEOUT: case LIRC_GET_MAX_TIMEOUT:
	case LIRC_GET_LENGTH: case LIRC_GET_REC_TIMEOUT_CMD:
		tprint_arg_next(tcp);
		return DEC_MORE;
	case LIRC_SET_SEND_MODE: case LIRC_SET_REC_MODE: case LIRC_SET_SEND_CARRIER:
	case LIRC_SET_REC_CARRIER: case LIRC_SET_SEND_DUTY_CYCLE:
	case LIRC_SET_TRANSMITTER_MASK: case LIRC_SET_REC_TIMEOUT:
	case LIRC_SET_REC_TIMEOUT_REPORTS: case LIRC_SET_MEASURE_CARRIER_MODE:
	case LIRC_SET_REC_CARRIER_RANGE: case LIRC_SET_WIDEBAND_RECEIVER:
		tprint_arg_next(tcp);
		print_u32(tcp, cmd, arg);
		return DEC_DONE;
	default:
		return IOCTL_UNHANDLED;
	}
}

const struct ioctl_family ioctl_family_lirc = {
	.name = "lirc",
	.types = { 'i' },
	.cmds = &xlat_lirc_cmds,
	.print_cmd = lirc_print_cmd,
	.decode = lirc_decode,
};
