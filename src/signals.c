#include "config.h"
#include "signals.h"

#include <linux/audit.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "arch.h"
#include "pids.h"
#include "sink.h"
#include "syscallent.h"
#include "util.h"
#include "xlat.h"

const char *signal_name(int sig)
{
	/* each name is written once, at its first use */
	static char names[65][16];
	const char *abbrev;

	if (sig <= 0 || sig >= 65)
		return NULL;
	if (names[sig][0])
		return names[sig];
	/* Kernel numbering, as strace: 32 is SIGRTMIN, 33.. are SIGRT_N
	 * (glibc's SIGRTMIN macro is 34 because it reserves two). */
	if (sig >= 32) {
		if (sig == 32)
			return "SIGRTMIN";
		snprintf(names[sig], sizeof(names[sig]), "SIGRT_%d", sig - 32);
		return names[sig];
	}
	abbrev = sig == SIGIO ? "IO" : sigabbrev_np(sig); /* glibc says POLL */
	if (!abbrev)
		return NULL;
	snprintf(names[sig], sizeof(names[sig]), "SIG%s", abbrev);
	return names[sig];
}

/* The si_code names depend on the signal for positive (kernel) codes. */
static const char *code_set(int sig, int code)
{
	if (code <= 0)
		return "si_codes";
	switch (sig) {
	case SIGCHLD: return "sigchld_codes";
	case SIGSEGV: return "sigsegv_codes";
	case SIGBUS: return "sigbus_codes";
	case SIGILL: return "sigill_codes";
	case SIGFPE: return "sigfpe_codes";
	case SIGTRAP: return "sigtrap_codes";
	case SIGSYS: return "sigsys_codes";
	case SIGPOLL: return "sigpoll_codes";
	default: return "si_codes";
	}
}

static void print_code(struct tcb *tcp, int sig, int code)
{
	const struct xlat *x = xlat_by_name(code_set(sig, code));
	const char *name = x ? xlat_lookup(x, (uint64_t)(int64_t)code) : NULL;

	/* SI_KERNEL (0x80) is positive but not signal specific. */
	if (!name && code > 0 && (x = xlat_by_name("si_codes")))
		name = xlat_lookup(x, (uint64_t)(int64_t)code);
	if (pcfg.xlat_style != XLAT_ABBREV) {
		char raw[16], buf[96];

		/* -X raw / verbose: the code as a 32-bit hex number */
		snprintf(raw, sizeof(raw), code ? "%#x" : "0", (unsigned)code);
		format_xlat_styled(buf, sizeof(buf), raw, name);
		tprints(tcp, buf);
	} else if (name) {
		tprints(tcp, name);
	} else {
		tprintf(tcp, code ? "%#x" : "0", (unsigned)code);
	}
}

size_t format_clock_t(char *buf, size_t size, long ticks, long hz)
{
	int n, digits = 0;

	for (long h = hz - 1; h > 0; h /= 10)
		digits++;
	if (ticks <= 0 || hz <= 0)
		n = snprintf(buf, size, "%ld", ticks);
	else
		n = snprintf(buf, size, "%ld /* %ld.%0*ld s */", ticks, ticks / hz,
			     digits, ticks % hz);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : (size ? size - 1 : 0);
}

void print_clock_t(struct tcb *tcp, long ticks)
{
	static long hz;
	char buf[96];

	if (!hz)
		hz = sysconf(_SC_CLK_TCK);
	if (pcfg.xlat_style == XLAT_RAW) {	/* no "/+ 0.50 s +/" comment, as strace */
		tprintf(tcp, "%ld", ticks);
		return;
	}
	format_clock_t(buf, sizeof(buf), ticks, hz);
	tprints(tcp, buf);
}

/* SIGPOLL's band and descriptor (-y: its path). */
static void print_band_fd(struct tcb *tcp, const siginfo_t *si)
{
	tprintf(tcp, ", si_band=%ld, si_fd=", (long)si->si_band);
	print_fd(tcp, si->si_fd);
}

/* The fields of a fault's siginfo that depend on its code: the bounds
 * of SEGV_BNDERR, the key of SEGV_PKUERR, the address's valid bits of
 * the BUS_MCEERR_* (asm-generic/siginfo.h). */
static void print_fault_extra(struct tcb *tcp, const siginfo_t *si)
{
	switch (si->si_signo) {
	case SIGSEGV:
		if (si->si_code == SEGV_BNDERR) {
			tprints(tcp, ", si_lower=");
			print_addr(tcp, (unsigned long)si->si_lower);
			tprints(tcp, ", si_upper=");
			print_addr(tcp, (unsigned long)si->si_upper);
		} else if (si->si_code == SEGV_PKUERR) {
			tprintf(tcp, ", si_pkey=%u", (unsigned)si->si_pkey);
		}
		break;
	case SIGBUS:
		if (si->si_code == BUS_MCEERR_AR || si->si_code == BUS_MCEERR_AO)
			tprintf(tcp, ", si_addr_lsb=%#hx", (unsigned short)si->si_addr_lsb);
		break;
	default:
		break;
	}
}

