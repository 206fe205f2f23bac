/* futex(2) decoder. */
#include "config.h"
#include "decode_futex.h"

#include <inttypes.h>
#include <linux/futex.h>
#include <stdio.h>

#include "decode.h"
#include "decode_time.h"
#include "gen/decoders.h"
#include "mem.h"
#include "sink.h"
#include "strbuf.h"
#include "util.h"

/* The names of op, or false: strace 6.1 names a command, its _PRIVATE
 * variant, FUTEX_FD|FUTEX_PRIVATE_FLAG, and FUTEX_CLOCK_REALTIME only on
 * the waits that take it (FUTEX_WAIT, FUTEX_WAIT_BITSET,
 * FUTEX_WAIT_REQUEUE_PI); any other combination is FUTEX_???. */
static bool format_futex_op_names(char *buf, size_t size, uint32_t op)
{
	uint32_t base = op & ~(uint32_t)FUTEX_CLOCK_REALTIME;
	uint32_t cmd = op & FUTEX_CMD_MASK;
	const char *name = xlat_lookup(&xlat_futex_ops, base);
	struct strbuf sb;

	sb_init(&sb, buf, size);
	if (base == (FUTEX_FD | FUTEX_PRIVATE_FLAG))
		name = "FUTEX_FD|FUTEX_PRIVATE_FLAG";
	if (!name)
		return false;
	if ((op & FUTEX_CLOCK_REALTIME) &&
	    cmd != FUTEX_WAIT && cmd != FUTEX_WAIT_BITSET && cmd != FUTEX_WAIT_REQUEUE_PI)
		return false;
	sb_puts(&sb, name);
	if (op & FUTEX_CLOCK_REALTIME)
		sb_puts(&sb, "|FUTEX_CLOCK_REALTIME");
	return true;
}

size_t format_futex_op(char *buf, size_t size, uint32_t op)
{
	char names[256], raw[16];
	bool known = format_futex_op_names(names, sizeof(names), op);

	snprintf(raw, sizeof(raw), op ? "%#x" : "0", op);
	if (!known && pcfg.xlat_style != XLAT_RAW)
		return (size_t)snprintf(buf, size, "%s /* FUTEX_??? */", raw);
	return format_xlat_styled(buf, size, raw, known ? names : NULL);
}

size_t format_futex_wake_op(char *buf, size_t size, uint32_t val3)
{
	unsigned op = (val3 >> 28) & 0xf, cmp = (val3 >> 24) & 0xf;
	unsigned oparg = (val3 >> 12) & 0xfff, cmparg = val3 & 0xfff;
	const char *opname = xlat_lookup(&xlat_futex_wake_ops, op & 7);
	const char *cmpname = xlat_lookup(&xlat_futex_wake_cmps, cmp);
	struct strbuf sb;

	sb_init(&sb, buf, size);
	if (pcfg.xlat_style != XLAT_ABBREV) {
		char o[96], c[96], raw[16];

		if (pcfg.xlat_style == XLAT_RAW) {
			/* strace 6.1's raw form */
			sb_printf(&sb, op ? "%#x<<28 /* FUTEX_OP_??? */" : "0<<28 /* FUTEX_OP_??? */", op);
			sb_printf(&sb, oparg ? "|%#x<<12|" : "|0<<12|", oparg);
			sb_printf(&sb, cmp ? "%#x<<24 /* FUTEX_OP_CMP_??? */" : "0<<24 /* FUTEX_OP_CMP_??? */", cmp);
			sb_printf(&sb, cmparg ? "|%#x" : "|0", cmparg);
			return sb_len(&sb);
		}
		snprintf(raw, sizeof(raw), op ? "%#x" : "0", op);
		format_xlat_styled(o, sizeof(o), raw, (op & 8) ? NULL : opname);
		snprintf(raw, sizeof(raw), cmp ? "%#x" : "0", cmp);
		format_xlat_styled(c, sizeof(c), raw, cmpname);
		sb_printf(&sb, "%s<<28", o);
		sb_printf(&sb, oparg ? "|%#x<<12|" : "|0<<12|", oparg);
		sb_printf(&sb, "%s<<24", c);
		sb_printf(&sb, cmparg ? "|%#x" : "|0", cmparg);
		return sb_len(&sb);
	}
	if (op & 8)
		sb_puts(&sb, "FUTEX_OP_OPARG_SHIFT<<28|");
	if (opname)
		sb_printf(&sb, "%s<<28", opname);
	else
		sb_printf(&sb, "%#x<<28 /* FUTEX_OP_??? */", op & 7);
	sb_printf(&sb, "|%#x<<12|", oparg);
	if (cmpname)
		sb_printf(&sb, "%s<<24", cmpname);
	else
		sb_printf(&sb, "%#x<<24 /* FUTEX_OP_CMP_??? */", cmp);
	sb_printf(&sb, "|%#x", cmparg);
	return sb_len(&sb);
}

