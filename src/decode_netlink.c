/* Netlink messages: socket detection, the nlmsghdr array, NLMSG_ERROR
 * and NLMSG_DONE payloads, and the layout-driven printers of bodies and
 * attribute arrays that the family decoders (decode_netlink_*.c) use. */
#include "config.h"
#include "decode_netlink.h"

#include <arpa/inet.h>
#include <endian.h>
#include <errno.h>
#include <limits.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/cryptouser.h>
#include <linux/xfrm.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "decode_ptrace.h"
#include "fdinfo.h"
#include "filter.h"
#include "mem.h"
#include "pids.h"
#include "sink.h"
#include "quote.h"
#include "strbuf.h"
#include "util.h"

/* ---- which sockets are netlink ---- */

int netlink_fd_protocol(struct tcb *tcp, int fd)
{
	char path[64], target[64], proto[32];
	_cleanup_free_ char *table = NULL;
	unsigned long inode;
	ssize_t n;

	if (fd < 0)
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", pids_proc_pid(tcp->pid), fd);
	n = readlink(path, target, sizeof(target) - 1);
	if (n <= 0)
		return -1;
	target[n] = '\0';
	if (sscanf(target, "socket:[%lu]", &inode) != 1)
		return -1;
	/* cheap first: the socket's protocol name */
	n = getxattr(path, "system.sockprotoname", proto, sizeof(proto) - 1);
	if (n <= 0)
		return -1;
	proto[n] = '\0';
	if (strcmp(proto, "NETLINK") != 0)
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/net/netlink", pids_proc_pid(tcp->pid));
	table = xmalloc(1 << 20);
	if (read_file(path, table, 1 << 20) <= 0)
		return -1;
	return fdinfo_netlink_protocol(table, inode);
}

void print_sockbuf(struct tcb *tcp, int fd, unsigned long addr, unsigned long len)
{
	int proto = filter_verbose(tcp) ? netlink_fd_protocol(tcp, fd) : -1;

	if (proto < 0)
		print_buf(tcp, addr, len);
	else
		decode_netlink(tcp, proto, addr, len);
}

/* ---- small printers ---- */

void nl_print_hexstr(struct tcb *tcp, unsigned long addr, unsigned long len)
{
	size_t want = len > pcfg.max_strlen ? pcfg.max_strlen : len;
	_cleanup_free_ char *buf = NULL, *q = NULL;

	if (!addr) {
		print_addr(tcp, addr);
		return;
	}
	buf = xmalloc(want + 1);
	if (want && mem_read(tcp->pid, addr, buf, want) < 0) {
		print_addr(tcp, addr);
		return;
	}
	q = xmalloc(QUOTE_SIZE(want));
	quote_string(buf, want, QUOTE_HEX_ALL, q);
	tprints(tcp, q);
	if (len > want)
		tprints(tcp, "...");
}

/* A named value whose number prints in decimal (-X aware):
 * abbrev NAME (number without one), raw number, verbose number + comment. */
static void print_named_u(struct tcb *tcp, unsigned long long v, const char *name)
{
	if (!name || pcfg.xlat_style == XLAT_RAW) {
		tprintf(tcp, "%llu", v);
	} else if (pcfg.xlat_style == XLAT_VERBOSE) {
		tprintf(tcp, "%llu /* %s */", v, name);
	} else {
		tprints(tcp, name);
	}
}

static void print_ifindex(struct tcb *tcp, unsigned idx)
{
	char name[IF_NAMESIZE + 1], q[QUOTE_SIZE(IF_NAMESIZE)], text[sizeof(q) + 32];

	if (!idx || !if_indextoname(idx, name)) {
		print_named_u(tcp, idx, NULL);
		return;
	}
	quote_string(name, strnlen(name, IF_NAMESIZE), 0, q);
	snprintf(text, sizeof(text), "if_nametoindex(%s)", q);
	print_named_u(tcp, idx, text);
}

/* -EACCES, -X aware; a value that is no errno in decimal */
static void print_neg_errno(struct tcb *tcp, int err)
{
	const char *name = err < 0 && err > INT_MIN ? errno_name(-err) : NULL;

	if (!name || pcfg.xlat_style == XLAT_RAW)
		tprintf(tcp, "%d", err);
	else if (pcfg.xlat_style == XLAT_VERBOSE)
		tprintf(tcp, "%d /* -%s */", err, name);
	else
		tprintf(tcp, "-%s", name);
}

static void print_family(struct tcb *tcp, unsigned family)
{
	print_xval(tcp, &xlat_socket_families, family, "AF_???");
}

static void print_inaddr(struct tcb *tcp, int family, const void *a, size_t len)
{
	char text[INET6_ADDRSTRLEN], q[QUOTE_SIZE(16)];

	inet_ntop(family, a, text, sizeof(text));
	if (pcfg.xlat_style != XLAT_ABBREV) {
		quote_string(a, len, QUOTE_HEX_ALL, q);
		tprints(tcp, q);
		if (pcfg.xlat_style == XLAT_RAW)
			return;
		tprints(tcp, " /* ");
	}
	if (family == AF_INET)
		tprintf(tcp, "inet_addr(\"%s\")", text);
	else
		tprintf(tcp, "inet_pton(AF_INET6, \"%s\")", text);
	if (pcfg.xlat_style == XLAT_VERBOSE)
		tprints(tcp, " */");
}

static void print_hwaddr(struct tcb *tcp, const unsigned char *a, size_t len)
{
	char q[QUOTE_SIZE(32)];

	if (pcfg.xlat_style != XLAT_ABBREV) {
		quote_string((const char *)a, len, QUOTE_HEX_ALL, q);
		tprints(tcp, q);
		if (pcfg.xlat_style == XLAT_RAW)
			return;
		tprints(tcp, " /* ");
	}
	for (size_t i = 0; i < len; i++)
		tprintf(tcp, i ? ":%02x" : "%02x", a[i]);
	if (pcfg.xlat_style == XLAT_VERBOSE)
		tprints(tcp, " */");
}