/* SIGSYS's system call: "__NR_name" (-X aware) when it is a call of
 * the tracee's own personality, "224 /+ gettid +/" for another
 * personality's (-X raw: the number), the number when unknown. */
static void print_sigsys_syscall(struct tcb *tcp, const siginfo_t *si)
{
	const struct arch_def *own = tcp->arch ? tcp->arch : arch_native;
	long nr = (long)(unsigned)si->si_syscall;
	/* x32's calls carry its bit: named from its table */
	const struct arch_def *a = arch_personality(si->si_arch, &nr);
	const struct syscall_ent *e;
	char raw[16], names[64], buf[128];

	e = a ? arch_syscall(a, nr) : NULL;
	snprintf(raw, sizeof(raw), "%u", (unsigned)si->si_syscall);
	if (!e || !e->name[0]) {
		tprints(tcp, raw);
	} else if (a == own) {
		snprintf(names, sizeof(names), "__NR_%s", e->name);
		format_xlat_styled(buf, sizeof(buf), raw, names);
		tprints(tcp, buf);
	} else if (pcfg.xlat_style == XLAT_RAW) {
		tprints(tcp, raw);
	} else {
		tprintf(tcp, "%s /* %s */", raw, e->name);
	}
}

void print_siginfo(struct tcb *tcp, const siginfo_t *si)
{
	int sig = si->si_signo;
	int code = si->si_code;

	tprints(tcp, "{si_signo=");
	print_signo(tcp, sig);
	tprints(tcp, ", si_code=");
	print_code(tcp, sig, code);
	if (si->si_errno) {
		/* strace: an errno name (-X aware), else unsigned */
		char raw[16], buf[64];

		snprintf(raw, sizeof(raw), "%u", (unsigned)si->si_errno);
		format_xlat_styled(buf, sizeof(buf), raw, si->si_errno > 0 ? errno_name(si->si_errno) : NULL);
		tprints(tcp, ", si_errno=");
		tprints(tcp, buf);
	}

	if (code <= 0 || code == SI_KERNEL) {
		if (code == SI_SIGIO) {
			print_band_fd(tcp, si);
		} else if (code == SI_TIMER) {
			tprintf(tcp, ", si_timerid=%#x, si_overrun=%d, si_int=%d, si_ptr=",
				(unsigned)si->si_timerid, si->si_overrun, si->si_int);
			print_addr(tcp, (unsigned long)si->si_ptr);
		} else if (code != SI_KERNEL) {
			tprints(tcp, ", si_pid=");
			print_pid(tcp, si->si_pid, PT_TGID);
			tprints(tcp, ", si_uid=");
			print_id(tcp, si->si_uid);
			if (code == SI_QUEUE || code == SI_MESGQ) {
				tprintf(tcp, ", si_int=%d, si_ptr=", si->si_int);
				print_addr(tcp, (unsigned long)si->si_ptr);
			}
		}
		tprints(tcp, "}");
		return;
	}

	switch (sig) {
	case SIGCHLD:
		tprints(tcp, ", si_pid=");
		print_pid(tcp, si->si_pid, PT_TGID);
		tprints(tcp, ", si_uid=");
		print_id(tcp, si->si_uid);
		tprints(tcp, ", si_status=");
		if (code == CLD_EXITED)
			tprintf(tcp, "%d", si->si_status);
		else
			print_signo(tcp, si->si_status);
		tprints(tcp, ", si_utime=");
		print_clock_t(tcp, (long)si->si_utime);
		tprints(tcp, ", si_stime=");
		print_clock_t(tcp, (long)si->si_stime);
		break;
	case SIGSEGV:
	case SIGBUS:
	case SIGILL:
	case SIGFPE:
	case SIGTRAP:
		tprints(tcp, ", si_addr=");
		print_addr(tcp, (unsigned long)si->si_addr);
		print_fault_extra(tcp, si);
		break;
	case SIGPOLL:
		print_band_fd(tcp, si);
		break;
	case SIGSYS:
		tprints(tcp, ", si_call_addr=");
		print_addr(tcp, (unsigned long)si->si_call_addr);
		tprints(tcp, ", si_syscall=");
		print_sigsys_syscall(tcp, si);
		tprints(tcp, ", si_arch=");
		print_xval(tcp, &xlat_audit_arch, si->si_arch, "AUDIT_ARCH_???");
		break;
	default:
		tprints(tcp, ", si_pid=");
		print_pid(tcp, si->si_pid, PT_TGID);
		tprints(tcp, ", si_uid=");
		print_id(tcp, si->si_uid);
		break;
	}
	tprints(tcp, "}");
}

void print_signal_line(struct tcb *tcp, int sig, const siginfo_t *si)
{
	line_begin(tcp);
	tprints(tcp, "--- ");
	print_signame(tcp, sig); /* the name even with -X raw/verbose, as strace */
	tprints(tcp, " ");
	if (si)
		print_siginfo(tcp, si);
	else
		tprints(tcp, "{}");
	tprints(tcp, " ---");
	line_end(tcp);
}
