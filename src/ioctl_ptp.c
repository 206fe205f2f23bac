/* PTP hardware clock ioctls (type '=', <linux/ptp_clock.h>). */
#include "config.h"

#include <string.h>
#include <linux/ptp_clock.h>

#include "decode_file.h"
#include "decode_ioctl.h"
#include "ioctl_common.h"
#include "ioctl_families.h"
#include "mem.h"
#include "sink.h"
#include "quote.h"
#include "syscallent.h"
#include "util.h"

#define MIN(a, b) ((a) < (b) ? (a) : (b))

/* {sec=, nsec=[, reserved=]} and, when dated, the date in a comment
 * (not with -X raw; not for a zero time or nsec out of range). */
static void print_ptp_time(struct tcb *tcp, const struct ptp_clock_time *t, bool dated)
{
	char buf[128];

	tprintf(tcp, "{sec=%lld, nsec=%u", (long long)t->sec, t->nsec);
	if (t->reserved)
		tprintf(tcp, ", reserved=%#x", t->reserved);
	tprints(tcp, "}");
	if (dated && pcfg.xlat_style != XLAT_RAW && (t->sec || t->nsec) && t->nsec < 1000000000u &&
	    format_time_comment(buf, sizeof(buf), t->sec, t->nsec, 9))
		tprints(tcp, buf);
}

/* print_local_array's printers: a dated time, three of them */
static void print_ptp_time_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	(void)addr;
	(void)data;
	print_ptp_time(tcp, elem, true);
}

static void print_ptp_time_triple(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct ptp_clock_time *t = elem;

	(void)addr;
	(void)data;
	for (unsigned k = 0; k < 3; k++) {
		tprints(tcp, k ? ", " : "[");
		print_ptp_time(tcp, &t[k], true);
	}
	tprints(tcp, "]");
}

static void print_rsv(struct tcb *tcp, const unsigned *rsv, size_t n)
{
	if (ioctl_all_zero(rsv, n * sizeof(*rsv)))
		return;
	tprints(tcp, ", rsv=");
	ioctl_print_uints(tcp, rsv, sizeof(*rsv), n, true);
}

/* A char array printed whole (not cut at -s): "..." when it has no NUL. */
static void print_name(struct tcb *tcp, const char *s, size_t size)
{
	char out[QUOTE_SIZE(256)];
	size_t len = strnlen(s, size);

	if (len == size)
		len = size - 1;
	tprintn(tcp, out, quote_string(s, len, ioctl_quote_flags(), out));
	if (strnlen(s, size) == size)
		tprints(tcp, "...");
}

#define FETCH(tcp, arg, obj) fetch_or_print_addr(tcp, arg, &(obj), sizeof(obj))

