/* bpf(2) as strace 6.1 prints it: the command by name and its attribute
 * (read up to a page): BPF_PROG_LOAD (its eBPF instructions under -v),
 * BPF_OBJ_GET_INFO_BY_FD (a map's struct bpf_map_info under -v),
 * BPF_PROG_QUERY (program ids at exit), BPF_LINK_CREATE (by attach type)
 * and the others from field tables; nonzero bytes past the structure
 * strace knows as "..." (-v: extra_data).  Commands without a table: the
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
#include "decode_netlink.h"
#include "gen/decoders.h"
#include "mem.h"
#include "sink.h"
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

static void print_extra_data(struct tcb *tcp, const char *buf, size_t known, size_t size);
static void print_attr_array(struct tcb *tcp, uint64_t addr, uint32_t n, size_t elsize,
			     print_elem_fn fn);

/* The parts of an eBPF instruction's code (<linux/bpf_common.h>,
 * <linux/bpf.h>) */
static const char *const ebpf_class[8] = {
	"BPF_LD", "BPF_LDX", "BPF_ST", "BPF_STX", "BPF_ALU", "BPF_JMP", "BPF_JMP32", "BPF_ALU64",
};
static const char *const ebpf_size[4] = { "BPF_W", "BPF_H", "BPF_B", "BPF_DW" };
static const char *const ebpf_mode[8] = {
	"BPF_IMM", "BPF_ABS", "BPF_IND", "BPF_MEM", "BPF_LEN", "BPF_MSH", "BPF_ATOMIC", NULL,
};
static const char *const ebpf_alu_op[16] = {
	"BPF_ADD", "BPF_SUB", "BPF_MUL", "BPF_DIV", "BPF_OR", "BPF_AND", "BPF_LSH", "BPF_RSH",
	"BPF_NEG", "BPF_MOD", "BPF_XOR", "BPF_MOV", "BPF_ARSH", "BPF_END", NULL, NULL,
};
static const char *const ebpf_jmp_op[16] = {
	"BPF_JA", "BPF_JEQ", "BPF_JGT", "BPF_JGE", "BPF_JSET", "BPF_JNE", "BPF_JSGT", "BPF_JSGE",
	"BPF_CALL", "BPF_EXIT", "BPF_JLT", "BPF_JLE", "BPF_JSLT", "BPF_JSLE", NULL, NULL,
};

/* One part of a code: its name, else the number */
static void print_code_part(struct tcb *tcp, const char *sep, unsigned val, const char *name)
{
	tprints(tcp, sep);
	if (name)
		tprints(tcp, name);
	else
		tprintf(tcp, val ? "%#x" : "0", val);
}

/* An eBPF register: BPF_REG_0 .. BPF_REG_10 */
static void print_ebpf_reg(struct tcb *tcp, unsigned r)
{
	if (r <= BPF_REG_10)
		tprintf(tcp, "BPF_REG_%u", r);
	else
		tprintf(tcp, "%#x /* BPF_REG_??? */", r);
}

/* {code=BPF_JMP|BPF_K|BPF_EXIT, dst_reg=BPF_REG_10, src_reg=BPF_REG_0, off=-8, imm=0x2a} */
static void print_ebpf_insn(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct bpf_insn *in = elem;
	unsigned cls = in->code & 7;

	(void)addr;
	(void)data;
	print_code_part(tcp, "{code=", cls, ebpf_class[cls]);
	if (cls == BPF_LD || cls == BPF_LDX || cls == BPF_ST || cls == BPF_STX) {
		print_code_part(tcp, "|", in->code & 0x18, ebpf_size[(in->code >> 3) & 3]);
		print_code_part(tcp, "|", in->code & 0xe0, ebpf_mode[in->code >> 5]);
	} else {
		print_code_part(tcp, "|", in->code & 8, in->code & 8 ? "BPF_X" : "BPF_K");
		print_code_part(tcp, "|", in->code & 0xf0,
				(cls == BPF_ALU || cls == BPF_ALU64 ? ebpf_alu_op : ebpf_jmp_op)[in->code >> 4]);
	}
	tprints(tcp, ", dst_reg=");
	print_ebpf_reg(tcp, in->dst_reg);
	tprints(tcp, ", src_reg=");
	print_ebpf_reg(tcp, in->src_reg);
	tprintf(tcp, ", off=%d, imm=", in->off);
	tprintf(tcp, in->imm ? "%#x}" : "0}", (uint32_t)in->imm);
}

