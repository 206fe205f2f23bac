/* Signal family decoders. */
#include "config.h"
#include "decode_signal.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "abi.h"
#include "decode.h"
#include "decode_time.h"
#include "gen/decoders.h"
#include "mem.h"
#include "pids.h"
#include "sink.h"
#include "signals.h"
#include "strbuf.h"

size_t format_sigset(char *buf, size_t size, const void *set, size_t setlen)
{
	uint64_t mask = 0;
	unsigned nsig, count = 0;
	bool complement;
	struct strbuf sb;
	bool first = true;

	if (setlen > sizeof(mask))
		setlen = sizeof(mask);
	memcpy(&mask, set, setlen);
	nsig = (unsigned)setlen * 8;
	for (unsigned i = 0; i < nsig; i++)
		count += (mask >> i) & 1;
	complement = count * 2 > nsig;
	sb_init(&sb, buf, size);
	sb_printf(&sb, "%s[", complement ? "~" : "");
	for (unsigned i = 0; i < nsig; i++) {
		bool set_bit = (mask >> i) & 1;
		const char *name;

		if (set_bit == complement)
			continue;
		name = signal_name((int)i + 1);
		{
			char raw[16], el[64];

			snprintf(raw, sizeof(raw), "%u", i + 1);
			format_xlat_styled(el, sizeof(el), raw, name ? name + 3 : NULL);
			sb_printf(&sb, "%s%s", first ? "" : " ", el);
		}
		first = false;
	}
	sb_puts(&sb, "]");
	return sb_len(&sb);
}

/* The kernel's sigset_t on the 64-bit ABIs ctrace decodes (_NSIG 64).  A
 * sigsetsize below MIN or above this is printed as the address, as strace
 * does (MIN is the word size, 1 for rt_sigpending, which takes less) */
enum { KERNEL_SIGSET_BYTES = sizeof(uint64_t), WORD_BYTES = sizeof(uint64_t) };

static void print_sigset_min(struct tcb *tcp, unsigned long addr, unsigned long sigsetsize,
			     unsigned long min)
{
	uint64_t mask = 0;
	char buf[512];

	if (!addr || sigsetsize < min || sigsetsize > KERNEL_SIGSET_BYTES ||
	    mem_read_struct(tcp, addr, &mask, sigsetsize) < 0) {
		print_addr(tcp, addr);
		return;
	}
	format_sigset(buf, sizeof(buf), &mask, sigsetsize);
	tprints(tcp, buf);
}

void print_sigset(struct tcb *tcp, unsigned long addr, unsigned long sigsetsize)
{
	print_sigset_min(tcp, addr, sigsetsize, WORD_BYTES);
}

size_t format_k_sigaction(char *buf, size_t size, const struct k_sigaction *sa)
{
	const char *special = xlat_lookup(&xlat_sighandler_special, sa->handler);
	char tmp[512];
	struct strbuf sb;

	sb_init(&sb, buf, size);
	char raw[32], names[400];

	snprintf(raw, sizeof(raw), sa->handler ? "%#llx" : "0", (unsigned long long)sa->handler);
	if (special)
		format_xlat_styled(tmp, sizeof(tmp), raw, special);
	else
		snprintf(tmp, sizeof(tmp), "%#llx", (unsigned long long)sa->handler);
	sb_printf(&sb, "{sa_handler=%s", tmp);
	format_sigset(tmp, sizeof(tmp), &sa->mask, sizeof(sa->mask));
	sb_printf(&sb, ", sa_mask=%s", tmp);
	format_flags(names, sizeof(names), &xlat_sigaction_flags, sa->flags, NULL);
	snprintf(raw, sizeof(raw), sa->flags ? "%#llx" : "0", (unsigned long long)sa->flags);
	format_xlat_styled(tmp, sizeof(tmp), raw, names);
	sb_printf(&sb, ", sa_flags=%s", tmp);
	if (sa->flags & 0x04000000ULL) { /* SA_RESTORER */
		if (sa->restorer)
			sb_printf(&sb, ", sa_restorer=%#llx", (unsigned long long)sa->restorer);
		else
			sb_puts(&sb, ", sa_restorer=NULL");
	}
	sb_puts(&sb, "}");
	return sb_len(&sb);
}

static void print_sigaction(struct tcb *tcp, unsigned long addr)
{
	struct k_sigaction sa;
	char buf[1024];

	if (!fetch_or_print_addr(tcp, addr, &sa, sizeof(sa)))
		return;
	format_k_sigaction(buf, sizeof(buf), &sa);
	tprints(tcp, buf);
}

