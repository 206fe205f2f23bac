/* Network family decoders: socket, socketpair, bind/connect, accept(4),
 * getsockname/getpeername, sendto/recvfrom, sendmsg/recvmsg,
 * shutdown (getsockopt/setsockopt: decode_sockopt.c). */
#include "config.h"
#include "decode_net.h"
#include "decode_cmsg.h"
#include "decode_desc.h"
#include "decode_netlink.h"

#include <arpa/inet.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <time.h>

#include "decode.h"
#include "gen/decoders.h"
#include "mem.h"
#include "decode_ptrace.h"
#include "decode_time.h"
#include "pids.h"
#include "sink.h"
#include "quote.h"
#include "strbuf.h"
#include "util.h"

/* ---- text pieces (strbuf.h) ---- */

static void sb_quote(struct strbuf *sb, const char *s, size_t len, unsigned qflags)
{
	_cleanup_free_ char *q = xmalloc(4 * len + 3);

	quote_string(s, len, qflags, q);
	sb_puts(sb, q);
}

/* "\x7f\x00..." of n bytes (-X raw / verbose forms of network fields) */
static void sb_hexbytes(struct strbuf *sb, const void *p, size_t n)
{
	const unsigned char *b = p;

	sb_putc(sb, '"');
	for (size_t i = 0; i < n; i++)
		sb_printf(sb, "\\x%02x", b[i]);
	sb_putc(sb, '"');
}

static void sb_xval(struct strbuf *sb, const struct xlat *x, uint64_t v, const char *dflt)
{
	const char *s = xlat_lookup(x, v);

	if (s)
		sb_puts(sb, s);
	else if (dflt)
		sb_printf(sb, "%#llx /* %s */", (unsigned long long)v, dflt);
	else
		sb_printf(sb, "%llu", (unsigned long long)v);
}

static unsigned qflags_now(void)
{
	return pcfg.xflag >= 2 ? QUOTE_HEX_ALL : pcfg.xflag ? QUOTE_HEX_NONPRINT : 0;
}

/* ---- sockaddr ---- */

/* A network-order field: abbrev "htons(80)", raw "\x00\x50", verbose
 * both ("\x00\x50" /\* htons(80) *\/). */
static void sb_netfield(struct strbuf *sb, const char *name, const void *p, size_t n,
			const char *abbrev, int xstyle)
{
	sb_printf(sb, ", %s=", name);
	if (xstyle == XLAT_ABBREV) {
		sb_puts(sb, abbrev);
		return;
	}
	sb_hexbytes(sb, p, n);
	if (xstyle == XLAT_VERBOSE)
		sb_printf(sb, " /* %s */", abbrev);
}

static void fmt_inet(struct strbuf *sb, const struct sockaddr_in *sin, int xstyle)
{
	char a[INET_ADDRSTRLEN], t[64];

	inet_ntop(AF_INET, &sin->sin_addr, a, sizeof(a));
	snprintf(t, sizeof(t), "htons(%u)", ntohs(sin->sin_port));
	sb_netfield(sb, "sin_port", &sin->sin_port, sizeof(sin->sin_port), t, xstyle);
	snprintf(t, sizeof(t), "inet_addr(\"%s\")", a);
	sb_netfield(sb, "sin_addr", &sin->sin_addr, sizeof(sin->sin_addr), t, xstyle);
}

/* An interface index: 'if_nametoindex("lo")' when named is set and the
 * index names an interface here (as strace: ctrace's own namespace), -X
 * aware; else decimal. */
static void sb_ifindex(struct strbuf *sb, const char *field, unsigned idx, bool named, int xstyle)
{
	char name[IF_NAMESIZE + 1], q[QUOTE_SIZE(IF_NAMESIZE)];

	sb_puts(sb, field);
	if (!named || !idx || !if_indextoname(idx, name)) {
		sb_printf(sb, "%u", idx);
		return;
	}
	quote_string(name, strnlen(name, IF_NAMESIZE), 0, q);
	if (xstyle == XLAT_RAW)
		sb_printf(sb, "%u", idx);
	else if (xstyle == XLAT_VERBOSE)
		sb_printf(sb, "%u /* if_nametoindex(%s) */", idx, q);
	else
		sb_printf(sb, "if_nametoindex(%s)", q);
}

static void fmt_inet6(struct strbuf *sb, const struct sockaddr_in6 *s6, size_t len, int xstyle)
{
	char a[INET6_ADDRSTRLEN], t[96];

	inet_ntop(AF_INET6, &s6->sin6_addr, a, sizeof(a));
	snprintf(t, sizeof(t), "htons(%u)", ntohs(s6->sin6_port));
	sb_netfield(sb, "sin6_port", &s6->sin6_port, sizeof(s6->sin6_port), t, xstyle);
	snprintf(t, sizeof(t), "htonl(%u)", ntohl(s6->sin6_flowinfo));
	sb_netfield(sb, "sin6_flowinfo", &s6->sin6_flowinfo, sizeof(s6->sin6_flowinfo), t, xstyle);
	if (xstyle == XLAT_ABBREV) {
		sb_printf(sb, ", inet_pton(AF_INET6, \"%s\", &sin6_addr)", a);
	} else {
		snprintf(t, sizeof(t), "inet_pton(AF_INET6, \"%s\")", a);
		sb_netfield(sb, "sin6_addr", &s6->sin6_addr, sizeof(s6->sin6_addr), t, xstyle);
	}
	if (len >= sizeof(*s6))
		sb_ifindex(sb, ", sin6_scope_id=", s6->sin6_scope_id,
			   IN6_IS_ADDR_LINKLOCAL(&s6->sin6_addr) || IN6_IS_ADDR_MC_LINKLOCAL(&s6->sin6_addr),
			   xstyle);
}

static void fmt_unix(struct strbuf *sb, const struct sockaddr_un *sun, size_t len, unsigned qflags)
{
	size_t plen = len - offsetof(struct sockaddr_un, sun_path);

	if (plen > sizeof(sun->sun_path)) /* a longer address holds no more */
		plen = sizeof(sun->sun_path);
	if (plen == 0)
		return;
	if (sun->sun_path[0] == '\0' && plen > 1) {
		sb_puts(sb, ", sun_path=@");
		sb_quote(sb, sun->sun_path + 1, plen - 1, qflags);
		return;
	}
	sb_puts(sb, ", sun_path=");
	sb_quote(sb, sun->sun_path, strnlen(sun->sun_path, plen), qflags);
}

/* Sizes of the structures decoded by byte offsets (struct sockaddr_ipx,
 * sockaddr_x25, sockaddr_ll) */
enum {
	SA_IPX_LEN = 16, SA_X25_LEN = 18, SA_LL_LEN = 20, SA_RXRPC_LEN = 36,
	SA_IEEE802154_LEN = 20, SA_ALG_LEN = 24, SA_NFC_LEN = 16, SA_VSOCK_LEN = 16,
	SA_QRTR_LEN = 12, SA_XDP_LEN = 16, SA_MCTP_LEN = 12,
};

#ifndef AF_MCTP
#define AF_MCTP 45
#endif