static void print_prog_load(struct tcb *tcp, const union bpf_attr *a, const char *buf, size_t size,
			    size_t full)
{
	tprints(tcp, "{prog_type=");
	print_xval(tcp, &xlat_bpf_prog_types, a->prog_type, "BPF_PROG_TYPE_???");
	tprintf(tcp, ", insn_cnt=%u, insns=", a->insn_cnt);
	if (pcfg.verbose)
		print_attr_array(tcp, a->insns, a->insn_cnt, sizeof(struct bpf_insn), print_ebpf_insn);
	else
		print_addr(tcp, a->insns);
	tprints(tcp, ", license=");
	print_str(tcp, a->license);
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
		print_inline_cstring(tcp, a->prog_name, size - offsetof(union bpf_attr, prog_name) <
							     BPF_OBJ_NAME_LEN ? size - offsetof(union bpf_attr, prog_name) : BPF_OBJ_NAME_LEN);
	}
	if (FITS(size, prog_ifindex)) {
		tprints(tcp, ", prog_ifindex=");
		nl_print_ifindex(tcp, a->prog_ifindex);
	}
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
	print_extra_data(tcp, buf, offsetof(union bpf_attr, fd_array) + sizeof(a->fd_array), full);
	tprints(tcp, "}");
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
	BF_ADDR,     /* a 64-bit address: NULL, 0xdeadbeef */
	BF_STR,      /* a 64-bit address of a NUL-terminated string */
	BF_BUF,      /* a 64-bit address of a buffer, its u32 length at aux */
	BF_X64,      /* 0x2a */
	BF_FD_IF_REPLACE, /* a descriptor, only with BPF_F_REPLACE in the u32 at aux */
	BF_IFINDEX,  /* if_nametoindex("lo") */
	BF_X32,      /* 0x2a */
	BF_FLAGS0,   /* flags, zero by its name in the set (BPF_ANY) */
};

struct bpf_field {
	const char *name;
	uint16_t off;
	uint8_t kind;            /* enum bpf_field_kind */
	const struct xlat *xlat; /* BF_XVAL, BF_FLAGS */
	const char *dflt;
	uint16_t aux;            /* BF_BUF, BF_FD_IF_REPLACE */
	bool follows;            /* printed with the field before it, whatever the size */
};

#define BF(field, kind, x, dflt) { #field, offsetof(union bpf_attr, field), kind, x, dflt, 0 }
#define BMI(field, kind, x, dflt) { #field, offsetof(struct bpf_map_info, field), kind, x, dflt, 0 }
/* A field of one of union bpf_attr's nested structures ("test.prog_fd"
 * printed as "prog_fd") */