/* An argument the kernel fills: its address when the call failed. */
static bool exit_failed(struct tcb *tcp, unsigned long addr)
{
	if (tcp->err || !addr) {
		print_addr(tcp, addr);
		return true;
	}
	return false;
}

int dec_rt_sigaction(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_signo(tcp, (int)tcp->args[0]);
		tprint_arg_next(tcp);
		print_sigaction(tcp, tcp->args[1]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (!exit_failed(tcp, tcp->args[2]))
		print_sigaction(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[3]);
	return DEC_DONE;
}

int dec_rt_sigprocmask(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_xval(tcp, &xlat_sigprocmask_how, (uint32_t)tcp->args[0], "SIG_???");
		tprint_arg_next(tcp);
		print_sigset(tcp, tcp->args[1], tcp->args[3]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (!exit_failed(tcp, tcp->args[2]))
		print_sigset(tcp, tcp->args[2], tcp->args[3]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[3]);
	return DEC_DONE;
}

int dec_rt_sigreturn(struct tcb *tcp)
{
	const struct arch_abi *abi = arch_abi_by_audit(tcp->arch ? tcp->arch->audit_arch : 0);
	unsigned long ip, sp;

	if (tcp->exiting)
		return DEC_DONE;
	if (!abi || tcp->arch != arch_native ||
	    arch_native_regs.get_ip_sp(tcp->pid, &ip, &sp) < 0)
		return DEC_DONE;
	tprints(tcp, "{mask=");
	print_sigset(tcp, sp + abi->sigreturn_mask_off, sizeof(uint64_t));
	tprints(tcp, "}");
	return DEC_DONE;
}

int dec_rt_sigsuspend(struct tcb *tcp)
{
	print_sigset(tcp, tcp->args[0], tcp->args[1]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[1]);
	return DEC_DONE;
}

int dec_rt_sigpending(struct tcb *tcp)
{
	if (!tcp->exiting)
		return DEC_MORE;
	if (!exit_failed(tcp, tcp->args[0]))
		print_sigset_min(tcp, tcp->args[0], tcp->args[1], 1);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[1]);
	return DEC_DONE;
}

void print_siginfo_at(struct tcb *tcp, unsigned long addr)
{
	siginfo_t si;

	if (!fetch_or_print_addr(tcp, addr, &si, sizeof(si)))
		return;
	print_siginfo(tcp, &si);
}

int dec_rt_sigtimedwait(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_sigset(tcp, tcp->args[0], tcp->args[3]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err || tcp->rval <= 0)
		print_addr(tcp, tcp->args[1]);
	else
		print_siginfo_at(tcp, tcp->args[1]);
	if (!tcp->err && tcp->rval > 0)
		tcp->auxstr = signal_name((int)tcp->rval);
	tprint_arg_next(tcp);
	print_timespec(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[3]);
	return DEC_DONE;
}

int dec_rt_sigqueueinfo(struct tcb *tcp)
{
	print_pid(tcp, (int)tcp->args[0], PT_TGID);
	tprint_arg_next(tcp);
	print_signo(tcp, (int)tcp->args[1]);
	tprint_arg_next(tcp);
	print_siginfo_at(tcp, tcp->args[2]);
	return DEC_DONE;
}

int dec_rt_tgsigqueueinfo(struct tcb *tcp)
{
	print_pid(tcp, (int)tcp->args[0], PT_TGID);
	tprint_arg_next(tcp);
	print_pid(tcp, (int)tcp->args[1], PT_TID);
	tprint_arg_next(tcp);
	print_signo(tcp, (int)tcp->args[2]);
	tprint_arg_next(tcp);
	print_siginfo_at(tcp, tcp->args[3]);
	return DEC_DONE;
}

static void print_stack_t(struct tcb *tcp, unsigned long addr)
{
	struct {
		uint64_t sp;
		int32_t flags;
		int32_t pad;
		uint64_t size;
	} ss;

	if (!fetch_or_print_addr(tcp, addr, &ss, sizeof(ss)))
		return;
	tprints(tcp, "{ss_sp=");
	print_addr(tcp, ss.sp);
	tprints(tcp, ", ss_flags=");
	print_flags(tcp, &xlat_sigaltstack_flags, (uint32_t)ss.flags, NULL);
	tprintf(tcp, ", ss_size=%llu}", (unsigned long long)ss.size);
}

int dec_sigaltstack(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_stack_t(tcp, tcp->args[0]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (!exit_failed(tcp, tcp->args[1]))
		print_stack_t(tcp, tcp->args[1]);
	return DEC_DONE;
}
