/* ptrace(2) decoder. */
#include "config.h"
#include "decode_ptrace.h"

#include <linux/filter.h>
#include <linux/ptrace.h>
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

			if (tcp->err || mem_read(tcp->pid, data, &v, sizeof(v)) < 0)
				print_addr(tcp, data);
			else if (req == PTRACE_GETEVENTMSG)
				tprintf(tcp, "[%llu]", (unsigned long long)v);
			else
				tprintf(tcp, "[%#llx]", (unsigned long long)v);
			break;
		}
		case PTRACE_GETSIGINFO: {
			siginfo_t si;

			if (tcp->err || mem_read(tcp->pid, data, &si, sizeof(si)) < 0)
				print_addr(tcp, data);
			else
				print_siginfo(tcp, &si);
			break;
		}
		case PTRACE_GETREGSET:
			print_iovec1(tcp, data);
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

		if (!data || mem_read(tcp->pid, data, &si, sizeof(si)) < 0)
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
