/* bpf(2) as strace 6.1 prints it: the command by name and, for the
 * commands decoded so far (BPF_PROG_LOAD, BPF_MAP_CREATE,
 * BPF_OBJ_GET_INFO_BY_FD without the info structure), the attribute
 * structure's fields that fit in the size passed.  Other commands: the
 * attribute's address.  The commands that create an object return a
 * descriptor. */
#include "config.h"
#include "decode_bpf.h"

#include <linux/bpf.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "decode.h"
#include "gen/decoders.h"
#include "mem.h"
#include "print.h"
#include "quote.h"
#include "util.h"

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
		print_str_n(tcp, a->log_buf, a->log_size);
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

/* A NUL-terminated name in the n bytes of the structure that were
 * read: without a NUL among them, its first n - 1 bytes and "..." */
static void print_inline_cstring(struct tcb *tcp, const char *s, size_t n)
{
	char q[QUOTE_SIZE(BPF_OBJ_NAME_LEN)];
	size_t len = strnlen(s, n);

	if (len == n && n)
		len = n - 1;
	quote_string(s, len, 0, q);
	tprints(tcp, q);
	if (strnlen(s, n) == n)
		tprints(tcp, "...");
}

/* How a field of union bpf_attr prints */
enum bpf_field_kind {
	BF_U32,      /* 42 */
	BF_FD,       /* a descriptor (-y aware) */
	BF_U64,      /* 42 */
	BF_XVAL,     /* a name from the set, dflt when unknown */
	BF_FLAGS,    /* names from the set */
	BF_NAME,     /* a NUL-padded char[BPF_OBJ_NAME_LEN] */
	BF_NUMA,     /* numa_node: only with BPF_F_NUMA_NODE in map_flags (of
	              * union bpf_attr, BPF_MAP_CREATE) */
	BF_DEV,      /* a 64-bit device number: makedev(0x8, 0x1) */
};

struct bpf_field {
	const char *name;
	uint16_t off;
	uint8_t kind;            /* enum bpf_field_kind */
	const struct xlat *xlat; /* BF_XVAL, BF_FLAGS */
	const char *dflt;
};

#define BF(field, kind, x, dflt) { #field, offsetof(union bpf_attr, field), kind, x, dflt }
#define BMI(field, kind, x, dflt) { #field, offsetof(struct bpf_map_info, field), kind, x, dflt }

/* BPF_MAP_CREATE: the first four fields always, the others while they
 * start within the size passed (strace's order) */
static const struct bpf_field map_create_fields[] = {
	BF(map_type, BF_XVAL, &xlat_bpf_map_types, "BPF_MAP_TYPE_???"),
	BF(key_size, BF_U32, NULL, NULL),
	BF(value_size, BF_U32, NULL, NULL),
	BF(max_entries, BF_U32, NULL, NULL),
	BF(map_flags, BF_FLAGS, &xlat_bpf_map_flags, "BPF_F_???"),
	BF(inner_map_fd, BF_FD, NULL, NULL),
	BF(numa_node, BF_NUMA, NULL, NULL),
	BF(map_name, BF_NAME, NULL, NULL),
	BF(map_ifindex, BF_U32, NULL, NULL),
	BF(btf_fd, BF_FD, NULL, NULL),
	BF(btf_key_type_id, BF_U32, NULL, NULL),
	BF(btf_value_type_id, BF_U32, NULL, NULL),
	BF(btf_vmlinux_value_type_id, BF_U32, NULL, NULL),
	BF(map_extra, BF_U64, NULL, NULL),
};
enum { MAP_CREATE_ALWAYS = 4, NUMA_NO_NODE_ID = -1 };

/* struct bpf_map_info (BPF_OBJ_GET_INFO_BY_FD of a map, -v): the first
 * six fields always, the others while they start within info_len */
