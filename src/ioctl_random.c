/* /dev/random ioctls (type 'R', <linux/random.h>). */
#include "config.h"

#include <linux/random.h>

#include "decode_ioctl.h"
#include "ioctl_families.h"
#include "mem.h"
#include "sink.h"
#include "syscallent.h"

/* RNDZAPENTCNT has the code of FASTRPC_IOCTL_INIT_ATTACH: both names. */
static bool random_print_cmd(struct tcb *tcp, unsigned cmd)
{
	if (cmd != RNDZAPENTCNT)
		return false;
	ioctl_print_cmd_text(tcp, cmd, "FASTRPC_IOCTL_INIT_ATTACH or RNDZAPENTCNT");
	return true;
}

static int random_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	struct rand_pool_info info;

	if (tcp->exiting) {
		print_int_ref(tcp, arg);
		return DEC_DONE;
	}
	switch (cmd) {
	case RNDGETENTCNT:
		tprint_arg_next(tcp);
		return DEC_MORE;
	case RNDADDTOENTCNT:
		tprint_arg_next(tcp);
		print_int_ref(tcp, arg);
		return DEC_DONE;
	case RNDADDENTROPY:
		tprint_arg_next(tcp);
		if (!fetch_or_print_addr(tcp, arg, &info, sizeof(info)))
			return DEC_DONE;
		tprintf(tcp, "{entropy_count=%d, buf_size=%d, buf=", info.entropy_count,
			info.buf_size);
		print_buf(tcp, arg + offsetof(struct rand_pool_info, buf), (unsigned)info.buf_size);
		tprints(tcp, "}");
		return DEC_DONE;
	case RNDZAPENTCNT: case RNDCLEARPOOL: case RNDRESEEDCRNG:
		return DEC_DONE; /* no argument */
	default:
		return IOCTL_UNHANDLED;
	}
}

const struct ioctl_family ioctl_family_random = {
	.name = "random",
	.types = { 'R' },
	.cmds = &xlat_random_cmds,
	.print_cmd = random_print_cmd,
	.decode = random_decode,
};
