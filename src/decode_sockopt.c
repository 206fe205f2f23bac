/* getsockopt(2) / setsockopt(2): the level, the option's name in the
 * level's set, and its value as strace 6.1 prints it.
 *
 * What a value looks like depends on the option's kind (sockopt_kind(),
 * data below) and on optlen: setsockopt's argument, getsockopt's length
 * after the call (at most the one given: the kernel writes no more).
 *   int      [N] when optlen holds an int (more bytes are ignored); a
 *            shorter getsockopt value as hex bytes, setsockopt's address
 *   raw      [N] when optlen is exactly an int, else the quoted bytes
 *   struct   fields: getsockopt prints those optlen holds (a cut one as
 *            hex bytes); setsockopt wants the whole structure (some
 *            exactly it) and prints its address otherwise
 * A value that cannot be read is printed as its address. */
#include "config.h"
#include "decode_sockopt.h"

#include <linux/filter.h>
#include <linux/if_packet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "decode.h"
#include "decode_net.h"
#include "decode_netlink.h"
#include "decode_ptrace.h"
#include "gen/decoders.h"
#include "mem.h"
#include "pids.h"
#include "sink.h"
#include "quote.h"
#include "util.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

enum so_kind {
	SOK_RAW,
	SOK_INT,
	SOK_ERRNO,       /* SO_ERROR: [ECONNREFUSED] */
	SOK_TXREHASH,    /* an int named by sock_txrehash */
	SOK_LINGER,
	SOK_UCRED,
	SOK_FILTER,      /* SO_ATTACH_FILTER, SO_ATTACH_REUSEPORT_CBPF */
	SOK_TP_REQ,      /* struct tpacket_req */
	SOK_TP_STATS,    /* struct tpacket_stats */
	SOK_PACKET_MREQ, /* struct packet_mreq */
	SOK_ICMP_FILTER,
	SOK_IP_MREQ,
	SOK_IPV6_MREQ,
	SOK_GROUP_REQ,
	SOK_NL_GROUPS,   /* NETLINK_LIST_MEMBERSHIPS: u32 array */
};

/* Options with a kind other than raw, level by level. */
static const struct so_desc {
	int level, name;
	enum so_kind kind;
} so_descs[] = {
	{ SOL_SOCKET, SO_ERROR, SOK_ERRNO },
	{ SOL_SOCKET, SO_TXREHASH, SOK_TXREHASH },
	{ SOL_SOCKET, SO_LINGER, SOK_LINGER },
	{ SOL_SOCKET, SO_PEERCRED, SOK_UCRED },
	{ SOL_SOCKET, SO_ATTACH_FILTER, SOK_FILTER },
	{ SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, SOK_FILTER },
	{ SOL_PACKET, PACKET_RX_RING, SOK_TP_REQ },
	{ SOL_PACKET, PACKET_TX_RING, SOK_TP_REQ },
	{ SOL_PACKET, PACKET_STATISTICS, SOK_TP_STATS },
	{ SOL_PACKET, PACKET_ADD_MEMBERSHIP, SOK_PACKET_MREQ },
	{ SOL_PACKET, PACKET_DROP_MEMBERSHIP, SOK_PACKET_MREQ },
	{ SOL_RAW, 1 /* ICMP_FILTER */, SOK_ICMP_FILTER },
	{ SOL_IP, IP_ADD_MEMBERSHIP, SOK_IP_MREQ },
	{ SOL_IP, IP_DROP_MEMBERSHIP, SOK_IP_MREQ },
	{ SOL_IP, MCAST_JOIN_GROUP, SOK_GROUP_REQ },
	{ SOL_IP, MCAST_LEAVE_GROUP, SOK_GROUP_REQ },
	{ SOL_IPV6, IPV6_ADD_MEMBERSHIP, SOK_IPV6_MREQ },
	{ SOL_IPV6, IPV6_DROP_MEMBERSHIP, SOK_IPV6_MREQ },
	{ SOL_IPV6, IPV6_JOIN_ANYCAST, SOK_IPV6_MREQ },
	{ SOL_IPV6, IPV6_LEAVE_ANYCAST, SOK_IPV6_MREQ },
	{ SOL_IPV6, MCAST_JOIN_GROUP, SOK_GROUP_REQ },
	{ SOL_IPV6, MCAST_LEAVE_GROUP, SOK_GROUP_REQ },
	{ SOL_NETLINK, 9 /* NETLINK_LIST_MEMBERSHIPS */, SOK_NL_GROUPS },
};

