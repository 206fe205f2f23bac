/* Time family decoders. */
#include "config.h"
#include "decode_time.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/timex.h>
#include <time.h>

#include "decode.h"
#include "decode_file.h"
#include "gen/decoders.h"
#include "mem.h"
#include "sink.h"
#include "signals.h"

struct k_timespec { int64_t sec, nsec; };
struct k_timeval { int64_t sec, usec; };

size_t format_timespec(char *buf, size_t size, int64_t sec, int64_t nsec)
{
	/* tv_nsec unsigned, as strace */
	int n = snprintf(buf, size, "{tv_sec=%lld, tv_nsec=%llu}", (long long)sec, (unsigned long long)nsec);

	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : (size ? size - 1 : 0);
}

size_t format_timeval(char *buf, size_t size, int64_t sec, int64_t usec)
{
	int n = snprintf(buf, size, "{tv_sec=%lld, tv_usec=%llu}", (long long)sec, (unsigned long long)usec);

	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : (size ? size - 1 : 0);
}

void print_timespec(struct tcb *tcp, unsigned long addr)
{
	struct k_timespec ts;
	char buf[96];

	if (!fetch_or_print_addr(tcp, addr, &ts, sizeof(ts)))
		return;
	format_timespec(buf, sizeof(buf), ts.sec, ts.nsec);
	tprints(tcp, buf);
}

void print_timeval(struct tcb *tcp, unsigned long addr)
{
	struct k_timeval tv;
	char buf[96];

	if (!fetch_or_print_addr(tcp, addr, &tv, sizeof(tv)))
		return;
	format_timeval(buf, sizeof(buf), tv.sec, tv.usec);
	tprints(tcp, buf);
}

/* {it_interval=..., it_value=...} of two timevals or two timespecs. */
static void print_interval_pair(struct tcb *tcp, unsigned long addr, bool nsec)
{
	struct k_timespec v[2]; /* same layout as two k_timeval */
	char a[96], b[96];

	if (!fetch_or_print_addr(tcp, addr, v, sizeof(v)))
		return;
	if (nsec) {
		format_timespec(a, sizeof(a), v[0].sec, v[0].nsec);
		format_timespec(b, sizeof(b), v[1].sec, v[1].nsec);
	} else {
		format_timeval(a, sizeof(a), v[0].sec, v[0].nsec);
		format_timeval(b, sizeof(b), v[1].sec, v[1].nsec);
	}
	tprintf(tcp, "{it_interval=%s, it_value=%s}", a, b);
}

bool syscall_interrupted(const struct tcb *tcp)
{
	return tcp->err == EINTR || (tcp->err >= ERESTARTSYS && tcp->err <= ERESTART_RESTARTBLOCK);
}

static void print_clockid(struct tcb *tcp, unsigned long clk)
{
	print_xval(tcp, &xlat_clock_ids, (uint32_t)clk, "CLOCK_???");
}

/* The remaining time: written by the kernel only when interrupted. */
static void print_rem(struct tcb *tcp, unsigned long addr)
{
	if (syscall_interrupted(tcp))
		print_timespec(tcp, addr);
	else
		print_addr(tcp, addr);
}