static const struct bpf_field map_info_fields[] = {
	BMI(type, BF_XVAL, &xlat_bpf_map_types, "BPF_MAP_TYPE_???"),
	BMI(id, BF_U32, NULL, NULL),
	BMI(key_size, BF_U32, NULL, NULL),
	BMI(value_size, BF_U32, NULL, NULL),
	BMI(max_entries, BF_U32, NULL, NULL),
	BMI(map_flags, BF_FLAGS, &xlat_bpf_map_flags, "BPF_F_???"),
	BMI(name, BF_NAME, NULL, NULL),
	BMI(ifindex, BF_U32, NULL, NULL),
	BMI(btf_vmlinux_value_type_id, BF_U32, NULL, NULL),
	BMI(netns_dev, BF_DEV, NULL, NULL),
	BMI(netns_ino, BF_U64, NULL, NULL),
	BMI(btf_id, BF_U32, NULL, NULL),
	BMI(btf_key_type_id, BF_U32, NULL, NULL),
	BMI(btf_value_type_id, BF_U32, NULL, NULL),
};
enum { MAP_INFO_ALWAYS = 6 };

static void print_bpf_field(struct tcb *tcp, const char *base, const struct bpf_field *f, size_t len)
{
	const char *p = base + f->off;
	uint32_t v32, flags;
	uint64_t v64;

	memcpy(&v32, p, sizeof(v32));
	memcpy(&v64, p, sizeof(v64));
	memcpy(&flags, base + offsetof(union bpf_attr, map_flags), sizeof(flags));
	if (f->kind == BF_NUMA && !(flags & BPF_F_NUMA_NODE))
		return;
	tprintf(tcp, "%s%s=", f->off ? ", " : "", f->name);
	switch (f->kind) {
	case BF_U32:
		tprintf(tcp, "%u", v32);
		break;
	case BF_FD:
		print_fd(tcp, (int)v32);
		break;
	case BF_U64:
		tprintf(tcp, "%llu", (unsigned long long)v64);
		break;
	case BF_DEV:
		tprintf(tcp, "makedev(%#x, %#x)", major(v64), minor(v64));
		break;
	case BF_XVAL:
		print_xval(tcp, f->xlat, v32, f->dflt);
		break;
	case BF_FLAGS:
		print_flags(tcp, f->xlat, v32, f->dflt);
		break;
	case BF_NAME:
		print_inline_cstring(tcp, p, len - f->off < BPF_OBJ_NAME_LEN ? len - f->off
									 : BPF_OBJ_NAME_LEN);
		break;
	case BF_NUMA:
		tprintf(tcp, "%u", v32);
		if (v32 == (uint32_t)NUMA_NO_NODE_ID)
			tprints(tcp, " /* NUMA_NO_NODE */");
		break;
	default:
		break;
	}
}

/* "{f1=..., f2=...}": the first always fields, then those starting
 * within len bytes */
static void print_bpf_fields(struct tcb *tcp, const void *base, const struct bpf_field *f,
			     size_t n, size_t always, size_t len)
{
	tprints(tcp, "{");
	for (size_t i = 0; i < n && (i < always || f[i].off < len); i++)
		print_bpf_field(tcp, base, &f[i], len);
	tprints(tcp, "}");
}

/* Commands whose result is a new descriptor */
static bool bpf_returns_fd(unsigned cmd)
{
	switch (cmd) {
	case BPF_MAP_CREATE: case BPF_PROG_LOAD: case BPF_OBJ_GET:
	case BPF_PROG_GET_FD_BY_ID: case BPF_MAP_GET_FD_BY_ID: case BPF_RAW_TRACEPOINT_OPEN:
	case BPF_BTF_LOAD: case BPF_BTF_GET_FD_BY_ID: case BPF_LINK_CREATE:
	case BPF_LINK_GET_FD_BY_ID: case BPF_ITER_CREATE:
		return true;
	default:
		return false;
	}
}

/* Does the tracee's descriptor fd link to target ("anon_inode:bpf-map")? */
static bool fd_is(struct tcb *tcp, int fd, const char *target)
{
	char link[64], buf[64];
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/%d/fd/%d", tcp->pid, fd);
	n = readlink(link, buf, sizeof(buf) - 1);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	return !strcmp(buf, target);
}