static int ptp_entry(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	union {
		struct ptp_extts_request ex;
		struct ptp_perout_request po;
		struct ptp_sys_offset so;
		struct ptp_sys_offset_extended se;
		struct ptp_pin_desc pd;
	} u;
	bool ext = cmd == PTP_SYS_OFFSET_EXTENDED || cmd == PTP_SYS_OFFSET_EXTENDED2;

	switch (cmd) {
	case PTP_CLOCK_GETCAPS: case PTP_CLOCK_GETCAPS2:
	case PTP_SYS_OFFSET_PRECISE: case PTP_SYS_OFFSET_PRECISE2:
		tprint_arg_next(tcp);
		return DEC_MORE;
	case PTP_ENABLE_PPS: case PTP_ENABLE_PPS2:
		tprint_arg_next(tcp);
		print_hex(tcp, arg);
		return DEC_DONE;
	case PTP_EXTTS_REQUEST: case PTP_EXTTS_REQUEST2:
		tprint_arg_next(tcp);
		if (!FETCH(tcp, arg, u.ex))
			return DEC_DONE;
		tprintf(tcp, "{index=%u, flags=", u.ex.index);
		print_flags(tcp, &xlat_ptp_extts_flags, u.ex.flags, "PTP_???");
		if (cmd == PTP_EXTTS_REQUEST2)
			print_rsv(tcp, u.ex.rsv, ARRAY_SIZE(u.ex.rsv));
		tprints(tcp, "}");
		return DEC_DONE;
	case PTP_PEROUT_REQUEST: case PTP_PEROUT_REQUEST2: {
		bool phase;

		tprint_arg_next(tcp);
		if (!FETCH(tcp, arg, u.po))
			return DEC_DONE;
		phase = u.po.flags & PTP_PEROUT_PHASE;
		tprints(tcp, phase ? "{phase=" : "{start=");
		print_ptp_time(tcp, &u.po.start, !phase);
		tprints(tcp, ", period=");
		print_ptp_time(tcp, &u.po.period, false);
		tprintf(tcp, ", index=%u, flags=", u.po.index);
		print_flags(tcp, &xlat_ptp_perout_flags, u.po.flags, "PTP_PEROUT_???");
		if (u.po.flags & PTP_PEROUT_DUTY_CYCLE) {
			tprints(tcp, ", on=");
			print_ptp_time(tcp, &u.po.on, false);
		} else if (cmd == PTP_PEROUT_REQUEST2) {
			print_rsv(tcp, u.po.rsv, ARRAY_SIZE(u.po.rsv));
		}
		tprints(tcp, "}");
		return DEC_DONE;
	}
	case PTP_SYS_OFFSET: case PTP_SYS_OFFSET2:
	case PTP_SYS_OFFSET_EXTENDED: case PTP_SYS_OFFSET_EXTENDED2:
		/* n_samples and rsv[3] start both structures: the whole
		 * one must be readable */
		tprint_arg_next(tcp);
		if (!fetch_or_print_addr(tcp, arg, &u, ext ? sizeof(u.se) : sizeof(u.so)))
			return DEC_DONE;
		tprintf(tcp, "{n_samples=%u", u.so.n_samples);
		print_rsv(tcp, u.so.rsv, ARRAY_SIZE(u.so.rsv));
		return DEC_MORE;
	case PTP_PIN_GETFUNC: case PTP_PIN_GETFUNC2:
	case PTP_PIN_SETFUNC: case PTP_PIN_SETFUNC2: {
		bool get = cmd == PTP_PIN_GETFUNC || cmd == PTP_PIN_GETFUNC2;
		bool v2 = cmd == PTP_PIN_GETFUNC2 || cmd == PTP_PIN_SETFUNC2;

		tprint_arg_next(tcp);
		if (!FETCH(tcp, arg, u.pd))
			return DEC_DONE;
		tprintf(tcp, "{index=%u", u.pd.index);
		if (get) {
			if (v2)
				print_rsv(tcp, u.pd.rsv, ARRAY_SIZE(u.pd.rsv));
			return DEC_MORE;
		}
		tprints(tcp, ", func=");
		print_xval(tcp, &xlat_ptp_pin_funcs, u.pd.func, "PTP_PF_???");
		tprintf(tcp, ", chan=%u", u.pd.chan);
		if (v2)
			print_rsv(tcp, u.pd.rsv, ARRAY_SIZE(u.pd.rsv));
		tprints(tcp, "}");
		return DEC_DONE;
	}
	default:
		return IOCTL_UNHANDLED;
	}
}