static enum so_kind sockopt_kind(int level, int name)
{
	for (size_t i = 0; i < sizeof(so_descs) / sizeof(so_descs[0]); i++)
		if (so_descs[i].level == level && so_descs[i].name == name)
			return so_descs[i].kind;
	if (level == SOL_SOCKET && xlat_lookup(&xlat_sockopt_socket_int, (unsigned)name))
		return SOK_INT;
	if (level == SOL_NETLINK)
		return SOK_INT;
	return SOK_RAW;
}

/* ---- the option's name ---- */

static void print_sockopt_name(struct tcb *tcp, int level, int name, bool get)
{
	switch (level) {
	case SOL_SOCKET:
		if (get && xlat_lookup(&xlat_sockopt_socket_get, (unsigned)name))
			print_xval(tcp, &xlat_sockopt_socket_get, (unsigned)name, NULL);
		else
			print_xval(tcp, &xlat_sockopt_socket, (unsigned)name, "SO_???");
		break;
	case IPPROTO_TCP:
		print_xval(tcp, &xlat_tcp_options, (unsigned)name, "TCP_???");
		break;
	case IPPROTO_IP:
		print_xval(tcp, &xlat_ip_options, (unsigned)name, "IP_???");
		break;
	case IPPROTO_IPV6:
		print_xval(tcp, &xlat_ipv6_options, (unsigned)name, "IPV6_???");
		break;
	case SOL_PACKET:
		print_xval(tcp, &xlat_sockopt_packet, (unsigned)name, "PACKET_???");
		break;
	case SOL_RAW:
		print_xval(tcp, &xlat_sockopt_raw, (unsigned)name, "ICMP_???");
		break;
	case SOL_NETLINK:
		print_xval(tcp, &xlat_sockopt_netlink, (unsigned)name, "NETLINK_???");
		break;
	default:
		tprintf(tcp, "%d", name);
		break;
	}
}

static void print_sockopt_head(struct tcb *tcp, bool get)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_xval(tcp, &xlat_sockopt_levels, (unsigned)tcp->args[1], "SOL_???");
	tprint_arg_next(tcp);
	print_sockopt_name(tcp, (int)tcp->args[1], (int)tcp->args[2], get);
	tprint_arg_next(tcp);
}

/* ---- values ---- */

static void print_hexbytes(struct tcb *tcp, const void *p, size_t n)
{
	char q[QUOTE_SIZE(16)];

	quote_string(p, n < 16 ? n : 16, QUOTE_HEX_ALL, q);
	tprints(tcp, q);
}

/* A structure of 32-bit fields of which the first len bytes are there:
 * {a=1, b="\x01\x02"} (a cut field as hex bytes, nothing after it).
 * kinds: 'd' int, 'u' unsigned, 'p' a process id. */
static void print_u32_fields(struct tcb *tcp, const uint32_t *v, size_t len,
			     const char *const *names, const char *kinds)
{
	size_t n = strlen(kinds);

	for (size_t i = 0; i < n && i * 4 < len; i++) {
		size_t have = len - i * 4;

		tprintf(tcp, "%s%s=", i ? ", " : "{", names[i]);
		if (have < 4)
			print_hexbytes(tcp, &v[i], have);
		else if (kinds[i] == 'd')
			tprintf(tcp, "%d", (int32_t)v[i]);
		else if (kinds[i] == 'p')
			print_pid(tcp, (int32_t)v[i], PT_TGID);
		else
			tprintf(tcp, "%u", v[i]);
	}
	tprints(tcp, "}");
}

static void print_errno_val(struct tcb *tcp, int err)
{
	const char *name = err > 0 ? errno_name(err) : NULL;

	if (!name || pcfg.xlat_style == XLAT_RAW)
		tprintf(tcp, "%d", err);
	else if (pcfg.xlat_style == XLAT_VERBOSE)
		tprintf(tcp, "%d /* %s */", err, name);
	else
		tprints(tcp, name);
}

