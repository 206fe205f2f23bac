/* Real-time clock ioctls (type 'p', <linux/rtc.h>). */
#include "config.h"

#include <linux/rtc.h>

#include "decode_ioctl.h"
#include "ioctl_families.h"
#include "mem.h"
#include "sink.h"
#include "syscallent.h"

/* RTC_UIE_OFF has the code of the phone driver's PHN_NOT_OH. */
static bool rtc_print_cmd(struct tcb *tcp, unsigned cmd)
{
	if (cmd != RTC_UIE_OFF)
		return false;
	ioctl_print_cmd_text(tcp, cmd, "PHN_NOT_OH or RTC_UIE_OFF");
	return true;
}

static void print_rtc_time(struct tcb *tcp, const struct rtc_time *t)
{
	tprintf(tcp, "{tm_sec=%d, tm_min=%d, tm_hour=%d, tm_mday=%d, tm_mon=%d, tm_year=%d",
		t->tm_sec, t->tm_min, t->tm_hour, t->tm_mday, t->tm_mon, t->tm_year);
	if (pcfg.verbose)
		tprintf(tcp, ", tm_wday=%d, tm_yday=%d, tm_isdst=%d}", t->tm_wday, t->tm_yday,
			t->tm_isdst);
	else
		tprints(tcp, ", ...}");
}

static void print_time_at(struct tcb *tcp, unsigned long addr)
{
	struct rtc_time t;

	if (fetch_or_print_addr(tcp, addr, &t, sizeof(t)))
		print_rtc_time(tcp, &t);
}

static void print_wkalrm_at(struct tcb *tcp, unsigned long addr)
{
	struct rtc_wkalrm w;

	if (!fetch_or_print_addr(tcp, addr, &w, sizeof(w)))
		return;
	tprintf(tcp, "{enabled=%u, pending=%u, time=", w.enabled, w.pending);
	print_rtc_time(tcp, &w.time);
	tprints(tcp, "}");
}

static void print_pll_at(struct tcb *tcp, unsigned long addr)
{
	struct rtc_pll_info p;

	if (fetch_or_print_addr(tcp, addr, &p, sizeof(p)))
		tprintf(tcp, "{pll_ctrl=%d, pll_value=%d, pll_max=%d, pll_min=%d, pll_posmult=%d, "
			"pll_negmult=%d, pll_clock=%ld}", p.pll_ctrl, p.pll_value, p.pll_max,
			p.pll_min, p.pll_posmult, p.pll_negmult, p.pll_clock);
}

/* "uvalue=..." or "svalue=..." after the parameter it belongs to. */
static void print_param_value(struct tcb *tcp, const struct rtc_param *p)
{
	switch (p->param) {
	case RTC_PARAM_FEATURES:
		tprints(tcp, "uvalue=");
		ioctl_print_bit_flags(tcp, &xlat_rtc_features, p->uvalue, "1<<",
				      "1<<RTC_FEATURE_???");
		break;
	case RTC_PARAM_CORRECTION:
		tprintf(tcp, "svalue=%lld", (long long)p->svalue);
		break;
	case RTC_PARAM_BACKUP_SWITCH_MODE:
		tprints(tcp, "uvalue=");
		print_xval(tcp, &xlat_rtc_bsms, p->uvalue, "RTC_BSM_???");
		break;
	default:
		tprintf(tcp, p->uvalue ? "uvalue=%#llx" : "uvalue=%llu",
			(unsigned long long)p->uvalue);
		break;
	}
}

static void print_param_at(struct tcb *tcp, unsigned long addr, bool set)
{
	struct rtc_param p;

	if (!fetch_or_print_addr(tcp, addr, &p, sizeof(p)))
		return;
	tprints(tcp, "{param=");
	print_xval(tcp, &xlat_rtc_params, p.param, "RTC_PARAM_???");
	tprints(tcp, ", ");
	if (set) {
		print_param_value(tcp, &p);
		tprints(tcp, ", ");
	}
	tprintf(tcp, "index=%u", p.index);
	if (p.__pad)
		tprintf(tcp, ", __pad=%#x", p.__pad);
	tprints(tcp, "}");
}