static int ptp_exit(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	static union {
		struct ptp_clock_caps caps;
		struct ptp_sys_offset so;
		struct ptp_sys_offset_extended se;
		struct ptp_sys_offset_precise sp;
		struct ptp_pin_desc pd;
	} u;
	bool ok = !tcp->err && tcp->rval >= 0;

	switch (cmd) {
	case PTP_CLOCK_GETCAPS: case PTP_CLOCK_GETCAPS2:
		if (!FETCH(tcp, arg, u.caps))
			break;
		tprintf(tcp, "{max_adj=%d, n_alarm=%d, n_ext_ts=%d, n_per_out=%d, pps=%d, "
			"n_pins=%d, cross_timestamping=%d, adjust_phase=%d", u.caps.max_adj,
			u.caps.n_alarm, u.caps.n_ext_ts, u.caps.n_per_out, u.caps.pps,
			u.caps.n_pins, u.caps.cross_timestamping, u.caps.adjust_phase);
		print_rsv(tcp, (const unsigned *)u.caps.rsv, ARRAY_SIZE(u.caps.rsv));
		tprints(tcp, "}");
		break;
	case PTP_SYS_OFFSET_PRECISE: case PTP_SYS_OFFSET_PRECISE2:
		if (!FETCH(tcp, arg, u.sp))
			break;
		tprints(tcp, "{device=");
		print_ptp_time(tcp, &u.sp.device, true);
		tprints(tcp, ", sys_realtime=");
		print_ptp_time(tcp, &u.sp.sys_realtime, true);
		tprints(tcp, ", sys_monoraw=");
		print_ptp_time(tcp, &u.sp.sys_monoraw, false);
		print_rsv(tcp, u.sp.rsv, ARRAY_SIZE(u.sp.rsv));
		tprints(tcp, "}");
		break;
	case PTP_SYS_OFFSET: case PTP_SYS_OFFSET2: {
		unsigned n;

		if (ok && mem_read(tcp->pid, arg, &u.so, sizeof(u.so)) == 0) {
			n = u.so.n_samples > PTP_MAX_SAMPLES ? 2 * PTP_MAX_SAMPLES + 1
							     : 2 * u.so.n_samples + 1;
			tprints(tcp, ", ts=");
			print_local_array(tcp, u.so.ts, n, sizeof(u.so.ts[0]), print_ptp_time_elem,
					  NULL);
		}
		tprints(tcp, "}");
		break;
	}
	case PTP_SYS_OFFSET_EXTENDED: case PTP_SYS_OFFSET_EXTENDED2: {
		unsigned n;

		if (ok && mem_read(tcp->pid, arg, &u.se, sizeof(u.se)) == 0) {
			n = MIN(u.se.n_samples, PTP_MAX_SAMPLES);
			tprints(tcp, ", ts=");
			print_local_array(tcp, u.se.ts, n, sizeof(u.se.ts[0]), print_ptp_time_triple,
					  NULL);
		}
		tprints(tcp, "}");
		break;
	}
	case PTP_PIN_GETFUNC: case PTP_PIN_GETFUNC2:
		if (ok && mem_read(tcp->pid, arg, &u.pd, sizeof(u.pd)) == 0) {
			tprints(tcp, ", name=");
			print_name(tcp, u.pd.name, sizeof(u.pd.name));
			tprints(tcp, ", func=");
			print_xval(tcp, &xlat_ptp_pin_funcs, u.pd.func, "PTP_PF_???");
			tprintf(tcp, ", chan=%u", u.pd.chan);
		}
		tprints(tcp, "}");
		break;
	default:
		print_addr(tcp, arg);
		break;
	}
	return DEC_DONE;
}

static int ptp_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	return tcp->exiting ? ptp_exit(tcp, cmd, arg) : ptp_entry(tcp, cmd, arg);
}

/* The requests that printed the start of their structure at entry. */
static bool ptp_exit_on_error(unsigned cmd)
{
	switch (cmd) {
	case PTP_SYS_OFFSET: case PTP_SYS_OFFSET2:
	case PTP_SYS_OFFSET_EXTENDED: case PTP_SYS_OFFSET_EXTENDED2:
	case PTP_PIN_GETFUNC: case PTP_PIN_GETFUNC2:
		return true;
	default:
		return false;
	}
}

const struct ioctl_family ioctl_family_ptp = {
	.name = "ptp",
	.types = { '=' },
	.cmds = &xlat_ptp_cmds,
	.decode = ptp_decode,
	.exit_on_error = ptp_exit_on_error,
};
