/* nsfs ioctls (type 0xb7, <linux/nsfs.h>): namespace file descriptors. */
#include "config.h"

#include <linux/nsfs.h>

#include "decode_ioctl.h"
#include "ioctl_families.h"
#include "sink.h"
#include "syscallent.h"

static int nsfs_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	if (tcp->exiting) {
		bool ok = !tcp->err && tcp->rval >= 0;

		if (cmd == NS_GET_NSTYPE) {
			/* the return value is a CLONE_NEW* type */
			if (ok)
				tcp->auxstr = xlat_lookup(&xlat_setns_types, (uint64_t)tcp->rval);
		} else if (ok) {
			unsigned uid;

			if (fetch_or_print_addr(tcp, arg, &uid, sizeof(uid)))
				tprintf(tcp, "[%u]", uid);
		}
		return DEC_DONE;
	}
	switch (cmd) {
	case NS_GET_USERNS: case NS_GET_PARENT:
		tcp->rval_fd = true; /* a new namespace fd; no argument */
		return DEC_DONE;
	case NS_GET_NSTYPE:
		return DEC_MORE;
	case NS_GET_OWNER_UID:
		tprint_arg_next(tcp);
		return DEC_MORE;
	default:
		return IOCTL_UNHANDLED;
	}
}

/* NS_GET_NSTYPE prints nothing at a failed exit (no argument). */
static bool nsfs_exit_on_error(unsigned cmd)
{
	return cmd == NS_GET_NSTYPE;
}

const struct ioctl_family ioctl_family_nsfs = {
	.name = "nsfs",
	.types = { 0xb7 },
	.cmds = &xlat_nsfs_cmds,
	.decode = nsfs_decode,
	.exit_on_error = nsfs_exit_on_error,
};
