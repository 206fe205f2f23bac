/* ptrace(2) and seccomp(2) decoders. */
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
#include "util.h"

#define APPEND(...) do { \
		int n_ = snprintf(buf + len, len < size ? size - len : 0, __VA_ARGS__); \
		if (n_ > 0) len += (size_t)n_; \
	} while (0)
#define FINISH() return len < size ? len : (size ? size - 1 : 0)

/* ---- classic BPF ---- */

static const char *const bpf_class[8] = {
	"BPF_LD", "BPF_LDX", "BPF_ST", "BPF_STX", "BPF_ALU", "BPF_JMP", "BPF_RET", "BPF_MISC",
};
static const char *const bpf_size[4] = { "BPF_W", "BPF_H", "BPF_B", "BPF_DW" };
static const char *const bpf_mode[8] = {
	"BPF_IMM", "BPF_ABS", "BPF_IND", "BPF_MEM", "BPF_LEN", "BPF_MSH", NULL, NULL,
};
static const char *const bpf_alu_op[16] = {
	"BPF_ADD", "BPF_SUB", "BPF_MUL", "BPF_DIV", "BPF_OR", "BPF_AND", "BPF_LSH", "BPF_RSH",
	"BPF_NEG", "BPF_MOD", "BPF_XOR", NULL, NULL, NULL, NULL, NULL,
};
static const char *const bpf_jmp_op[16] = {
	"BPF_JA", "BPF_JEQ", "BPF_JGT", "BPF_JGE", "BPF_JSET", NULL, NULL, NULL,
	NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
};

/* One named part of an instruction in the -X style: abbrev NAME (the
 * number without one), raw the number, verbose the number and the name. */
static size_t format_bpf_part(char *buf, size_t size, unsigned val, const char *name)
{
	size_t len = 0;

	if (size)
		buf[0] = '\0';
	if (name && pcfg.xlat_style == XLAT_ABBREV)
		APPEND("%s", name);
	else if (val)
		APPEND("%#x", val);
	else
		APPEND("0");
	if (name && pcfg.xlat_style == XLAT_VERBOSE)
		APPEND(" /* %s */", name);
	FINISH();
}

#define PART(v, name) do { \
		char p_[64]; \
		format_bpf_part(p_, sizeof(p_), (v), (name)); \
		APPEND("%s%s", len ? "|" : "", p_); \
	} while (0)

static size_t format_bpf_code(char *buf, size_t size, uint16_t code)
{
	unsigned cls = code & 7;
	size_t len = 0;
	const char *op;

	if (size)
		buf[0] = '\0';
	PART(cls, bpf_class[cls]);
	switch (cls) {
	case 2: case 3: /* ST STX: no size or mode */
		code &= (uint16_t)~7;
		break;
	case 0: case 1: /* LD LDX */
		PART(code & 0x18u, bpf_size[(code >> 3) & 3]);
		PART(code & 0xe0u, bpf_mode[(code >> 5) & 7]);
		code &= (uint16_t)~0xff;
		break;
	case 4: case 5: /* ALU JMP */
		op = (cls == 4 ? bpf_alu_op : bpf_jmp_op)[(code >> 4) & 15];
		PART(code & 8u, code & 8 ? "BPF_X" : "BPF_K");
		PART(code & 0xf0u, op);
		code &= (uint16_t)~0xff;
		break;
	case 6: /* RET */
		PART(code & 0x18u, (code & 0x18) == 0 ? "BPF_K" : (code & 0x18) == 8 ? "BPF_X" : "BPF_A");
		code &= (uint16_t)~0xff;
		break;
	case 7: /* MISC */
		PART(code & 0xf8u, (code & 0xf8) == 0x80 ? "BPF_TXA" : "BPF_TAX");
		code &= (uint16_t)~0xff;
		break;
	}
	if (code)
		APPEND("|%#x", code);
	FINISH();
}

static size_t format_seccomp_ret(char *buf, size_t size, uint32_t k)
{
	uint32_t action = k & 0xffff0000u, data = k & 0xffffu;
	const char *name = xlat_lookup(&xlat_seccomp_ret_actions, action);
	size_t len = 0;

	if (size)
		buf[0] = '\0';
	if (!name) {
		APPEND("%#x /* SECCOMP_RET_??? */", k);
		FINISH();
	}
	APPEND("%s", name);
	if (data)
		APPEND("|%#x", data);
	FINISH();
}

/* The offset of an absolute load of a socket filter: "SKF_NET_OFF+8"
 * (-X raw: "0xfff00000+8"). */
