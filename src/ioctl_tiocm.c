/* Modem line ioctls (TIOCMGET, TIOCMBIS, TIOCMBIC, TIOCMSET): type 'T',
 * tried after the tty family, which leaves them. */
#include "config.h"

#include <sys/ioctl.h>

#include "decode_ioctl.h"
#include "ioctl_families.h"
#include "sink.h"
#include "syscallent.h"

static void print_tiocm(struct tcb *tcp, unsigned long addr)
{
	unsigned v;

	if (!fetch_or_print_addr(tcp, addr, &v, sizeof(v)))
		return;
	tprints(tcp, "[");
	print_flags(tcp, &xlat_tiocm_flags, v, "TIOCM_???");
	tprints(tcp, "]");
}

static int tiocm_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	if (tcp->exiting) {
		print_tiocm(tcp, arg);
		return DEC_DONE;
	}
	switch (cmd) {
	case TIOCMGET:
		tprint_arg_next(tcp);
		return DEC_MORE;
	case TIOCMBIS: case TIOCMBIC: case TIOCMSET:
		tprint_arg_next(tcp);
		print_tiocm(tcp, arg);
		return DEC_DONE;
	default:
		return IOCTL_UNHANDLED;
	}
}

const struct ioctl_family ioctl_family_tiocm = {
	.name = "tiocm",
	.types = { 'T' },
	.decode = tiocm_decode,
};