#define BFN(sub, field, kind, x, dflt) \
	{ #field, offsetof(union bpf_attr, sub.field), kind, x, dflt, 0 }
/* The same, printed whenever the field before it is */
#define BFNF(sub, field, kind, x, dflt) \
	{ #field, offsetof(union bpf_attr, sub.field), kind, x, dflt, 0, true }
#define BFA(field, kind, aux) { #field, offsetof(union bpf_attr, field), kind, NULL, NULL, aux }
#define BFNA(sub, field, kind, aux) \
	{ #field, offsetof(union bpf_attr, sub.field), kind, NULL, NULL, aux }

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
	BF(map_ifindex, BF_IFINDEX, NULL, NULL),
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

static void print_bpf_field(struct tcb *tcp, const char *base, const struct bpf_field *f, size_t len,
			    bool first)
{
	const char *p = base + f->off;
	uint32_t v32, flags, aux;
	uint64_t v64;

	memcpy(&v32, p, sizeof(v32));
	memcpy(&v64, p, sizeof(v64));
	memcpy(&flags, base + offsetof(union bpf_attr, map_flags), sizeof(flags));
	memcpy(&aux, base + f->aux, sizeof(aux));
	if (f->kind == BF_NUMA && !(flags & BPF_F_NUMA_NODE))
		return;
	if (f->kind == BF_FD_IF_REPLACE && !(aux & BPF_F_REPLACE))
		return;
	tprintf(tcp, "%s%s=", first ? "" : ", ", f->name);
	switch (f->kind) {
	case BF_ADDR:
		print_addr(tcp, v64);
		break;
	case BF_STR:
		print_str(tcp, v64);
		break;
	case BF_BUF:
		print_buf(tcp, v64, aux);
		break;
	case BF_X32:
		tprintf(tcp, v32 ? "%#x" : "0", v32);
		break;
	case BF_X64:
		tprintf(tcp, "%#llx", (unsigned long long)v64);
		break;
	case BF_FD_IF_REPLACE:
		print_fd(tcp, (int)v32);
		break;
	case BF_FLAGS0:
		if (!v32)
			print_xval(tcp, f->xlat, 0, f->dflt);
		else
			print_flags(tcp, f->xlat, v32, f->dflt);
		break;
	case BF_IFINDEX:
		nl_print_ifindex(tcp, v32);
		break;
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

/* "f1=..., f2=...": the first always fields, then those starting
 * within len bytes */
static void print_bpf_field_list(struct tcb *tcp, const void *base, const struct bpf_field *f,
				 size_t n, size_t always, size_t len)
{
	for (size_t i = 0; i < n && (i < always || f[i].follows || f[i].off < len); i++)
		print_bpf_field(tcp, base, &f[i], len, i == 0);
}

/* "{f1=..., f2=...}": the first always fields, then those starting
 * within len bytes */
static void print_bpf_fields(struct tcb *tcp, const void *base, const struct bpf_field *f,
			     size_t n, size_t always, size_t len)
{
	tprints(tcp, "{");
	print_bpf_field_list(tcp, base, f, n, always, len);
	tprints(tcp, "}");
}

#define OFFEND(F) (offsetof(union bpf_attr, F) + sizeof(((union bpf_attr *)0)->F))

static const struct bpf_field elem_fields[] = {	/* MAP_LOOKUP_ELEM & co */
	BF(map_fd, BF_FD, NULL, NULL),
	BF(key, BF_ADDR, NULL, NULL),
	BF(value, BF_ADDR, NULL, NULL),
	BF(flags, BF_FLAGS, &xlat_bpf_map_lookup_elem_flags, "BPF_???"),
};
static const struct bpf_field update_elem_fields[] = {
	BF(map_fd, BF_FD, NULL, NULL),
	BF(key, BF_ADDR, NULL, NULL),
	BF(value, BF_ADDR, NULL, NULL),
	BF(flags, BF_XVAL, &xlat_bpf_map_update_elem_flags, "BPF_???"),
};
static const struct bpf_field delete_elem_fields[] = {
	BF(map_fd, BF_FD, NULL, NULL),
	BF(key, BF_ADDR, NULL, NULL),
};
static const struct bpf_field next_key_fields[] = {
	BF(map_fd, BF_FD, NULL, NULL),
	BF(key, BF_ADDR, NULL, NULL),
	BF(next_key, BF_ADDR, NULL, NULL),
};
static const struct bpf_field obj_fields[] = {	/* OBJ_PIN, OBJ_GET */
	BF(pathname, BF_STR, NULL, NULL),
	BF(bpf_fd, BF_FD, NULL, NULL),
	BF(file_flags, BF_FLAGS, &xlat_bpf_file_mode_flags, "BPF_F_???"),
};
static const struct bpf_field attach_fields[] = {
	BF(target_fd, BF_FD, NULL, NULL),
	BF(attach_bpf_fd, BF_FD, NULL, NULL),
	BF(attach_type, BF_XVAL, &xlat_bpf_attach_types, "BPF_???"),
	BF(attach_flags, BF_FLAGS, &xlat_bpf_attach_flags, "BPF_F_???"),
	BF(replace_bpf_fd, BF_FD, NULL, NULL),
};
static const struct bpf_field detach_fields[] = {
	BF(target_fd, BF_FD, NULL, NULL),
	BF(attach_type, BF_XVAL, &xlat_bpf_attach_types, "BPF_???"),
};
static const struct bpf_field test_run_fields[] = {
	BFN(test, prog_fd, BF_FD, NULL, NULL),
	BFN(test, retval, BF_U32, NULL, NULL),
	BFN(test, data_size_in, BF_U32, NULL, NULL),
	BFN(test, data_size_out, BF_U32, NULL, NULL),
	BFN(test, data_in, BF_ADDR, NULL, NULL),
	BFN(test, data_out, BF_ADDR, NULL, NULL),
	BFN(test, repeat, BF_U32, NULL, NULL),
	BFN(test, duration, BF_U32, NULL, NULL),
	BFN(test, ctx_size_in, BF_U32, NULL, NULL),
	BFNF(test, ctx_size_out, BF_U32, NULL, NULL),
	BFNF(test, ctx_in, BF_ADDR, NULL, NULL),
	BFNF(test, ctx_out, BF_ADDR, NULL, NULL),
	BFN(test, flags, BF_FLAGS, &xlat_bpf_test_run_flags, "BPF_F_???"),
	BFNF(test, cpu, BF_U32, NULL, NULL),
	BFN(test, batch_size, BF_U32, NULL, NULL),
};
#define NEXT_ID_FIELDS(first) \
	static const struct bpf_field first##_fields[] = { \
		BF(first, BF_U32, NULL, NULL), \
		BF(next_id, BF_U32, NULL, NULL), \
		BF(open_flags, BF_FLAGS, &xlat_bpf_file_mode_flags, "BPF_F_???"), \
	}
NEXT_ID_FIELDS(start_id);
NEXT_ID_FIELDS(prog_id);
NEXT_ID_FIELDS(map_id);
static const struct bpf_field btf_id_fields[] = { BF(btf_id, BF_U32, NULL, NULL) };
static const struct bpf_field link_id_fields[] = { BF(link_id, BF_U32, NULL, NULL) };
static const struct bpf_field map_fd_fields[] = { BF(map_fd, BF_FD, NULL, NULL) };
static const struct bpf_field query_fields[] = {
	BFN(query, target_fd, BF_FD, NULL, NULL),
	BFN(query, attach_type, BF_XVAL, &xlat_bpf_attach_types, "BPF_???"),
	BFN(query, query_flags, BF_FLAGS, &xlat_bpf_query_flags, "BPF_F_QUERY_???"),
	BFN(query, attach_flags, BF_FLAGS, &xlat_bpf_attach_flags, "BPF_F_???"),
};
static const struct bpf_field raw_tp_fields[] = {
	BFN(raw_tracepoint, name, BF_STR, NULL, NULL),
	BFN(raw_tracepoint, prog_fd, BF_FD, NULL, NULL),
};
static const struct bpf_field btf_load_fields[] = {
	BFA(btf, BF_BUF, offsetof(union bpf_attr, btf_size)),
	BF(btf_log_buf, BF_ADDR, NULL, NULL),
	BF(btf_size, BF_U32, NULL, NULL),
	BF(btf_log_size, BF_U32, NULL, NULL),
	BF(btf_log_level, BF_U32, NULL, NULL),
};
static const struct bpf_field task_fd_query_fields[] = {
	BFN(task_fd_query, pid, BF_U32, NULL, NULL),
	BFN(task_fd_query, fd, BF_FD, NULL, NULL),
	BFN(task_fd_query, flags, BF_U32, NULL, NULL),
	BFN(task_fd_query, buf_len, BF_U32, NULL, NULL),
	BFN(task_fd_query, buf, BF_ADDR, NULL, NULL),
	BFN(task_fd_query, prog_id, BF_U32, NULL, NULL),
	BFN(task_fd_query, fd_type, BF_XVAL, &xlat_bpf_task_fd_type, "BPF_FD_TYPE_???"),
	BFN(task_fd_query, probe_offset, BF_X64, NULL, NULL),
	BFN(task_fd_query, probe_addr, BF_X64, NULL, NULL),
};
#define BATCH_TAIL \
	BFN(batch, count, BF_U32, NULL, NULL), \
	BFN(batch, map_fd, BF_FD, NULL, NULL), \
	BFN(batch, elem_flags, BF_FLAGS0, &xlat_bpf_map_update_elem_flags, "BPF_???"), \
	BFN(batch, flags, BF_X64, NULL, NULL)
static const struct bpf_field lookup_batch_fields[] = {
	BFN(batch, in_batch, BF_ADDR, NULL, NULL),
	BFN(batch, out_batch, BF_ADDR, NULL, NULL),
	BFN(batch, keys, BF_ADDR, NULL, NULL),
	BFN(batch, values, BF_ADDR, NULL, NULL),
	BATCH_TAIL,
};
static const struct bpf_field update_batch_fields[] = {
	BFN(batch, keys, BF_ADDR, NULL, NULL),
	BFN(batch, values, BF_ADDR, NULL, NULL),
	BATCH_TAIL,
};
static const struct bpf_field delete_batch_fields[] = {
	BFN(batch, keys, BF_ADDR, NULL, NULL),
	BATCH_TAIL,
};
/* BPF_LINK_CREATE: the fields every attach type has */
static const struct bpf_field link_create_fields[] = {
	BFN(link_create, prog_fd, BF_FD, NULL, NULL),
	BFN(link_create, target_fd, BF_FD, NULL, NULL),
	BFN(link_create, attach_type, BF_XVAL, &xlat_bpf_attach_types, "BPF_???"),
	BFN(link_create, flags, BF_X32, NULL, NULL),
};

static const struct bpf_field link_update_fields[] = {
	BFN(link_update, link_fd, BF_FD, NULL, NULL),
	BFN(link_update, new_prog_fd, BF_FD, NULL, NULL),
	BFN(link_update, flags, BF_FLAGS, &xlat_bpf_attach_flags, "BPF_F_???"),
	BFNA(link_update, old_prog_fd, BF_FD_IF_REPLACE, offsetof(union bpf_attr, link_update.flags)),
};

/* A command's attribute: wrap={fields} (wrap NULL: the fields alone),
 * its first always fields whatever the size, the others while they
 * start within it; size: the structure strace knows, past which
 * nonzero bytes print as "..." */
struct bpf_cmd_desc {
	const struct bpf_field *fields;
	uint8_t n, always;
	uint16_t size;
	const char *wrap;
};

#define CMD(c, f, always, end, wrap) [c] = { f, ARRAY_SIZE(f), always, OFFEND(end), wrap }

static const struct bpf_cmd_desc bpf_cmds[] = {
	CMD(BPF_MAP_CREATE, map_create_fields, MAP_CREATE_ALWAYS, map_extra, NULL),
	CMD(BPF_MAP_LOOKUP_ELEM, elem_fields, 3, flags, NULL),
	CMD(BPF_MAP_UPDATE_ELEM, update_elem_fields, 4, flags, NULL),
	CMD(BPF_MAP_DELETE_ELEM, delete_elem_fields, 2, key, NULL),
	CMD(BPF_MAP_GET_NEXT_KEY, next_key_fields, 3, next_key, NULL),
	CMD(BPF_OBJ_PIN, obj_fields, 2, file_flags, NULL),
	CMD(BPF_OBJ_GET, obj_fields, 2, file_flags, NULL),
	CMD(BPF_PROG_ATTACH, attach_fields, 4, replace_bpf_fd, NULL),
	CMD(BPF_PROG_DETACH, detach_fields, 2, attach_type, NULL),
	CMD(BPF_PROG_TEST_RUN, test_run_fields, 8, test.batch_size, "test"),
	CMD(BPF_PROG_GET_NEXT_ID, start_id_fields, 2, open_flags, NULL),
	CMD(BPF_MAP_GET_NEXT_ID, start_id_fields, 2, open_flags, NULL),
	CMD(BPF_PROG_GET_FD_BY_ID, prog_id_fields, 2, open_flags, NULL),
	CMD(BPF_MAP_GET_FD_BY_ID, map_id_fields, 2, open_flags, NULL),
	CMD(BPF_PROG_QUERY, query_fields, 4, query.prog_cnt, "query"),
	CMD(BPF_RAW_TRACEPOINT_OPEN, raw_tp_fields, 2, raw_tracepoint.prog_fd, "raw_tracepoint"),
	CMD(BPF_BTF_LOAD, btf_load_fields, 5, btf_log_level, NULL),
	CMD(BPF_BTF_GET_FD_BY_ID, btf_id_fields, 1, btf_id, NULL),
	CMD(BPF_TASK_FD_QUERY, task_fd_query_fields, 9, task_fd_query.probe_addr, "task_fd_query"),
	CMD(BPF_MAP_LOOKUP_AND_DELETE_ELEM, elem_fields, 3, flags, NULL),
	CMD(BPF_MAP_FREEZE, map_fd_fields, 1, map_fd, NULL),
	CMD(BPF_BTF_GET_NEXT_ID, start_id_fields, 2, open_flags, NULL),
	CMD(BPF_MAP_LOOKUP_BATCH, lookup_batch_fields, 8, batch.flags, "batch"),
	CMD(BPF_MAP_LOOKUP_AND_DELETE_BATCH, lookup_batch_fields, 8, batch.flags, "batch"),
	CMD(BPF_MAP_UPDATE_BATCH, update_batch_fields, 6, batch.flags, "batch"),
	CMD(BPF_MAP_DELETE_BATCH, delete_batch_fields, 5, batch.flags, "batch"),
	CMD(BPF_LINK_CREATE, link_create_fields, 4, link_create.flags, "link_create"),
	CMD(BPF_LINK_UPDATE, link_update_fields, 4, link_update.old_prog_fd, "link_update"),
	CMD(BPF_LINK_GET_FD_BY_ID, link_id_fields, 1, link_id, NULL),
	CMD(BPF_LINK_GET_NEXT_ID, start_id_fields, 2, open_flags, NULL),
};

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

/* The bytes past the structure strace knows, when one is not zero:
 * ", ..." or, under -v, ", extra_data=" and all of them in hex */
static void print_extra_data(struct tcb *tcp, const char *buf, size_t known, size_t size)
{
	size_t i;

	if (size <= known)
		return;
	for (i = known; i < size && !buf[i]; i++)
		;
	if (i == size)
		return;
	if (!pcfg.verbose) {
		tprints(tcp, ", ...");
		return;
	}
	_cleanup_free_ char *q = malloc(QUOTE_SIZE(size - known));

	if (!q)
		return;
	quote_string(buf + known, size - known, QUOTE_HEX_ALL, q);
	tprintf(tcp, ", extra_data=%s /* bytes %zu..%zu */", q, known, size - 1);
}

static void print_u32_fd_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	(void)addr;
	(void)data;
	tprints(tcp, "{map={map_fd=");
	print_fd(tcp, *(const int32_t *)elem);
	tprints(tcp, "}}");
}

static void print_x64_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	uint64_t v = *(const uint64_t *)elem;

	(void)addr;
	(void)data;
	tprintf(tcp, v ? "%#llx" : "0", (unsigned long long)v);
}

static void print_str_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	(void)addr;
	(void)data;
	print_str(tcp, (unsigned long)*(const uint64_t *)elem);
}

/* An array of n elements of elsize bytes (at most 8) at addr: its
 * address when NULL, too long or unreadable */
static void print_attr_array(struct tcb *tcp, uint64_t addr, uint32_t n, size_t elsize,
			     print_elem_fn fn)
{
	uint64_t elem = 0;

	if (!addr || n > 65536 || (n && mem_read_struct(tcp, addr, &elem, elsize) < 0)) {
		print_addr(tcp, addr);
		return;
	}
	print_array(tcp, addr, n, &elem, elsize, fn, NULL, PA_FAULT_ADDR);
}

/* Are bytes [from, size) of buf all zero? */
static bool zero_from(const char *buf, size_t from, size_t size)
{
	for (size_t i = from; i < size; i++)
		if (buf[i])
			return false;
	return true;
}

/* BPF_LINK_CREATE: the common fields, then those of the attach type
 * (the other types: target_btf_id when nonzero and nothing follows it);
 * returns the size of the structure strace knows for it */
static size_t print_link_create(struct tcb *tcp, const char *buf, size_t len, size_t size)
{
	const union bpf_attr *a = (const union bpf_attr *)buf;

	print_bpf_field_list(tcp, a, link_create_fields, ARRAY_SIZE(link_create_fields), 4, len);
	if (len <= OFFEND(link_create.flags))
		return OFFEND(link_create.flags);
	switch (a->link_create.attach_type) {
	case BPF_TRACE_ITER:
		tprints(tcp, ", iter_info=");
		print_attr_array(tcp, a->link_create.iter_info, a->link_create.iter_info_len,
				 sizeof(uint32_t), print_u32_fd_elem);
		tprintf(tcp, ", iter_info_len=%u", a->link_create.iter_info_len);
		return OFFEND(link_create.iter_info_len);
	case BPF_PERF_EVENT:
		tprintf(tcp, ", perf_event={bpf_cookie=%#llx}",
			(unsigned long long)a->link_create.perf_event.bpf_cookie);
		return OFFEND(link_create.perf_event.bpf_cookie);
	case BPF_TRACE_KPROBE_MULTI:
		tprints(tcp, ", kprobe_multi={flags=");
		print_flags(tcp, &xlat_bpf_kprobe_multi_flags, a->link_create.kprobe_multi.flags,
			    "BPF_F_???");
		tprintf(tcp, ", cnt=%u, syms=", a->link_create.kprobe_multi.cnt);
		print_attr_array(tcp, a->link_create.kprobe_multi.syms, a->link_create.kprobe_multi.cnt,
				 sizeof(uint64_t), print_str_elem);
		tprints(tcp, ", addrs=");
		print_attr_array(tcp, a->link_create.kprobe_multi.addrs,
				 a->link_create.kprobe_multi.cnt, sizeof(uint64_t), print_x64_elem);
		tprints(tcp, ", cookies=");
		print_attr_array(tcp, a->link_create.kprobe_multi.cookies,
				 a->link_create.kprobe_multi.cnt, sizeof(uint64_t), print_x64_elem);
		tprints(tcp, "}");
		return OFFEND(link_create.kprobe_multi.cookies);
	default:
		if (!zero_from(buf, OFFEND(link_create.target_btf_id), size))
			return OFFEND(link_create.flags);
		if (a->link_create.target_btf_id)
			tprintf(tcp, ", target_btf_id=%u", a->link_create.target_btf_id);
		return OFFEND(link_create.target_btf_id);
	}
}

/* A command of the table: its fields, then the extra data */
static void print_bpf_cmd(struct tcb *tcp, const struct bpf_cmd_desc *c, const char *buf, size_t size)
{
	size_t len = size < sizeof(union bpf_attr) ? size : sizeof(union bpf_attr);
	size_t known = c->size;

	tprints(tcp, "{");
	if (c->wrap)
		tprintf(tcp, "%s={", c->wrap);
	if (c->fields == link_create_fields)
		known = print_link_create(tcp, buf, len, size);
	else
		print_bpf_field_list(tcp, buf, c->fields, c->n, c->always, len);
	if (c->wrap)
		tprints(tcp, "}");
	print_extra_data(tcp, buf, known, size);
	tprints(tcp, "}");
}

/* BPF_OBJ_GET_INFO_BY_FD and BPF_PROG_QUERY between entry and exit: the
 * attribute read at entry (size bytes) */
struct info_priv {
	char *buf;
	size_t size;
};

static void info_priv_free(void *p)
{
	struct info_priv *ip = p;

	free(ip->buf);
	free(ip);
}

/* At entry: keep the attribute (buf, taken: size bytes) for the exit;
 * NULL, the attribute's address printed, when there is no memory. */
static const struct info_priv *keep_attr(struct tcb *tcp, char **buf, size_t size)
{
	struct info_priv *ip = malloc(sizeof(*ip));

	if (!ip) {
		print_addr(tcp, tcp->args[1]);
		return NULL;
	}
	ip->buf = *buf;
	*buf = NULL;
	ip->size = size;
	tcb_set_call_priv(tcp, ip, info_priv_free);
	return ip;
}

/* At exit: the attribute kept at entry in a, zero-filled; NULL when
 * none was kept. */
static const struct info_priv *kept_attr(const struct tcb *tcp, union bpf_attr *a)
{
	const struct info_priv *ip = tcp->call_priv;

	if (!ip)
		return NULL;
	memset(a, 0, sizeof(*a));
	memcpy(a, ip->buf, ip->size < sizeof(*a) ? ip->size : sizeof(*a));
	return ip;
}

/* BPF_OBJ_GET_INFO_BY_FD: "{info={bpf_fd=3, info_len=88" at entry, at
 * exit the length the kernel wrote back when it changed (" => 80") and
 * the info buffer's address; buf (taken) holds size bytes */
static int obj_get_info_entry(struct tcb *tcp, const union bpf_attr *a, char **buf, size_t size)
{
	if (!keep_attr(tcp, buf, size))
		return DEC_DONE;
	tprints(tcp, "{info={bpf_fd=");
	print_fd(tcp, (int)a->info.bpf_fd);
	tprintf(tcp, ", info_len=%u", a->info.info_len);
	return DEC_MORE;
}

static void obj_get_info_exit(struct tcb *tcp)
{
	union bpf_attr a, now;
	const struct info_priv *ip = kept_attr(tcp, &a);

	if (!ip)
		return;
	memset(&now, 0, sizeof(now));
	if (!syscall_failed(tcp) && mem_read(tcp->pid, tcp->args[1], &now, sizeof(now.info)) >= 0 &&
	    now.info.info_len != a.info.info_len) {
		tprintf(tcp, " => %u", now.info.info_len);
		a.info.info_len = now.info.info_len;
	}
	tprints(tcp, ", info=");
	if (syscall_failed(tcp) || !pcfg.verbose || !fd_is(tcp, (int)a.info.bpf_fd, "anon_inode:bpf-map"))
		print_addr(tcp, a.info.info);
	else
		print_map_info(tcp, a.info.info, a.info.info_len);
	tprints(tcp, "}");
	print_extra_data(tcp, ip->buf, OFFEND(info), ip->size);
	tprints(tcp, "}");
}

static void print_u32_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	(void)addr;
	(void)data;
	tprintf(tcp, "%u", *(const uint32_t *)elem);
}