/* [N] of an int option */
static void print_int_val(struct tcb *tcp, enum so_kind kind, int v)
{
	tprints(tcp, "[");
	if (kind == SOK_ERRNO) {
		print_errno_val(tcp, v);
	} else if (kind == SOK_TXREHASH) {
		const char *name = xlat_lookup(&xlat_sock_txrehash, (unsigned)v);

		if (pcfg.xlat_style == XLAT_RAW)
			tprintf(tcp, "%d", v);
		else if (!name || pcfg.xlat_style == XLAT_VERBOSE)
			tprintf(tcp, "%d /* %s */", v, name ? name : "SOCK_TXREHASH_???");
		else
			tprints(tcp, name);
	} else {
		tprintf(tcp, "%d", v);
	}
	tprints(tcp, "]");
}

/* ICMP_FILTER: the blocked types, "~[...]" when most are */
static void print_icmp_filter(struct tcb *tcp, uint32_t data)
{
	bool inv = __builtin_popcount(data) > 16;
	unsigned n = 0;

	if (inv) {
		tprints(tcp, "~");
		data = ~data;
	}
	tprints(tcp, "[");
	for (unsigned bit = 0; bit < 32; bit++) {
		if (!(data & (1U << bit)))
			continue;
		if (n++)
			tprints(tcp, " ");
		print_xval(tcp, &xlat_icmp_types, bit, NULL);
	}
	tprints(tcp, "]");
}

static const struct nl_field tp_req_fields[] = {
	{ "tp_block_size", offsetof(struct tpacket_req, tp_block_size), 4, NLK_U, 0, 0, 0, 0 },
	{ "tp_block_nr", offsetof(struct tpacket_req, tp_block_nr), 4, NLK_U, 0, 0, 0, 0 },
	{ "tp_frame_size", offsetof(struct tpacket_req, tp_frame_size), 4, NLK_U, 0, 0, 0, 0 },
	{ "tp_frame_nr", offsetof(struct tpacket_req, tp_frame_nr), 4, NLK_U, 0, 0, 0, 0 },
};
static const struct nl_layout tp_req_layout = {
	.size = sizeof(struct tpacket_req), .fields = tp_req_fields, .nfields = 4,
};

static const struct nl_field ip_mreq_fields[] = {
	{ "imr_multiaddr", offsetof(struct ip_mreq, imr_multiaddr), 4, NLK_INADDR, 0, 0, 0, 0 },
	{ "imr_interface", offsetof(struct ip_mreq, imr_interface), 4, NLK_INADDR, 0, 0, 0, 0 },
};
static const struct nl_layout ip_mreq_layout = {
	.size = sizeof(struct ip_mreq), .fields = ip_mreq_fields, .nfields = 2,
};

static const struct nl_field ipv6_mreq_fields[] = {
	{ "ipv6mr_multiaddr", offsetof(struct ipv6_mreq, ipv6mr_multiaddr), 16, NLK_INADDR,
	  0, 0, 0, 0 },
	{ "ipv6mr_interface", offsetof(struct ipv6_mreq, ipv6mr_interface), 4, NLK_IFINDEX,
	  0, 0, 0, 0 },
};
static const struct nl_layout ipv6_mreq_layout = {
	.size = sizeof(struct ipv6_mreq), .fields = ipv6_mreq_fields, .nfields = 2,
};

static void print_packet_mreq(struct tcb *tcp, const struct packet_mreq *m)
{
	size_t alen = m->mr_alen < sizeof(m->mr_address) ? m->mr_alen : sizeof(m->mr_address);

	tprints(tcp, "{mr_ifindex=");
	nl_print_ifindex(tcp, (unsigned)m->mr_ifindex);
	tprints(tcp, ", mr_type=");
	print_xval(tcp, &xlat_packet_mr_types, m->mr_type, "PACKET_MR_???");
	tprintf(tcp, ", mr_alen=%u, mr_address=", m->mr_alen);
	nl_print_hwaddr(tcp, m->mr_address, alen);
	tprints(tcp, "}");
}

static void print_group_req(struct tcb *tcp, const struct group_req *g)
{
	char buf[1024];

	tprints(tcp, "{gr_interface=");
	nl_print_ifindex(tcp, g->gr_interface);
	format_sockaddr(buf, sizeof(buf), &g->gr_group, sizeof(g->gr_group), 0,
			pcfg.xlat_style);
	tprintf(tcp, ", gr_group=%s}", buf);
}