/* struct bpf_map_info of len bytes (as the kernel wrote it) */
static void print_map_info(struct tcb *tcp, uint64_t addr, uint32_t len)
{
	struct bpf_map_info mi;
	size_t n = len < sizeof(mi) ? len : sizeof(mi);

	memset(&mi, 0, sizeof(mi));
	if (!n) {
		print_addr(tcp, addr);
		return;
	}
	if (!fetch_or_print_addr(tcp, addr, &mi, n))
		return;
	print_bpf_fields(tcp, &mi, map_info_fields, ARRAY_SIZE(map_info_fields), MAP_INFO_ALWAYS,
			 n);
}

/* BPF_OBJ_GET_INFO_BY_FD: "{info={bpf_fd=3, info_len=88" at entry, at
 * exit the length the kernel wrote back when it changed (" => 80") and
 * the info buffer's address */
static int obj_get_info_entry(struct tcb *tcp, const union bpf_attr *a)
{
	uint32_t *len = malloc(sizeof(*len));

	if (!len) {
		print_addr(tcp, tcp->args[1]);
		return DEC_DONE;
	}
	*len = a->info.info_len;
	tcb_set_call_priv(tcp, len, free);
	tprints(tcp, "{info={bpf_fd=");
	print_fd(tcp, (int)a->info.bpf_fd);
	tprintf(tcp, ", info_len=%u", a->info.info_len);
	return DEC_MORE;
}

static void obj_get_info_exit(struct tcb *tcp)
{
	const uint32_t *len = tcp->call_priv;
	union bpf_attr a;

	memset(&a, 0, sizeof(a));
	if (mem_read(tcp->pid, tcp->args[1], &a, sizeof(a.info)) < 0) {
		tprints(tcp, ", ...}}");
		return;
	}
	if (!syscall_failed(tcp) && len && a.info.info_len != *len)
		tprintf(tcp, " => %u", a.info.info_len);
	tprints(tcp, ", info=");
	if (syscall_failed(tcp) || !pcfg.verbose || !fd_is(tcp, (int)a.info.bpf_fd, "anon_inode:bpf-map"))
		print_addr(tcp, a.info.info);
	else
		print_map_info(tcp, a.info.info, a.info.info_len);
	tprints(tcp, "}}");
}

/* bpf(cmd, attr, size) */
int dec_bpf(struct tcb *tcp)
{
	unsigned cmd = (unsigned)tcp->args[0];
	unsigned long addr = tcp->args[1];
	unsigned size = (unsigned)tcp->args[2];
	union bpf_attr a;
	size_t len = size < sizeof(a) ? size : sizeof(a);

	if (tcp->exiting) {
		obj_get_info_exit(tcp);
		tprint_arg_next(tcp);
		print_udec(tcp, size);
		return DEC_DONE;
	}
	tcp->rval_fd = bpf_returns_fd(cmd);
	print_xval(tcp, &xlat_bpf_commands, cmd, "BPF_???");
	tprint_arg_next(tcp);
	memset(&a, 0, sizeof(a));
	if (!len || (cmd != BPF_PROG_LOAD && cmd != BPF_MAP_CREATE && cmd != BPF_OBJ_GET_INFO_BY_FD)) {
		print_addr(tcp, addr);
	} else if (!fetch_or_print_addr(tcp, addr, &a, len)) {
		/* its address printed */
	} else if (cmd == BPF_PROG_LOAD)
		print_prog_load(tcp, &a, len);
	else if (cmd == BPF_MAP_CREATE)
		print_bpf_fields(tcp, &a, map_create_fields, ARRAY_SIZE(map_create_fields),
				 MAP_CREATE_ALWAYS, len);
	else if (obj_get_info_entry(tcp, &a) == DEC_MORE)
		return DEC_MORE;
	tprint_arg_next(tcp);
	print_udec(tcp, size);
	return DEC_DONE;
}
