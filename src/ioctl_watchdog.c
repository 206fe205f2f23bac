/* Watchdog ioctls (type 'W', <linux/watchdog.h>). */
#include "config.h"

#include <linux/watchdog.h>

#include "decode_ioctl.h"
#include "ioctl_families.h"
#include "sink.h"
#include "syscallent.h"

static int watchdog_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	if (tcp->exiting) {
		print_int_ref(tcp, arg);
		return DEC_DONE;
	}
	switch (cmd) {
	case WDIOC_GETSTATUS: case WDIOC_GETBOOTSTATUS: case WDIOC_GETTEMP:
	case WDIOC_GETTIMEOUT: case WDIOC_GETPRETIMEOUT: case WDIOC_GETTIMELEFT:
		tprint_arg_next(tcp);
		return DEC_MORE;
	case WDIOC_SETTIMEOUT: case WDIOC_SETPRETIMEOUT:
		tprint_arg_next(tcp);
		print_int_ref(tcp, arg);
		return DEC_DONE;
	case WDIOC_KEEPALIVE:
		return DEC_DONE; /* the argument is ignored */
	default:
		return IOCTL_UNHANDLED;
	}
}

const struct ioctl_family ioctl_family_watchdog = {
	.name = "watchdog",
	.types = { 'W' },
	.cmds = &xlat_watchdog_cmds,
	.decode = watchdog_decode,
};