/* BPF_PROG_QUERY at exit: the program ids the kernel wrote (their
 * address when the call failed, "[]" when there are none) and their
 * count, then the end of the attribute of ip->size bytes */
static void prog_query_exit(struct tcb *tcp)
{
	union bpf_attr a;
	const struct info_priv *ip = kept_attr(tcp, &a);

	if (!ip)
		return;
	if (!syscall_failed(tcp) && ip->size >= OFFEND(query.prog_cnt))
		mem_read(tcp->pid, tcp->args[1] + offsetof(union bpf_attr, query.prog_cnt),
			 &a.query.prog_cnt, sizeof(a.query.prog_cnt));
	tprints(tcp, ", prog_ids=");
	if (syscall_failed(tcp) && a.query.prog_cnt)
		print_addr(tcp, a.query.prog_ids);
	else
		print_attr_array(tcp, a.query.prog_ids, a.query.prog_cnt, sizeof(uint32_t),
				 print_u32_elem);
	tprintf(tcp, ", prog_cnt=%u}", a.query.prog_cnt);
	print_extra_data(tcp, ip->buf, OFFEND(query.prog_cnt), ip->size);
	tprints(tcp, "}");
}

/* BPF_PROG_QUERY at entry: the fields the kernel reads; the attribute
 * (buf, taken) kept for the exit */
