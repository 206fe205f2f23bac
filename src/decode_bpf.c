/* bpf(2) as strace 6.1 prints it: the command by name and, for the
 * commands decoded so far (BPF_PROG_LOAD), the attribute structure's
 * fields that fit in the size passed.  Other commands: the attribute's
 * address. */
#include "config.h"
#include "decode_bpf.h"

#include <linux/bpf.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "decode.h"
#include "gen/decoders.h"
#include "mem.h"
#include "print.h"
#include "quote.h"

/* Does field F of union bpf_attr end within size bytes? */
#define FITS(size, F) \
	(offsetof(union bpf_attr, F) + sizeof(((union bpf_attr *)0)->F) <= (size))

/* KERNEL_VERSION(a, b, c), -X aware */
static void print_kernel_version(struct tcb *tcp, uint32_t v)
{
	char raw[16], names[64], buf[96];

	snprintf(raw, sizeof(raw), "%#x", v);
	snprintf(names, sizeof(names), "KERNEL_VERSION(%u, %u, %u)", v >> 16, (v >> 8) & 0xff, v & 0xff);
	format_xlat_styled(buf, sizeof(buf), raw, names);
	tprints(tcp, buf);
}

/* A NUL-padded name of n bytes inside the structure */
static void print_inline_name(struct tcb *tcp, const char *s, size_t n)
{
	char q[QUOTE_SIZE(BPF_OBJ_NAME_LEN)];
	size_t len = strnlen(s, n);

	quote_string(s, len, 0, q);
	tprints(tcp, q);
	if (len == n)
		tprints(tcp, "...");
}

static void print_prog_load(struct tcb *tcp, const union bpf_attr *a, size_t size)
{
	tprints(tcp, "{prog_type=");
	print_xval(tcp, &xlat_bpf_prog_types, a->prog_type, "BPF_PROG_TYPE_???");
	if (FITS(size, insn_cnt))
		tprintf(tcp, ", insn_cnt=%u", a->insn_cnt);
	if (FITS(size, insns)) {
		tprints(tcp, ", insns=");
		print_addr(tcp, a->insns);
	}
	if (FITS(size, license)) {
		tprints(tcp, ", license=");
		print_str(tcp, a->license);
	}
	if (FITS(size, log_level))
		tprintf(tcp, ", log_level=%u", a->log_level);
	if (FITS(size, log_size))
		tprintf(tcp, ", log_size=%u", a->log_size);
	if (FITS(size, log_buf)) {
		tprints(tcp, ", log_buf=");
		print_addr(tcp, a->log_buf);
	}
	if (FITS(size, kern_version)) {
		tprints(tcp, ", kern_version=");
		print_kernel_version(tcp, a->kern_version);
	}
	if (FITS(size, prog_flags)) {
		tprints(tcp, ", prog_flags=");
		print_flags_arg(tcp, &xlat_bpf_prog_flags, a->prog_flags);
	}
	if (FITS(size, prog_name)) {
		tprints(tcp, ", prog_name=");
		print_inline_name(tcp, a->prog_name, sizeof(a->prog_name));
	}
	if (FITS(size, prog_ifindex))
		tprintf(tcp, ", prog_ifindex=%u", a->prog_ifindex);
	if (FITS(size, expected_attach_type)) {
		tprints(tcp, ", expected_attach_type=");
		print_xval(tcp, &xlat_bpf_attach_types, a->expected_attach_type, "BPF_???");
	}
	if (FITS(size, prog_btf_fd)) {
		tprints(tcp, ", prog_btf_fd=");
		print_fd(tcp, (int)a->prog_btf_fd);
	}
	if (FITS(size, func_info_rec_size))
		tprintf(tcp, ", func_info_rec_size=%u", a->func_info_rec_size);
	if (FITS(size, func_info)) {
		tprints(tcp, ", func_info=");
		print_addr(tcp, a->func_info);
	}
	if (FITS(size, func_info_cnt))
		tprintf(tcp, ", func_info_cnt=%u", a->func_info_cnt);
	if (FITS(size, line_info_rec_size))
		tprintf(tcp, ", line_info_rec_size=%u", a->line_info_rec_size);
	if (FITS(size, line_info)) {
		tprints(tcp, ", line_info=");
		print_addr(tcp, a->line_info);
	}
	if (FITS(size, line_info_cnt))
		tprintf(tcp, ", line_info_cnt=%u", a->line_info_cnt);
	if (FITS(size, attach_btf_id))
		tprintf(tcp, ", attach_btf_id=%u", a->attach_btf_id);
	if (FITS(size, attach_prog_fd)) {
		tprints(tcp, ", attach_prog_fd=");
		print_fd(tcp, (int)a->attach_prog_fd);
	}
	if (FITS(size, fd_array)) {
		tprints(tcp, ", fd_array=");
		print_addr(tcp, a->fd_array);
	}
	tprints(tcp, "}");
}

/* bpf(cmd, attr, size) */
int dec_bpf(struct tcb *tcp)
{
	unsigned cmd = (unsigned)tcp->args[0];
	unsigned long addr = tcp->args[1];
	unsigned size = (unsigned)tcp->args[2];
	union bpf_attr a;
	size_t len = size < sizeof(a) ? size : sizeof(a);

	print_xval(tcp, &xlat_bpf_commands, cmd, "BPF_???");
	tprint_arg_next(tcp);
	memset(&a, 0, sizeof(a));
	if (cmd != BPF_PROG_LOAD || !len)
		print_addr(tcp, addr);
	else if (fetch_or_print_addr(tcp, addr, &a, len))
		print_prog_load(tcp, &a, len);
	tprint_arg_next(tcp);
	print_udec(tcp, size);
	return DEC_DONE;
}