/* The fixed-size structure kinds: their size, and whether setsockopt
 * wants exactly it (else at least it). */
static size_t struct_size(enum so_kind kind, bool *exact)
{
	*exact = false;
	switch (kind) {
	case SOK_LINGER:
		return sizeof(struct linger);
	case SOK_TP_REQ:
		*exact = true;
		return sizeof(struct tpacket_req);
	case SOK_TP_STATS: /* tp_freeze_q_cnt too: the _v3 layout */
		return sizeof(struct tpacket_stats_v3);
	case SOK_PACKET_MREQ:
		*exact = true;
		return sizeof(struct packet_mreq);
	case SOK_ICMP_FILTER:
		return sizeof(uint32_t);
	case SOK_IP_MREQ:
		return sizeof(struct ip_mreq);
	case SOK_IPV6_MREQ:
		return sizeof(struct ipv6_mreq);
	case SOK_GROUP_REQ:
		return sizeof(struct group_req);
	default:
		return 0;
	}
}

/* A structure of size bytes in buf (setsockopt: all of it; getsockopt:
 * len bytes of it) */
static void print_struct_val(struct tcb *tcp, enum so_kind kind, const void *buf, size_t len)
{
	static const char *const linger_names[] = { "l_onoff", "l_linger" };
	static const char *const tp_stats_names[] = { "tp_packets", "tp_drops", "tp_freeze_q_cnt" };
	uint32_t u32;

	switch (kind) {
	case SOK_LINGER:
		print_u32_fields(tcp, buf, len, linger_names, "dd");
		break;
	case SOK_TP_STATS:
		print_u32_fields(tcp, buf, len, tp_stats_names, "uuu");
		break;
	case SOK_TP_REQ:
		nl_print_struct(tcp, &tp_req_layout, buf, len, AF_UNSPEC);
		break;
	case SOK_PACKET_MREQ:
		print_packet_mreq(tcp, buf);
		break;
	case SOK_ICMP_FILTER:
		memcpy(&u32, buf, sizeof(u32));
		print_icmp_filter(tcp, u32);
		break;
	case SOK_IP_MREQ:
		nl_print_struct(tcp, &ip_mreq_layout, buf, len, AF_INET);
		break;
	case SOK_IPV6_MREQ:
		nl_print_struct(tcp, &ipv6_mreq_layout, buf, len, AF_INET6);
		break;
	case SOK_GROUP_REQ:
		print_group_req(tcp, buf);
		break;
	default:
		break;
	}
}

static void print_nl_groups(struct tcb *tcp, unsigned long addr, size_t len)
{
	uint32_t g[64];
	size_t n = len / sizeof(g[0]);

	if (n > sizeof(g) / sizeof(g[0]))
		n = sizeof(g) / sizeof(g[0]);
	if (n && mem_read_struct(tcp, addr, g, n * sizeof(g[0])) < 0) {
		print_addr(tcp, addr);
		return;
	}
	tprints(tcp, "[");
	for (size_t i = 0; i < n; i++) {
		if (i == pcfg.max_strlen) {
			tprints(tcp, ", ...");
			break;
		}
		tprintf(tcp, i ? ", %#x" : "%#x", g[i]);
	}
	tprints(tcp, "]");
}

