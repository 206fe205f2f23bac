/* PERF_EVENT_IOC_* (type '$', <linux/perf_event.h>): requests on a
 * perf_event_open() descriptor. */
#include "config.h"

#include <stdint.h>

#include "decode.h"
#include "decode_ioctl.h"
#include "decode_perf.h"
#include "ioctl_families.h"
#include "mem.h"
#include "sink.h"
#include "syscallent.h"

enum {
	IOC_ENABLE = 0x2400, IOC_DISABLE = 0x2401, IOC_REFRESH = 0x2402, IOC_RESET = 0x2403,
	IOC_PERIOD = 0x40082404, IOC_SET_OUTPUT = 0x2405, IOC_SET_FILTER = 0x40082406,
	IOC_ID = 0x80082407, IOC_SET_BPF = 0x40042408, IOC_PAUSE_OUTPUT = 0x40042409,
	IOC_QUERY_BPF = 0xc008240a, IOC_MODIFY_ATTRIBUTES = 0x4008240b,
};

static void print_u32_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	(void)addr;
	(void)data;
	tprintf(tcp, "%u", *(uint32_t *)elem);
}

/* struct perf_event_query_bpf {u32 ids_len, prog_cnt; u32 ids[]}: ids_len
 * at entry, the rest at exit when the call succeeded. */
static int query_bpf(struct tcb *tcp, unsigned long arg)
{
	uint32_t len, cnt, id;

	if (!tcp->exiting) {
		tprint_arg_next(tcp);
		if (!fetch_or_print_addr(tcp, arg, &len, sizeof(len)))
			return DEC_DONE;
		tprintf(tcp, "{ids_len=%u", len);
		return IOCTL_MORE_ALWAYS;
	}
	if (ioctl_failed(tcp) || mem_read_struct(tcp, arg, &len, sizeof(len)) < 0 ||
	    mem_read_struct(tcp, arg + 4, &cnt, sizeof(cnt)) < 0) {
		tprints(tcp, ", ...}");
		return DEC_DONE;
	}
	tprintf(tcp, ", prog_cnt=%u, ids=", cnt);
	if (cnt > len)
		cnt = len;
	if (!cnt)
		tprints(tcp, "[]");
	else if (fetch_or_print_addr(tcp, arg + 8, &id, sizeof(id)))
		print_array(tcp, arg + 8, cnt, &id, sizeof(id), print_u32_elem, NULL, PA_FAULT_ADDR);
	tprints(tcp, "}");
	return DEC_DONE;
}

static int perf_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	if (tcp->exiting) {
		switch (cmd) {
		case IOC_ID:
			print_u64_ref(tcp, arg);
			return DEC_DONE;
		case IOC_QUERY_BPF:
			return query_bpf(tcp, arg);
		case IOC_MODIFY_ATTRIBUTES:
			perf_attr_print(tcp, arg);
			return DEC_DONE;
		default:
			return DEC_DONE;
		}
	}
	switch (cmd) {
	case IOC_ENABLE: case IOC_DISABLE: case IOC_RESET:
		tprint_arg_next(tcp);
		print_flags(tcp, &xlat_perf_ioc_flags, (unsigned)arg, "PERF_IOC_FLAG_???");
		return DEC_DONE;
	case IOC_REFRESH:
		tprint_arg_next(tcp);
		print_dec(tcp, (int)arg);
		return DEC_DONE;
	case IOC_SET_OUTPUT: case IOC_SET_BPF:
		tprint_arg_next(tcp);
		print_fd(tcp, (int)arg);
		return DEC_DONE;
	case IOC_PAUSE_OUTPUT:
		tprint_arg_next(tcp);
		print_udec(tcp, arg);
		return DEC_DONE;
	case IOC_PERIOD:
		tprint_arg_next(tcp);
		print_u64_ref(tcp, arg);
		return DEC_DONE;
	case IOC_SET_FILTER:
		tprint_arg_next(tcp);
		print_str(tcp, arg);
		return DEC_DONE;
	case IOC_ID:
		tprint_arg_next(tcp);
		return DEC_MORE;
	case IOC_QUERY_BPF:
		return query_bpf(tcp, arg);
	case IOC_MODIFY_ATTRIBUTES:
		tprint_arg_next(tcp);
		return perf_attr_fetch(tcp, arg) ? IOCTL_MORE_ALWAYS : DEC_DONE;
	default:
		return IOCTL_UNHANDLED;
	}
}

const struct ioctl_family ioctl_family_perf = {
	.name = "perf",
	.types = { '$' },
	.cmds = &xlat_perf_ioctl_cmds,
	.decode = perf_decode,
};
