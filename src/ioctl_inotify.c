/* inotify ioctls (type 'I'): INOTIFY_IOC_SETNEXTWD takes an int. */
#include "config.h"

#include "decode_ioctl.h"
#include "ioctl_families.h"
#include "sink.h"
#include "syscallent.h"

#define INOTIFY_IOC_SETNEXTWD_CMD 0x40044900u /* _IOW('I', 0, __s32) */

static int inotify_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	if (cmd != INOTIFY_IOC_SETNEXTWD_CMD)
		return IOCTL_UNHANDLED;
	tprint_arg_next(tcp);
	tprintf(tcp, "%d", (int)arg);
	return DEC_DONE;
}

const struct ioctl_family ioctl_family_inotify = {
	.name = "inotify",
	.types = { 'I' },
	.cmds = &xlat_inotify_cmds,
	.decode = inotify_decode,
};
