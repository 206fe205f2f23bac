/* ptrace(2) decoder. */
#include "config.h"
#include "decode_ptrace.h"

#include <linux/filter.h>
#include <linux/ptrace.h>
#include <stddef.h>
#include <string.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/uio.h>

#include "abi.h"
#include "decode.h"
#include "decode_signal.h"
#include "gen/decoders.h"
#include "mem.h"
#include "sink.h"
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
	if (e && e->name[0])
		snprintf(names, sizeof(names), "__NR_%s", e->name);
	format_xlat_styled(buf, sizeof(buf), raw, e && e->name[0] ? names : NULL);
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

/* A register structure of size bytes at addr, as the layout says: each
 * field the size covers in hex, arrays as far as they go, ", ..." for
 * bytes past the structure; the address when the size is not a multiple
 * of the layout's slot or the memory cannot be read. */
void print_regset(struct tcb *tcp, const struct regset_layout *l,
		  unsigned long addr, unsigned long size)
{
	unsigned char buf[4096];
	size_t n;

	if (!l || !size || size % l->slot || l->size > sizeof(buf)) {
		print_addr(tcp, addr);
		return;
	}
	n = size < l->size ? size : l->size;
	if (!fetch_or_print_addr(tcp, addr, buf, n))
		return;
	tprints(tcp, "{");
	for (unsigned k = 0; k < l->nfields; k++) {
		const struct regset_field *f = &l->fields[k];
		unsigned count = f->count ? f->count : 1;

		if (f->count ? size <= f->offset : size < (unsigned long)f->offset + f->size)
			break;
		tprintf(tcp, "%s%s=%s", k ? ", " : "", f->name, f->count ? "[" : "");
		for (unsigned i = 0; i < count && size - f->offset > (unsigned long)i * f->size; i++) {
			uint64_t v = 0;

			if (f->count && i >= pcfg.max_strlen) { /* -s, as arrays */
				tprints(tcp, ", ...");
				break;
			}
			memcpy(&v, buf + f->offset + (size_t)i * f->size, f->size);
			tprintf(tcp, "%s%#llx", i ? ", " : "", (unsigned long long)v);
		}
		if (f->count)
			tprints(tcp, "]");
	}
	if (size > l->size)
		tprints(tcp, ", ...");
	tprints(tcp, "}");
}

static const struct arch_abi *ptrace_abi(const struct tcb *tcp)
{
	return arch_abi_by_audit(tcp->arch ? tcp->arch->audit_arch : 0);
}

static const struct regset_layout *regset_of(const struct tcb *tcp, unsigned long nt)
{
	const struct arch_abi *abi = ptrace_abi(tcp);

	if (!abi)
		return NULL;
	return nt == 1 /* NT_PRSTATUS */ ? abi->prstatus :
	       nt == 2 /* NT_FPREGSET */ ? abi->fpregset : NULL;
}

/* PTRACE_GETREGSET/SETREGSET's iovec: the register set it points to,
 * and at exit the length the kernel wrote back when it changed it
 * ("iov_len=217 => 216").  SETREGSET prints the set at entry. */
struct regset_call {
	bool ok;
	struct iovec iov;
};

static void regset_call_free(void *p)
{
	free(p);
}

static void print_regset_iov_entry(struct tcb *tcp, unsigned long nt, unsigned long addr, bool set)
{
	struct regset_call *c = xcalloc(1, sizeof(*c));

	c->ok = addr && mem_read(tcp->pid, addr, &c->iov, sizeof(c->iov)) == 0;
	tcb_set_call_priv(tcp, c, regset_call_free);
	if (!set)
		return;
	if (!c->ok) {
		print_addr(tcp, addr);
		return;
	}
	tprints(tcp, "{iov_base=");
	print_regset(tcp, regset_of(tcp, nt), (unsigned long)c->iov.iov_base, c->iov.iov_len);
	tprintf(tcp, ", iov_len=%zu", c->iov.iov_len);
}