static void print_bitset(struct tcb *tcp, uint32_t v)
{
	if (v == FUTEX_BITSET_MATCH_ANY)
		tprints(tcp, "FUTEX_BITSET_MATCH_ANY");
	else
		tprintf(tcp, "%#x", v);
}

/* The arguments after uaddr and op, per command: v val, t the timeout
 * (args[3]), n val2 (args[3]), a uaddr2 (args[4]), u val3 (args[5]),
 * w FUTEX_WAKE_OP's val3, b the bitset (args[5]), x the next of
 * args[3..5] in hex, X the same as a 32-bit value. */
static const char *futex_layout(uint32_t cmd)
{
	switch (cmd) {
	case FUTEX_WAIT: return "vt";
	case FUTEX_WAKE: case FUTEX_FD: return "v";
	case FUTEX_REQUEUE: return "vna";
	case FUTEX_CMP_REQUEUE: case FUTEX_CMP_REQUEUE_PI: return "vnau";
	case FUTEX_WAKE_OP: return "vnaw";
	case FUTEX_LOCK_PI: case 13: /* FUTEX_LOCK_PI2 */ return "t";
	case FUTEX_UNLOCK_PI: case FUTEX_TRYLOCK_PI: return "";
	case FUTEX_WAIT_BITSET: return "vtb";
	case FUTEX_WAKE_BITSET: return "vb";
	case FUTEX_WAIT_REQUEUE_PI: return "vta";
	default: return "vxxX";
	}
}

int dec_futex(struct tcb *tcp)
{
	uint32_t op = (uint32_t)tcp->args[1];
	unsigned hex = 3;
	char buf[256];

	print_addr(tcp, tcp->args[0]);
	format_futex_op(buf, sizeof(buf), op);
	tprint_arg_next(tcp);
	tprintf(tcp, "%s", buf);
	for (const char *l = futex_layout(op & FUTEX_CMD_MASK); *l; l++) {
		tprint_arg_next(tcp);
		switch (*l) {
		case 'v': tprintf(tcp, "%u", (uint32_t)tcp->args[2]); break;
		case 't': print_timespec(tcp, tcp->args[3]); break;
		case 'n': tprintf(tcp, "%u", (uint32_t)tcp->args[3]); break;
		case 'a': print_addr(tcp, tcp->args[4]); break;
		case 'u': tprintf(tcp, "%u", (uint32_t)tcp->args[5]); break;
		case 'w':
			format_futex_wake_op(buf, sizeof(buf), (uint32_t)tcp->args[5]);
			tprints(tcp, buf);
			break;
		case 'b': print_bitset(tcp, (uint32_t)tcp->args[5]); break;
		case 'x': print_hex(tcp, tcp->args[hex++]); break;
		case 'X': tprintf(tcp, "%#x", (uint32_t)tcp->args[hex++]); break;
		}
	}
	return DEC_DONE;
}

/* struct futex_waitv of <linux/futex.h> (5.16) */
struct waiter {
	uint64_t val;
	uint64_t uaddr;
	uint32_t flags;
	uint32_t reserved;
};

enum { FUTEX_WAITERS_MAX = 128 }; /* FUTEX_WAITV_MAX: the most the kernel takes */

static void print_waiter(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct waiter *w = elem;

	tprintf(tcp, w->val ? "{val=%#" PRIx64 ", uaddr=" : "{val=%" PRIu64 ", uaddr=", w->val);
	print_addr(tcp, w->uaddr);
	tprints(tcp, ", flags=");
	print_flags(tcp, &xlat_futex_waiter_flags, w->flags, "FUTEX_???");
	if (w->reserved)
		tprintf(tcp, ", __reserved=%#x", w->reserved);
	tprints(tcp, "}");
}

/* futex_waitv(waiters, nr_futexes, flags, timeout, clockid) */
int dec_futex_waitv(struct tcb *tcp)
{
	unsigned long addr = tcp->args[0];
	unsigned nr = (unsigned)tcp->args[1];
	unsigned saved = pcfg.max_strlen;
	struct waiter w;

	if (addr && !nr)
		tprints(tcp, "[]");
	else if (fetch_or_print_addr(tcp, addr, &w, sizeof(w))) {
		/* no more than the kernel reads, then "..." (and -s) */
		if (pcfg.max_strlen > FUTEX_WAITERS_MAX)
			pcfg.max_strlen = FUTEX_WAITERS_MAX;
		print_array(tcp, addr, nr, &w, sizeof(w), print_waiter, NULL, PA_FAULT_ADDR);
		pcfg.max_strlen = saved;
	}
	tprint_arg_next(tcp);
	tprintf(tcp, "%u", nr);
	tprint_arg_next(tcp);
	print_hex(tcp, (uint32_t)tcp->args[2]);
	tprint_arg_next(tcp);
	print_timespec(tcp, tcp->args[3]);
	tprint_arg_next(tcp);
	print_xval(tcp, &xlat_clock_ids, (uint32_t)tcp->args[4], "CLOCK_???");
	return DEC_DONE;
}