static uint64_t get_uint(const unsigned char *p, unsigned size)
{
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;
	uint64_t u64;

	switch (size) {
	case 1: memcpy(&u8, p, 1); return u8;
	case 2: memcpy(&u16, p, 2); return u16;
	case 4: memcpy(&u32, p, 4); return u32;
	default: memcpy(&u64, p, 8); return u64;
	}
}

static int64_t sign_extend(uint64_t v, unsigned size)
{
	switch (size) {
	case 1: return (int8_t)v;
	case 2: return (int16_t)v;
	case 4: return (int32_t)v;
	default: return (int64_t)v;
	}
}

/* A value of a field or an attribute, already fetched. */
static void print_value(struct tcb *tcp, unsigned kind, uint64_t v, unsigned size,
			const struct xlat *x, const char *dflt)
{
	switch (kind) {
	case NLK_D:
		tprintf(tcp, "%lld", (long long)sign_extend(v, size));
		break;
	case NLK_X:
	case NLK_X_NZ:
		tprintf(tcp, v ? "%#llx" : "0", (unsigned long long)v);
		break;
	case NLK_XVAL:
		print_xval(tcp, x, v, dflt);
		break;
	case NLK_FLAGS:
		print_flags(tcp, x, v, dflt);
		break;
	case NLK_XVAL_V: {
		const char *name = xlat_lookup(x, v);

		tprintf(tcp, v ? "%#llx" : "0", (unsigned long long)v);
		if (pcfg.xlat_style != XLAT_RAW && (name || dflt))
			tprintf(tcp, " /* %s */", name ? name : dflt);
		break;
	}
	case NLK_FLAGS_V: {
		int style = pcfg.xlat_style;

		if (style != XLAT_RAW)
			pcfg.xlat_style = XLAT_VERBOSE;
		print_flags(tcp, x, v, dflt);
		pcfg.xlat_style = style;
		break;
	}
	case NLK_IFINDEX:
		print_ifindex(tcp, (unsigned)v);
		break;
	case NLK_FAMILY:
		print_family(tcp, (unsigned)v);
		break;
	case NLK_RTNL_FAMILY:
		if (xlat_lookup(&xlat_rtnl_families, v))
			print_xval(tcp, &xlat_rtnl_families, v, NULL);
		else
			print_xval(tcp, &xlat_socket_families, v, "RTNL_FAMILY_???");
		break;
	case NLK_ERRNO:
		print_neg_errno(tcp, (int)sign_extend(v, size));
		break;
	case NLK_FD:
		print_fd(tcp, (int)v);
		break;
	case NLK_BE16:
		if (x && xlat_lookup(x, ntohs((uint16_t)v)))
			tprintf(tcp, "htons(%s)", xlat_lookup(x, ntohs((uint16_t)v)));
		else
			tprintf(tcp, "htons(%u)", ntohs((uint16_t)v));
		break;
	case NLK_UID:
		if (v == (size == 4 ? 0xffffffffULL : size == 2 ? 0xffffULL : ~0ULL))
			tprints(tcp, "-1");
		else
			tprintf(tcp, "%llu", (unsigned long long)v);
		break;
	case NLK_BE16_XVAL:
		tprints(tcp, "htons(");
		print_xval(tcp, x, ntohs((uint16_t)v), dflt);
		tprints(tcp, ")");
		break;
	case NLK_BE64:
		tprintf(tcp, "htobe64(%llu)", (unsigned long long)be64toh(v));
		break;
	case NLK_CLOCK_T: /* USER_HZ ticks */
		tprintf(tcp, "%llu", (unsigned long long)v);
		if (v && pcfg.xlat_style != XLAT_RAW)
			tprintf(tcp, " /* %llu.%02llu s */", (unsigned long long)v / 100,
				(unsigned long long)v % 100);
		break;
	default:
		tprintf(tcp, "%llu", (unsigned long long)v);
		break;
	}
}

/* Flags whose bit N has the name of value N + off of the enum x. */
static void print_bits(struct tcb *tcp, const struct xlat *x, uint64_t v, unsigned off,
		       const char *dflt)
{
	char names[1024];
	struct strbuf sb;
	uint64_t left = v;

	sb_init(&sb, names, sizeof(names));
	for (unsigned i = 0; i < 64; i++) {
		const char *n = (v >> i) & 1 ? xlat_lookup(x, i + off) : NULL;

		if (!n)
			continue;
		sb_printf(&sb, off ? "%s1<<(%s-%u)" : "%s1<<%s", sb_len(&sb) ? "|" : "", n, off);
		left &= ~(1ULL << i);
	}
	if (sb_len(&sb) && left)
		sb_printf(&sb, "|%#llx", (unsigned long long)left);
	if (!v) {
		tprints(tcp, "0");
	} else if (pcfg.xlat_style == XLAT_RAW) {
		tprintf(tcp, "%#llx", (unsigned long long)v);
	} else if (!sb_len(&sb)) {
		tprintf(tcp, "%#llx /* %s */", (unsigned long long)v, dflt);
	} else if (pcfg.xlat_style == XLAT_VERBOSE) {
		tprintf(tcp, "%#llx /* %s */", (unsigned long long)v, names);
	} else {
		tprints(tcp, names);
	}
}

/* The index of an NLK_IARRAY element: [NAME]=, [N]= when unnamed (with
 * the default name as a comment when there is one); off: element N is
 * named by value N + off, printed as [NAME-off]=. */
static void print_array_index(struct tcb *tcp, const struct xlat *x, unsigned idx, unsigned off,
			      const char *dflt)
{
	const char *name = xlat_lookup(x, idx + off);
	char text[128];

	if (name && off) {
		snprintf(text, sizeof(text), "%s-%u", name, off);
		name = text;
	}
	if (pcfg.xlat_style == XLAT_RAW || (!name && !dflt))
		tprintf(tcp, "[%u]=", idx);
	else if (!name)
		tprintf(tcp, "[%u /* %s */]=", idx, dflt);
	else if (pcfg.xlat_style == XLAT_VERBOSE)
		tprintf(tcp, "[%u /* %s */]=", idx, name);
	else
		tprintf(tcp, "[%s]=", name);
}