static void print_regset_iov_exit(struct tcb *tcp, unsigned long nt, unsigned long addr, bool set)
{
	const struct regset_call *c = tcp->call_priv_free == regset_call_free ? tcp->call_priv : NULL;
	struct iovec iov;

	if (set && (!c || !c->ok))
		return; /* the address, printed at entry */
	if (!c || !c->ok || mem_read_struct(tcp, addr, &iov, sizeof(iov)) < 0) {
		print_addr(tcp, addr);
		return;
	}
	if (syscall_failed(tcp))
		iov = c->iov;
	if (!set) {
		tprints(tcp, "{iov_base=");
		if (syscall_failed(tcp))
			print_addr(tcp, (unsigned long)iov.iov_base);
		else
			print_regset(tcp, regset_of(tcp, nt), (unsigned long)iov.iov_base, iov.iov_len);
		tprints(tcp, ", iov_len=");
		if (iov.iov_len != c->iov.iov_len)
			tprintf(tcp, "%zu => ", c->iov.iov_len);
		tprintf(tcp, "%zu}", iov.iov_len);
		return;
	}
	if (iov.iov_len != c->iov.iov_len)
		tprintf(tcp, " => %zu", iov.iov_len);
	tprints(tcp, "}");
}

/* PTRACE_PEEKSIGINFO's struct ptrace_peeksiginfo_args. */
static void print_peeksiginfo_args(struct tcb *tcp, unsigned long addr)
{
	struct {
		uint64_t off;
		uint32_t flags, nr;
	} a;

	if (!fetch_or_print_addr(tcp, addr, &a, sizeof(a)))
		return;
	tprintf(tcp, "{off=%llu, flags=", (unsigned long long)a.off);
	print_flags_arg(tcp, &xlat_ptrace_peeksiginfo_flags, a.flags);
	tprintf(tcp, ", nr=%u}", a.nr);
}

static void print_siginfo_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	(void)addr;
	(void)data;
	print_siginfo(tcp, elem);
}

/* PTRACE_SECCOMP_GET_METADATA's struct seccomp_metadata: filter_off at
 * entry, the flags the kernel wrote at exit. */
static char metadata_open_mark; /* call_priv: "{filter_off=N" printed */

static void print_seccomp_metadata(struct tcb *tcp, unsigned long size, unsigned long addr)
{
	uint64_t md[2];

	if (!tcp->exiting) {
		if (size < sizeof(md[0]))
			print_addr(tcp, addr);
		else if (fetch_or_print_addr(tcp, addr, md, sizeof(md[0]))) {
			tprintf(tcp, "{filter_off=%llu", (unsigned long long)md[0]);
			tcb_set_call_priv(tcp, &metadata_open_mark, NULL);
		}
		return;
	}
	if (tcp->call_priv != &metadata_open_mark)
		return;
	if (!syscall_failed(tcp) && size >= sizeof(md) &&
	    mem_read(tcp->pid, addr, md, sizeof(md)) == 0) {
		tprints(tcp, ", flags=");
		print_flags_arg(tcp, &xlat_seccomp_filter_flags, md[1]);
	}
	tprints(tcp, "}");
}

static bool is_resume_req(const struct arch_abi *abi, unsigned long req)
{
	switch (req) {
	case PTRACE_CONT:
	case PTRACE_SYSCALL:
	case PTRACE_SINGLESTEP:
	case PTRACE_DETACH:
		return true;
	default:
		break;
	}
	for (size_t i = 0; abi && i < sizeof(abi->ptrace_req.resume) / sizeof(abi->ptrace_req.resume[0]); i++)
		if (abi->ptrace_req.resume[i] && req == abi->ptrace_req.resume[i])
			return true;
	return false;
}

/* PTRACE_GETREGS and friends of the architectures that have them: the
 * structure's layout, *get set for the reading ones; NULL for another
 * request. */
static const struct regset_layout *pt_regs_req(const struct arch_abi *abi, unsigned long req, bool *get)
{
	if (!abi || !abi->pt_regs)
		return NULL;
	*get = req == abi->ptrace_req.getregs || req == abi->ptrace_req.getfpregs;
	if (req == abi->ptrace_req.getregs || req == abi->ptrace_req.setregs)
		return abi->pt_regs;
	if (req == abi->ptrace_req.getfpregs || req == abi->ptrace_req.setfpregs)
		return abi->pt_fpregs;
	return NULL;
}

