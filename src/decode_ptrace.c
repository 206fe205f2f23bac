/* ptrace(2) decoder. */
#include "config.h"
#include "decode_ptrace.h"

#include <linux/filter.h>
#include <linux/ptrace.h>
#include <stddef.h>
#include <string.h>
#include <signal.h>
#include <stdio.h>
#include <sys/uio.h>

#include "abi.h"
#include "decode.h"
#include "gen/decoders.h"
#include "mem.h"
#include "print.h"
#include "signals.h"
#include "strbuf.h"
#include "util.h"

/* ---- ptrace ---- */

static const char *ptrace_request_name(struct tcb *tcp, unsigned long req)
{
	const char *name = xlat_lookup(&xlat_ptrace_requests, req);
	const struct arch_abi *abi;
	const struct xlat *extra;

	if (name)
		return name;
	abi = arch_abi_by_audit(tcp->arch ? tcp->arch->audit_arch : 0);
	if (abi && abi->ptrace_requests_set &&
	    (extra = xlat_by_name(abi->ptrace_requests_set)))
		return xlat_lookup(extra, req);
	return NULL;
}

static void print_iovec1(struct tcb *tcp, unsigned long addr)
{
	struct iovec iov;

	if (!fetch_or_print_addr(tcp, addr, &iov, sizeof(iov)))
		return;
	tprints(tcp, "{iov_base=");
	print_addr(tcp, (unsigned long)iov.iov_base);
	tprintf(tcp, ", iov_len=%zu}", iov.iov_len);
}

static void print_ptrace_sig(struct tcb *tcp, unsigned long data)
{
	if (data)
		print_signo(tcp, (int)data);
	else
		tprints(tcp, "0");
}

/* A system call number of the ABI audit_arch: "__NR_name" (-X aware,
 * the number in decimal), the number when unknown. */
static void print_scno_of(struct tcb *tcp, uint32_t audit_arch, uint64_t nr)
{
	const struct arch_def *a = arch_by_audit(audit_arch);
	const struct syscall_ent *e = a && nr <= UINT32_MAX ? arch_syscall(a, (unsigned)nr) : NULL;
	char raw[24], names[64], buf[128];

	snprintf(raw, sizeof(raw), "%llu", (unsigned long long)nr);
	if (e && e->name)
		snprintf(names, sizeof(names), "__NR_%s", e->name);
	format_xlat_styled(buf, sizeof(buf), raw, e && e->name ? names : NULL);
	tprints(tcp, buf);
}

/* PTRACE_GET_SYSCALL_INFO's structure: as many of its fields as the
 * kernel wrote (the smaller of the caller's size and the return value). */
static void print_syscall_info(struct tcb *tcp, unsigned long addr, unsigned long size)
{
	struct ptrace_syscall_info si;
	size_t len = size < (unsigned long)tcp->rval ? size : (size_t)tcp->rval;
	unsigned nargs;

	if (len > sizeof(si))
		len = sizeof(si);
	memset(&si, 0, sizeof(si));
	if (!len || mem_read_struct(tcp, addr, &si, len) < 0) {
		print_addr(tcp, addr);
		return;
	}
	tprints(tcp, "{op=");
	print_xval(tcp, &xlat_ptrace_syscall_info_ops, si.op, "PTRACE_SYSCALL_INFO_???");
	if (len >= offsetof(struct ptrace_syscall_info, instruction_pointer)) {
		tprints(tcp, ", arch=");
		print_xval(tcp, &xlat_audit_arches, si.arch, "AUDIT_ARCH_???");
	}
	if (len >= offsetof(struct ptrace_syscall_info, stack_pointer))
		tprintf(tcp, ", instruction_pointer=%#llx", (unsigned long long)si.instruction_pointer);
	if (len >= offsetof(struct ptrace_syscall_info, entry))
		tprintf(tcp, ", stack_pointer=%#llx", (unsigned long long)si.stack_pointer);
	switch (si.op) {
	case PTRACE_SYSCALL_INFO_ENTRY:
	case PTRACE_SYSCALL_INFO_SECCOMP:
		if (len < offsetof(struct ptrace_syscall_info, entry.args))
			break;
		tprints(tcp, si.op == PTRACE_SYSCALL_INFO_ENTRY ? ", entry={nr=" : ", seccomp={nr=");
		print_scno_of(tcp, si.arch, si.entry.nr);
		nargs = (unsigned)((len - offsetof(struct ptrace_syscall_info, entry.args)) / 8);
		if (nargs > 6)
			nargs = 6;
		for (unsigned i = 0; i < nargs; i++)
			tprintf(tcp, "%s%#llx", i ? ", " : ", args=[", (unsigned long long)si.entry.args[i]);
		if (nargs)
			tprints(tcp, "]");
		if (si.op == PTRACE_SYSCALL_INFO_SECCOMP &&
		    len >= offsetof(struct ptrace_syscall_info, seccomp.ret_data) + sizeof(si.seccomp.ret_data))
			tprintf(tcp, ", ret_data=%u", si.seccomp.ret_data);
		tprints(tcp, "}");
		break;
	case PTRACE_SYSCALL_INFO_EXIT: {
		const char *en;

		if (len < offsetof(struct ptrace_syscall_info, exit.is_error))
			break;
		tprints(tcp, ", exit={rval=");
		if (len > offsetof(struct ptrace_syscall_info, exit.is_error) && si.exit.is_error &&
		    si.exit.rval < 0 && si.exit.rval > -4096 && (en = errno_name((int)-si.exit.rval))) {
			char raw[24], names[64], buf[128];

			snprintf(raw, sizeof(raw), "%lld", (long long)si.exit.rval);
			snprintf(names, sizeof(names), "-%s", en);
			format_xlat_styled(buf, sizeof(buf), raw, names);
			tprints(tcp, buf);
		} else {
			tprintf(tcp, "%lld", (long long)si.exit.rval);
		}
		if (len > offsetof(struct ptrace_syscall_info, exit.is_error))
			tprintf(tcp, ", is_error=%u", si.exit.is_error);
		tprints(tcp, "}");
		break;
	}
	default:
		break;
	}
	tprints(tcp, "}");
}