/* An address field of a structure whose family is known: strace puts
 * the field's name inside inet_pton(). */
static void print_field_inaddr(struct tcb *tcp, const char *name, int family,
			       const unsigned char *a, size_t size)
{
	char text[INET6_ADDRSTRLEN], q[QUOTE_SIZE(16)];
	size_t n = family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;

	if (!n || n > size) {
		quote_string((const char *)a, size, QUOTE_HEX_ALL, q);
		tprintf(tcp, "%s=%s", name, q);
		return;
	}
	inet_ntop(family, a, text, sizeof(text));
	if (family == AF_INET || pcfg.xlat_style != XLAT_ABBREV) {
		tprintf(tcp, "%s=", name);
		print_inaddr(tcp, family, a, n);
		return;
	}
	tprintf(tcp, "inet_pton(AF_INET6, \"%s\", &%s)", text, name);
}

/* "name=value" of field f of the structure copy b. */
static void print_field(struct tcb *tcp, const struct nl_field *f, const unsigned char *b,
			int family)
{
	const unsigned char *p = b + f->off;
	uint32_t c[2];

	switch (f->kind) {
	case NLK_INADDR:
		print_field_inaddr(tcp, f->name, family, p, f->size);
		return;
	case NLK_STRUCT:
		tprintf(tcp, "%s=", f->name);
		nl_print_struct(tcp, f->sub, p, f->sub->size, f->family ? f->family : family);
		return;
	case NLK_COOKIE:
		memcpy(c, p, sizeof(c));
		tprintf(tcp, "%s=[%u, %u]", f->name, c[0], c[1]);
		return;
	case NLK_BITS:
	case NLK_BITS1:
		tprintf(tcp, "%s=", f->name);
		print_bits(tcp, f->x, get_uint(p, f->size), f->kind == NLK_BITS1, f->dflt);
		return;
	case NLK_HEXSTR:
	case NLK_HEXSTR_NZ:
	case NLK_HEXSTR_PREV: {
		char q[QUOTE_SIZE(64)];
		size_t n = f->size < 64 ? f->size : 64;

		if (f->kind == NLK_HEXSTR_PREV) {
			uint64_t want = get_uint(b + f[-1].off, f[-1].size);

			n = want < n ? (size_t)want : n;
		}
		quote_string((const char *)p, n, QUOTE_HEX_ALL, q);
		tprintf(tcp, "%s=%s", f->name, q);
		return;
	}
	case NLK_IARRAY: {
		unsigned es = f->elsize ? f->elsize : 1;

		tprintf(tcp, "%s=[", f->name);
		for (unsigned i = 0; i + es <= f->size; i += es) {
			if (i)
				tprints(tcp, ", ");
			print_array_index(tcp, f->x, i / es, 0, f->dflt);
			tprintf(tcp, "%llu", (unsigned long long)get_uint(p + i, es));
		}
		tprints(tcp, "]");
		return;
	}
	case NLK_CSTR: {
		char q[QUOTE_SIZE(256)];

		quote_string((const char *)p, strnlen((const char *)p, f->size),
			     pcfg.xflag >= 2 ? QUOTE_HEX_ALL : pcfg.xflag ? QUOTE_HEX_NONPRINT : 0, q);
		tprintf(tcp, "%s=%s", f->name, q);
		return;
	}
	case NLK_FSARRAY:
		tprintf(tcp, "%s=[", f->name);
		for (size_t i = 0; f->sub->size && i + f->sub->size <= f->size; i += f->sub->size) {
			if (i)
				tprints(tcp, ", ");
			nl_print_struct(tcp, f->sub, p + i, f->sub->size, family);
		}
		tprints(tcp, "]");
		return;
	case NLK_BYTES:
		tprintf(tcp, "%s=[", f->name);
		for (unsigned i = 0; i < f->size; i++)
			tprintf(tcp, i ? ", %u" : "%u", p[i]);
		tprints(tcp, "]");
		return;
	case NLK_HWADDR:
		tprintf(tcp, "%s=", f->name);
		print_hwaddr(tcp, p, f->size);
		return;
	case NLK_DEV: {
		uint32_t d = (uint32_t)get_uint(p, f->size);

		tprintf(tcp, "%s=makedev(%#x, %#x)", f->name, major(d), minor(d));
		return;
	}
	default:
		tprintf(tcp, "%s=", f->name);
		print_value(tcp, f->kind, get_uint(p, f->size), f->size, f->x, f->dflt);
		return;
	}
}

static bool all_zero(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return false;
	return true;
}

void nl_print_fields(struct tcb *tcp, const struct nl_layout *l, const void *buf, size_t have,
		     int family)
{
	const unsigned char *b = buf;

	for (unsigned i = 0, n = 0; i < l->nfields; i++) {
		const struct nl_field *f = &l->fields[i];

		if ((size_t)f->off + f->size > have)
			break;
		if (f->kind == NLK_X_NZ && !get_uint(b + f->off, f->size))
			continue;
		if (f->kind == NLK_HEXSTR_NZ && all_zero(b + f->off, f->size))
			continue;
		if (n++)
			tprints(tcp, ", ");
		print_field(tcp, f, b, family);
	}
}

void nl_print_struct(struct tcb *tcp, const struct nl_layout *l, const void *buf, size_t have,
		     int family)
{
	tprints(tcp, "{");
	nl_print_fields(tcp, l, buf, have, family);
	tprints(tcp, "}");
}

/* ---- arrays of TLV records (messages, attributes) ---- */

#define NL_ALIGN4(n) (((n) + 3U) & ~3U)

typedef void (*tlv_elem_fn)(struct tcb *tcp, const void *hdr, unsigned long addr,
			    unsigned long len, const void *ctx);

