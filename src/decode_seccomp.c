/* seccomp(2), and classic BPF programs (seccomp filters, socket filters). */
#include "config.h"
#include "decode_seccomp.h"

#include <linux/filter.h>
#include <stdio.h>

#include "decode.h"
#include "gen/decoders.h"
#include "mem.h"
#include "sink.h"
#include "strbuf.h"
#include "util.h"

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
static void sb_bpf_part(struct strbuf *sb, unsigned val, const char *name)
{
	if (name && pcfg.xlat_style == XLAT_ABBREV)
		sb_puts(sb, name);
	else if (val)
		sb_printf(sb, "%#x", val);
	else
		sb_puts(sb, "0");
	if (name && pcfg.xlat_style == XLAT_VERBOSE)
		sb_printf(sb, " /* %s */", name);
}

/* The parts of a code, joined by "|". */
static void sb_bpf_next(struct strbuf *sb, unsigned val, const char *name)
{
	if (sb_len(sb))
		sb_puts(sb, "|");
	sb_bpf_part(sb, val, name);
}

static size_t format_bpf_code(char *buf, size_t size, uint16_t code)
{
	unsigned cls = code & 7;
	struct strbuf sb;
	const char *op;

	sb_init(&sb, buf, size);
	sb_bpf_next(&sb, cls, bpf_class[cls]);
	switch (cls) {
	case 2: case 3: /* ST STX: no size or mode */
		code &= (uint16_t)~7;
		break;
	case 0: case 1: /* LD LDX */
		sb_bpf_next(&sb, code & 0x18u, bpf_size[(code >> 3) & 3]);
		sb_bpf_next(&sb, code & 0xe0u, bpf_mode[(code >> 5) & 7]);
		code &= (uint16_t)~0xff;
		break;
	case 4: case 5: /* ALU JMP */
		op = (cls == 4 ? bpf_alu_op : bpf_jmp_op)[(code >> 4) & 15];
		sb_bpf_next(&sb, code & 8u, code & 8 ? "BPF_X" : "BPF_K");
		sb_bpf_next(&sb, code & 0xf0u, op);
		code &= (uint16_t)~0xff;
		break;
	case 6: /* RET */
		sb_bpf_next(&sb, code & 0x18u,
			    (code & 0x18) == 0 ? "BPF_K" : (code & 0x18) == 8 ? "BPF_X" : "BPF_A");
		code &= (uint16_t)~0xff;
		break;
	case 7: /* MISC */
		sb_bpf_next(&sb, code & 0xf8u, (code & 0xf8) == 0x80 ? "BPF_TXA" : "BPF_TAX");
		code &= (uint16_t)~0xff;
		break;
	}
	if (code)
		sb_printf(&sb, "|%#x", code);
	return sb_len(&sb);
}

static size_t format_seccomp_ret(char *buf, size_t size, uint32_t k)
{
	uint32_t action = k & 0xffff0000u, data = k & 0xffffu;
	const char *name = xlat_lookup(&xlat_seccomp_ret_actions, action);
	struct strbuf sb;

	sb_init(&sb, buf, size);
	if (!name) {
		sb_printf(&sb, "%#x /* SECCOMP_RET_??? */", k);
		return sb_len(&sb);
	}
	sb_puts(&sb, name);
	if (data)
		sb_printf(&sb, "|%#x", data);
	return sb_len(&sb);
}

/* The offset of an absolute load of a socket filter: "SKF_NET_OFF+8"
 * (-X raw: "0xfff00000+8"). */
static size_t format_skf_off(char *buf, size_t size, uint32_t k)
{
	int32_t off = (int32_t)k, from;
	const char *ad = NULL, *bname;
	struct strbuf sb;

	sb_init(&sb, buf, size);
	if (off >= 0 || off < SKF_LL_OFF) {
		sb_printf(&sb, "%#x", k);
		return sb_len(&sb);
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
	sb_bpf_part(&sb, (uint32_t)from, bname);
	sb_puts(&sb, "+");
	if (ad)
		sb_bpf_part(&sb, (unsigned)(off - from), ad);
	else
		sb_printf(&sb, "%d", off - from);
	return sb_len(&sb);
}

size_t format_bpf_insn(char *buf, size_t size, const struct bpf_insn_raw *in,
		       enum bpf_flavor flavor)
{
	char code[128], k[96];
	struct strbuf sb;
	unsigned cls = in->code & 7;

	sb_init(&sb, buf, size);
	format_bpf_code(code, sizeof(code), in->code);
	if (flavor == BPF_FLAVOR_SECCOMP && cls == 6 && (in->code & 0x18) == 0)
		format_seccomp_ret(k, sizeof(k), in->k);
	else if (flavor == BPF_FLAVOR_SOCKET && cls <= 1 && (in->code & 0xe0) == BPF_ABS)
		format_skf_off(k, sizeof(k), in->k);
	else
		snprintf(k, sizeof(k), "%#x", in->k);
	if (cls == 5 && (in->code & 0xf0) != 0) /* conditional jumps */
		sb_printf(&sb, "BPF_JUMP(%s, %s, %#x, %#x)", code, k, in->jt, in->jf);
	else
		sb_printf(&sb, "BPF_STMT(%s, %s)", code, k);
	return sb_len(&sb);
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

	if (tcp->exiting) {
		/* SECCOMP_GET_NOTIF_SIZES: the sizes the kernel wrote */
		struct { uint16_t notif, resp, data; } sz;

		if (tcp->err || tcp->rval < 0) {
			print_addr(tcp, tcp->args[2]);
			return DEC_DONE;
		}
		if (!fetch_or_print_addr(tcp, tcp->args[2], &sz, sizeof(sz)))
			return DEC_DONE;
		tprintf(tcp, "{seccomp_notif=%u, seccomp_notif_resp=%u, seccomp_data=%u}",
			sz.notif, sz.resp, sz.data);
		return DEC_DONE;
	}
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

		print_hex(tcp, (unsigned)tcp->args[1]);
		tprint_arg_next(tcp);
		if (!tcp->args[2] || mem_read_struct(tcp, tcp->args[2], &action, sizeof(action)) < 0) {
			print_addr(tcp, tcp->args[2]);
		} else {
			tprints(tcp, "[");
			print_xval(tcp, &xlat_seccomp_ret_actions, action, "SECCOMP_RET_???");
			tprints(tcp, "]");
		}
		break;
	}
	case 3: /* SECCOMP_GET_NOTIF_SIZES: the structure at exit */
		print_hex(tcp, (unsigned)tcp->args[1]);
		tprint_arg_next(tcp);
		if (tcp->args[2])
			return DEC_MORE;
		print_addr(tcp, tcp->args[2]);
		break;
	default:
		tprintf(tcp, "%#x", (unsigned)tcp->args[1]);
		tprint_arg_next(tcp);
		print_addr(tcp, tcp->args[2]);
		break;
	}
	return DEC_DONE;
}
