/* perf_event_open(2) and struct perf_event_attr as strace 6.1 prints
 * them: the structure is read at entry (its size field says how much)
 * and printed at exit, where an E2BIG call shows the size the kernel
 * wrote back ("size=0xa0 => 0x88").  Without -v the fields up to the
 * flag bits, with only the bits that are set. */
#include "config.h"
#include "decode_perf.h"

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "gen/decoders.h"
#include "mem.h"
#include "sink.h"

/* struct perf_event_attr up to version 7 (128 bytes), the layout of the
 * kernel ABI, independent of the headers' version. */
struct k_perf_attr {
	uint32_t type;
	uint32_t size;
	uint64_t config;
	uint64_t sample_period;    /* sample_freq when the freq bit is set */
	uint64_t sample_type;
	uint64_t read_format;
	uint64_t bits;             /* the flag bits, see attr_bits[] */
	uint32_t wakeup_events;    /* wakeup_watermark when watermark is set */
	uint32_t bp_type;
	uint64_t config1;          /* bp_addr */
	uint64_t config2;          /* bp_len */
	uint64_t branch_sample_type;
	uint64_t sample_regs_user;
	uint32_t sample_stack_user;
	int32_t clockid;
	uint64_t sample_regs_intr;
	uint32_t aux_watermark;
	uint16_t sample_max_stack;
	uint16_t reserved_2;
	uint32_t aux_sample_size;
	uint32_t reserved_3;
	uint64_t sig_data;
};

_Static_assert(sizeof(struct k_perf_attr) == 128, "perf_event_attr version 7 is 128 bytes");

enum {
	PERF_TYPE_HW = 0, PERF_TYPE_SW = 1, PERF_TYPE_TP = 2, PERF_TYPE_CACHE = 3,
	PERF_TYPE_BP = 5,
	ATTR_SIZE_VER0 = 64,
	ATTR_ABBREV_SIZE = offsetof(struct k_perf_attr, wakeup_events),
	SAMPLE_BRANCH_STACK = 1 << 11,
	SAMPLE_STACK_USER = 1 << 13,
	HW_BREAKPOINT_RWX = 7,
};

/* The flag bits of the 64-bit word at offset 40, in the kernel's order;
 * bits 38..63 are reserved (printed in hex when set). */
static const struct attr_bit {
	const char *name;
	uint8_t shift, width;
} attr_bits[] = {
	{ "disabled", 0, 1 }, { "inherit", 1, 1 }, { "pinned", 2, 1 },
	{ "exclusive", 3, 1 }, { "exclude_user", 4, 1 }, { "exclude_kernel", 5, 1 },
	{ "exclude_hv", 6, 1 }, { "exclude_idle", 7, 1 }, { "mmap", 8, 1 },
	{ "comm", 9, 1 }, { "freq", 10, 1 }, { "inherit_stat", 11, 1 },
	{ "enable_on_exec", 12, 1 }, { "task", 13, 1 }, { "watermark", 14, 1 },
	{ "precise_ip", 15, 2 }, { "mmap_data", 17, 1 }, { "sample_id_all", 18, 1 },
	{ "exclude_host", 19, 1 }, { "exclude_guest", 20, 1 },
	{ "exclude_callchain_kernel", 21, 1 }, { "exclude_callchain_user", 22, 1 },
	{ "mmap2", 23, 1 }, { "comm_exec", 24, 1 }, { "use_clockid", 25, 1 },
	{ "context_switch", 26, 1 }, { "write_backward", 27, 1 }, { "namespaces", 28, 1 },
	{ "ksymbol", 29, 1 }, { "bpf_event", 30, 1 }, { "aux_output", 31, 1 },
	{ "cgroup", 32, 1 }, { "text_poke", 33, 1 }, { "build_id", 34, 1 },
	{ "inherit_thread", 35, 1 }, { "remove_on_exec", 36, 1 }, { "sigtrap", 37, 1 },
};
enum { BIT_FREQ = 10, BIT_WATERMARK = 14, BIT_USE_CLOCKID = 25, RESERVED_SHIFT = 38 };

static const char *const precise_ip_desc[4] = {
	"arbitrary skid", "constant skid", "requested to have 0 skid", "must have 0 skid",
};

struct perf_attr_priv {
	struct k_perf_attr a;
	uint32_t size;             /* bytes read */
};

static bool bit(const struct k_perf_attr *a, unsigned shift)
{
	return (a->bits >> shift) & 1;
}