/* Records of at least hdrsize bytes, each starting with its length
 * (u32 when hdrsize is a nlmsghdr's, else u16), padded to 4 bytes: one
 * record alone, several as an array; "..." after -s records (unless -v),
 * "... /+ ADDR +/" at an unreadable one, the bytes left when they cannot
 * hold a header. */
static void walk_tlv(struct tcb *tcp, unsigned long addr, unsigned long len, size_t hdrsize,
		     tlv_elem_fn fn, const void *ctx)
{
	union {
		struct nlmsghdr nlh;
		struct nlattr nla;
	} hdr;
	bool is_array = false;

	for (unsigned elt = 0;; elt++) {
		uint32_t rlen, alen;
		unsigned long next_addr = 0, next_len = 0;

		if (len < hdrsize) {
			nl_print_hexstr(tcp, addr, len);
			break;
		}
		if (mem_read(tcp->pid, addr, &hdr, hdrsize) < 0) {
			if (is_array)
				tprintf(tcp, "... /* %#lx */", addr);
			else
				print_addr(tcp, addr);
			break;
		}
		if (filter_abbrev(tcp) && elt == pcfg.max_strlen) {
			tprints(tcp, "...");
			break;
		}
		rlen = hdrsize == sizeof(struct nlmsghdr) ? hdr.nlh.nlmsg_len : hdr.nla.nla_len;
		alen = NL_ALIGN4(rlen);
		if (rlen >= hdrsize) {
			next_len = len >= alen ? len - alen : 0;
			if (next_len && addr + alen > addr)
				next_addr = addr + alen;
		}
		if (!is_array && next_addr) {
			tprints(tcp, "[");
			is_array = true;
		}
		fn(tcp, &hdr, addr, len, ctx);
		if (!next_addr)
			break;
		tprints(tcp, ", ");
		addr = next_addr;
		len = next_len;
	}
	if (is_array)
		tprints(tcp, "]");
}

/* ---- attributes ---- */

#define NL_KINDS 2
#define NL_KIND_LEN 16

struct attrs_ctx {
	const struct xlat *types;
	const char *dflt;
	const struct nla_dec *decs;
	unsigned ndecs;
	int family;
	/* the kinds named so far in this array (NLK_KIND_STR) */
	char (*kinds)[NL_KIND_LEN];
};

static void print_nla_flagbit(struct tcb *tcp, unsigned bit, const char *name)
{
	if (pcfg.xlat_style == XLAT_ABBREV)
		tprintf(tcp, "%s|", name);
	else if (pcfg.xlat_style == XLAT_RAW)
		tprintf(tcp, "%#x|", bit);
	else
		tprintf(tcp, "%#x /* %s */|", bit, name);
}

/* A string attribute: without its NUL; "..." when it has none. */
static void print_nla_str(struct tcb *tcp, unsigned long addr, unsigned long len)
{
	size_t want = len > pcfg.max_strlen ? pcfg.max_strlen : len;
	_cleanup_free_ char *buf = xmalloc(want + 1), *q = NULL;
	char last = 1;
	bool ellipsis;

	if (mem_read(tcp->pid, addr, buf, want) < 0 ||
	    (len && mem_read(tcp->pid, addr + len - 1, &last, 1) < 0)) {
		print_addr(tcp, addr);
		return;
	}
	if (last == '\0' && want == len)
		want--;
	ellipsis = want < len - (last == '\0') || last != '\0';
	q = xmalloc(QUOTE_SIZE(want));
	quote_string(buf, want, pcfg.xflag >= 2 ? QUOTE_HEX_ALL : pcfg.xflag ? QUOTE_HEX_NONPRINT : 0, q);
	tprints(tcp, q);
	if (ellipsis)
		tprints(tcp, "...");
}

/* The value of an attribute: false when d cannot print it (the caller
 * prints the bytes). */
/* one struct rtnexthop record: [{rtnh_len=..., ...}, attributes] */
static const struct nl_field rtnh_fields[] = {
	{ "rtnh_len", offsetof(struct rtnexthop, rtnh_len), 2, NLK_U, NULL, NULL, NULL, 0 },
	{ "rtnh_flags", offsetof(struct rtnexthop, rtnh_flags), 1, NLK_FLAGS, &xlat_rtnh_flags,
	  "RTNH_F_???", NULL, 0 },
	{ "rtnh_hops", offsetof(struct rtnexthop, rtnh_hops), 1, NLK_U, NULL, NULL, NULL, 0 },
	{ "rtnh_ifindex", offsetof(struct rtnexthop, rtnh_ifindex), 4, NLK_IFINDEX, NULL, NULL,
	  NULL, 0 },
};
static const struct nl_layout rtnh_layout = NL_LAYOUT(sizeof(struct rtnexthop), rtnh_fields);

static void rtnh_elem(struct tcb *tcp, const void *hdr, unsigned long addr, unsigned long len,
		      const void *ctxp)
{
	const struct attrs_ctx *c = ctxp;
	struct rtnexthop rtnh;
	unsigned long eff;

	memcpy(&rtnh, hdr, sizeof(rtnh));
	eff = rtnh.rtnh_len < len ? rtnh.rtnh_len : len;
	tprints(tcp, "[");
	nl_print_struct(tcp, &rtnh_layout, &rtnh, sizeof(rtnh), c->family);
	if (eff > sizeof(rtnh)) {
		tprints(tcp, ", ");
		nl_print_attrs(tcp, addr + sizeof(rtnh), eff - sizeof(rtnh), c->types, c->dflt,
			       c->decs, c->ndecs, c->family);
	}
	tprints(tcp, "]");
}