static size_t format_skf_off(char *buf, size_t size, uint32_t k)
{
	int32_t off = (int32_t)k;
	const char *ad = NULL;
	char base[64], idx[64];
	int32_t from;
	const char *bname;
	int n;

	if (off >= 0 || off < SKF_LL_OFF) {
		n = snprintf(buf, size, "%#x", k);
		return n < 0 ? 0 : (size_t)n;
	}
	if (off >= SKF_AD_OFF) {
		from = SKF_AD_OFF;
		bname = "SKF_AD_OFF";
		ad = xlat_lookup(&xlat_skf_ad, (uint32_t)(off - SKF_AD_OFF));
	} else if (off >= SKF_NET_OFF) {
		from = SKF_NET_OFF;
		bname = "SKF_NET_OFF";
	} else {
		from = SKF_LL_OFF;
		bname = "SKF_LL_OFF";
	}
	format_bpf_part(base, sizeof(base), (uint32_t)from, bname);
	if (ad)
		format_bpf_part(idx, sizeof(idx), (unsigned)(off - from), ad);
	else
		snprintf(idx, sizeof(idx), "%d", off - from);
	n = snprintf(buf, size, "%s+%s", base, idx);
	return n < 0 ? 0 : (size_t)n;
}

size_t format_bpf_insn(char *buf, size_t size, const struct bpf_insn_raw *in,
		       enum bpf_flavor flavor)
{
	char code[128], k[96];
	size_t len = 0;
	unsigned cls = in->code & 7;

	if (size)
		buf[0] = '\0';
	format_bpf_code(code, sizeof(code), in->code);
	if (flavor == BPF_FLAVOR_SECCOMP && cls == 6 && (in->code & 0x18) == 0)
		format_seccomp_ret(k, sizeof(k), in->k);
	else if (flavor == BPF_FLAVOR_SOCKET && cls <= 1 && (in->code & 0xe0) == BPF_ABS)
		format_skf_off(k, sizeof(k), in->k);
	else
		snprintf(k, sizeof(k), "%#x", in->k);
	if (cls == 5 && (in->code & 0xf0) != 0) /* conditional jumps */
		APPEND("BPF_JUMP(%s, %s, %#x, %#x)", code, k, in->jt, in->jf);
	else
		APPEND("BPF_STMT(%s, %s)", code, k);
	FINISH();
}

void print_bpf_insns(struct tcb *tcp, unsigned long addr, unsigned long n,
		     enum bpf_flavor flavor)
{
	char buf[512];

	for (unsigned long i = 0; i < n; i++) {
		struct bpf_insn_raw in;

		if (i >= BPF_MAXINSNS) {
			tprints(tcp, ", ...");
			break;
		}
		if (mem_read(tcp->pid, addr + i * sizeof(in), &in, sizeof(in)) < 0) {
			if (!i) {
				print_addr(tcp, addr);
				return;
			}
			tprintf(tcp, ", ... /* %#llx */", (unsigned long long)(addr + i * sizeof(in)));
			break;
		}
		format_bpf_insn(buf, sizeof(buf), &in, flavor);
		tprintf(tcp, "%s%s", i ? ", " : "[", buf);
	}
	tprints(tcp, n ? "]" : "[]");
}

/* struct sock_fprog: {len=N, filter=[...]}; the instructions with -v
 * only (at most BPF_MAXINSNS of them), the address without. */
void print_bpf_fprog(struct tcb *tcp, unsigned long addr, enum bpf_flavor flavor)
{
	struct { uint16_t len; uint16_t pad[3]; uint64_t filter; } fp;

	if (!fetch_or_print_addr(tcp, addr, &fp, sizeof(fp)))
		return;
	tprintf(tcp, "{len=%u, filter=", fp.len);
	if (!pcfg.verbose || !fp.filter)
		print_addr(tcp, fp.filter);
	else
		print_bpf_insns(tcp, fp.filter, fp.len, flavor);
	tprints(tcp, "}");
}

void print_seccomp_fprog(struct tcb *tcp, unsigned long addr)
{
	print_bpf_fprog(tcp, addr, BPF_FLAVOR_SECCOMP);
}

