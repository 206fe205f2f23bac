/* Network block device requests (linux/nbd.h, type 0xab): every
 * argument is a value, none a pointer. */
#include "config.h"

#include <sys/ioctl.h>
#include <linux/nbd.h>

#include "decode.h"
#include "decode_ioctl.h"
#include "sink.h"

static int nbd_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	switch (cmd) {
	case NBD_DISCONNECT: case NBD_CLEAR_SOCK: case NBD_DO_IT:
	case NBD_CLEAR_QUE: case NBD_PRINT_DEBUG:
		return DEC_DONE;   /* no argument */
	case NBD_SET_SOCK:
		tprint_arg_next(tcp);
		print_fd(tcp, (int)arg);
		return DEC_DONE;
	case NBD_SET_BLKSIZE: case NBD_SET_SIZE: case NBD_SET_SIZE_BLOCKS:
	case NBD_SET_TIMEOUT:
		tprint_arg_next(tcp);
		print_udec(tcp, arg);
		return DEC_DONE;
	case NBD_SET_FLAGS:
		tprint_arg_next(tcp);
		print_flags(tcp, &xlat_nbd_ioctl_flags, arg, NULL);
		return DEC_DONE;
	default:
		return IOCTL_UNHANDLED;
	}
}

const struct ioctl_family ioctl_family_nbd = {
	.name = "nbd",
	.types = { 0xab },
	.cmds = &xlat_nbd_ioctl_cmds,
	.decode = nbd_decode,
};