static bool print_nla_value(struct tcb *tcp, const struct nla_dec *d, unsigned long addr,
			    unsigned long len, int family)
{
	unsigned char buf[64], big[512];

	switch (d->kind) {
	case NLK_NONE:
		return false;
	case NLK_FUNC:
		return d->fn(tcp, addr, len, family);
	case NLK_STR:
	case NLK_KIND_STR:
		print_nla_str(tcp, addr, len);
		return true;
	case NLK_BPF: {
		unsigned long n = len / 8; /* struct sock_filter */

		if (!n || n > 0xffff)
			return false;
		print_bpf_insns(tcp, addr, n, BPF_FLAVOR_SOCKET);
		return true;
	}
	case NLK_NESTED:
		nl_print_attrs(tcp, addr, len, d->nest->types, d->nest->dflt, d->nest->decs,
			       d->nest->ndecs, family);
		return true;
	case NLK_RTNH: {
		struct attrs_ctx c = { d->nest->types, d->nest->dflt, d->nest->decs, d->nest->ndecs,
				       family };

		walk_tlv(tcp, addr, len, sizeof(struct rtnexthop), rtnh_elem, &c);
		return true;
	}
	case NLK_RTVIA: {
		uint16_t fam;

		if (len < sizeof(fam) || len > sizeof(buf))
			return false;
		if (!fetch_or_print_addr(tcp, addr, buf, len))
			return true;
		memcpy(&fam, buf, sizeof(fam));
		tprints(tcp, "{rtvia_family=");
		print_family(tcp, fam);
		if (len > sizeof(fam)) {
			tprints(tcp, ", ");
			print_field_inaddr(tcp, "rtvia_addr", fam, buf + sizeof(fam), len - sizeof(fam));
		}
		tprints(tcp, "}");
		return true;
	}
	case NLK_SARRAY: {
		const struct nl_layout *l = d->sub;
		unsigned long n = len / l->size;

		if (!n || l->size > sizeof(big))
			return false;
		tprints(tcp, "[");
		for (unsigned long i = 0; i < n; i++) {
			if (i)
				tprints(tcp, ", ");
			if (filter_abbrev(tcp) && i == pcfg.max_strlen) {
				tprints(tcp, "...");
				break;
			}
			if (mem_read(tcp->pid, addr + i * l->size, big, l->size) < 0) {
				tprintf(tcp, "... /* %#lx */", addr + i * l->size);
				break;
			}
			nl_print_struct(tcp, l, big, l->size, family);
		}
		tprints(tcp, "]");
		return true;
	}
	case NLK_IFINDEX_NEST: {
		uint32_t idx;

		if (len < sizeof(idx))
			return false;
		if (!fetch_or_print_addr(tcp, addr, &idx, sizeof(idx)))
			return true;
		print_ifindex(tcp, idx);
		if (len > sizeof(idx)) {
			tprints(tcp, ", ");
			nl_print_attrs(tcp, addr + sizeof(idx), len - sizeof(idx), d->nest->types,
				       d->nest->dflt, d->nest->decs, d->nest->ndecs, family);
		}
		return true;
	}
	case NLK_AF_NESTED: {
		const struct nl_attrset *set = family >= 0 && (unsigned)family < d->by_af->nsets
					       ? d->by_af->sets[family] : NULL;

		if (!set && family >= 0)
			set = d->by_af->other;
		if (!set)
			return false;
		nl_print_attrs(tcp, addr, len, set->types, set->dflt, set->decs, set->ndecs,
			       family);
		return true;
	}
	case NLK_UARRAY:
	case NLK_XARRAY:
	case NLK_IARRAY:
	case NLK_IARRAY_D:
	case NLK_IARRAY1_D: {
		unsigned char b[8];
		unsigned size = d->size ? d->size : 1;

		if (len < size)
			return false;
		tprints(tcp, "[");
		for (unsigned long i = 0; i + size <= len; i += size) {
			if (i)
				tprints(tcp, ", ");
			if (filter_abbrev(tcp) && i / size == pcfg.max_strlen) {
				tprints(tcp, "...");
				break;
			}
			if (mem_read(tcp->pid, addr + i, b, size) < 0) {
				tprintf(tcp, "... /* %#lx */", addr + i);
				break;
			}
			if (d->kind == NLK_IARRAY || d->kind == NLK_IARRAY_D ||
			    d->kind == NLK_IARRAY1_D)
				print_array_index(tcp, d->x, (unsigned)(i / size),
						  d->kind == NLK_IARRAY1_D, d->dflt);
			if (d->kind == NLK_IARRAY_D || d->kind == NLK_IARRAY1_D)
				tprintf(tcp, "%lld", (long long)sign_extend(get_uint(b, size), size));
			else
				tprintf(tcp, d->kind == NLK_XARRAY ? "%#llx" : "%llu",
					(unsigned long long)get_uint(b, size));
		}
		tprints(tcp, "]");
		return true;
	}
	case NLK_INADDR: {
		size_t size = family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;

		if (!size || len < size) {
			nl_print_hexstr(tcp, addr, len);
			return true;
		}
		if (fetch_or_print_addr(tcp, addr, buf, size))
			print_inaddr(tcp, family, buf, size);
		return true;
	}
	case NLK_INADDR_FIXED:
		if (len < d->size)
			return false;
		if (fetch_or_print_addr(tcp, addr, buf, d->size))
			print_inaddr(tcp, d->size == 4 ? AF_INET : AF_INET6, buf, d->size);
		return true;
	case NLK_HWADDR:
		if (len > 32)
			return false;
		if (fetch_or_print_addr(tcp, addr, buf, len))
			print_hwaddr(tcp, buf, len);
		return true;
	case NLK_STRUCT:
	case NLK_STRUCT_TAIL: {
		const struct nl_layout *l = d->sub;
		size_t have = len >= l->size ? l->size : 0;

		for (unsigned i = 0; !have && l->min_size && i < l->nfields; i++) {
			size_t end = (size_t)l->fields[i].off + l->fields[i].size;

			if (end >= l->min_size && end == len)
				have = end;
		}
		if (!have || l->size > sizeof(big))
			return false;
		if (!fetch_or_print_addr(tcp, addr, big, have))
			return true;
		nl_print_struct(tcp, l, big, have, family);
		if (d->kind == NLK_STRUCT_TAIL && len > have) {
			tprints(tcp, ", ");
			nl_print_hexstr(tcp, addr + have, len - have);
		}
		/* attributes after the structure */
		if (d->nest && len > NL_ALIGN4(have)) {
			tprints(tcp, ", ");
			nl_print_attrs(tcp, addr + NL_ALIGN4(have), len - NL_ALIGN4(have),
				       d->nest->types, d->nest->dflt, d->nest->decs, d->nest->ndecs,
				       family);
		}
		return true;
	}
	case NLK_XVAL:
	case NLK_XVAL_V:
	case NLK_FLAGS:
	case NLK_FLAGS_V:
	case NLK_CLOCK_T: {
		/* the value may be shorter than its size (strace reads what
		 * there is, up to 8 bytes); a clock_t of no size is of any
		 * size up to 8 bytes, one of a size takes its first bytes */
		unsigned n;
		uint64_t v = 0;

		if ((len > 8 && (d->kind != NLK_CLOCK_T || !d->size)) || len < d->size)
			return false;
		n = d->size ? d->size : (unsigned)len;
		if (!fetch_or_print_addr(tcp, addr, buf, n))
			return true;
		memcpy(&v, buf, n); /* little-endian hosts */
		print_value(tcp, d->kind, v, n, d->x, d->dflt);
		return true;
	}
	default: {
		unsigned size = d->size ? d->size : 4;

		if (len < size)
			return false;
		if (fetch_or_print_addr(tcp, addr, buf, size))
			print_value(tcp, d->kind, get_uint(buf, size), size, d->x, d->dflt);
		return true;
	}
	}
}