bool perf_attr_fetch(struct tcb *tcp, unsigned long addr)
{
	struct perf_attr_priv *p;
	uint32_t size;

	if (!addr || mem_read(tcp->pid, addr + offsetof(struct k_perf_attr, size), &size,
			      sizeof(size)) < 0) {
		print_addr(tcp, addr);
		return false;
	}
	if (size > sizeof(struct k_perf_attr))
		size = sizeof(struct k_perf_attr);
	if (!size)
		size = ATTR_SIZE_VER0;
	if (size < ATTR_SIZE_VER0) {
		print_addr(tcp, addr);
		return false;
	}
	if (!pcfg.verbose)
		size = ATTR_ABBREV_SIZE;
	p = calloc(1, sizeof(*p));
	if (!p || mem_read_struct(tcp, addr, &p->a, size) < 0) {
		free(p);
		print_addr(tcp, addr);
		return false;
	}
	p->size = size;
	tcb_set_call_priv(tcp, p, free);
	return true;
}

/* "HI<<32|" for the PMU type in the high half of config */
static void print_config_high(struct tcb *tcp, uint64_t config)
{
	if (config >> 32)
		tprintf(tcp, "%#llx<<32|", (unsigned long long)(config >> 32));
}

static void print_config(struct tcb *tcp, const struct k_perf_attr *a)
{
	uint64_t c = a->config;

	tprints(tcp, ", config=");
	switch (a->type) {
	case PERF_TYPE_HW:
		print_config_high(tcp, c);
		print_xval(tcp, &xlat_perf_hw_ids, c & 0xffffffff, "PERF_COUNT_HW_???");
		break;
	case PERF_TYPE_SW:
		print_xval(tcp, &xlat_perf_sw_ids, c, "PERF_COUNT_SW_???");
		break;
	case PERF_TYPE_TP:
		tprintf(tcp, "%llu", (unsigned long long)c);
		break;
	case PERF_TYPE_CACHE:
		print_config_high(tcp, c);
		if ((c & 0xffffffff) >> 24)
			tprintf(tcp, "%#llx<<24|", (unsigned long long)((c & 0xffffffff) >> 24));
		print_xval(tcp, &xlat_perf_hw_cache_op_result_ids, (c >> 16) & 0xff,
			   "PERF_COUNT_HW_CACHE_RESULT_???");
		tprints(tcp, "<<16|");
		print_xval(tcp, &xlat_perf_hw_cache_op_ids, (c >> 8) & 0xff,
			   "PERF_COUNT_HW_CACHE_OP_???");
		tprints(tcp, "<<8|");
		print_xval(tcp, &xlat_perf_hw_cache_ids, c & 0xff, "PERF_COUNT_HW_CACHE_???");
		break;
	default:
		tprintf(tcp, "%#llx", (unsigned long long)c);
		break;
	}
}

static void print_bits(struct tcb *tcp, const struct k_perf_attr *a)
{
	for (size_t i = 0; i < sizeof(attr_bits) / sizeof(attr_bits[0]); i++) {
		const struct attr_bit *b = &attr_bits[i];
		unsigned v = (a->bits >> b->shift) & ((1u << b->width) - 1);

		if (b->width > 1) {
			tprintf(tcp, ", %s=%u /* %s */", b->name, v, precise_ip_desc[v & 3]);
			continue;
		}
		if (v || pcfg.verbose)
			tprintf(tcp, ", %s=%u", b->name, v);
	}
	if (a->bits >> RESERVED_SHIFT)
		tprintf(tcp, ", __reserved_1=%#llx /* Bits 63..%u */",
			(unsigned long long)(a->bits >> RESERVED_SHIFT), RESERVED_SHIFT);
}

/* Does the field at offset off start within the size bytes read? */
#define HAS(size, field) (offsetof(struct k_perf_attr, field) < (size))