int dec_nanosleep(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_timespec(tcp, tcp->args[0]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	print_rem(tcp, tcp->args[1]);
	return DEC_DONE;
}

int dec_clock_nanosleep(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_clockid(tcp, tcp->args[0]);
		tprint_arg_next(tcp);
		print_flags(tcp, &xlat_timer_flags, (uint32_t)tcp->args[1], NULL);
		tprint_arg_next(tcp);
		print_timespec(tcp, tcp->args[2]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	/* with TIMER_ABSTIME the kernel leaves rem alone: its address */
	if (tcp->args[1] & TIMER_ABSTIME)
		print_addr(tcp, tcp->args[3]);
	else
		print_rem(tcp, tcp->args[3]);
	return DEC_DONE;
}

/* clock_gettime / clock_getres: the clock, then the struct at exit. */
static int clock_get(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_clockid(tcp, tcp->args[0]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	print_out_arg(tcp, tcp->args[1], print_timespec);
	return DEC_DONE;
}

int dec_clock_gettime(struct tcb *tcp) { return clock_get(tcp); }
int dec_clock_getres(struct tcb *tcp) { return clock_get(tcp); }

int dec_clock_settime(struct tcb *tcp)
{
	print_clockid(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_timespec(tcp, tcp->args[1]);
	return DEC_DONE;
}

static void print_timezone(struct tcb *tcp, unsigned long addr)
{
	struct { int32_t minuteswest, dsttime; } tz;

	if (!fetch_or_print_addr(tcp, addr, &tz, sizeof(tz)))
		return;
	tprintf(tcp, "{tz_minuteswest=%d, tz_dsttime=%d}", tz.minuteswest, tz.dsttime);
}

int dec_gettimeofday(struct tcb *tcp)
{
	if (!tcp->exiting)
		return DEC_MORE;
	if (tcp->err) {
		print_addr(tcp, tcp->args[0]);
		tprint_arg_next(tcp);
		print_addr(tcp, tcp->args[1]);
		return DEC_DONE;
	}
	print_timeval(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_timezone(tcp, tcp->args[1]);
	return DEC_DONE;
}

int dec_settimeofday(struct tcb *tcp)
{
	print_timeval(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_timezone(tcp, tcp->args[1]);
	return DEC_DONE;
}

size_t format_time_iso(char *buf, size_t size, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!size)
		return 0;
	if (!localtime_r(&tt, &tm) || !strftime(buf, size, "%FT%T%z", &tm)) {
		buf[0] = '\0';
		return 0;
	}
	return strlen(buf);
}

int dec_time(struct tcb *tcp)
{
	int64_t t;
	char iso[64];

	if (!tcp->exiting)
		return DEC_MORE;
	if (!tcp->args[0] || tcp->err || mem_read_struct(tcp, tcp->args[0], &t, sizeof(t)) < 0) {
		print_addr(tcp, tcp->args[0]);
	} else if (format_time_iso(iso, sizeof(iso), t)) {
		tprintf(tcp, "[%lld /* %s */]", (long long)t, iso);
	} else {
		tprintf(tcp, "[%lld]", (long long)t);
	}
	if (!tcp->err && format_time_iso(tcp->auxbuf, sizeof(tcp->auxbuf), tcp->rval))
		tcp->auxstr = tcp->auxbuf;
	return DEC_DONE;
}

int dec_getitimer(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_xenum(tcp, &xlat_itimer_which, (uint32_t)tcp->args[0]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err)
		print_addr(tcp, tcp->args[1]);
	else
		print_interval_pair(tcp, tcp->args[1], false);
	return DEC_DONE;
}

int dec_setitimer(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_xenum(tcp, &xlat_itimer_which, (uint32_t)tcp->args[0]);
		tprint_arg_next(tcp);
		print_interval_pair(tcp, tcp->args[1], false);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err)
		print_addr(tcp, tcp->args[2]);
	else
		print_interval_pair(tcp, tcp->args[2], false);
	return DEC_DONE;
}

void print_sigevent(struct tcb *tcp, unsigned long addr)
{
	struct {
		uint64_t value;
		int32_t signo;
		int32_t notify;
		union {
			int32_t tid;
			struct { uint64_t function, attribute; } thread;
		} un;
	} ev;

	if (!fetch_or_print_addr(tcp, addr, &ev, sizeof(ev)))
		return;
	tprints(tcp, "{");
	if (ev.value) {
		tprintf(tcp, "sigev_value={sival_int=%d, sival_ptr=", (int)ev.value);
		print_addr(tcp, ev.value);
		tprints(tcp, "}, ");
	}
	tprints(tcp, "sigev_signo=");
	if (signal_name(ev.signo))
		print_signo(tcp, ev.signo);
	else	/* not a signal: unsigned, as strace */
		tprintf(tcp, "%u", (unsigned)ev.signo);
	tprints(tcp, ", sigev_notify=");
	print_xval(tcp, &xlat_sigev_notify, (uint32_t)ev.notify, "SIGEV_???");
	if (ev.notify == 4) {
		tprintf(tcp, ", sigev_notify_thread_id=%d", ev.un.tid);
	} else if (ev.notify == 2) {
		tprints(tcp, ", sigev_notify_function=");
		print_addr(tcp, ev.un.thread.function);
		tprints(tcp, ", sigev_notify_attributes=");
		print_addr(tcp, ev.un.thread.attribute);
	}
	tprints(tcp, "}");
}

int dec_timer_create(struct tcb *tcp)
{
	int32_t id;

	if (!tcp->exiting) {
		print_clockid(tcp, tcp->args[0]);
		tprint_arg_next(tcp);
		print_sigevent(tcp, tcp->args[1]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err || mem_read_struct(tcp, tcp->args[2], &id, sizeof(id)) < 0)
		print_addr(tcp, tcp->args[2]);
	else
		tprintf(tcp, "[%d]", id);
	return DEC_DONE;
}

int dec_timer_settime(struct tcb *tcp)
{
	if (!tcp->exiting) {
		tprintf(tcp, "%d", (int)tcp->args[0]);
		tprint_arg_next(tcp);
		print_flags(tcp, &xlat_timer_flags, (uint32_t)tcp->args[1], NULL);
		tprint_arg_next(tcp);
		print_interval_pair(tcp, tcp->args[2], true);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err)
		print_addr(tcp, tcp->args[3]);
	else
		print_interval_pair(tcp, tcp->args[3], true);
	return DEC_DONE;
}

int dec_timer_gettime(struct tcb *tcp)
{
	if (!tcp->exiting) {
		tprintf(tcp, "%d", (int)tcp->args[0]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err)
		print_addr(tcp, tcp->args[1]);
	else
		print_interval_pair(tcp, tcp->args[1], true);
	return DEC_DONE;
}

int dec_times(struct tcb *tcp)
{
	int64_t t[4];
	static const char *const names[4] = { "tms_utime", "tms_stime", "tms_cutime", "tms_cstime" };

	if (!tcp->exiting)
		return DEC_MORE;
	if (!tcp->args[0] || tcp->err || mem_read_struct(tcp, tcp->args[0], t, sizeof(t)) < 0) {
		print_addr(tcp, tcp->args[0]);
		return DEC_DONE;
	}
	for (unsigned i = 0; i < 4; i++) {
		tprintf(tcp, "%s%s=", i ? ", " : "{", names[i]);
		print_clock_t(tcp, (long)t[i]);
	}
	tprints(tcp, "}");
	return DEC_DONE;
}

/* ---- timerfd ---- */

static void print_itimerspec(struct tcb *tcp, unsigned long addr)
{
	int64_t v[4];

	if (!fetch_or_print_addr(tcp, addr, v, sizeof(v)))
		return;
	tprints(tcp, "{it_interval=");
	print_timespec_val(tcp, v[0], (long)v[1]);
	tprints(tcp, ", it_value=");
	print_timespec_val(tcp, v[2], (long)v[3]);
	tprints(tcp, "}");
}

int dec_timerfd_settime(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_fd(tcp, (int)tcp->args[0]);
		tprint_arg_next(tcp);
		print_flags_arg(tcp, &xlat_timerfd_flags, tcp->args[1]);
		tprint_arg_next(tcp);
		print_itimerspec(tcp, tcp->args[2]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	print_out_arg(tcp, tcp->args[3], print_itimerspec);
	return DEC_DONE;
}

int dec_timerfd_gettime(struct tcb *tcp)
{
	if (print_fd_at_entry(tcp))
		return DEC_MORE;
	print_out_arg(tcp, tcp->args[1], print_itimerspec);
	return DEC_DONE;
}

/* timerfd_create(clockid, flags) */
int dec_timerfd_create(struct tcb *tcp)
{
	print_xval(tcp, &xlat_clock_ids, (unsigned)tcp->args[0], "CLOCK_???");
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_timerfd_flags, tcp->args[1]);
	return DEC_DONE;
}

/* struct timex as the kernel left it (adjtimex, clock_adjtime: read at
 * exit), and the clock state the call returns as a note. */
static void print_timex_exit(struct tcb *tcp, unsigned long addr)
{
	struct timex tx;
	char buf[512];

	if (tcp->err) {
		print_addr(tcp, addr);
		return;
	}
	if (!fetch_or_print_addr(tcp, addr, &tx, sizeof(tx)))
		return;
	tprints(tcp, "{modes=");
	print_flags(tcp, &xlat_adjtimex_modes, (uint32_t)tx.modes, NULL);
	tprintf(tcp, ", offset=%ld, freq=%ld, maxerror=%ld, esterror=%ld, status=",
		(long)tx.offset, (long)tx.freq, (long)tx.maxerror, (long)tx.esterror);
	print_flags(tcp, &xlat_adjtimex_status, (uint32_t)tx.status, NULL);
	format_timeval(buf, sizeof(buf), tx.time.tv_sec, tx.time.tv_usec);
	tprintf(tcp, ", constant=%ld, precision=%ld, tolerance=%ld, time=%s, tick=%ld"
		", ppsfreq=%ld, jitter=%ld, shift=%d, stabil=%ld, jitcnt=%ld, calcnt=%ld"
		", errcnt=%ld, stbcnt=%ld, tai=%d}",
		(long)tx.constant, (long)tx.precision, (long)tx.tolerance, buf, (long)tx.tick,
		(long)tx.ppsfreq, (long)tx.jitter, tx.shift, (long)tx.stabil, (long)tx.jitcnt,
		(long)tx.calcnt, (long)tx.errcnt, (long)tx.stbcnt, tx.tai);
	tcp->auxstr = xlat_lookup(&xlat_adjtimex_state, (uint64_t)tcp->rval);
}

int dec_adjtimex(struct tcb *tcp)
{
	if (!tcp->exiting)
		return DEC_MORE;
	print_timex_exit(tcp, tcp->args[0]);
	return DEC_DONE;
}