int dec_seccomp(struct tcb *tcp)
{
	unsigned op = (unsigned)tcp->args[0];

	if (tcp->exiting)
		return DEC_DONE;
	print_xval(tcp, &xlat_seccomp_ops, op, "SECCOMP_SET_MODE_???");
	tprint_arg_next(tcp);
	switch (op) {
	case 1: /* SECCOMP_SET_MODE_FILTER */
		print_flags(tcp, &xlat_seccomp_filter_flags, (uint32_t)tcp->args[1],
			    "SECCOMP_FILTER_FLAG_???");
		tprint_arg_next(tcp);
		print_seccomp_fprog(tcp, tcp->args[2]);
		break;
	case 2: { /* SECCOMP_GET_ACTION_AVAIL */
		uint32_t action;

		tprintf(tcp, "%u", (unsigned)tcp->args[1]);
		tprint_arg_next(tcp);
		if (!tcp->args[2] || mem_read(tcp->pid, tcp->args[2], &action, sizeof(action)) < 0) {
			print_addr(tcp, tcp->args[2]);
		} else {
			tprints(tcp, "[");
			print_xval(tcp, &xlat_seccomp_ret_actions, action, "SECCOMP_RET_???");
			tprints(tcp, "]");
		}
		break;
	}
	default:
		tprintf(tcp, "%#x", (unsigned)tcp->args[1]);
		tprint_arg_next(tcp);
		print_addr(tcp, tcp->args[2]);
		break;
	}
	return DEC_DONE;
}

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
	switch (req) {
	case PTRACE_TRACEME:
		return DEC_DONE;
	case PTRACE_ATTACH:
	case PTRACE_INTERRUPT:
	case PTRACE_KILL:
		tprint_arg_next(tcp);
		tprintf(tcp, "%d", pid);
		return DEC_DONE;
	case PTRACE_SEIZE:
	case PTRACE_SETOPTIONS:
		tprint_arg_next(tcp);
		tprintf(tcp, "%d", pid);
		tprint_arg_next(tcp);
		print_addr(tcp, addr);
		tprint_arg_next(tcp);
		print_flags(tcp, &xlat_ptrace_options, data, NULL);
		return DEC_DONE;
	case PTRACE_CONT:
	case PTRACE_SYSCALL:
	case PTRACE_SINGLESTEP:
	case PTRACE_DETACH:
	case PTRACE_LISTEN:
		tprint_arg_next(tcp);
		tprintf(tcp, "%d", pid);
		tprint_arg_next(tcp);
		print_addr(tcp, addr);
		tprint_arg_next(tcp);
		print_ptrace_sig(tcp, data);
		return DEC_DONE;
	case PTRACE_PEEKUSR:
		tprint_arg_next(tcp);
		tprintf(tcp, "%d", pid);
		tprint_arg_next(tcp);
		tprintf(tcp, "%#lx", addr);
		tprint_arg_next(tcp);
		return DEC_MORE;
	case PTRACE_PEEKTEXT:
	case PTRACE_PEEKDATA:
	case PTRACE_GETEVENTMSG:
	case PTRACE_GETSIGINFO:
		tprint_arg_next(tcp);
		tprintf(tcp, "%d", pid);
		tprint_arg_next(tcp);
		print_addr(tcp, addr);
		tprint_arg_next(tcp);
		return DEC_MORE;
	case PTRACE_POKETEXT:
	case PTRACE_POKEDATA:
	case PTRACE_POKEUSR:
		tprint_arg_next(tcp);
		tprintf(tcp, "%d", pid);
		tprint_arg_next(tcp);
		if (req == PTRACE_POKEUSR)
			tprintf(tcp, "%#lx", addr);
		else
			print_addr(tcp, addr);
		tprint_arg_next(tcp);
		tprintf(tcp, "%#lx", data);
		return DEC_DONE;
	case PTRACE_GETREGSET:
	case PTRACE_SETREGSET:
		tprint_arg_next(tcp);
		tprintf(tcp, "%d", pid);
		tprint_arg_next(tcp);
		print_xval(tcp, &xlat_nt_types, addr, "NT_???");
		tprint_arg_next(tcp);
		if (req == PTRACE_GETREGSET)
			return DEC_MORE;
		print_iovec1(tcp, data);
		return DEC_DONE;
	case PTRACE_SETSIGINFO: {
		siginfo_t si;

		tprint_arg_next(tcp);
		tprintf(tcp, "%d", pid);
		tprint_arg_next(tcp);
		print_addr(tcp, addr);
		tprint_arg_next(tcp);
		if (!data || mem_read(tcp->pid, data, &si, sizeof(si)) < 0)
			print_addr(tcp, data);
		else
			print_siginfo(tcp, &si);
		return DEC_DONE;
	}
	case PTRACE_GET_SYSCALL_INFO:
		tprint_arg_next(tcp);
		tprintf(tcp, "%d", pid);
		tprint_arg_next(tcp);
		tprintf(tcp, "%lu", addr);
		tprint_arg_next(tcp);
		print_addr(tcp, data);
		return DEC_DONE;
	default:
		tprint_arg_next(tcp);
		tprintf(tcp, "%d", pid);
		tprint_arg_next(tcp);
		print_addr(tcp, addr);
		tprint_arg_next(tcp);
		print_addr(tcp, data);
		return DEC_DONE;
	}
}