/* The fields after the flag bits (-v): those that start within size. */
static void print_tail(struct tcb *tcp, const struct k_perf_attr *a, uint32_t size)
{
	bool bp = a->type == PERF_TYPE_BP;

	tprintf(tcp, ", %s=%u", bit(a, BIT_WATERMARK) ? "wakeup_watermark" : "wakeup_events",
		a->wakeup_events);
	if (bp) {
		tprints(tcp, ", bp_type=");
		print_xval(tcp, &xlat_hw_breakpoint_types, a->bp_type,
			   a->bp_type <= HW_BREAKPOINT_RWX ? "HW_BREAKPOINT_INVALID"
							   : "HW_BREAKPOINT_???");
	}
	tprintf(tcp, ", %s=%#llx", bp ? "bp_addr" : "config1", (unsigned long long)a->config1);
	if (!HAS(size, config2))
		return;
	if (bp)
		tprintf(tcp, ", bp_len=%llu", (unsigned long long)a->config2);
	else
		tprintf(tcp, ", config2=%#llx", (unsigned long long)a->config2);
	if (!HAS(size, branch_sample_type))
		return;
	if (a->sample_type & SAMPLE_BRANCH_STACK) {
		tprints(tcp, ", branch_sample_type=");
		print_flags(tcp, &xlat_perf_branch_sample_types, a->branch_sample_type,
			    "PERF_SAMPLE_BRANCH_???");
	}
	if (!HAS(size, sample_regs_user))
		return;
	tprintf(tcp, ", sample_regs_user=%#llx", (unsigned long long)a->sample_regs_user);
	if (!HAS(size, sample_stack_user))
		return;
	if (a->sample_type & SAMPLE_STACK_USER)
		tprintf(tcp, ", sample_stack_user=%#x", a->sample_stack_user);
	if (bit(a, BIT_USE_CLOCKID)) {
		if (!HAS(size, clockid))
			return;
		tprints(tcp, ", clockid=");
		print_xval(tcp, &xlat_clock_ids, (uint32_t)a->clockid, "CLOCK_???");
	}
	if (!HAS(size, sample_regs_intr))
		return;
	tprintf(tcp, ", sample_regs_intr=%#llx", (unsigned long long)a->sample_regs_intr);
	if (!HAS(size, aux_watermark))
		return;
	tprintf(tcp, ", aux_watermark=%u", a->aux_watermark);
	if (!HAS(size, sample_max_stack))
		return;
	tprintf(tcp, ", sample_max_stack=%u", a->sample_max_stack);
	if (!HAS(size, reserved_2))
		return;
	if (a->reserved_2)
		tprintf(tcp, " /* bytes 110..111: %#x */", a->reserved_2);
	if (!HAS(size, aux_sample_size))
		return;
	tprintf(tcp, ", aux_sample_size=%u", a->aux_sample_size);
	if (!HAS(size, reserved_3))
		return;
	if (a->reserved_3)
		tprintf(tcp, " /* bytes 116..119: %#x */", a->reserved_3);
	if (!HAS(size, sig_data))
		return;
	tprintf(tcp, ", sig_data=%#llx", (unsigned long long)a->sig_data);
}

void perf_attr_print(struct tcb *tcp, unsigned long addr)
{
	const struct perf_attr_priv *p = tcp->call_priv;
	const struct k_perf_attr *a;
	uint32_t new_size;

	if (!p) {
		print_addr(tcp, addr);
		return;
	}
	a = &p->a;
	tprints(tcp, "{type=");
	print_xval(tcp, &xlat_perf_type_ids, a->type, "PERF_TYPE_???");
	tprints(tcp, ", size=");
	print_xval(tcp, &xlat_perf_attr_sizes, a->size, "PERF_ATTR_SIZE_???");
	if (tcp->exiting && tcp->err == E2BIG) {
		tprints(tcp, " => ");
		if (mem_read(tcp->pid, addr + offsetof(struct k_perf_attr, size), &new_size,
			     sizeof(new_size)) < 0)
			tprints(tcp, "???");
		else
			print_xval(tcp, &xlat_perf_attr_sizes, new_size, "PERF_ATTR_SIZE_???");
	}
	print_config(tcp, a);
	tprintf(tcp, ", %s=%llu", bit(a, BIT_FREQ) ? "sample_freq" : "sample_period",
		(unsigned long long)a->sample_period);
	tprints(tcp, ", sample_type=");
	print_flags(tcp, &xlat_perf_sample_types, a->sample_type, "PERF_SAMPLE_???");
	tprints(tcp, ", read_format=");
	print_flags(tcp, &xlat_perf_read_formats, a->read_format, "PERF_FORMAT_???");
	print_bits(tcp, a);
	if (pcfg.verbose)
		print_tail(tcp, a, p->size);
	if ((a->size && a->size > p->size) || (!a->size && p->size < ATTR_SIZE_VER0))
		tprints(tcp, ", ...");
	tprints(tcp, "}");
}

/* perf_event_open(attr, pid, cpu, group_fd, flags) */
int dec_perf_event_open(struct tcb *tcp)
{
	if (!tcp->exiting) {
		if (perf_attr_fetch(tcp, tcp->args[0]))
			return DEC_MORE;
	} else {
		perf_attr_print(tcp, tcp->args[0]);
	}
	tprint_arg_next(tcp);
	print_dec(tcp, (int)tcp->args[1]);
	tprint_arg_next(tcp);
	print_dec(tcp, (int)tcp->args[2]);
	tprint_arg_next(tcp);
	print_fd(tcp, (int)tcp->args[3]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_perf_event_open_flags, tcp->args[4]);
	return DEC_DONE;
}