static int rtc_exit(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	struct rtc_param p;
	unsigned long ul;
	unsigned vl;

	switch (cmd) {
	case RTC_ALM_READ: case RTC_RD_TIME:
		print_time_at(tcp, arg);
		break;
	case RTC_WKALM_RD:
		print_wkalrm_at(tcp, arg);
		break;
	case RTC_PLL_GET:
		print_pll_at(tcp, arg);
		break;
	case RTC_IRQP_READ: case RTC_EPOCH_READ:
		if (fetch_or_print_addr(tcp, arg, &ul, sizeof(ul)))
			tprintf(tcp, "[%lu]", ul);
		break;
	case RTC_VL_READ:
		if (fetch_or_print_addr(tcp, arg, &vl, sizeof(vl))) {
			tprints(tcp, "[");
			print_flags(tcp, &xlat_rtc_vl_flags, vl, "RTC_VL_???");
			tprints(tcp, "]");
		}
		break;
	case RTC_PARAM_GET:
		/* the entry printed the request: " => " the answer */
		tprints(tcp, " => ");
		if (tcp->err || tcp->rval < 0 || mem_read_struct(tcp, arg, &p, sizeof(p)) < 0) {
			print_addr(tcp, arg);
			break;
		}
		tprints(tcp, "{");
		print_param_value(tcp, &p);
		if (p.__pad)
			tprintf(tcp, ", __pad=%#x", p.__pad);
		tprints(tcp, "}");
		break;
	default:
		print_addr(tcp, arg);
		break;
	}
	return DEC_DONE;
}

static int rtc_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	if (tcp->exiting)
		return rtc_exit(tcp, cmd, arg);
	switch (cmd) {
	case RTC_AIE_ON: case RTC_AIE_OFF: case RTC_UIE_ON: case RTC_UIE_OFF:
	case RTC_PIE_ON: case RTC_PIE_OFF: case RTC_WIE_ON: case RTC_WIE_OFF:
	case RTC_VL_CLR:
		return DEC_DONE; /* no argument */
	case RTC_ALM_READ: case RTC_RD_TIME: case RTC_WKALM_RD: case RTC_PLL_GET:
	case RTC_IRQP_READ: case RTC_EPOCH_READ: case RTC_VL_READ:
		tprint_arg_next(tcp);
		return DEC_MORE;
	case RTC_ALM_SET: case RTC_SET_TIME:
		tprint_arg_next(tcp);
		print_time_at(tcp, arg);
		return DEC_DONE;
	case RTC_WKALM_SET:
		tprint_arg_next(tcp);
		print_wkalrm_at(tcp, arg);
		return DEC_DONE;
	case RTC_PLL_SET:
		tprint_arg_next(tcp);
		print_pll_at(tcp, arg);
		return DEC_DONE;
	case RTC_IRQP_SET: case RTC_EPOCH_SET:
		tprint_arg_next(tcp);
		tprintf(tcp, "%lu", arg);
		return DEC_DONE;
	case RTC_PARAM_SET:
		tprint_arg_next(tcp);
		print_param_at(tcp, arg, true);
		return DEC_DONE;
	case RTC_PARAM_GET: {
		struct rtc_param p;

		tprint_arg_next(tcp);
		if (!arg || mem_read_struct(tcp, arg, &p, sizeof(p)) < 0) {
			print_addr(tcp, arg);
			return DEC_DONE;
		}
		print_param_at(tcp, arg, false);
		return DEC_MORE;
	}
	default:
		return IOCTL_UNHANDLED;
	}
}

static bool rtc_exit_on_error(unsigned cmd)
{
	return cmd == RTC_PARAM_GET;
}

const struct ioctl_family ioctl_family_rtc = {
	.name = "rtc",
	.types = { 'p' },
	.cmds = &xlat_rtc_cmds,
	.print_cmd = rtc_print_cmd,
	.decode = rtc_decode,
	.exit_on_error = rtc_exit_on_error,
};