/* The value at addr of len bytes (len >= 0, addr not NULL). */
static void print_sockopt_val(struct tcb *tcp, int level, int name, unsigned long addr,
			      size_t len, bool get)
{
	enum so_kind kind = sockopt_kind(level, name);
	unsigned char buf[sizeof(struct group_req)];
	size_t size;
	bool exact;
	int v;

	if (kind == SOK_NL_GROUPS && !get)
		kind = SOK_INT; /* setsockopt: an int like the others */
	switch (kind) {
	case SOK_INT:
	case SOK_ERRNO:
	case SOK_TXREHASH:
		if (len >= sizeof(int)) {
			if (mem_read_struct(tcp, addr, &v, sizeof(v)) < 0)
				print_addr(tcp, addr);
			else
				print_int_val(tcp, kind, v);
		} else if (get && mem_read(tcp->pid, addr, buf, len) == 0) {
			print_hexbytes(tcp, buf, len);
		} else {
			print_addr(tcp, addr);
		}
		return;
	case SOK_UCRED: {
		static const char *const names[] = { "pid", "uid", "gid" };
		uint32_t u[3];
		size_t n = len < sizeof(u) ? len : sizeof(u);

		if (mem_read_struct(tcp, addr, u, n) < 0)
			print_addr(tcp, addr);
		else
			print_u32_fields(tcp, u, n, names, "puu");
		return;
	}
	case SOK_FILTER:
		if (get) /* SO_GET_FILTER: len is a count of instructions */
			print_bpf_insns(tcp, addr, len, BPF_FLAVOR_SOCKET);
		else if (len == sizeof(struct sock_fprog))
			print_bpf_fprog(tcp, addr, BPF_FLAVOR_SOCKET);
		else
			print_addr(tcp, addr);
		return;
	case SOK_NL_GROUPS:
		print_nl_groups(tcp, addr, len);
		return;
	case SOK_RAW:
		if (len == sizeof(int)) {
			if (mem_read_struct(tcp, addr, &v, sizeof(v)) < 0)
				print_addr(tcp, addr);
			else
				tprintf(tcp, "[%d]", v);
		} else {
			print_buf(tcp, addr, len);
		}
		return;
	default:
		break;
	}
	size = struct_size(kind, &exact);
	if (get) {
		/* what the kernel wrote, up to the structure's size */
		size_t n = len < size ? len : size;

		if (mem_read_struct(tcp, addr, buf, n) < 0)
			print_addr(tcp, addr);
		else if (len >= size || kind == SOK_LINGER || kind == SOK_TP_STATS)
			print_struct_val(tcp, kind, buf, n);
		else
			print_buf(tcp, addr, len);
		return;
	}
	if (len < size || (exact && len != size) || mem_read_struct(tcp, addr, buf, size) < 0) {
		print_addr(tcp, addr);
		return;
	}
	print_struct_val(tcp, kind, buf, size);
}

/* ---- the calls ---- */

int dec_setsockopt(struct tcb *tcp)
{
	int len = (int)tcp->args[4];

	print_sockopt_head(tcp, false);
	if (!tcp->args[3] || len < 0)
		print_addr(tcp, tcp->args[3]);
	else
		print_sockopt_val(tcp, (int)tcp->args[1], (int)tcp->args[2], tcp->args[3],
				  (size_t)len, false);
	tprint_arg_next(tcp);
	tprintf(tcp, "%d", len);
	return DEC_DONE;
}

/* the optlen given to getsockopt, read at entry */
struct optlen_in {
	bool ok;
	int len;
};

static void optlen_free(void *p)
{
	free(p);
}

int dec_getsockopt(struct tcb *tcp)
{
	const struct optlen_in *in;
	int out;
	bool out_ok;

	if (!tcp->exiting) {
		struct optlen_in *s = xcalloc(1, sizeof(*s));

		print_sockopt_head(tcp, true);
		s->ok = tcp->args[4] && mem_read(tcp->pid, tcp->args[4], &s->len, sizeof(s->len)) == 0;
		tcb_set_call_priv(tcp, s, optlen_free);
		return DEC_MORE;
	}
	in = tcp->call_priv_free == optlen_free ? tcp->call_priv : NULL;
	out_ok = !tcp->err && tcp->args[4] &&
		 mem_read(tcp->pid, tcp->args[4], &out, sizeof(out)) == 0;
	if (tcp->err || !out_ok || !tcp->args[3] || out <= 0) {
		print_addr(tcp, tcp->args[3]);
	} else {
		size_t len = (size_t)out;

		if (in && in->ok && in->len >= 0 && (size_t)in->len < len)
			len = (size_t)in->len;
		if (!len)
			print_addr(tcp, tcp->args[3]);
		else
			print_sockopt_val(tcp, (int)tcp->args[1], (int)tcp->args[2], tcp->args[3],
					  len, true);
	}
	tprint_arg_next(tcp);
	if (!in || !in->ok)
		print_addr(tcp, tcp->args[4]);
	else if (!out_ok || out == in->len)
		tprintf(tcp, "[%d]", in->len);
	else
		tprintf(tcp, "[%d => %d]", in->len, out);
	return DEC_DONE;
}
