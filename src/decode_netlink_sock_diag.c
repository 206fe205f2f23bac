/* NETLINK_SOCK_DIAG bodies as data: requests (NLM_F_REQUEST) and replies
 * per address family: unix_diag, inet_diag (v2 and the TCPDIAG_GETSOCK /
 * DCCPDIAG_GETSOCK compat request), netlink_diag, packet_diag. */
#include "config.h"
#include "decode_netlink.h"

#include <linux/inet_diag.h>
#include <linux/mptcp.h>
#include <linux/tcp.h>
#include <linux/tls.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/smc_diag.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <stddef.h>
#include <sys/socket.h>

#include "decode_net.h"
#include "mem.h"
#include "sink.h"
#include "quote.h"

#define FIELD(type, f, kind, x, dflt) \
	{ #f, offsetof(type, f), sizeof(((type *)0)->f), kind, x, dflt, NULL }
#define FIELD_SUB(type, f, l) \
	{ #f, offsetof(type, f), sizeof(((type *)0)->f), NLK_STRUCT, NULL, NULL, &(l) }
#define U8 { NLK_U, 1, NULL, NULL, NULL, NULL }
#define U32 { NLK_U, 4, NULL, NULL, NULL, NULL }
#define U64 { NLK_U, 8, NULL, NULL, NULL, NULL }
#define STR { NLK_STR, 0, NULL, NULL, NULL, NULL }

/* ---- AF_UNIX ---- */

static const struct nl_field unix_req_fields[] = {
	FIELD(struct unix_diag_req, sdiag_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct unix_diag_req, sdiag_protocol, NLK_U, NULL, NULL),
	FIELD(struct unix_diag_req, udiag_states, NLK_BITS, &xlat_tcp_states, "1<<TCP_???"),
	FIELD(struct unix_diag_req, udiag_ino, NLK_U, NULL, NULL),
	FIELD(struct unix_diag_req, udiag_show, NLK_FLAGS, &xlat_unix_diag_show, "UDIAG_SHOW_???"),
	FIELD(struct unix_diag_req, udiag_cookie, NLK_COOKIE, NULL, NULL),
};
static const struct nl_layout unix_req_layout =
	NL_LAYOUT(sizeof(struct unix_diag_req), unix_req_fields);

static const struct nl_field unix_vfs_fields[] = {
	FIELD(struct unix_diag_vfs, udiag_vfs_dev, NLK_DEV, NULL, NULL),
	FIELD(struct unix_diag_vfs, udiag_vfs_ino, NLK_U, NULL, NULL),
};
static const struct nl_layout unix_vfs_layout =
	NL_LAYOUT(sizeof(struct unix_diag_vfs), unix_vfs_fields);

static const struct nl_field unix_rqlen_fields[] = {
	FIELD(struct unix_diag_rqlen, udiag_rqueue, NLK_U, NULL, NULL),
	FIELD(struct unix_diag_rqlen, udiag_wqueue, NLK_U, NULL, NULL),
};
static const struct nl_layout unix_rqlen_layout =
	NL_LAYOUT(sizeof(struct unix_diag_rqlen), unix_rqlen_fields);

static const struct nla_dec unix_msg_decs[] = {
	[UNIX_DIAG_NAME] = STR,
	[UNIX_DIAG_VFS] = { NLK_STRUCT, 0, NULL, NULL, &unix_vfs_layout, NULL },
	[UNIX_DIAG_PEER] = U32,
	[UNIX_DIAG_ICONS] = { NLK_UARRAY, 4, NULL, NULL, NULL, NULL },
	[UNIX_DIAG_RQLEN] = { NLK_STRUCT, 0, NULL, NULL, &unix_rqlen_layout, NULL },
	[UNIX_DIAG_SHUTDOWN] = U8,
	[UNIX_DIAG_UID] = U32,
};

static const struct nl_field unix_msg_fields[] = {
	FIELD(struct unix_diag_msg, udiag_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct unix_diag_msg, udiag_type, NLK_XVAL, &xlat_socket_types, "SOCK_???"),
	FIELD(struct unix_diag_msg, udiag_state, NLK_XVAL, &xlat_tcp_states, "TCP_???"),
	FIELD(struct unix_diag_msg, udiag_ino, NLK_U, NULL, NULL),
	FIELD(struct unix_diag_msg, udiag_cookie, NLK_COOKIE, NULL, NULL),
};
static const struct nl_layout unix_msg_layout =
	NL_LAYOUT(sizeof(struct unix_diag_msg), unix_msg_fields,
	          NL_ATTRS(&xlat_unix_diag_attrs, "UNIX_DIAG_???", unix_msg_decs));

/* ---- AF_INET, AF_INET6 ---- */

static const struct nl_field sockid_fields[] = {
	FIELD(struct inet_diag_sockid, idiag_sport, NLK_BE16, NULL, NULL),
	FIELD(struct inet_diag_sockid, idiag_dport, NLK_BE16, NULL, NULL),
	FIELD(struct inet_diag_sockid, idiag_src, NLK_INADDR, NULL, NULL),
	FIELD(struct inet_diag_sockid, idiag_dst, NLK_INADDR, NULL, NULL),
	FIELD(struct inet_diag_sockid, idiag_if, NLK_IFINDEX, NULL, NULL),
	FIELD(struct inet_diag_sockid, idiag_cookie, NLK_COOKIE, NULL, NULL),
};
static const struct nl_layout sockid_layout =
	NL_LAYOUT(sizeof(struct inet_diag_sockid), sockid_fields);

/* INET_DIAG_REQ_BYTECODE: an operation, then what its code takes: a host
 * condition, an interface, a mark, or the operation holding a port */
static const struct nl_field bc_op_fields[] = {
	FIELD(struct inet_diag_bc_op, code, NLK_XVAL, &xlat_inet_diag_bytecodes, "INET_DIAG_BC_???"),
	FIELD(struct inet_diag_bc_op, yes, NLK_U, NULL, NULL),
	FIELD(struct inet_diag_bc_op, no, NLK_U, NULL, NULL),
};
static const struct nl_layout bc_op_layout =
	NL_LAYOUT(sizeof(struct inet_diag_bc_op), bc_op_fields);
static const struct nl_field hostcond_fields[] = {
	FIELD(struct inet_diag_hostcond, family, NLK_FAMILY, NULL, NULL),
	FIELD(struct inet_diag_hostcond, prefix_len, NLK_U, NULL, NULL),
	FIELD(struct inet_diag_hostcond, port, NLK_U, NULL, NULL),
};
static const struct nl_layout hostcond_layout =
	NL_LAYOUT(sizeof(struct inet_diag_hostcond), hostcond_fields);
/* the address after a host condition, of its family */
static const struct nl_field hostcond_addr_fields[] = {
	{ "addr", 0, 16, NLK_INADDR, NULL, NULL, NULL },
};
static const struct nl_layout hostcond_addr_layout =
	NL_LAYOUT(sizeof(struct in6_addr), hostcond_addr_fields);
static const struct nl_field markcond_fields[] = {
	FIELD(struct inet_diag_markcond, mark, NLK_U, NULL, NULL),
	FIELD(struct inet_diag_markcond, mask, NLK_U, NULL, NULL),
};
static const struct nl_layout markcond_layout =
	NL_LAYOUT(sizeof(struct inet_diag_markcond), markcond_fields);

static void print_hostcond(struct tcb *tcp, unsigned long addr, unsigned long len)
{
	struct inet_diag_hostcond hc;
	unsigned char a[16];
	size_t n;

	if (len < sizeof(hc)) {
		nl_print_hexstr(tcp, addr, len);
		return;
	}
	if (!fetch_or_print_addr(tcp, addr, &hc, sizeof(hc)))
		return;
	tprints(tcp, "{");
	nl_print_fields(tcp, &hostcond_layout, &hc, sizeof(hc), -1);
	n = hc.family == AF_INET ? 4 : hc.family == AF_INET6 ? 16 : 0;
	addr += sizeof(hc);
	len -= sizeof(hc);
	if (n) {
		tprints(tcp, ", ");
		if (len < n) {
			tprints(tcp, "addr=");
			nl_print_hexstr(tcp, addr, len);
		} else if (mem_read(tcp->pid, addr, a, n) < 0) {
			tprints(tcp, "addr=");
			print_addr(tcp, addr);
		} else {
			nl_print_fields(tcp, &hostcond_addr_layout, a, sizeof(a), hc.family);
		}
	}
	tprints(tcp, "}");
}

/* a structure of layout l filling the rest, else its bytes */
static void print_bc_arg(struct tcb *tcp, const struct nl_layout *l, unsigned long addr,
			 unsigned long len)
{
	unsigned char buf[16];

	if (len < l->size || l->size > sizeof(buf)) {
		nl_print_hexstr(tcp, addr, len);
		return;
	}
	if (fetch_or_print_addr(tcp, addr, buf, l->size))
		nl_print_struct(tcp, l, buf, l->size, -1);
}

static bool print_bytecode(struct tcb *tcp, unsigned long addr, unsigned long len, int family)
{
	struct inet_diag_bc_op op;
	uint32_t ifindex;

	(void)family;
	if (len < sizeof(op))
		return false;
	if (!fetch_or_print_addr(tcp, addr, &op, sizeof(op)))
		return true;
	nl_print_struct(tcp, &bc_op_layout, &op, sizeof(op), -1);
	if (len == sizeof(op))
		return true;
	tprints(tcp, ", ");
	addr += sizeof(op);
	len -= sizeof(op);
	switch (op.code) {
	case INET_DIAG_BC_S_COND:
	case INET_DIAG_BC_D_COND:
		print_hostcond(tcp, addr, len);
		break;
	case INET_DIAG_BC_DEV_COND:
		if (len < sizeof(ifindex))
			nl_print_hexstr(tcp, addr, len);
		else if (fetch_or_print_addr(tcp, addr, &ifindex, sizeof(ifindex)))
			nl_print_ifindex(tcp, ifindex);
		break;
	case INET_DIAG_BC_S_GE:
	case INET_DIAG_BC_S_LE:
	case INET_DIAG_BC_D_GE:
	case INET_DIAG_BC_D_LE:
	case INET_DIAG_BC_S_EQ:
	case INET_DIAG_BC_D_EQ:
		print_bc_arg(tcp, &bc_op_layout, addr, len);
		break;
	case INET_DIAG_BC_MARK_COND:
		print_bc_arg(tcp, &markcond_layout, addr, len);
		break;
	default:
		nl_print_hexstr(tcp, addr, len);
		break;
	}
	return true;
}

static const struct nla_dec inet_req_decs[] = {
	[INET_DIAG_REQ_BYTECODE] = { NLK_FUNC, 0, NULL, NULL, NULL, NULL, NULL, print_bytecode },
	[INET_DIAG_REQ_PROTOCOL] = { NLK_XVAL, 0, &xlat_ip_protocols, "IPPROTO_???", NULL, NULL },
};

static const struct nl_field inet_req_v2_fields[] = {
	FIELD(struct inet_diag_req_v2, sdiag_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct inet_diag_req_v2, sdiag_protocol, NLK_XVAL, &xlat_ip_protocols, "IPPROTO_???"),
	FIELD(struct inet_diag_req_v2, idiag_ext, NLK_BITS1, &xlat_inet_diag_attrs,
	      "1<<INET_DIAG_\?\?\?-1"),
	FIELD(struct inet_diag_req_v2, idiag_states, NLK_BITS, &xlat_tcp_states, "1<<TCP_???"),
	FIELD_SUB(struct inet_diag_req_v2, id, sockid_layout),
};
static const struct nl_layout inet_req_v2_layout =
	NL_LAYOUT(sizeof(struct inet_diag_req_v2), inet_req_v2_fields,
	          NL_ATTRS(&xlat_inet_diag_req_attrs, "INET_DIAG_REQ_???", inet_req_decs));

static const struct nl_field inet_req_compat_fields[] = {
	FIELD(struct inet_diag_req, idiag_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct inet_diag_req, idiag_src_len, NLK_U, NULL, NULL),
	FIELD(struct inet_diag_req, idiag_dst_len, NLK_U, NULL, NULL),
	FIELD(struct inet_diag_req, idiag_ext, NLK_BITS1, &xlat_inet_diag_attrs,
	      "1<<INET_DIAG_\?\?\?-1"),
	FIELD_SUB(struct inet_diag_req, id, sockid_layout),
	FIELD(struct inet_diag_req, idiag_states, NLK_BITS, &xlat_tcp_states, "1<<TCP_???"),
	FIELD(struct inet_diag_req, idiag_dbs, NLK_U, NULL, NULL),
};
static const struct nl_layout inet_req_compat_layout =
	NL_LAYOUT(sizeof(struct inet_diag_req), inet_req_compat_fields,
	          NL_ATTRS(&xlat_inet_diag_req_attrs, "INET_DIAG_REQ_???", inet_req_decs));

static const struct nl_field inet_meminfo_fields[] = {
	FIELD(struct inet_diag_meminfo, idiag_rmem, NLK_U, NULL, NULL),
	FIELD(struct inet_diag_meminfo, idiag_wmem, NLK_U, NULL, NULL),
	FIELD(struct inet_diag_meminfo, idiag_fmem, NLK_U, NULL, NULL),
	FIELD(struct inet_diag_meminfo, idiag_tmem, NLK_U, NULL, NULL),
};
static const struct nl_layout inet_meminfo_layout =
	NL_LAYOUT(sizeof(struct inet_diag_meminfo), inet_meminfo_fields);

static const struct nl_field vegas_fields[] = {
	FIELD(struct tcpvegas_info, tcpv_enabled, NLK_U, NULL, NULL),
	FIELD(struct tcpvegas_info, tcpv_rttcnt, NLK_U, NULL, NULL),
	FIELD(struct tcpvegas_info, tcpv_rtt, NLK_U, NULL, NULL),
	FIELD(struct tcpvegas_info, tcpv_minrtt, NLK_U, NULL, NULL),
};
static const struct nl_layout vegas_layout = NL_LAYOUT(sizeof(struct tcpvegas_info), vegas_fields);
static const struct nl_field dctcp_fields[] = {
	FIELD(struct tcp_dctcp_info, dctcp_enabled, NLK_U, NULL, NULL),
	FIELD(struct tcp_dctcp_info, dctcp_ce_state, NLK_U, NULL, NULL),
	FIELD(struct tcp_dctcp_info, dctcp_alpha, NLK_U, NULL, NULL),
	FIELD(struct tcp_dctcp_info, dctcp_ab_ecn, NLK_U, NULL, NULL),
	FIELD(struct tcp_dctcp_info, dctcp_ab_tot, NLK_U, NULL, NULL),
};
static const struct nl_layout dctcp_layout =
	NL_LAYOUT(sizeof(struct tcp_dctcp_info), dctcp_fields);
static const struct nl_field bbr_fields[] = {
	FIELD(struct tcp_bbr_info, bbr_bw_lo, NLK_X, NULL, NULL),
	FIELD(struct tcp_bbr_info, bbr_bw_hi, NLK_X, NULL, NULL),
	FIELD(struct tcp_bbr_info, bbr_min_rtt, NLK_U, NULL, NULL),
	FIELD(struct tcp_bbr_info, bbr_pacing_gain, NLK_U, NULL, NULL),
	FIELD(struct tcp_bbr_info, bbr_cwnd_gain, NLK_U, NULL, NULL),
};
static const struct nl_layout bbr_layout = NL_LAYOUT(sizeof(struct tcp_bbr_info), bbr_fields);

/* INET_DIAG_MD5SIG: struct tcp_diag_md5sig records, the address of each
 * record's family, the key as long as its keylen says */
static const struct nl_field md5sig_fields[] = {
	FIELD(struct tcp_diag_md5sig, tcpm_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct tcp_diag_md5sig, tcpm_prefixlen, NLK_U, NULL, NULL),
	FIELD(struct tcp_diag_md5sig, tcpm_keylen, NLK_U, NULL, NULL),
	FIELD(struct tcp_diag_md5sig, tcpm_addr, NLK_INADDR, NULL, NULL),
};
static const struct nl_layout md5sig_layout =
	NL_LAYOUT(sizeof(struct tcp_diag_md5sig), md5sig_fields);

static void print_md5sig(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct tcp_diag_md5sig *m = elem;
	size_t n = m->tcpm_keylen < sizeof(m->tcpm_key) ? m->tcpm_keylen : sizeof(m->tcpm_key);
	char q[QUOTE_SIZE(sizeof(m->tcpm_key))];

	(void)addr;
	(void)data;
	tprints(tcp, "{");
	nl_print_fields(tcp, &md5sig_layout, m, sizeof(*m), m->tcpm_family);
	quote_string((const char *)m->tcpm_key, n, QUOTE_HEX_ALL, q);
	tprintf(tcp, ", tcpm_key=%s}", q);
}

static bool print_md5sigs(struct tcb *tcp, unsigned long addr, unsigned long len, int family)
{
	struct tcp_diag_md5sig m;

	(void)family;
	if (len < sizeof(m))
		return false;
	if (fetch_or_print_addr(tcp, addr, &m, sizeof(m)))
		print_array(tcp, addr, len / sizeof(m), &m, sizeof(m), print_md5sig, NULL,
			    PA_FAULT_ADDR);
	return true;
}

/* INET_DIAG_LOCALS, INET_DIAG_PEERS: struct sockaddr_storage records */
static void print_sa_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	(void)elem;
	(void)data;
	print_sockaddr(tcp, addr, sizeof(struct sockaddr_storage));
}

static bool print_sockaddrs(struct tcb *tcp, unsigned long addr, unsigned long len, int family)
{
	struct sockaddr_storage ss;

	(void)family;
	if (len < sizeof(ss))
		return false;
	if (fetch_or_print_addr(tcp, addr, &ss, sizeof(ss)))
		print_array(tcp, addr, len / sizeof(ss), &ss, sizeof(ss), print_sa_elem, NULL,
			    PA_FAULT_ADDR);
	return true;
}

/* INET_DIAG_SOCKOPT: struct inet_diag_sockopt, bit fields: the set ones
 * (unused in hex), then the bytes after it when not all zero */
static bool print_sockopt(struct tcb *tcp, unsigned long addr, unsigned long len, int family)
{
	static const char *const bits[] = {
		"recverr", "is_icsk", "freebind", "hdrincl", "mc_loop", "transparent", "mc_all",
		"nodefrag", "bind_address_no_port", "recverr_rfc4884", "defer_connect",
	};
	unsigned char b[64];
	unsigned n = 0, unused;
	bool tail = false;

	(void)family;
	if (len < 2)
		return false;
	if (len > sizeof(b))
		len = sizeof(b);
	if (!fetch_or_print_addr(tcp, addr, b, len))
		return true;
	tprints(tcp, "{");
	for (unsigned i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (b[i / 8] >> (i % 8) & 1)
			tprintf(tcp, "%s%s=1", n++ ? ", " : "", bits[i]);
	unused = b[1] >> 3;
	if (unused)
		tprintf(tcp, "%sunused=%#x /* bits 3..8 */", n++ ? ", " : "", unused);
	tprints(tcp, "}");
	for (unsigned long i = 2; i < len; i++)
		tail |= b[i] != 0;
	if (tail) {
		tprintf(tcp, ", /* bytes 2..%lu */ ", len - 1);
		nl_print_hexstr(tcp, addr + 2, len - 2);
	}
	return true;
}

/* SK_DIAG_BPF_STORAGE_MAP_VALUE: a number when of an integer's size */
static bool print_map_value(struct tcb *tcp, unsigned long addr, unsigned long len, int family)
{
	uint64_t v = 0;

	(void)family;
	if (len != 1 && len != 2 && len != 4 && len != 8)
		return false;
	if (fetch_or_print_addr(tcp, addr, &v, len)) /* little-endian hosts */
		tprintf(tcp, "%#llx", (unsigned long long)v);
	return true;
}

static const struct nla_dec bpf_storage_decs[] = {
	[SK_DIAG_BPF_STORAGE_MAP_ID] = U32,
	[SK_DIAG_BPF_STORAGE_MAP_VALUE] = { NLK_FUNC, 0, NULL, NULL, NULL, NULL, NULL,
					    print_map_value },
};
static const struct nl_attrset bpf_storage_set = {
	&xlat_inet_diag_bpf_storage_attrs, "SK_DIAG_BPF_STORAGE_???", bpf_storage_decs,
	ARRAY_SIZE(bpf_storage_decs),
};
static const struct nla_dec bpf_storages_decs[] = {
	[SK_DIAG_BPF_STORAGE] = { NLK_NESTED, 0, NULL, NULL, NULL, &bpf_storage_set },
};
static const struct nl_attrset bpf_storages_set = {
	&xlat_inet_diag_bpf_storages_attrs, "SK_DIAG_BPF_STORAGE_???", bpf_storages_decs,
	ARRAY_SIZE(bpf_storages_decs),
};

/* INET_DIAG_ULP_INFO */
static const struct nla_dec ulp_tls_decs[] = {
	[TLS_INFO_VERSION] = { NLK_XVAL, 2, &xlat_tls_info_versions, "TLS_???_VERSION", NULL, NULL },
	[TLS_INFO_CIPHER] = { NLK_XVAL, 2, &xlat_tls_info_ciphers, "TLS_CIPHER_???", NULL, NULL },
	[TLS_INFO_TXCONF] = { NLK_XVAL, 2, &xlat_tls_info_configs, "TLS_CONF_???", NULL, NULL },
	[TLS_INFO_RXCONF] = { NLK_XVAL, 2, &xlat_tls_info_configs, "TLS_CONF_???", NULL, NULL },
};
static const struct nl_attrset ulp_tls_set = {
	&xlat_inet_diag_ulp_info_tls_attrs, "TLS_INFO_???", ulp_tls_decs, ARRAY_SIZE(ulp_tls_decs),
};
#define X32 { NLK_X, 4, NULL, NULL, NULL, NULL }
static const struct nla_dec ulp_mptcp_decs[] = {
	[MPTCP_SUBFLOW_ATTR_TOKEN_REM] = X32,
	[MPTCP_SUBFLOW_ATTR_TOKEN_LOC] = X32,
	[MPTCP_SUBFLOW_ATTR_RELWRITE_SEQ] = U32,
	[MPTCP_SUBFLOW_ATTR_MAP_SEQ] = U64,
	[MPTCP_SUBFLOW_ATTR_MAP_SFSEQ] = U32,
	[MPTCP_SUBFLOW_ATTR_SSN_OFFSET] = U32,
	[MPTCP_SUBFLOW_ATTR_MAP_DATALEN] = { NLK_U, 2, NULL, NULL, NULL, NULL },
	[MPTCP_SUBFLOW_ATTR_FLAGS] = { NLK_FLAGS, 4, &xlat_mptcp_subflow_flags,
				       "MPTCP_SUBFLOW_FLAG_???", NULL, NULL },
	[MPTCP_SUBFLOW_ATTR_ID_REM] = U8,
	[MPTCP_SUBFLOW_ATTR_ID_LOC] = U8,
};
static const struct nl_attrset ulp_mptcp_set = {
	&xlat_inet_diag_ulp_info_mptcp_attrs, "MPTCP_SUBFLOW_ATTR_???", ulp_mptcp_decs,
	ARRAY_SIZE(ulp_mptcp_decs),
};
static const struct nla_dec ulp_decs[] = {
	[INET_ULP_INFO_NAME] = STR,
	[INET_ULP_INFO_TLS] = { NLK_NESTED, 0, NULL, NULL, NULL, &ulp_tls_set },
	[INET_ULP_INFO_MPTCP] = { NLK_NESTED, 0, NULL, NULL, NULL, &ulp_mptcp_set },
};
static const struct nl_attrset ulp_set = {
	&xlat_inet_diag_ulp_info_attrs, "INET_ULP_INFO_???", ulp_decs, ARRAY_SIZE(ulp_decs),
};

static const struct nla_dec inet_msg_decs[] = {
	[INET_DIAG_MEMINFO] = { NLK_STRUCT, 0, NULL, NULL, &inet_meminfo_layout, NULL },
	[INET_DIAG_VEGASINFO] = { NLK_STRUCT, 0, NULL, NULL, &vegas_layout, NULL },
	[INET_DIAG_SKMEMINFO] = { NLK_IARRAY, 4, &xlat_netlink_sk_meminfo_indices, "SK_MEMINFO_???",
				  NULL, NULL },
	[INET_DIAG_DCTCPINFO] = { NLK_STRUCT, 0, NULL, NULL, &dctcp_layout, NULL },
	[INET_DIAG_LOCALS] = { NLK_FUNC, 0, NULL, NULL, NULL, NULL, NULL, print_sockaddrs },
	[INET_DIAG_PEERS] = { NLK_FUNC, 0, NULL, NULL, NULL, NULL, NULL, print_sockaddrs },
	[INET_DIAG_BBRINFO] = { NLK_STRUCT, 0, NULL, NULL, &bbr_layout, NULL },
	[INET_DIAG_MD5SIG] = { NLK_FUNC, 0, NULL, NULL, NULL, NULL, NULL, print_md5sigs },
	[INET_DIAG_ULP_INFO] = { NLK_NESTED, 0, NULL, NULL, NULL, &ulp_set },
	[INET_DIAG_SK_BPF_STORAGES] = { NLK_NESTED, 0, NULL, NULL, NULL, &bpf_storages_set },
	[INET_DIAG_SOCKOPT] = { NLK_FUNC, 0, NULL, NULL, NULL, NULL, NULL, print_sockopt },
	[INET_DIAG_CONG] = STR,
	[INET_DIAG_TOS] = U8,
	[INET_DIAG_TCLASS] = U8,
	[INET_DIAG_PROTOCOL] = { NLK_XVAL, 0, &xlat_ip_protocols, "IPPROTO_???", NULL, NULL },
	[INET_DIAG_SKV6ONLY] = U8,
	[INET_DIAG_SHUTDOWN] = { NLK_FLAGS_V, 1, &xlat_sock_shutdown_flags, "???_SHUTDOWN", NULL, NULL },
	[INET_DIAG_MARK] = U32,
	[INET_DIAG_CLASS_ID] = U32,
	[INET_DIAG_CGROUP_ID] = U64,
};

static const struct nl_field inet_msg_fields[] = {
	FIELD(struct inet_diag_msg, idiag_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct inet_diag_msg, idiag_state, NLK_XVAL, &xlat_tcp_states, "TCP_???"),
	FIELD(struct inet_diag_msg, idiag_timer, NLK_U, NULL, NULL),
	FIELD(struct inet_diag_msg, idiag_retrans, NLK_U, NULL, NULL),
	FIELD_SUB(struct inet_diag_msg, id, sockid_layout),
	FIELD(struct inet_diag_msg, idiag_expires, NLK_U, NULL, NULL),
	FIELD(struct inet_diag_msg, idiag_rqueue, NLK_U, NULL, NULL),
	FIELD(struct inet_diag_msg, idiag_wqueue, NLK_U, NULL, NULL),
	FIELD(struct inet_diag_msg, idiag_uid, NLK_U, NULL, NULL),
	FIELD(struct inet_diag_msg, idiag_inode, NLK_U, NULL, NULL),
};
static const struct nl_layout inet_msg_layout =
	NL_LAYOUT(sizeof(struct inet_diag_msg), inet_msg_fields,
	          NL_ATTRS(&xlat_inet_diag_attrs, "INET_DIAG_???", inet_msg_decs));

/* ---- AF_NETLINK ---- */

static const struct nl_field netlink_req_fields[] = {
	FIELD(struct netlink_diag_req, sdiag_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct netlink_diag_req, sdiag_protocol, NLK_XVAL, &xlat_netlink_diag_protocols,
	      "NETLINK_???"),
	FIELD(struct netlink_diag_req, ndiag_ino, NLK_U, NULL, NULL),
	FIELD(struct netlink_diag_req, ndiag_show, NLK_FLAGS, &xlat_netlink_diag_show,
	      "NDIAG_SHOW_???"),
	FIELD(struct netlink_diag_req, ndiag_cookie, NLK_COOKIE, NULL, NULL),
};
static const struct nl_layout netlink_req_layout =
	NL_LAYOUT(sizeof(struct netlink_diag_req), netlink_req_fields);

static const struct nl_field netlink_msg_fields[] = {
	FIELD(struct netlink_diag_msg, ndiag_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct netlink_diag_msg, ndiag_type, NLK_XVAL, &xlat_socket_types, "SOCK_???"),
	FIELD(struct netlink_diag_msg, ndiag_protocol, NLK_XVAL, &xlat_netlink_protocols,
	      "NETLINK_???"),
	FIELD(struct netlink_diag_msg, ndiag_state, NLK_XVAL, &xlat_netlink_states, "NETLINK_???"),
	FIELD(struct netlink_diag_msg, ndiag_portid, NLK_U, NULL, NULL),
	FIELD(struct netlink_diag_msg, ndiag_dst_portid, NLK_U, NULL, NULL),
	FIELD(struct netlink_diag_msg, ndiag_dst_group, NLK_U, NULL, NULL),
	FIELD(struct netlink_diag_msg, ndiag_ino, NLK_U, NULL, NULL),
	FIELD(struct netlink_diag_msg, ndiag_cookie, NLK_COOKIE, NULL, NULL),
};
static const struct nl_field netlink_ring_fields[] = {
	FIELD(struct netlink_diag_ring, ndr_block_size, NLK_U, NULL, NULL),
	FIELD(struct netlink_diag_ring, ndr_block_nr, NLK_U, NULL, NULL),
	FIELD(struct netlink_diag_ring, ndr_frame_size, NLK_U, NULL, NULL),
	FIELD(struct netlink_diag_ring, ndr_frame_nr, NLK_U, NULL, NULL),
};
static const struct nl_layout netlink_ring_layout =
	NL_LAYOUT(sizeof(struct netlink_diag_ring), netlink_ring_fields);

static const struct nla_dec netlink_msg_decs[] = {
	[NETLINK_DIAG_GROUPS] = { NLK_XARRAY, sizeof(unsigned long), NULL, NULL, NULL, NULL },
	[NETLINK_DIAG_RX_RING] = { NLK_STRUCT, 0, NULL, NULL, &netlink_ring_layout, NULL },
	[NETLINK_DIAG_TX_RING] = { NLK_STRUCT, 0, NULL, NULL, &netlink_ring_layout, NULL },
	[NETLINK_DIAG_FLAGS] = { NLK_FLAGS, 4, &xlat_netlink_socket_flags, "NDIAG_FLAG_???", NULL, NULL },
};
static const struct nl_layout netlink_msg_layout =
	NL_LAYOUT(sizeof(struct netlink_diag_msg), netlink_msg_fields,
	          NL_ATTRS(&xlat_netlink_diag_attrs, "NETLINK_DIAG_???", netlink_msg_decs));

/* ---- AF_PACKET ---- */

static const struct nl_field packet_req_fields[] = {
	FIELD(struct packet_diag_req, sdiag_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct packet_diag_req, sdiag_protocol, NLK_X, NULL, NULL),
	FIELD(struct packet_diag_req, pdiag_ino, NLK_U, NULL, NULL),
	FIELD(struct packet_diag_req, pdiag_show, NLK_FLAGS, &xlat_packet_diag_show,
	      "PACKET_SHOW_???"),
	FIELD(struct packet_diag_req, pdiag_cookie, NLK_COOKIE, NULL, NULL),
};
static const struct nl_layout packet_req_layout =
	NL_LAYOUT(sizeof(struct packet_diag_req), packet_req_fields);

static const struct nl_field packet_info_fields[] = {
	FIELD(struct packet_diag_info, pdi_index, NLK_IFINDEX, NULL, NULL),
	FIELD(struct packet_diag_info, pdi_version, NLK_XVAL, &xlat_af_packet_versions, "TPACKET_???"),
	FIELD(struct packet_diag_info, pdi_reserve, NLK_U, NULL, NULL),
	FIELD(struct packet_diag_info, pdi_copy_thresh, NLK_U, NULL, NULL),
	FIELD(struct packet_diag_info, pdi_tstamp, NLK_U, NULL, NULL),
	FIELD(struct packet_diag_info, pdi_flags, NLK_FLAGS, &xlat_packet_diag_info_flags, "PDI_???"),
};
static const struct nl_layout packet_info_layout =
	NL_LAYOUT(sizeof(struct packet_diag_info), packet_info_fields);

static const struct nl_field packet_ring_fields[] = {
	FIELD(struct packet_diag_ring, pdr_block_size, NLK_U, NULL, NULL),
	FIELD(struct packet_diag_ring, pdr_block_nr, NLK_U, NULL, NULL),
	FIELD(struct packet_diag_ring, pdr_frame_size, NLK_U, NULL, NULL),
	FIELD(struct packet_diag_ring, pdr_frame_nr, NLK_U, NULL, NULL),
	FIELD(struct packet_diag_ring, pdr_retire_tmo, NLK_U, NULL, NULL),
	FIELD(struct packet_diag_ring, pdr_sizeof_priv, NLK_U, NULL, NULL),
	FIELD(struct packet_diag_ring, pdr_features, NLK_U, NULL, NULL),
};
static const struct nl_layout packet_ring_layout =
	NL_LAYOUT(sizeof(struct packet_diag_ring), packet_ring_fields);

/* PACKET_DIAG_MCLIST: struct packet_diag_mclist, its address pdmc_alen bytes long */
static const struct nl_field packet_mclist_fields[] = {
	FIELD(struct packet_diag_mclist, pdmc_index, NLK_IFINDEX, NULL, NULL),
	FIELD(struct packet_diag_mclist, pdmc_count, NLK_U, NULL, NULL),
	FIELD(struct packet_diag_mclist, pdmc_type, NLK_U, NULL, NULL),
	FIELD(struct packet_diag_mclist, pdmc_alen, NLK_U, NULL, NULL),
	FIELD(struct packet_diag_mclist, pdmc_addr, NLK_HEXSTR_PREV, NULL, NULL),
};
static const struct nl_layout packet_mclist_layout =
	NL_LAYOUT(sizeof(struct packet_diag_mclist), packet_mclist_fields);

static const struct nla_dec packet_msg_decs[] = {
	[PACKET_DIAG_INFO] = { NLK_STRUCT, 0, NULL, NULL, &packet_info_layout, NULL },
	[PACKET_DIAG_RX_RING] = { NLK_STRUCT, 0, NULL, NULL, &packet_ring_layout, NULL },
	[PACKET_DIAG_TX_RING] = { NLK_STRUCT, 0, NULL, NULL, &packet_ring_layout, NULL },
	[PACKET_DIAG_FILTER] = { NLK_BPF, 0, NULL, NULL, NULL, NULL },
	[PACKET_DIAG_MCLIST] = { NLK_SARRAY, 0, NULL, NULL, &packet_mclist_layout, NULL },
	[PACKET_DIAG_FANOUT] = U32,
	[PACKET_DIAG_UID] = U32,
};

static const struct nl_field packet_msg_fields[] = {
	FIELD(struct packet_diag_msg, pdiag_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct packet_diag_msg, pdiag_type, NLK_XVAL, &xlat_socket_types, "SOCK_???"),
	FIELD(struct packet_diag_msg, pdiag_num, NLK_XVAL, &xlat_ethernet_protocols, "ETH_P_???"),
	FIELD(struct packet_diag_msg, pdiag_ino, NLK_U, NULL, NULL),
	FIELD(struct packet_diag_msg, pdiag_cookie, NLK_COOKIE, NULL, NULL),
};
static const struct nl_layout packet_msg_layout =
	NL_LAYOUT(sizeof(struct packet_diag_msg), packet_msg_fields,
	          NL_ATTRS(&xlat_packet_diag_attrs, "PACKET_DIAG_???", packet_msg_decs));

/* ---- AF_SMC ---- */

static const struct nl_field smc_req_fields[] = {
	FIELD(struct smc_diag_req, diag_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct smc_diag_req, diag_ext, NLK_BITS1, &xlat_smc_diag_attrs, "1<<SMC_DIAG_\?\?\?-1"),
	/* the socket is an AF_INET one, whatever the family says */
	{ "id", offsetof(struct smc_diag_req, id), sizeof(struct inet_diag_sockid), NLK_STRUCT,
	  NULL, NULL, &sockid_layout, AF_INET },
};
static const struct nl_layout smc_req_layout =
	NL_LAYOUT(sizeof(struct smc_diag_req), smc_req_fields);

static const struct nl_field smc_msg_fields[] = {
	FIELD(struct smc_diag_msg, diag_family, NLK_FAMILY, NULL, NULL),
	FIELD(struct smc_diag_msg, diag_state, NLK_XVAL, &xlat_smc_states, "SMC_???"),
	FIELD(struct smc_diag_msg, diag_fallback, NLK_XVAL, &xlat_smc_diag_modes, "SMC_DIAG_MODE_???"),
	FIELD(struct smc_diag_msg, diag_shutdown, NLK_U, NULL, NULL),
	{ "id", offsetof(struct smc_diag_msg, id), sizeof(struct inet_diag_sockid), NLK_STRUCT,
	  NULL, NULL, &sockid_layout, AF_INET },
	FIELD(struct smc_diag_msg, diag_uid, NLK_U, NULL, NULL),
	FIELD(struct smc_diag_msg, diag_inode, NLK_U, NULL, NULL),
};
static const struct nl_field smc_cursor_fields[] = {
	FIELD(struct smc_diag_cursor, reserved, NLK_U, NULL, NULL),
	FIELD(struct smc_diag_cursor, wrap, NLK_U, NULL, NULL),
	FIELD(struct smc_diag_cursor, count, NLK_U, NULL, NULL),
};
static const struct nl_layout smc_cursor_layout =
	NL_LAYOUT(sizeof(struct smc_diag_cursor), smc_cursor_fields);
static const struct nl_field smc_conninfo_fields[] = {
	FIELD(struct smc_diag_conninfo, token, NLK_U, NULL, NULL),
	FIELD(struct smc_diag_conninfo, sndbuf_size, NLK_U, NULL, NULL),
	FIELD(struct smc_diag_conninfo, rmbe_size, NLK_U, NULL, NULL),
	FIELD(struct smc_diag_conninfo, peer_rmbe_size, NLK_U, NULL, NULL),
	FIELD_SUB(struct smc_diag_conninfo, rx_prod, smc_cursor_layout),
	FIELD_SUB(struct smc_diag_conninfo, rx_cons, smc_cursor_layout),
	FIELD_SUB(struct smc_diag_conninfo, tx_prod, smc_cursor_layout),
	FIELD_SUB(struct smc_diag_conninfo, tx_cons, smc_cursor_layout),
	FIELD(struct smc_diag_conninfo, rx_prod_flags, NLK_X, NULL, NULL),
	FIELD(struct smc_diag_conninfo, rx_conn_state_flags, NLK_X, NULL, NULL),
	FIELD(struct smc_diag_conninfo, tx_prod_flags, NLK_X, NULL, NULL),
	FIELD(struct smc_diag_conninfo, tx_conn_state_flags, NLK_X, NULL, NULL),
	FIELD_SUB(struct smc_diag_conninfo, tx_prep, smc_cursor_layout),
	FIELD_SUB(struct smc_diag_conninfo, tx_sent, smc_cursor_layout),
	FIELD_SUB(struct smc_diag_conninfo, tx_fin, smc_cursor_layout),
};
static const struct nl_layout smc_conninfo_layout =
	NL_LAYOUT(sizeof(struct smc_diag_conninfo), smc_conninfo_fields);
static const struct nl_field smc_linkinfo_fields[] = {
	FIELD(struct smc_diag_linkinfo, link_id, NLK_U, NULL, NULL),
	FIELD(struct smc_diag_linkinfo, ibname, NLK_CSTR, NULL, NULL),
	FIELD(struct smc_diag_linkinfo, ibport, NLK_U, NULL, NULL),
	FIELD(struct smc_diag_linkinfo, gid, NLK_CSTR, NULL, NULL),
	FIELD(struct smc_diag_linkinfo, peer_gid, NLK_CSTR, NULL, NULL),
};
static const struct nl_layout smc_linkinfo_layout =
	NL_LAYOUT(sizeof(struct smc_diag_linkinfo), smc_linkinfo_fields);
static const struct nl_field smc_lgrinfo_fields[] = {
	{ "lnk", offsetof(struct smc_diag_lgrinfo, lnk), sizeof(((struct smc_diag_lgrinfo *)0)->lnk),
	  NLK_FSARRAY, NULL, NULL, &smc_linkinfo_layout },
	FIELD(struct smc_diag_lgrinfo, role, NLK_XVAL, &xlat_smc_link_group_roles, "SMC_???"),
};
static const struct nl_layout smc_lgrinfo_layout =
	NL_LAYOUT(sizeof(struct smc_diag_lgrinfo), smc_lgrinfo_fields);
static const struct nl_field smcd_dmbinfo_fields[] = {
	FIELD(struct smcd_diag_dmbinfo, linkid, NLK_U, NULL, NULL),
	FIELD(struct smcd_diag_dmbinfo, peer_gid, NLK_X, NULL, NULL),
	FIELD(struct smcd_diag_dmbinfo, my_gid, NLK_X, NULL, NULL),
	FIELD(struct smcd_diag_dmbinfo, token, NLK_X, NULL, NULL),
	FIELD(struct smcd_diag_dmbinfo, peer_token, NLK_X, NULL, NULL),
};
static const struct nl_layout smcd_dmbinfo_layout =
	NL_LAYOUT(sizeof(struct smcd_diag_dmbinfo), smcd_dmbinfo_fields);
static const struct nl_field smc_fallback_fields[] = {
	FIELD(struct smc_diag_fallback, reason, NLK_XVAL_V, &xlat_smc_decl_codes,
	      "SMC_CLC_DECL_???"),
	FIELD(struct smc_diag_fallback, peer_diagnosis, NLK_XVAL_V, &xlat_smc_decl_codes,
	      "SMC_CLC_DECL_???"),
};
static const struct nl_layout smc_fallback_layout =
	NL_LAYOUT(sizeof(struct smc_diag_fallback), smc_fallback_fields);
static const struct nla_dec smc_msg_decs[] = {
	[SMC_DIAG_CONNINFO] = { NLK_STRUCT, 0, NULL, NULL, &smc_conninfo_layout, NULL },
	[SMC_DIAG_LGRINFO] = { NLK_STRUCT, 0, NULL, NULL, &smc_lgrinfo_layout, NULL },
	[SMC_DIAG_SHUTDOWN] = { NLK_FLAGS, 1, &xlat_sock_shutdown_flags, "???_SHUTDOWN", NULL, NULL },
	[SMC_DIAG_DMBINFO] = { NLK_STRUCT, 0, NULL, NULL, &smcd_dmbinfo_layout, NULL },
	[SMC_DIAG_FALLBACK] = { NLK_STRUCT, 0, NULL, NULL, &smc_fallback_layout, NULL },
};
static const struct nl_layout smc_msg_layout =
	NL_LAYOUT(sizeof(struct smc_diag_msg), smc_msg_fields,
	          NL_ATTRS(&xlat_smc_diag_attrs, "SMC_DIAG_???", smc_msg_decs));

/* ---- dispatch: family, then request or reply ---- */

static const struct {
	const struct nl_layout *req, *msg;
} diag_layouts[] = {
	[AF_UNIX] = { &unix_req_layout, &unix_msg_layout },
	[AF_INET] = { &inet_req_v2_layout, &inet_msg_layout },
	[AF_INET6] = { &inet_req_v2_layout, &inet_msg_layout },
	[AF_NETLINK] = { &netlink_req_layout, &netlink_msg_layout },
	[AF_PACKET] = { &packet_req_layout, &packet_msg_layout },
	[AF_SMC] = { &smc_req_layout, &smc_msg_layout },
};

bool decode_netlink_sock_diag(struct tcb *tcp, uint16_t type, uint16_t flags,
			      unsigned long addr, unsigned long len)
{
	const struct nl_layout *l = NULL;
	uint8_t family;

	if (type == NLMSG_DONE)
		return false;
	if (!fetch_or_print_addr(tcp, addr, &family, sizeof(family)))
		return true;
	if (family < ARRAY_SIZE(diag_layouts) && len > sizeof(family)) {
		if (!(flags & NLM_F_REQUEST))
			l = diag_layouts[family].msg;
		else if ((family == AF_INET || family == AF_INET6) &&
			 (type == TCPDIAG_GETSOCK || type == DCCPDIAG_GETSOCK))
			l = &inet_req_compat_layout;
		else
			l = diag_layouts[family].req;
	}
	if (l)
		nl_print_body(tcp, l, addr, len);
	else
		nl_print_family_body(tcp, addr, len);
	return true;
}