static void nla_elem(struct tcb *tcp, const void *hdr, unsigned long addr, unsigned long len,
		     const void *ctxp)
{
	const struct attrs_ctx *c = ctxp;
	struct nlattr nla;
	unsigned long eff;
	unsigned type;

	memcpy(&nla, hdr, sizeof(nla));
	eff = nla.nla_len < len ? nla.nla_len : len;
	type = nla.nla_type & NLA_TYPE_MASK;
	if (eff > NLA_HDRLEN)
		tprints(tcp, "[");
	tprintf(tcp, "{nla_len=%u, nla_type=", nla.nla_len);
	if (nla.nla_type & NLA_F_NESTED)
		print_nla_flagbit(tcp, NLA_F_NESTED, "NLA_F_NESTED");
	if (nla.nla_type & NLA_F_NET_BYTEORDER)
		print_nla_flagbit(tcp, NLA_F_NET_BYTEORDER, "NLA_F_NET_BYTEORDER");
	print_xval(tcp, c->types, type, c->dflt);
	tprints(tcp, "}");
	if (eff > NLA_HDRLEN) {
		const struct nla_dec *d = c->decs && type < c->ndecs ? &c->decs[type] : NULL;

		if (d && d->kind == NLK_KIND_STR && d->size < NL_KINDS && c->kinds) {
			char *k = c->kinds[d->size];
			size_t n = eff - NLA_HDRLEN < NL_KIND_LEN - 1 ? eff - NLA_HDRLEN : NL_KIND_LEN - 1;

			memset(k, 0, NL_KIND_LEN);
			if (mem_read(tcp->pid, addr + NLA_HDRLEN, k, n) < 0)
				k[0] = '\0';
		} else if (d && d->kind == NLK_BY_KIND) {
			const struct nl_kind_dec *kd = d->by_kind;
			const char *k = d->size < NL_KINDS && c->kinds ? c->kinds[d->size] : "";

			while (kd && kd->kind && (!k[0] || strcmp(kd->kind, k) != 0))
				kd++;
			d = kd && kd->kind ? &kd->dec : NULL;
		}
		tprints(tcp, ", ");
		if (!d || !print_nla_value(tcp, d, addr + NLA_HDRLEN, eff - NLA_HDRLEN, c->family))
			nl_print_hexstr(tcp, addr + NLA_HDRLEN, eff - NLA_HDRLEN);
		tprints(tcp, "]");
	}
}

void nl_print_attrs(struct tcb *tcp, unsigned long addr, unsigned long len, const struct xlat *types,
		    const char *dflt, const struct nla_dec *decs, unsigned ndecs, int family)
{
	char kinds[NL_KINDS][NL_KIND_LEN] = { { 0 } };
	struct attrs_ctx c = { types, dflt, decs, ndecs, family, kinds };

	walk_tlv(tcp, addr, len, sizeof(struct nlattr), nla_elem, &c);
}

/* ---- bodies ---- */

void nl_print_family_body(struct tcb *tcp, unsigned long addr, unsigned long len)
{
	uint8_t family;

	if (!fetch_or_print_addr(tcp, addr, &family, 1))
		return;
	tprints(tcp, "{family=");
	print_family(tcp, family);
	if (len > 1) {
		tprints(tcp, ", data=");
		nl_print_hexstr(tcp, addr + 1, len - 1);
	}
	tprints(tcp, "}");
}

void nl_print_body(struct tcb *tcp, const struct nl_layout *l, unsigned long addr,
		   unsigned long len)
{
	unsigned char buf[128] = { 0 };
	const struct nl_field *f0 = &l->fields[0];
	bool decoded = false;
	size_t off;

	if (l->size > sizeof(buf) || !fetch_or_print_addr(tcp, addr, buf, f0->size))
		return;
	tprintf(tcp, "{%s=", f0->name);
	print_value(tcp, f0->kind, get_uint(buf, f0->size), f0->size, f0->x, f0->dflt);
	if (l->nfields > 1)
		tprints(tcp, ", ");
	if (len >= l->size) {
		if (l->size <= f0->size) {
			decoded = true;
		} else if (fetch_or_print_addr(tcp, addr + f0->size, buf + f0->size,
					       l->size - f0->size)) {
			for (unsigned i = 1, n = 0; i < l->nfields; i++) {
				if (l->fields[i].kind == NLK_X_NZ &&
				    !get_uint(buf + l->fields[i].off, l->fields[i].size))
					continue;
				if (n++)
					tprints(tcp, ", ");
				print_field(tcp, &l->fields[i], buf,
					    f0->kind == NLK_FAMILY ? buf[0] : -1);
			}
			decoded = true;
		}
	} else {
		tprints(tcp, "...");
	}
	tprints(tcp, "}");
	off = NL_ALIGN4(l->size);
	if (decoded && len > off) {
		tprints(tcp, ", ");
		if (l->attrs)
			nl_print_attrs(tcp, addr + off, len - off, l->attrs, l->attrs_dflt, l->decs,
				       l->ndecs, f0->kind == NLK_FAMILY ? buf[0] : -1);
		else /* attributes ctrace cannot name yet */
			nl_print_hexstr(tcp, addr + off, len - off);
	}
}