static int ptrace_exit(struct tcb *tcp, unsigned long req, unsigned long addr, unsigned long data)
{
	const struct regset_layout *pt;
	bool get = false;

	if ((pt = pt_regs_req(ptrace_abi(tcp), req, &get))) {
		if (syscall_failed(tcp))
			print_addr(tcp, data);
		else
			print_regset(tcp, pt, data, pt->size);
		return DEC_DONE;
	}
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
	case PTRACE_PEEKSIGINFO:
		if (syscall_failed(tcp) || !tcp->rval) {
			print_addr(tcp, data);
		} else {
			siginfo_t si;

			if (fetch_or_print_addr(tcp, data, &si, sizeof(si)))
				print_array(tcp, data, (unsigned long)tcp->rval, &si, sizeof(si),
					    print_siginfo_elem, NULL, 0);
		}
		break;
	case PTRACE_GETSIGMASK:
		if (syscall_failed(tcp))
			print_addr(tcp, data);
		else
			print_sigset(tcp, data, addr);
		break;
	case PTRACE_GETREGSET:
	case PTRACE_SETREGSET:
		print_regset_iov_exit(tcp, addr, data, req == PTRACE_SETREGSET);
		break;
	case PTRACE_SECCOMP_GET_METADATA:
		print_seccomp_metadata(tcp, addr, data);
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

int dec_ptrace(struct tcb *tcp)
{
	unsigned long req = tcp->args[0], addr = tcp->args[2], data = tcp->args[3];
	int pid = (int)tcp->args[1];
	const struct arch_abi *abi = ptrace_abi(tcp);
	const struct regset_layout *pt;
	bool get = false;

	if (tcp->exiting)
		return ptrace_exit(tcp, req, addr, data);

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
	/* The register structures: no addr (it is unused) */
	if ((pt = pt_regs_req(abi, req, &get))) {
		tprint_arg_next(tcp);
		if (get)
			return DEC_MORE;
		print_regset(tcp, pt, data, pt->size);
		return DEC_DONE;
	}
	/* addr */
	switch (req) {
	case PTRACE_ATTACH:
	case PTRACE_INTERRUPT:
	case PTRACE_KILL:
	case PTRACE_LISTEN:
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
	case PTRACE_GETSIGMASK:
	case PTRACE_SETSIGMASK:
	case PTRACE_SECCOMP_GET_FILTER:
	case PTRACE_SECCOMP_GET_METADATA:
		tprint_arg_next(tcp);
		tprintf(tcp, "%lu", addr);
		break;
	case PTRACE_PEEKSIGINFO:
		tprint_arg_next(tcp);
		print_peeksiginfo_args(tcp, addr);
		break;
	default:
		tprint_arg_next(tcp);
		print_addr(tcp, addr);
		break;
	}
	/* data */
	tprint_arg_next(tcp);
	if (is_resume_req(abi, req)) {
		print_ptrace_sig(tcp, data);
		return DEC_DONE;
	}
	switch (req) {
	case PTRACE_SEIZE:
	case PTRACE_SETOPTIONS:
		print_flags(tcp, &xlat_ptrace_options, data, NULL);
		break;
	case PTRACE_PEEKUSR:
	case PTRACE_PEEKTEXT:
	case PTRACE_PEEKDATA:
	case PTRACE_GETEVENTMSG:
	case PTRACE_GETSIGINFO:
	case PTRACE_PEEKSIGINFO:
	case PTRACE_GETSIGMASK:
	case PTRACE_GET_SYSCALL_INFO:
		return DEC_MORE; /* written at exit */
	case PTRACE_GETREGSET:
	case PTRACE_SETREGSET:
		print_regset_iov_entry(tcp, addr, data, req == PTRACE_SETREGSET);
		return DEC_MORE;
	case PTRACE_SECCOMP_GET_METADATA:
		print_seccomp_metadata(tcp, addr, data);
		return DEC_MORE;
	case PTRACE_POKETEXT:
	case PTRACE_POKEDATA:
	case PTRACE_POKEUSR:
		tprintf(tcp, "%#lx", data);
		break;
	case PTRACE_SETSIGMASK:
		print_sigset(tcp, data, addr);
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