int dec_ptrace(struct tcb *tcp)
{
	unsigned long req = tcp->args[0], addr = tcp->args[2], data = tcp->args[3];
	int pid = (int)tcp->args[1];

	if (tcp->exiting) {
		switch (req) {
		case PTRACE_PEEKTEXT:
		case PTRACE_PEEKDATA:
		case PTRACE_PEEKUSR:
		case PTRACE_GETEVENTMSG: {
			uint64_t v;

			if (tcp->err || mem_read_struct(tcp, data, &v, sizeof(v)) < 0)
				print_addr(tcp, data);
			else if (req == PTRACE_GETEVENTMSG)
				tprintf(tcp, "[%llu]", (unsigned long long)v);
			else
				tprintf(tcp, "[%#llx]", (unsigned long long)v);
			break;
		}
		case PTRACE_GETSIGINFO: {
			siginfo_t si;

			if (tcp->err || mem_read_struct(tcp, data, &si, sizeof(si)) < 0)
				print_addr(tcp, data);
			else
				print_siginfo(tcp, &si);
			break;
		}
		case PTRACE_GETREGSET:
			print_iovec1(tcp, data);
			break;
		case PTRACE_GET_SYSCALL_INFO:
			if (tcp->err || tcp->rval < 0)
				print_addr(tcp, data);
			else
				print_syscall_info(tcp, data, addr);
			break;
		default:
			print_addr(tcp, data);
			break;
		}
		return DEC_DONE;
	}

	{
		const char *name = ptrace_request_name(tcp, req);
		char raw[32], buf[96];

		snprintf(raw, sizeof(raw), req ? "%#lx" : "0", req);
		if (name || pcfg.xlat_style != XLAT_ABBREV) {
			format_xlat_styled(buf, sizeof(buf), raw, name ? name : "PTRACE_???");
			tprints(tcp, buf);
		} else {
			tprintf(tcp, "%#lx /* PTRACE_??? */", req);
		}
	}
	if (req == PTRACE_TRACEME)
		return DEC_DONE;
	tprint_arg_next(tcp);
	tprintf(tcp, "%d", pid);
	/* addr */
	switch (req) {
	case PTRACE_ATTACH:
	case PTRACE_INTERRUPT:
	case PTRACE_KILL:
		return DEC_DONE;
	case PTRACE_PEEKUSR:
	case PTRACE_POKEUSR:
		tprint_arg_next(tcp);
		tprintf(tcp, "%#lx", addr);
		break;
	case PTRACE_GETREGSET:
	case PTRACE_SETREGSET:
		tprint_arg_next(tcp);
		print_xval(tcp, &xlat_nt_types, addr, "NT_???");
		break;
	case PTRACE_GET_SYSCALL_INFO:
		tprint_arg_next(tcp);
		tprintf(tcp, "%lu", addr);
		break;
	default:
		tprint_arg_next(tcp);
		print_addr(tcp, addr);
		break;
	}
	/* data */
	tprint_arg_next(tcp);
	switch (req) {
	case PTRACE_SEIZE:
	case PTRACE_SETOPTIONS:
		print_flags(tcp, &xlat_ptrace_options, data, NULL);
		break;
	case PTRACE_CONT:
	case PTRACE_SYSCALL:
	case PTRACE_SINGLESTEP:
	case PTRACE_DETACH:
	case PTRACE_LISTEN:
		print_ptrace_sig(tcp, data);
		break;
	case PTRACE_PEEKUSR:
	case PTRACE_PEEKTEXT:
	case PTRACE_PEEKDATA:
	case PTRACE_GETEVENTMSG:
	case PTRACE_GETSIGINFO:
	case PTRACE_GETREGSET:
	case PTRACE_GET_SYSCALL_INFO:
		return DEC_MORE; /* written at exit */
	case PTRACE_POKETEXT:
	case PTRACE_POKEDATA:
	case PTRACE_POKEUSR:
		tprintf(tcp, "%#lx", data);
		break;
	case PTRACE_SETREGSET:
		print_iovec1(tcp, data);
		break;
	case PTRACE_SETSIGINFO: {
		siginfo_t si;

		if (!data || mem_read_struct(tcp, data, &si, sizeof(si)) < 0)
			print_addr(tcp, data);
		else
			print_siginfo(tcp, &si);
		break;
	}
	default:
		print_addr(tcp, data);
		break;
	}
	return DEC_DONE;
}
