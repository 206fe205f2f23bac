/* Counter character device ioctls (type 0x3e, <linux/counter.h>). */
#include "config.h"

#include <linux/counter.h>

#include "decode_ioctl.h"
#include "ioctl_families.h"
#include "sink.h"
#include "syscallent.h"

static int counter_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	struct counter_watch w;

	switch (cmd) {
	case COUNTER_ADD_WATCH_IOCTL:
		tprint_arg_next(tcp);
		if (!fetch_or_print_addr(tcp, arg, &w, sizeof(w)))
			return DEC_DONE;
		tprints(tcp, "{component={type=");
		print_xval(tcp, &xlat_counter_component_types, w.component.type,
			   "COUNTER_COMPONENT_???");
		tprints(tcp, ", scope=");
		print_xval(tcp, &xlat_counter_scopes, w.component.scope, "COUNTER_SCOPE_???");
		tprintf(tcp, ", parent=%u, id=%u}, event=", w.component.parent, w.component.id);
		print_xval(tcp, &xlat_counter_events, w.event, "COUNTER_EVENT_???");
		tprintf(tcp, ", channel=%u}", w.channel);
		return DEC_DONE;
	case COUNTER_ENABLE_EVENTS_IOCTL: case COUNTER_DISABLE_EVENTS_IOCTL:
		return DEC_DONE; /* no argument */
	default:
		return IOCTL_UNHANDLED;
	}
}

const struct ioctl_family ioctl_family_counter = {
	.name = "counter",
	.types = { 0x3e },
	.cmds = &xlat_counter_cmds,
	.decode = counter_decode,
};