static int prog_query_entry(struct tcb *tcp, char **buf, size_t size)
{
	const struct info_priv *ip = keep_attr(tcp, buf, size);
	size_t len = size < sizeof(union bpf_attr) ? size : sizeof(union bpf_attr);

	if (!ip)
		return DEC_DONE;
	tprints(tcp, "{query={");
	print_bpf_field_list(tcp, ip->buf, query_fields, ARRAY_SIZE(query_fields), 4, len);
	return DEC_MORE;
}

/* bpf(cmd, attr, size) */
int dec_bpf(struct tcb *tcp)
{
	unsigned cmd = (unsigned)tcp->args[0];
	unsigned long addr = tcp->args[1];
	unsigned size = (unsigned)tcp->args[2];
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	_cleanup_free_ char *buf = NULL;
	union bpf_attr a;
	size_t len = size < sizeof(a) ? size : sizeof(a);
	bool known = cmd == BPF_PROG_LOAD || cmd == BPF_OBJ_GET_INFO_BY_FD ||
		     (cmd < ARRAY_SIZE(bpf_cmds) && bpf_cmds[cmd].fields);

	if (tcp->exiting) {
		if (cmd == BPF_PROG_QUERY)
			prog_query_exit(tcp);
		else
			obj_get_info_exit(tcp);
		tprint_arg_next(tcp);
		print_udec(tcp, size);
		return DEC_DONE;
	}
	tcp->rval_fd = bpf_returns_fd(cmd);
	print_xval(tcp, &xlat_bpf_commands, cmd, "BPF_???");
	tprint_arg_next(tcp);
	memset(&a, 0, sizeof(a));
	if (known && size && size <= page)
		buf = calloc(1, page > sizeof(a) ? page : sizeof(a));
	if (!buf) {
		print_addr(tcp, addr);
	} else if (!fetch_or_print_addr(tcp, addr, buf, size)) {
		/* its address printed */
	} else if (memcpy(&a, buf, len), cmd == BPF_PROG_LOAD) {
		print_prog_load(tcp, &a, buf, len, size);
	} else if (cmd == BPF_PROG_QUERY) {
		if (prog_query_entry(tcp, &buf, size) == DEC_MORE)
			return DEC_MORE;
	} else if (cmd != BPF_OBJ_GET_INFO_BY_FD) {
		print_bpf_cmd(tcp, &bpf_cmds[cmd], buf, size);
	} else if (obj_get_info_entry(tcp, &a, &buf, size) == DEC_MORE)
		return DEC_MORE;
	tprint_arg_next(tcp);
	print_udec(tcp, size);
	return DEC_DONE;
}