/* ---- nlmsghdr ---- */

/* nlmsg_flags: the common bits, then those of the request kind. */

static const struct xlat *flag_set(unsigned which)
{
	static struct xlat sets[NLF_N];
	static struct xlat_item *items[NLF_N];
	static const struct xlat *const extra[NLF_N] = {
		NULL, &xlat_netlink_get_flags, &xlat_netlink_new_flags,
		&xlat_netlink_delete_flags, &xlat_netlink_ack_flags,
	};
	const struct xlat *c = &xlat_netlink_flags, *e = extra[which];

	if (!e)
		return c;
	if (!items[which]) {
		items[which] = xcalloc(c->n + e->n, sizeof(*items[which]));
		memcpy(items[which], c->items, c->n * sizeof(*c->items));
		memcpy(items[which] + c->n, e->items, e->n * sizeof(*e->items));
		/* the generated sets share one string pool (gen/xlat.c) */
		sets[which] = (struct xlat){ items[which], c->n + e->n, XT_FLAGS, "netlink_flags",
					     c->strings };
	}
	return &sets[which];
}

static unsigned route_flag_kind(uint16_t type)
{
	static const unsigned by_low_bits[4] = { NLF_NEW, NLF_DEL, NLF_GET, NLF_COMMON };

	if (type == RTM_DELACTION)
		return NLF_GET;
	return by_low_bits[type & 3];
}

/* nlmsg_type names of the protocols (control messages below
 * NLMSG_MIN_TYPE are common to all). */
static const struct {
	int proto;
	const struct xlat *types;
	const char *dflt;
} type_sets[] = {
	{ NETLINK_ROUTE, &xlat_nl_route_types, "RTM_???" },
	{ NETLINK_SOCK_DIAG, &xlat_nl_sock_diag_types, "SOCK_DIAG_???" },
	{ NETLINK_AUDIT, &xlat_nl_audit_types, "AUDIT_???" },
	{ NETLINK_SELINUX, &xlat_nl_selinux_types, "SELNL_MSG_???" },
	{ NETLINK_XFRM, &xlat_nl_xfrm_types, "XFRM_MSG_???" },
	{ NETLINK_CRYPTO, &xlat_nl_crypto_types, "CRYPTO_MSG_???" },
	{ NETLINK_GENERIC, &xlat_genl_families, "GENERIC_FAMILY_???" },
};

static void print_nlmsg_type(struct tcb *tcp, int proto, uint16_t type)
{
	if (type >= NLMSG_MIN_TYPE && proto == NETLINK_NETFILTER) {
		netlink_netfilter_print_type(tcp, type);
		return;
	}
	for (size_t i = 0; type >= NLMSG_MIN_TYPE && i < sizeof(type_sets) / sizeof(type_sets[0]);
	     i++)
		if (type_sets[i].proto == proto) {
			print_xval(tcp, type_sets[i].types, type, type_sets[i].dflt);
			return;
		}
	print_xval(tcp, &xlat_netlink_types, type, "NLMSG_???");
}

static unsigned xfrm_flag_kind(uint16_t type)
{
	switch (type) {
	case XFRM_MSG_NEWSA: case XFRM_MSG_NEWPOLICY: case XFRM_MSG_NEWAE:
	case XFRM_MSG_NEWSADINFO: case XFRM_MSG_NEWSPDINFO:
		return NLF_NEW;
	case XFRM_MSG_DELSA: case XFRM_MSG_DELPOLICY:
		return NLF_DEL;
	case XFRM_MSG_GETSA: case XFRM_MSG_GETPOLICY: case XFRM_MSG_GETAE:
	case XFRM_MSG_GETSADINFO: case XFRM_MSG_GETSPDINFO:
		return NLF_GET;
	}
	return NLF_COMMON;
}

static unsigned crypto_flag_kind(uint16_t type)
{
	switch (type) {
	case CRYPTO_MSG_NEWALG:
		return NLF_NEW;
	case CRYPTO_MSG_DELALG: case CRYPTO_MSG_DELRNG:
		return NLF_DEL;
	case CRYPTO_MSG_GETALG:
		return NLF_GET;
	}
	return NLF_COMMON;
}

static void print_nlmsg_flags(struct tcb *tcp, int proto, uint16_t type, uint16_t flags)
{
	unsigned which = NLF_COMMON;

	if (type < NLMSG_MIN_TYPE)
		which = type == NLMSG_ERROR ? NLF_ACK : NLF_COMMON;
	else if (proto == NETLINK_ROUTE)
		which = route_flag_kind(type);
	else if (proto == NETLINK_SOCK_DIAG)
		which = NLF_GET;
	else if (proto == NETLINK_XFRM)
		which = xfrm_flag_kind(type);
	else if (proto == NETLINK_CRYPTO)
		which = crypto_flag_kind(type);
	else if (proto == NETLINK_NETFILTER)
		which = netlink_netfilter_flag_kind(type);
	print_flags(tcp, flag_set(which), flags, "NLM_F_???");
}