/* An unsigned field of a known width read at byte offset off (host order). */
static uint32_t sa_u32(const unsigned char *p, size_t off)
{
	uint32_t v;

	memcpy(&v, p + off, sizeof(v));
	return v;
}

static uint16_t sa_u16(const unsigned char *p, size_t off)
{
	uint16_t v;

	memcpy(&v, p + off, sizeof(v));
	return v;
}

/* An enum in the -X style: abbrev "NAME" or "0x9 /+ DFLT +/", raw "0x9",
 * verbose "0x9 /+ NAME +/" (unknown: "/+ DFLT +/"). */
static void sb_xval_st(struct strbuf *sb, const struct xlat *x, uint64_t v, const char *dflt,
		       int xstyle)
{
	const char *s = xlat_lookup(x, v);

	if (xstyle == XLAT_ABBREV) {
		sb_xval(sb, x, v, dflt);
		return;
	}
	sb_printf(sb, v ? "%#llx" : "0", (unsigned long long)v);
	if (xstyle == XLAT_VERBOSE && (s || dflt))
		sb_printf(sb, " /* %s */", s ? s : dflt);
}

/* IPX: port, network, node, type (and a nonzero trailing byte). */
static void fmt_ipx(struct strbuf *sb, const unsigned char *p, int xstyle)
{
	char t[32];
	uint16_t port = sa_u16(p, 2);
	uint32_t net = sa_u32(p, 4);

	snprintf(t, sizeof(t), "htons(%u)", ntohs(port));
	sb_netfield(sb, "sipx_port", p + 2, 2, t, xstyle);
	sb_printf(sb, ", sipx_network=htonl(%#x)", ntohl(net));
	sb_puts(sb, ", sipx_node=[");
	for (size_t i = 0; i < 6; i++)
		sb_printf(sb, "%s%#04x", i ? ", " : "", p[8 + i]);
	sb_printf(sb, "], sipx_type=%#04x", p[14]);
	if (p[15])
		sb_printf(sb, ", sipx_zero=%#x", p[15]);
}

/* X.25: the address, a string of at most 15 characters in 16 bytes. */
static void fmt_x25(struct strbuf *sb, const unsigned char *p, unsigned qflags)
{
	enum { X25_ADDR_LEN = 16 };
	size_t n = strnlen((const char *)p + 2, X25_ADDR_LEN);

	sb_puts(sb, ", sx25_addr={x25_addr=");
	sb_quote(sb, (const char *)p + 2, n < X25_ADDR_LEN ? n : X25_ADDR_LEN - 1, qflags);
	if (n == X25_ADDR_LEN)
		sb_puts(sb, "...");
	sb_puts(sb, "}");
}

/* ---- AX.25 ---- */

enum { AX25_CALL_LEN = 7, AX25_SA_LEN = 16, AX25_MAX_DIGIS = 8 };

/* How an AX.25 address can be shown: as a callsign ("ABC-3"), raw bytes
 * with the callsign in a comment, or raw bytes only (the characters are
 * not printable or would end the comment). */
enum ax25_form { AX25_NATIVE, AX25_COMMENT, AX25_RAW };

static enum ax25_form ax25_check(const unsigned char *call)
{
	enum ax25_form f = AX25_NATIVE;
	bool space = false, other = false;

