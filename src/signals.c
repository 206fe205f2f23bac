#include "config.h"
#include "signals.h"

#include <linux/audit.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pids.h"
#include "print.h"
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
		tprintf(tcp, "%d", code);
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
		if (code == SI_TIMER) {
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
		break;
	case SIGPOLL:
		tprintf(tcp, ", si_band=%ld, si_fd=%d", (long)si->si_band, si->si_fd);
		break;
	case SIGSYS: {
		const struct arch_def *a = arch_by_audit(si->si_arch);
		const struct syscall_ent *e = a ? arch_syscall(a, si->si_syscall) : NULL;

		tprints(tcp, ", si_call_addr=");
		print_addr(tcp, (unsigned long)si->si_call_addr);
		if (e)
			tprintf(tcp, ", si_syscall=__NR_%s", e->name);
		else
			tprintf(tcp, ", si_syscall=%d", si->si_syscall);
		if (si->si_arch == AUDIT_ARCH_X86_64)
			tprints(tcp, ", si_arch=AUDIT_ARCH_X86_64");
		else if (si->si_arch == AUDIT_ARCH_AARCH64)
			tprints(tcp, ", si_arch=AUDIT_ARCH_AARCH64");
		else if (si->si_arch == AUDIT_ARCH_I386)
			tprints(tcp, ", si_arch=AUDIT_ARCH_I386");
		else
			tprintf(tcp, ", si_arch=%#x", si->si_arch);
		break;
	}
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