static void print_nlmsghdr(struct tcb *tcp, int proto, const struct nlmsghdr *h)
{
	tprintf(tcp, "{nlmsg_len=%u, nlmsg_type=", h->nlmsg_len);
	print_nlmsg_type(tcp, proto, h->nlmsg_type);
	tprints(tcp, ", nlmsg_flags=");
	print_nlmsg_flags(tcp, proto, h->nlmsg_type, h->nlmsg_flags);
	/* the sender's port id, by default its process id (in the tracee's
	 * pid namespace: --decode-pids=pidns translates it) */
	tprintf(tcp, ", nlmsg_seq=%u, nlmsg_pid=", h->nlmsg_seq);
	print_pid(tcp, (int)h->nlmsg_pid, PT_TGID);
	tprints(tcp, "}");
}

static void print_nlmsg_with_payload(struct tcb *tcp, int proto, const struct nlmsghdr *h,
				     unsigned long addr, unsigned long len);

static const struct nla_dec nlmsgerr_decs[] = {
	[NLMSGERR_ATTR_MSG] = { NLK_STR, 0, NULL, NULL, NULL },
	[NLMSGERR_ATTR_OFFS] = { NLK_U, 4, NULL, NULL, NULL },
	[NLMSGERR_ATTR_COOKIE] = { NLK_UARRAY, 1, NULL, NULL, NULL, NULL },
};

static void print_nlmsgerr(struct tcb *tcp, int proto, unsigned long addr, unsigned long len,
			   bool capped)
{
	struct nlmsgerr err;
	unsigned long payload, msglen;

	if (len < sizeof(err)) {
		nl_print_hexstr(tcp, addr, len);
		return;
	}
	if (!fetch_or_print_addr(tcp, addr, &err, sizeof(err)))
		return;
	addr += offsetof(struct nlmsgerr, msg);
	len -= offsetof(struct nlmsgerr, msg);
	/* an invalid (short) msg.nlmsg_len: the header alone */
	msglen = err.msg.nlmsg_len > sizeof(err.msg) ? err.msg.nlmsg_len : sizeof(err.msg);
	payload = capped ? sizeof(err.msg) : msglen;
	if (payload > len)
		payload = len;
	if (len > payload)
		tprints(tcp, "[");
	tprints(tcp, "{error=");
	print_neg_errno(tcp, err.error);
	tprints(tcp, ", msg=");
	print_nlmsg_with_payload(tcp, proto, &err.msg, addr, payload);
	tprints(tcp, "}");
	if (len > payload) {
		tprints(tcp, ", ");
		nl_print_attrs(tcp, addr + payload, len - payload, &xlat_nlmsgerr_attrs,
			       "NLMSGERR_ATTR_???", nlmsgerr_decs,
			       sizeof(nlmsgerr_decs) / sizeof(nlmsgerr_decs[0]), -1);
		tprints(tcp, "]");
	}
}

static void print_payload(struct tcb *tcp, int proto, const struct nlmsghdr *h, unsigned long addr,
			  unsigned long len)
{
	bool (*family_dec)(struct tcb *, uint16_t, uint16_t, unsigned long, unsigned long) = NULL;

	if (h->nlmsg_type == NLMSG_ERROR) {
		print_nlmsgerr(tcp, proto, addr, len, h->nlmsg_flags & NLM_F_CAPPED);
		return;
	}
	if (proto == NETLINK_ROUTE)
		family_dec = decode_netlink_route;
	else if (proto == NETLINK_SOCK_DIAG)
		family_dec = decode_netlink_sock_diag;
	else if (proto == NETLINK_NETFILTER)
		family_dec = decode_netlink_netfilter;
	else if (proto == NETLINK_SELINUX)
		family_dec = decode_netlink_selinux;
	/* NLMSG_DONE: most carry an int, a few a family body */
	if ((h->nlmsg_type >= NLMSG_MIN_TYPE || h->nlmsg_type == NLMSG_DONE) && family_dec &&
	    family_dec(tcp, h->nlmsg_type, h->nlmsg_flags, addr, len))
		return;
	if (h->nlmsg_type == NLMSG_DONE && len == sizeof(int)) {
		int num;

		if (fetch_or_print_addr(tcp, addr, &num, sizeof(num)))
			tprintf(tcp, "%d", num);
		return;
	}
	nl_print_hexstr(tcp, addr, len);
}

/* The header, and when nlmsg_len (within len) goes past it, the payload:
 * "[{nlmsg_len=...}, payload]". */
static void print_nlmsg_with_payload(struct tcb *tcp, int proto, const struct nlmsghdr *h,
				     unsigned long addr, unsigned long len)
{
	unsigned long eff = h->nlmsg_len < len ? h->nlmsg_len : len;

	if (eff > NLMSG_HDRLEN)
		tprints(tcp, "[");
	print_nlmsghdr(tcp, proto, h);
	if (eff > NLMSG_HDRLEN) {
		tprints(tcp, ", ");
		print_payload(tcp, proto, h, addr + NLMSG_HDRLEN, eff - NLMSG_HDRLEN);
		tprints(tcp, "]");
	}
}

static void nlmsg_elem(struct tcb *tcp, const void *hdr, unsigned long addr, unsigned long len,
		       const void *ctx)
{
	struct nlmsghdr h;

	memcpy(&h, hdr, sizeof(h));
	print_nlmsg_with_payload(tcp, *(const int *)ctx, &h, addr, len);
}

void decode_netlink(struct tcb *tcp, int proto, unsigned long addr, unsigned long len)
{
	if (proto == NETLINK_KOBJECT_UEVENT) { /* no netlink messages */
		decode_netlink_kobject_uevent(tcp, addr, len);
		return;
	}
	walk_tlv(tcp, addr, len, sizeof(struct nlmsghdr), nlmsg_elem, &proto);
}

void nl_print_ifindex(struct tcb *tcp, unsigned idx)
{
	print_ifindex(tcp, idx);
}

void nl_print_hwaddr(struct tcb *tcp, const unsigned char *a, size_t len)
{
	print_hwaddr(tcp, a, len);
}