	for (size_t i = 0; i < AX25_CALL_LEN - 1; i++) {
		unsigned char c = call[i] >> 1;

		if (c < ' ' || c > '~' || c == '*' || c == '/')
			return AX25_RAW;
		if (call[i] & 1)
			f = AX25_COMMENT;
		if (c == ' ') {
			space = true;
			continue;
		}
		other = true;
		if (space || !((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')))
			f = AX25_COMMENT;
	}
	if (call[AX25_CALL_LEN - 1] & ~0x1e)
		f = AX25_COMMENT;
	if (!other && call[AX25_CALL_LEN - 1])
		f = AX25_COMMENT;
	return f;
}

/* "CALL-SSID" without the trailing blanks; "*" for an empty call of SSID 0 */
static void sb_ax25_call(struct strbuf *sb, const unsigned char *call)
{
	size_t end = AX25_CALL_LEN - 1;
	unsigned ssid = (call[AX25_CALL_LEN - 1] >> 1) & 0xf;

	while (end && (call[end - 1] >> 1) == ' ')
		end--;
	if (!end && !ssid) {
		sb_putc(sb, '*');
		return;
	}
	for (size_t i = 0; i < end; i++)
		sb_putc(sb, (char)(call[i] >> 1));
	sb_printf(sb, "-%u", ssid);
}

static void sb_ax25_addr(struct strbuf *sb, const unsigned char *call, int xstyle)
{
	enum ax25_form f = ax25_check(call);
	bool raw, name;

	if (f == AX25_NATIVE) {
		raw = xstyle != XLAT_ABBREV;
		name = xstyle != XLAT_RAW;
	} else {
		raw = true;
		name = f == AX25_COMMENT;
	}
	if (raw) {
		sb_puts(sb, "{ax25_call=");
		sb_hexbytes(sb, call, AX25_CALL_LEN);
		sb_putc(sb, '}');
	}
	if (!name)
		return;
	if (raw)
		sb_puts(sb, " /* ");
	sb_ax25_call(sb, call);
	if (raw)
		sb_puts(sb, " */");
}

/* The callsign and count; the digipeaters when there is a count or room
 * for them ("fsa_ax25={...}, fsa_digipeater=[...]"), "..." for bytes
 * past the last whole one. */
static void fmt_ax25(struct strbuf *sb, const unsigned char *p, size_t len, int xstyle)
{
	int32_t ndigis = (int32_t)sa_u32(p, 12);
	bool full = ndigis || len > AX25_SA_LEN;
	size_t have, want, n;

	sb_puts(sb, full ? ", fsa_ax25={sax25_call=" : ", sax25_call=");
	sb_ax25_addr(sb, p + 2, xstyle);
	sb_printf(sb, ", sax25_ndigis=%d", ndigis);
	if (!full)
		return;
	sb_putc(sb, '}');
	have = (len - AX25_SA_LEN) / AX25_CALL_LEN;
	if (have > AX25_MAX_DIGIS)
		have = AX25_MAX_DIGIS;
	want = ndigis > 0 ? (size_t)ndigis : 0;
	if (want > AX25_MAX_DIGIS)
		want = AX25_MAX_DIGIS;
	n = have < want ? have : want;
	if (want) {
		sb_puts(sb, ", fsa_digipeater=[");
		for (size_t i = 0; i < n; i++) {
			if (i)
				sb_puts(sb, ", ");
			sb_ax25_addr(sb, p + AX25_SA_LEN + i * AX25_CALL_LEN, xstyle);
		}
		if (want > have)
			sb_puts(sb, n ? ", ..." : "...");
		sb_putc(sb, ']');
	}
	if (len > AX25_SA_LEN + have * AX25_CALL_LEN)
		sb_puts(sb, ", ...");
}

/* ---- AF_PACKET ---- */

static void fmt_ll(struct strbuf *sb, const unsigned char *p, size_t len, size_t room, int xstyle)
{
	enum { LL_ADDR_OFF = 12 };
	char t[64];
	struct strbuf proto;
	unsigned halen = p[11];

	sb_init(&proto, t, sizeof(t));
	sb_puts(&proto, "htons(");
	sb_xval(&proto, &xlat_ethernet_protocols, ntohs(sa_u16(p, 2)), "ETH_P_???");
	sb_putc(&proto, ')');
	sb_netfield(sb, "sll_protocol", p + 2, 2, t, xstyle);
	sb_ifindex(sb, ", sll_ifindex=", sa_u32(p, 4), true, xstyle);
	sb_puts(sb, ", sll_hatype=");
	sb_xval_st(sb, &xlat_arp_hardware_types, sa_u16(p, 8), "ARPHRD_???", xstyle);
	sb_puts(sb, ", sll_pkttype=");
	sb_xval_st(sb, &xlat_af_packet_types, p[10], "PACKET_???", xstyle);
	sb_printf(sb, ", sll_halen=%u", halen);
	if (!halen)
		return;
	sb_puts(sb, ", sll_addr=[");
	for (unsigned i = 0; i < halen; i++) {
		if (i)
			sb_puts(sb, ", ");
		if (LL_ADDR_OFF + i >= len || LL_ADDR_OFF + i >= room) {
			sb_puts(sb, "...");
			break;
		}
		sb_printf(sb, "%#04x", p[LL_ADDR_OFF + i]);
	}
	sb_putc(sb, ']');
}

/* An enum field value: unknown values in hex, with a comment naming dflt
 * when given (abbrev); raw the number; verbose the number and the name. */
static void sb_enum_st(struct strbuf *sb, const struct xlat *x, uint64_t v, const char *dflt,
		       int xstyle)
{
	const char *s = xlat_lookup(x, v);

	if (xstyle == XLAT_ABBREV && s) {
		sb_puts(sb, s);
		return;
	}
	sb_printf(sb, v ? "%#llx" : "0", (unsigned long long)v);
	if (xstyle != XLAT_RAW && (s || dflt))
		sb_printf(sb, " /* %s */", s ? s : dflt);
}

/* Flags in the -X style: abbrev "A|B|0x40" (none known: "0x40 /+ DFLT +/"),
 * raw the number, verbose the number and the names in a comment. */
static void sb_flags_st(struct strbuf *sb, const struct xlat *x, uint64_t v, const char *dflt,
			int xstyle)
{
	bool known = flags_known(x, v);

	if (v == 0 || xstyle == XLAT_RAW || (!known && !dflt)) {
		sb_printf(sb, v ? "%#llx" : "0", (unsigned long long)v);
		return;
	}
	if (xstyle == XLAT_VERBOSE || !known)
		sb_printf(sb, "%#llx /* ", (unsigned long long)v);
	if (known)
		sb_flags(sb, x, v, NULL);
	else
		sb_puts(sb, dflt);
	if (xstyle == XLAT_VERBOSE || !known)
		sb_puts(sb, " */");
}

/* The -X raw form of an enum or flags value forced into its verbose form
 * (strace prints these fields with their names in comments) */
static int xstyle_verbose(int xstyle)
{
	return xstyle == XLAT_RAW ? XLAT_RAW : XLAT_VERBOSE;
}

/* A socket family value: "AF_INET", raw "0x2", verbose "0x2 /+ AF_INET +/" */
static void sb_af(struct strbuf *sb, unsigned family, int xstyle)
{
	if (xstyle == XLAT_ABBREV) {
		sb_xval(sb, &xlat_socket_families, family, "AF_???");
		return;
	}
	const char *name = xlat_lookup(&xlat_socket_families, family);

	sb_printf(sb, family ? "%#x" : "0", family);
	if (xstyle == XLAT_VERBOSE)
		sb_printf(sb, " /* %s */", name ? name : "AF_???");
}

/* RxRPC: the service, the transport's type and length and the transport
 * address (an IPv4 or IPv6 one, else its family and bytes). */
static void fmt_rxrpc(struct strbuf *sb, const unsigned char *p, size_t len, unsigned qflags,
		      int xstyle)
{
	enum { TR_OFF = 8, IN_LEN = 16, IN6_MIN = 24 };
	unsigned tlen = sa_u16(p, 6), family = sa_u16(p, TR_OFF);
	size_t eff = tlen < len - TR_OFF ? tlen : len - TR_OFF;
	size_t rest = eff > 2 ? eff - 2 : 0;
	const char *name = family == AF_INET ? "sin" : family == AF_INET6 ? "sin6" : NULL;

	sb_puts(sb, ", srx_service=");
	sb_enum_st(sb, &xlat_rxrpc_services, sa_u16(p, 2), "???_SERVICE", xstyle_verbose(xstyle));
	sb_puts(sb, ", transport_type=");
	sb_enum_st(sb, &xlat_socket_types, sa_u16(p, 4), "SOCK_???", xstyle);
	sb_printf(sb, ", transport_len=%u, transport={", tlen);
	if (name)
		sb_printf(sb, "%s={%s_family=", name, name);
	else
		sb_puts(sb, "family=");
	sb_af(sb, family, xstyle);
	if (family == AF_INET && tlen >= IN_LEN) {
		struct sockaddr_in sin;

		memcpy(&sin, p + TR_OFF, sizeof(sin));
		fmt_inet(sb, &sin, xstyle);
	} else if (family == AF_INET6 && tlen >= IN6_MIN) {
		struct sockaddr_in6 s6;

		memcpy(&s6, p + TR_OFF, sizeof(s6));
		fmt_inet6(sb, &s6, eff, xstyle);
	} else if (rest) {
		sb_puts(sb, ", ");
		sb_quote(sb, (const char *)p + TR_OFF + 2, rest, qflags);
	}
	sb_puts(sb, name ? "}}" : "}");
}

/* A hardware address: abbrev "8a:8b:..", raw the bytes, verbose both */
static void sb_hwaddr(struct strbuf *sb, const unsigned char *p, size_t n, int xstyle)
{
	if (xstyle != XLAT_ABBREV)
		sb_hexbytes(sb, p, n);
	if (xstyle == XLAT_RAW)
		return;
	if (xstyle == XLAT_VERBOSE)
		sb_puts(sb, " /* ");
	for (size_t i = 0; i < n; i++)
		sb_printf(sb, "%s%02x", i ? ":" : "", p[i]);
	if (xstyle == XLAT_VERBOSE)
		sb_puts(sb, " */");
}

static void fmt_ieee802154(struct strbuf *sb, const unsigned char *p, int xstyle)
{
	enum { ADDR_NONE = 0, ADDR_SHORT = 2 };
	uint32_t type = sa_u32(p, 4);
	int xv = xstyle_verbose(xstyle);

	sb_puts(sb, ", addr={addr_type=");
	sb_enum_st(sb, &xlat_ieee802154_addr_types, type, "IEEE802154_ADDR_???", xv);
	sb_puts(sb, ", pan_id=");
	sb_enum_st(sb, &xlat_ieee802154_pan_ids, sa_u16(p, 8), NULL, xv);
	if (type == ADDR_SHORT) {
		sb_puts(sb, ", short_addr=");
		sb_enum_st(sb, &xlat_ieee802154_addrs, sa_u16(p, 10), NULL, xv);
	} else if (type != ADDR_NONE) {
		sb_puts(sb, ", hwaddr=");
		sb_hwaddr(sb, p + 10, 8, xstyle);
	}
	sb_putc(sb, '}');
}

/* A NUL-terminated string in a field of n bytes: up to the NUL; n - 1
 * bytes and "..." when none of them is and the last byte is not one. */
static void sb_cstr_field(struct strbuf *sb, const unsigned char *p, size_t n, unsigned qflags)
{
	size_t l = n ? strnlen((const char *)p, n - 1) : 0;

	sb_quote(sb, (const char *)p, l, qflags);
	if (n && l == n - 1 && p[n - 1])
		sb_puts(sb, "...");
}

static void fmt_alg(struct strbuf *sb, const unsigned char *p, size_t len, unsigned qflags,
		    int xstyle)
{
	enum { TYPE_LEN = 14, NAME_OFF = 24 };

	sb_puts(sb, ", salg_type=");
	sb_cstr_field(sb, p + 2, TYPE_LEN, qflags);
	sb_puts(sb, ", salg_feat=");
	sb_flags_st(sb, &xlat_alg_sockaddr_flags, sa_u32(p, 16), "CRYPTO_ALG_???",
		    xstyle_verbose(xstyle));
	sb_puts(sb, ", salg_mask=");
	sb_flags_st(sb, &xlat_alg_sockaddr_flags, sa_u32(p, 20), "CRYPTO_ALG_???",
		    xstyle_verbose(xstyle));
	sb_puts(sb, ", salg_name=");
	sb_cstr_field(sb, p + NAME_OFF, len - NAME_OFF, qflags);
}

/* NFC, and its LLCP form (sockaddr_nfc_llcp, 64-bit layout) */
static void fmt_nfc(struct strbuf *sb, const unsigned char *p, size_t len, int xstyle)
{
	enum { NFC_LEN = 16, LLCP_LEN = 96, SN_OFF = 18, SN_MAX = 63, SNLEN_OFF = 88 };
	uint64_t snlen;

	sb_ifindex(sb, ", dev_idx=", sa_u32(p, 4), true, xstyle);
	sb_printf(sb, ", target_idx=%#x", sa_u32(p, 8));
	sb_puts(sb, ", nfc_protocol=");
	sb_enum_st(sb, &xlat_nfc_sockaddr_protocols, sa_u32(p, 12), "NFC_PROTO_???", xstyle);
	if (len < LLCP_LEN) {
		if (len > NFC_LEN)
			sb_puts(sb, ", ...");
		return;
	}
	memcpy(&snlen, p + SNLEN_OFF, sizeof(snlen));
	sb_puts(sb, ", dsap=");
	sb_enum_st(sb, &xlat_nfc_saps, p[16], NULL, xstyle_verbose(xstyle));
	sb_puts(sb, ", ssap=");
	sb_enum_st(sb, &xlat_nfc_saps, p[17], NULL, xstyle_verbose(xstyle));
	sb_puts(sb, ", service_name=");
	sb_quote(sb, (const char *)p + SN_OFF, snlen < SN_MAX ? snlen : SN_MAX, 0);
	sb_printf(sb, ", service_name_len=%llu", (unsigned long long)snlen);
}

static void fmt_vsock(struct strbuf *sb, const unsigned char *p, int xstyle)
{
	if (sa_u16(p, 2))
		sb_printf(sb, ", svm_reserved1=%#x", sa_u16(p, 2));
	sb_puts(sb, ", svm_cid=");
	sb_enum_st(sb, &xlat_vsock_cids, sa_u32(p, 8), NULL, xstyle);
	sb_puts(sb, ", svm_port=");
	sb_enum_st(sb, &xlat_vsock_ports, sa_u32(p, 4), NULL, xstyle);
	sb_puts(sb, ", svm_flags=");
	sb_flags_st(sb, &xlat_vsock_flags, p[12], "VMADDR_FLAG_???", xstyle);
	if (p[13] || p[14] || p[15]) {
		sb_puts(sb, ", svm_zero=");
		sb_hexbytes(sb, p + 13, 3);
	}
}

static void fmt_qrtr(struct strbuf *sb, const unsigned char *p, int xstyle)
{
	sb_puts(sb, ", sq_node=");
	sb_enum_st(sb, &xlat_qipcrtr_nodes, sa_u32(p, 4), NULL, xstyle);
	sb_puts(sb, ", sq_port=");
	sb_enum_st(sb, &xlat_qipcrtr_ports, sa_u32(p, 8), NULL, xstyle);
}

enum { XDP_SHARED_UMEM_FLAG = 1 };

/* XDP; with XDP_SHARED_UMEM the last field is a descriptor, left out
 * (with its value) when omit_fd is set: the caller prints it. */
static void fmt_xdp(struct strbuf *sb, const unsigned char *p, int xstyle, bool omit_fd)
{
	unsigned flags = sa_u16(p, 2);
	uint32_t fd = sa_u32(p, 12);

	sb_puts(sb, ", sxdp_flags=");
	sb_flags_st(sb, &xlat_xdp_sockaddr_flags, flags, "XDP_???", xstyle);
	sb_ifindex(sb, ", sxdp_ifindex=", sa_u32(p, 4), true, xstyle);
	sb_printf(sb, ", sxdp_queue_id=%u", sa_u32(p, 8));
	if (flags & XDP_SHARED_UMEM_FLAG) {
		sb_puts(sb, ", sxdp_shared_umem_fd=");
		if (!omit_fd)
			sb_printf(sb, "%d", (int)fd);
	} else if (fd) {
		sb_printf(sb, ", sxdp_shared_umem_fd=%#x", fd);
	}
}

static void fmt_mctp(struct strbuf *sb, const unsigned char *p, int xstyle)
{
	if (sa_u16(p, 2))
		sb_printf(sb, ", __smctp_pad0=%#x", sa_u16(p, 2));
	sb_puts(sb, ", smctp_network=");
	sb_enum_st(sb, &xlat_mctp_nets, sa_u32(p, 4), NULL, xstyle);
	sb_puts(sb, ", smctp_addr={s_addr=");
	sb_enum_st(sb, &xlat_mctp_addrs, p[8], NULL, xstyle);
	sb_printf(sb, "}, smctp_type=%#x, smctp_tag=%#x", p[9], p[10]);
	if (p[11])
		sb_printf(sb, ", __smctp_pad1=%#x", p[11]);
}

/* "{sa_family=AF_INET" in the -X style */
static void sb_family(struct strbuf *sb, unsigned family, int xstyle)
{
	sb_puts(sb, "{sa_family=");
	sb_af(sb, family, xstyle);
}

/* format_sockaddr(); omit_fd: an AF_XDP address ends before the
 * value of its descriptor field (the caller prints it). */
static size_t format_sockaddr_opt(char *buf, size_t size, const void *sa, size_t len,
				  unsigned qflags, int xstyle, bool omit_fd)
{
	struct sockaddr_storage ss;
	struct strbuf sb;
	unsigned family;

	sb_init(&sb, buf, size);
	if (len > sizeof(ss))
		len = sizeof(ss);
	memset(&ss, 0, sizeof(ss));
	memcpy(&ss, sa, len);
	if (len < sizeof(ss.ss_family)) {
		sb_puts(&sb, "{sa_family=???}");
		return sb_len(&sb);
	}
	family = ss.ss_family;
	sb_family(&sb, family, xstyle);
	switch (family) {
	case AF_INET:
		if (len >= sizeof(struct sockaddr_in)) {
			fmt_inet(&sb, (const struct sockaddr_in *)&ss, xstyle);
			break;
		}
		goto generic;
	case AF_INET6:
		if (len >= offsetof(struct sockaddr_in6, sin6_scope_id)) {
			fmt_inet6(&sb, (const struct sockaddr_in6 *)&ss, len, xstyle);
			break;
		}
		goto generic;
	case AF_UNIX:
		fmt_unix(&sb, (const struct sockaddr_un *)&ss, len, qflags);
		break;
	case AF_NETLINK:
		if (len >= sizeof(struct sockaddr_nl)) {
			const struct sockaddr_nl *nl = (const struct sockaddr_nl *)&ss;

			if (nl->nl_pad)
				sb_printf(&sb, ", nl_pad=%#x", nl->nl_pad);
			sb_printf(&sb, ", nl_pid=%u, nl_groups=%#08x", nl->nl_pid, nl->nl_groups);
			break;
		}
		goto generic;
	case AF_IPX:
		if (len >= SA_IPX_LEN) {
			fmt_ipx(&sb, (const unsigned char *)&ss, xstyle);
			break;
		}
		goto generic;
	case AF_X25:
		if (len >= SA_X25_LEN) {
			fmt_x25(&sb, (const unsigned char *)&ss, qflags);
			break;
		}
		goto generic;
	case AF_AX25:
		if (len >= AX25_SA_LEN) {
			fmt_ax25(&sb, (const unsigned char *)&ss, len, xstyle);
			break;
		}
		goto generic;
	case AF_PACKET:
		if (len >= SA_LL_LEN) {
			fmt_ll(&sb, (const unsigned char *)&ss, len, sizeof(ss), xstyle);
			break;
		}
		goto generic;
	case AF_RXRPC:
		if (len >= SA_RXRPC_LEN) {
			fmt_rxrpc(&sb, (const unsigned char *)&ss, len, qflags, xstyle);
			break;
		}
		goto generic;
	case AF_IEEE802154:
		if (len >= SA_IEEE802154_LEN) {
			fmt_ieee802154(&sb, (const unsigned char *)&ss, xstyle);
			break;
		}
		goto generic;
	case AF_ALG:
		if (len > SA_ALG_LEN) {
			fmt_alg(&sb, (const unsigned char *)&ss, len, qflags, xstyle);
			break;
		}
		goto generic;
	case AF_NFC:
		if (len >= SA_NFC_LEN) {
			fmt_nfc(&sb, (const unsigned char *)&ss, len, xstyle);
			break;
		}
		goto generic;
	case AF_VSOCK:
		if (len >= SA_VSOCK_LEN) {
			fmt_vsock(&sb, (const unsigned char *)&ss, xstyle);
			break;
		}
		goto generic;
	case AF_QIPCRTR:
		if (len >= SA_QRTR_LEN) {
			fmt_qrtr(&sb, (const unsigned char *)&ss, xstyle);
			break;
		}
		goto generic;
	case AF_XDP:
		if (len >= SA_XDP_LEN) {
			fmt_xdp(&sb, (const unsigned char *)&ss, xstyle, omit_fd);
			if (omit_fd)
				return sb_len(&sb);
			break;
		}
		goto generic;
	case AF_MCTP:
		if (len >= SA_MCTP_LEN) {
			fmt_mctp(&sb, (const unsigned char *)&ss, xstyle);
			break;
		}
		goto generic;
	default:
	generic:
		if (len > sizeof(ss.ss_family)) {
			sb_puts(&sb, ", sa_data=");
			sb_quote(&sb, (const char *)&ss + sizeof(ss.ss_family),
				 len - sizeof(ss.ss_family), qflags);
		}
		break;
	}
	sb_puts(&sb, "}");
	return sb_len(&sb);
}

size_t format_sockaddr(char *buf, size_t size, const void *sa, size_t len, unsigned qflags,
		       int xstyle)
{
	return format_sockaddr_opt(buf, size, sa, len, qflags, xstyle, false);
}

/* A netlink address whose port id is a process id shown as -Y asks */
static void print_sockaddr_nl(struct tcb *tcp, const struct sockaddr_nl *nl)
{
	char buf[128];
	struct strbuf sb;

	sb_init(&sb, buf, sizeof(buf));
	sb_family(&sb, AF_NETLINK, pcfg.xlat_style);
	if (nl->nl_pad)
		sb_printf(&sb, ", nl_pad=%#x", nl->nl_pad);
	sb_puts(&sb, ", nl_pid=");
	tprints(tcp, buf);
	print_pid(tcp, (int)nl->nl_pid, PT_TGID);
	tprintf(tcp, ", nl_groups=%#08x}", nl->nl_groups);
}

void print_sockaddr(struct tcb *tcp, unsigned long addr, unsigned long len)
{
	struct sockaddr_storage ss;
	char buf[2048];

	if (!addr) {
		print_addr(tcp, addr);
		return;
	}
	if ((long)len < (long)sizeof(ss.ss_family)) {
		print_addr(tcp, addr);
		return;
	}
	if (len > sizeof(ss))
		len = sizeof(ss);
	if (mem_read_struct(tcp, addr, &ss, len) < 0) {
		print_addr(tcp, addr);
		return;
	}
	if (ss.ss_family == AF_NETLINK && len >= sizeof(struct sockaddr_nl) && pids_mode) {
		print_sockaddr_nl(tcp, (const struct sockaddr_nl *)&ss);
		return;
	}
	if (ss.ss_family == AF_XDP && len >= SA_XDP_LEN) {
		const unsigned char *p = (const unsigned char *)&ss;

		if (sa_u16(p, 2) & XDP_SHARED_UMEM_FLAG) {
			format_sockaddr_opt(buf, sizeof(buf), &ss, len, qflags_now(),
					    pcfg.xlat_style, true);
			tprints(tcp, buf);
			print_fd(tcp, (int)sa_u32(p, 12));
			tprints(tcp, "}");
			return;
		}
	}
	format_sockaddr(buf, sizeof(buf), &ss, len, qflags_now(), pcfg.xlat_style);
	tprints(tcp, buf);
}

size_t format_socktype(char *buf, size_t size, unsigned long type)
{
	struct strbuf sb;
	unsigned long flags = type & ~0xfUL;

	sb_init(&sb, buf, size);
	sb_xval(&sb, &xlat_socket_types, type & 0xf, "SOCK_???");
	if (flags) {
		char fl[256];

		format_flags(fl, sizeof(fl), &xlat_sock_type_flags, flags, NULL);
		sb_printf(&sb, "|%s", fl);
	}
	return sb_len(&sb);
}

static void print_socktype(struct tcb *tcp, unsigned long type)
{
	char buf[256];

	if (pcfg.xlat_style != XLAT_ABBREV) {
		/* -X raw / verbose: type and flags each on their own */
		print_xval(tcp, &xlat_socket_types, type & 0xf, NULL);
		if (type & ~0xfUL) {
			tprints(tcp, "|");
			print_flags(tcp, &xlat_sock_type_flags, type & ~0xfUL, NULL);
		}
		return;
	}
	format_socktype(buf, sizeof(buf), type);
	tprints(tcp, buf);
}

static void print_protocol(struct tcb *tcp, int family, int proto)
{
	switch (family) {
	case AF_INET:
	case AF_INET6:
		print_xval_d(tcp, &xlat_ip_protocols, (unsigned)proto);
		break;
	case AF_NETLINK:
		print_xval_d(tcp, &xlat_netlink_protocols, (unsigned)proto);
		break;
	default:
		tprintf(tcp, "%d", proto);
		break;
	}
}

static void print_family(struct tcb *tcp, unsigned long family)
{
	print_xval(tcp, &xlat_socket_families, (unsigned)family, "AF_???");
}

/* ---- values kept from entry to exit: the call's private data on the
 * tcb (freed at the exit, or when the tracee dies or is detached) ---- */

struct saved {
	long val;
	int ts_ok;                /* recvmmsg: timeout read at entry */
	struct timespec ts;
	int *namelens;            /* recvmmsg: msg_namelen per entry at entry */
	unsigned long nnamelens;
	int hdr_ok;               /* recvmsg: the msghdr read at entry */
	unsigned namelen;         /* ... and its msg_namelen */
};

static void saved_free(void *p)
{
	struct saved *s = p;

	free(s->namelens);
	free(s);
}

static struct saved *save_val(struct tcb *tcp, long v)
{
	struct saved *s = xcalloc(1, sizeof(*s));

	s->val = v;
	tcb_set_call_priv(tcp, s, saved_free);
	return s;
}

/* What entry saved (val -1 when nothing was); the tcb keeps it until the
 * call ends. */
static struct saved take_saved(struct tcb *tcp)
{
	struct saved none = { .val = -1 };
	const struct saved *s = tcp->call_priv;

	return s && tcp->call_priv_free == saved_free ? *s : none;
}

static long take_val(struct tcb *tcp)
{
	return take_saved(tcp).val;
}

/* Read the socklen_t at addr: its value, or -1 when NULL/unreadable. */
static long read_socklen(struct tcb *tcp, unsigned long addr)
{
	int v;

	if (!addr || mem_read(tcp->pid, addr, &v, sizeof(v)) < 0)
		return -1;
	return v;
}

/* "[16]", "[128 => 16]", or the address. */
static void print_socklen_exit(struct tcb *tcp, unsigned long addr, long in)
{
	long out;

	if (!addr) {
		print_addr(tcp, addr);
		return;
	}
	if (in < 0) {
		print_addr(tcp, addr);
		return;
	}
	if (tcp->err) {
		tprintf(tcp, "[%ld]", in);
		return;
	}
	out = read_socklen(tcp, addr);
	if (out < 0)
		print_addr(tcp, addr);
	else if (out == in)
		tprintf(tcp, "[%ld]", out);
	else
		tprintf(tcp, "[%ld => %ld]", in, out);
}

/* Exit half of accept/getsockname/recvfrom: "addr, [len]". */
static void print_sockaddr_out(struct tcb *tcp, unsigned long addr, unsigned long lenaddr, long in)
{
	long out;

	if (!addr || tcp->err || in < 0) {
		print_addr(tcp, addr);
	} else {
		out = read_socklen(tcp, lenaddr);
		if (out < 0)
			print_addr(tcp, addr);
		else
			print_sockaddr(tcp, addr, (unsigned long)(out < in ? out : in));
	}
	tprint_arg_next(tcp);
	print_socklen_exit(tcp, lenaddr, in);
}

/* ---- decoders ---- */

int dec_socket(struct tcb *tcp)
{
	print_family(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_socktype(tcp, tcp->args[1]);
	tprint_arg_next(tcp);
	print_protocol(tcp, (int)tcp->args[0], (int)tcp->args[2]);
	return DEC_DONE;
}

int dec_socketpair(struct tcb *tcp)
{
	int sv[2];

	if (!tcp->exiting) {
		print_family(tcp, tcp->args[0]);
		tprint_arg_next(tcp);
		print_socktype(tcp, tcp->args[1]);
		tprint_arg_next(tcp);
		print_protocol(tcp, (int)tcp->args[0], (int)tcp->args[2]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err || mem_read_struct(tcp, tcp->args[3], sv, sizeof(sv)) < 0) {
		print_addr(tcp, tcp->args[3]);
		return DEC_DONE;
	}
	tprints(tcp, "[");
	print_fd(tcp, sv[0]);
	tprints(tcp, ", ");
	print_fd(tcp, sv[1]);
	tprints(tcp, "]");
	return DEC_DONE;
}

/* bind, connect: fd, sockaddr, addrlen */
int dec_bind(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_sockaddr(tcp, tcp->args[1], (unsigned)tcp->args[2]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%d", (int)tcp->args[2]);
	return DEC_DONE;
}

int dec_connect(struct tcb *tcp)
{
	return dec_bind(tcp);
}

/* accept, getsockname, getpeername: fd at entry; sockaddr, [len] at exit */
int dec_sockname(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_fd(tcp, (int)tcp->args[0]);
		tprint_arg_next(tcp);
		save_val(tcp, read_socklen(tcp, tcp->args[2]));
		return DEC_MORE;
	}
	print_sockaddr_out(tcp, tcp->args[1], tcp->args[2], take_val(tcp));
	return DEC_DONE;
}

int dec_accept(struct tcb *tcp)
{
	return dec_sockname(tcp);
}

int dec_accept4(struct tcb *tcp)
{
	if (dec_sockname(tcp) == DEC_MORE)
		return DEC_MORE;
	tprint_arg_next(tcp);
	print_flags(tcp, &xlat_sock_type_flags, tcp->args[3], NULL);
	return DEC_DONE;
}

static void print_msgflags(struct tcb *tcp, unsigned long flags)
{
	print_flags(tcp, &xlat_msg_flags, (unsigned)flags, NULL);
}

int dec_sendto(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_sockbuf(tcp, (int)tcp->args[0], tcp->args[1], tcp->args[2]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[2]);
	tprint_arg_next(tcp);
	print_msgflags(tcp, tcp->args[3]);
	tprint_arg_next(tcp);
	print_sockaddr(tcp, tcp->args[4], (unsigned)tcp->args[5]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%d", (int)tcp->args[5]);
	return DEC_DONE;
}

int dec_recvfrom(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_fd(tcp, (int)tcp->args[0]);
		tprint_arg_next(tcp);
		save_val(tcp, read_socklen(tcp, tcp->args[5]));
		return DEC_MORE;
	}
	if (tcp->err)
		print_addr(tcp, tcp->args[1]);
	else
		/* MSG_TRUNC returns the datagram's length: no more than the
		 * buffer's was written */
		print_sockbuf(tcp, (int)tcp->args[0], tcp->args[1],
			      (unsigned long)tcp->rval < tcp->args[2] ? (unsigned long)tcp->rval
								    : tcp->args[2]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%lu", tcp->args[2]);
	tprint_arg_next(tcp);
	print_msgflags(tcp, tcp->args[3]);
	tprint_arg_next(tcp);
	print_sockaddr_out(tcp, tcp->args[4], tcp->args[5], take_val(tcp));
	return DEC_DONE;
}

/* ---- msghdr ---- */

static void print_cmsg_data(struct tcb *tcp, const struct cmsghdr *c, const unsigned char *data,
			    size_t dlen)
{
	if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
		if (dlen < sizeof(int))
			return;
		tprints(tcp, ", cmsg_data=[");
		for (size_t i = 0; i + sizeof(int) <= dlen; i += sizeof(int)) {
			int fd;

			if (i)
				tprints(tcp, ", ");
			if (!pcfg.verbose && i / sizeof(int) >= pcfg.max_strlen) {
				tprints(tcp, "...");
				break;
			}
			memcpy(&fd, data + i, sizeof(fd));
			print_fd(tcp, fd);
		}
		tprints(tcp, "]");
	} else if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_CREDENTIALS &&
		   dlen >= sizeof(struct ucred)) {
		struct ucred uc;

		memcpy(&uc, data, sizeof(uc));
		tprints(tcp, ", cmsg_data={pid=");
		print_pid(tcp, uc.pid, PT_TGID);
		tprintf(tcp, ", uid=%u, gid=%u}", uc.uid, uc.gid);
	} else {
		print_cmsg_data_more(tcp, c->cmsg_level, c->cmsg_type, data, dlen);
	}
}

/* The most control data the kernel takes (net.core.optmem_max rounded
 * up to 8, else its default): longer msg_control buffers are read only
 * that far. */
static size_t optmem_max(void)
{
	static size_t max;

	if (!max) {
		FILE *f = fopen("/proc/sys/net/core/optmem_max", "re");
		long v = 0;

		if (!f || fscanf(f, "%ld", &v) != 1 || v <= 0)
			max = sizeof(long long) * (2 * 1024 + 512);
		else
			max = ((size_t)v + 7) & ~(size_t)7;
		if (f)
			fclose(f);
	}
	return max;
}

/* The control messages: each header, its data cut at the end of the
 * buffer; a header that does not fit ends the walk with "..." and the
 * address of the rest (strace's walk). */
static void print_cmsgs(struct tcb *tcp, unsigned long addr, size_t in_len)
{
	_cleanup_free_ unsigned char *buf = NULL;
	const size_t hdr = sizeof(struct cmsghdr);
	size_t len = in_len < optmem_max() ? in_len : optmem_max();
	size_t off = 0, left = len;

	if (len < hdr) {
		print_addr(tcp, addr);
		return;
	}
	buf = xmalloc(len);
	if (mem_read_struct(tcp, addr, buf, len) < 0) {
		print_addr(tcp, addr);
		return;
	}
	tprints(tcp, "[");
	while (left >= hdr) {
		struct cmsghdr c;
		size_t clen, l, step;

		memcpy(&c, buf + off, sizeof(c));
		clen = c.cmsg_len;
		if (off)
			tprints(tcp, ", ");
		tprintf(tcp, "{cmsg_len=%zu, cmsg_level=", clen);
		print_xval(tcp, &xlat_sockopt_levels, (unsigned)c.cmsg_level, "SOL_???");
		tprints(tcp, ", cmsg_type=");
		if (c.cmsg_level == SOL_SOCKET)
			print_xval(tcp, &xlat_scm_types, (unsigned)c.cmsg_type, "SCM_???");
		else if (c.cmsg_level == SOL_IP)
			print_xval(tcp, &xlat_ip_cmsg_types, (unsigned)c.cmsg_type, "IP_???");
		else
			tprintf(tcp, "%#x", (unsigned)c.cmsg_type);
		l = clen < left ? clen : left;
		print_cmsg_data(tcp, &c, buf + off + hdr, l > hdr ? l - hdr : 0);
		tprints(tcp, "}");
		if (l < hdr) {
			left -= hdr;
			break;
		}
		step = CMSG_ALIGN(clen);
		if (step >= left || step < clen) {
			left = 0;
			break;
		}
		off += step;
		left -= step;
	}
	if (left)
		tprintf(tcp, ", ... /* %#lx */", addr + (len - left));
	else if (len < in_len)
		tprints(tcp, ", ...");
	tprints(tcp, "]");
}

/* iovec data of a message to or from a netlink address */
static void print_iov_netlink(struct tcb *tcp, unsigned long addr, unsigned long len, void *ctx)
{
	decode_netlink(tcp, *(const int *)ctx, addr, len);
}

/* {msg_name=..., msg_namelen=..., msg_iov=[...], msg_iovlen=N,
 *  msg_control=[...], msg_controllen=N, msg_flags=...} */
static void print_msghdr(struct tcb *tcp, unsigned long addr, long data_len, long namelen_in)
{
	struct msghdr mh;

	if (!fetch_or_print_addr(tcp, addr, &mh, sizeof(mh)))
		return;
	tprints(tcp, "{msg_name=");
	print_sockaddr(tcp, (unsigned long)mh.msg_name,
		       namelen_in >= 0 && (long)mh.msg_namelen > namelen_in ?
		       (unsigned long)namelen_in : mh.msg_namelen);
	if (namelen_in >= 0 && (long)mh.msg_namelen != namelen_in)
		tprintf(tcp, ", msg_namelen=%ld => %u", namelen_in, mh.msg_namelen);
	else
		tprintf(tcp, ", msg_namelen=%u", mh.msg_namelen);
	tprints(tcp, ", msg_iov=");
	{
		unsigned long namelen = namelen_in >= 0 && (long)mh.msg_namelen > namelen_in ?
					(unsigned long)namelen_in : mh.msg_namelen;
		sa_family_t family = AF_UNSPEC;
		int proto;

		if (mh.msg_name && namelen >= sizeof(family) &&
		    mem_read(tcp->pid, (unsigned long)mh.msg_name, &family, sizeof(family)) < 0)
			family = AF_UNSPEC;
		if (family == AF_NETLINK) {
			proto = netlink_fd_protocol(tcp, (int)tcp->args[0]);
			print_iovec_ex(tcp, (unsigned long)mh.msg_iov, mh.msg_iovlen, data_len,
				       print_iov_netlink, &proto);
		} else {
			print_iovec(tcp, (unsigned long)mh.msg_iov, mh.msg_iovlen, data_len);
		}
	}
	tprintf(tcp, ", msg_iovlen=%lu", (unsigned long)mh.msg_iovlen);
	if (mh.msg_controllen) {
		tprints(tcp, ", msg_control=");
		print_cmsgs(tcp, (unsigned long)mh.msg_control, mh.msg_controllen);
	}
	tprintf(tcp, ", msg_controllen=%lu, msg_flags=", (unsigned long)mh.msg_controllen);
	print_msgflags(tcp, (unsigned)mh.msg_flags);
	tprints(tcp, "}");
}

int dec_sendmsg(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_msghdr(tcp, tcp->args[1], -1, -1);
	tprint_arg_next(tcp);
	print_msgflags(tcp, tcp->args[2]);
	return DEC_DONE;
}

int dec_recvmsg(struct tcb *tcp)
{
	if (!tcp->exiting) {
		struct msghdr mh;

		print_fd(tcp, (int)tcp->args[0]);
		tprint_arg_next(tcp);
		if (tcp->args[1] && mem_read(tcp->pid, tcp->args[1], &mh, sizeof(mh)) == 0) {
			struct saved *s = save_val(tcp, mh.msg_name ? (long)mh.msg_namelen : -1);

			s->hdr_ok = 1;
			s->namelen = mh.msg_namelen;
		} else {
			save_val(tcp, -1);
		}
		return DEC_MORE;
	}
	{
		struct saved sv = take_saved(tcp);

		/* a failed call: what was given of the header, as strace */
		if (tcp->err && sv.hdr_ok)
			tprintf(tcp, "{msg_namelen=%u}", sv.namelen);
		else if (tcp->err)
			print_addr(tcp, tcp->args[1]);
		else
			print_msghdr(tcp, tcp->args[1], tcp->rval, sv.val);
	}
	tprint_arg_next(tcp);
	print_msgflags(tcp, tcp->args[2]);
	return DEC_DONE;
}

/* [{msg_hdr={...}, msg_len=N}, ...] of n entries at addr. */
struct mmsg_ctx {
	bool recv;              /* data shown per entry limited to its msg_len */
	unsigned long nlen;     /* the first nlen entries have a msg_len (those sent or received) */
	unsigned long base;     /* the vector's address */
	const int *namelens;    /* recvmmsg: msg_namelen given, per entry (-1: NULL name) */
	unsigned long nnamelens;
};

static void print_mmsghdr_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct mmsghdr *mm = elem;
	const struct mmsg_ctx *c = data;
	unsigned long i = (addr - c->base) / sizeof(*mm);
	long namelen_in = c->namelens && i < c->nnamelens ? c->namelens[i] : -1;
	bool with_len = i < c->nlen;

	tprints(tcp, "{msg_hdr=");
	print_msghdr(tcp, addr, c->recv && with_len ? (long)mm->msg_len : -1, namelen_in);
	if (with_len)
		tprintf(tcp, ", msg_len=%u", mm->msg_len);
	tprints(tcp, "}");
}

static void print_mmsgvec(struct tcb *tcp, unsigned long addr, unsigned long n,
			  struct mmsg_ctx *c)
{
	struct mmsghdr mm;

	if (!addr || !n || mem_read_struct(tcp, addr, &mm, sizeof(mm)) < 0) {
		print_addr(tcp, addr);
		return;
	}
	c->base = addr;
	print_array(tcp, addr, n, &mm, sizeof(mm), print_mmsghdr_elem, c,
		    PA_FAULT_ADDR | PA_ALL_IF_VERBOSE);
}

/* sendmmsg: the vector's vlen entries at exit, msg_len in those sent. */
int dec_sendmmsg(struct tcb *tcp)
{
	struct mmsg_ctx c = { .recv = false, .nlen = tcp->err ? 0 : (unsigned long)tcp->rval };

	if (print_fd_at_entry(tcp))
		return DEC_MORE;
	print_mmsgvec(tcp, tcp->args[1], (unsigned)tcp->args[2], &c);
	tprint_arg_next(tcp);
	tprintf(tcp, "%u", (unsigned)tcp->args[2]);
	tprint_arg_next(tcp);
	print_msgflags(tcp, tcp->args[3]);
	return DEC_DONE;
}

int dec_recvmmsg(struct tcb *tcp)
{
	struct saved sv;

	if (!tcp->exiting) {
		struct saved *s = save_val(tcp, 0);

		print_fd(tcp, (int)tcp->args[0]);
		tprint_arg_next(tcp);
		/* each entry's msg_namelen as given (the kernel updates them) */
		s->nnamelens = (unsigned)tcp->args[2];
		if (s->nnamelens > 1024)
			s->nnamelens = 1024;
		s->namelens = xcalloc(s->nnamelens ? s->nnamelens : 1, sizeof(int));
		for (unsigned long i = 0; i < s->nnamelens; i++) {
			struct mmsghdr mm;

			if (mem_read(tcp->pid, tcp->args[1] + i * sizeof(mm), &mm, sizeof(mm)) < 0) {
				s->nnamelens = i;
				break;
			}
			s->namelens[i] = mm.msg_hdr.msg_name ? (int)mm.msg_hdr.msg_namelen : -1;
		}
		/* the timeout as given (the kernel updates it) */
		s->ts_ok = tcp->args[4] &&
			   mem_read_struct(tcp, tcp->args[4], &s->ts, sizeof(s->ts)) == 0;
		return DEC_MORE;
	}
	sv = take_saved(tcp);
	if (tcp->err || tcp->rval <= 0)
		print_addr(tcp, tcp->args[1]);
	else
		print_mmsgvec(tcp, tcp->args[1], (unsigned long)tcp->rval,
			      &(struct mmsg_ctx){ .recv = true, .nlen = (unsigned long)tcp->rval,
						  .namelens = sv.namelens,
						  .nnamelens = sv.nnamelens });
	tprint_arg_next(tcp);
	tprintf(tcp, "%u", (unsigned)tcp->args[2]);
	tprint_arg_next(tcp);
	print_msgflags(tcp, tcp->args[3]);
	tprint_arg_next(tcp);
	if (!sv.ts_ok) {
		print_addr(tcp, tcp->args[4]);
	} else {
		char buf[96];

		format_timespec(buf, sizeof(buf), sv.ts.tv_sec, sv.ts.tv_nsec);
		tprints(tcp, buf);
		/* what is left of the timeout after a successful call */
		if (!tcp->err && mem_read(tcp->pid, tcp->args[4], &sv.ts, sizeof(sv.ts)) == 0) {
			int n = snprintf(tcp->auxbuf, sizeof(tcp->auxbuf), "left ");

			format_timespec(tcp->auxbuf + n, sizeof(tcp->auxbuf) - (size_t)n,
					sv.ts.tv_sec, sv.ts.tv_nsec);
			tcp->auxstr = tcp->auxbuf;
		}
	}
	return DEC_DONE;
}

int dec_shutdown(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_xval(tcp, &xlat_shutdown_how, (unsigned)tcp->args[1], NULL);
	return DEC_DONE;
}
