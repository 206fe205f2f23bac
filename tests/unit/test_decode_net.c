/* Unit tests of the network decoders' pure formatters and of the
 * printers' behaviour on unreadable tracee memory. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <net/if.h>

#include <arpa/inet.h>
#include <linux/if_bridge.h>
#include <linux/if_ether.h>
#include <linux/if_link.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <linux/tcp.h>
#include <linux/smc_diag.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "decode_net.h"
#include "decode_netlink.h"
#include "fdinfo.h"
#include "gen/decoders.h"
#include "mem.h"
#include "sink.h"

static void check_sa(const void *sa, size_t len, const char *want)
{
	char buf[1024];

	format_sockaddr(buf, sizeof(buf), sa, len, 0, XLAT_ABBREV);
	assert_string_equal(buf, want);
}

static void test_inet(void **state)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(8080) };

	(void)state;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	check_sa(&sin, sizeof(sin),
		 "{sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}");
	/* too short for sockaddr_in: the raw bytes */
	check_sa(&sin, 4, "{sa_family=AF_INET, sa_data=\"\\37\\220\"}");
}

static void test_inet6(void **state)
{
	struct sockaddr_in6 s6 = { .sin6_family = AF_INET6, .sin6_port = htons(443) };

	(void)state;
	s6.sin6_addr = in6addr_loopback;
	s6.sin6_scope_id = 2;
	check_sa(&s6, sizeof(s6),
		 "{sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), "
		 "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=2}");
}

static void test_unix(void **state)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	size_t base = offsetof(struct sockaddr_un, sun_path);

	(void)state;
	strcpy(sun.sun_path, "/run/x");
	check_sa(&sun, sizeof(sun), "{sa_family=AF_UNIX, sun_path=\"/run/x\"}");
	check_sa(&sun, base + 7, "{sa_family=AF_UNIX, sun_path=\"/run/x\"}");
	/* unnamed */
	check_sa(&sun, base, "{sa_family=AF_UNIX}");
	/* abstract: every byte of the name, NULs included */
	memset(sun.sun_path, 0, sizeof(sun.sun_path));
	memcpy(sun.sun_path + 1, "ab\0c", 4);
	check_sa(&sun, base + 5, "{sa_family=AF_UNIX, sun_path=@\"ab\\0c\"}");
}

static void test_netlink_unknown(void **state)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK, .nl_pid = 42, .nl_groups = 0x11 };
	unsigned char raw[6] = { 0xfe, 0x00, 'h', 'i', 0, 1 };

	(void)state;
	check_sa(&nl, sizeof(nl), "{sa_family=AF_NETLINK, nl_pid=42, nl_groups=0x000011}");
	/* family 254 is unknown; sa_data with octal escapes */
	check_sa(raw, sizeof(raw), "{sa_family=0xfe /* AF_??? */, sa_data=\"hi\\0\\1\"}");
	/* shorter than sa_family */
	check_sa(raw, 1, "{sa_family=???}");
	check_sa(raw, 0, "{sa_family=???}");
}

static void test_huge_len(void **state)
{
	unsigned char big[4096];
	char buf[1024];

	(void)state;
	memset(big, 'A', sizeof(big));
	big[0] = 0xfe;
	big[1] = 0;
	/* clamped to sockaddr_storage; output bounded by the buffer */
	format_sockaddr(buf, sizeof(buf), big, sizeof(big), 0, XLAT_ABBREV);
	assert_true(strlen(buf) < sizeof(buf));
	assert_memory_equal(buf, "{sa_family=0xfe /* AF_??? */, sa_data=\"AAA", 41);
	/* tiny output buffer: still NUL-terminated */
	format_sockaddr(buf, 8, big, sizeof(big), 0, XLAT_ABBREV);
	assert_int_equal(strlen(buf), 7);
}

/* Families decoded by byte offsets: IPX, X.25, AX.25, AF_PACKET; the
 * netlink padding when it is not zero. */
static void test_more_families(void **state)
{
	unsigned char b[80];

	(void)state;
	memset(b, 0, sizeof(b));
	b[0] = AF_IPX;
	b[2] = 0x30; b[3] = 0x39;                      /* port 12345 */
	b[4] = 0xfa; b[5] = 0xce; b[6] = 0xfe; b[7] = 0xed;
	memcpy(b + 8, "ABCDEF", 6);
	b[14] = 0xff;
	check_sa(b, 16, "{sa_family=AF_IPX, sipx_port=htons(12345), sipx_network=htonl(0xfacefeed), "
			"sipx_node=[0x41, 0x42, 0x43, 0x44, 0x45, 0x46], sipx_type=0xff}");
	b[15] = 0x42;
	check_sa(b, 16, "{sa_family=AF_IPX, sipx_port=htons(12345), sipx_network=htonl(0xfacefeed), "
			"sipx_node=[0x41, 0x42, 0x43, 0x44, 0x45, 0x46], sipx_type=0xff, sipx_zero=0x42}");

	memset(b, 0, sizeof(b));
	b[0] = AF_X25;
	memcpy(b + 2, "0123456789abcdef", 16);
	check_sa(b, 18, "{sa_family=AF_X25, sx25_addr={x25_addr=\"0123456789abcde\"...}}");
	b[12] = 0;
	check_sa(b, 18, "{sa_family=AF_X25, sx25_addr={x25_addr=\"0123456789\"}}");

	/* AX.25: "AB-3" with no digipeaters; then two of them, one odd */
	memset(b, 0, sizeof(b));
	b[0] = AF_AX25;
	for (int i = 0; i < 6; i++)
		b[2 + i] = (unsigned char)("AB    "[i] << 1);
	b[8] = 3 << 1;
	check_sa(b, 16, "{sa_family=AF_AX25, sax25_call=AB-3, sax25_ndigis=0}");
	b[12] = 2;
	for (int i = 0; i < 6; i++) {
		b[16 + i] = (unsigned char)("C D   "[i] << 1);
		b[23 + i] = ' ' << 1;
	}
	check_sa(b, 31, "{sa_family=AF_AX25, fsa_ax25={sax25_call=AB-3, sax25_ndigis=2}, "
			"fsa_digipeater=[{ax25_call=\"\\x86\\x40\\x88\\x40\\x40\\x40\\x00\"} /* C D-0 */, "
			"*], ...}");
	check_sa(b, 16, "{sa_family=AF_AX25, fsa_ax25={sax25_call=AB-3, sax25_ndigis=2}, "
			"fsa_digipeater=[...]}");
	b[16] = 1; /* unprintable: raw only */
	check_sa(b, 23, "{sa_family=AF_AX25, fsa_ax25={sax25_call=AB-3, sax25_ndigis=2}, "
			"fsa_digipeater=[{ax25_call=\"\\x01\\x40\\x88\\x40\\x40\\x40\\x00\"}, ...]}");

	memset(b, 0, sizeof(b));
	b[0] = AF_PACKET;
	b[3] = 3;          /* ETH_P_ALL */
	b[4] = 0x2a;       /* ifindex 42 */
	b[8] = 1;          /* ARPHRD_ETHER */
	b[11] = 9;
	memcpy(b + 12, "abcdefgh", 8);
	check_sa(b, 20, "{sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL), sll_ifindex=42, "
			"sll_hatype=ARPHRD_ETHER, sll_pkttype=PACKET_HOST, sll_halen=9, "
			"sll_addr=[0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, ...]}");

	memset(b, 0, sizeof(b));
	b[0] = AF_NETLINK;
	b[2] = 0xff;
	check_sa(b, 12, "{sa_family=AF_NETLINK, nl_pad=0xff, nl_pid=0, nl_groups=00000000}");
}

static void check_sa_x(const void *sa, size_t len, int xstyle, const char *want)
{
	char buf[1024];

	format_sockaddr(buf, sizeof(buf), sa, len, 0, xstyle);
	assert_string_equal(buf, want);
}

/* RxRPC (its transport), IEEE 802.15.4, AF_ALG, NFC, vsock, QRTR, XDP,
 * MCTP; in the three -X styles where they differ. */
static void test_families_xstyle(void **state)
{
	unsigned char b[100];

	(void)state;
	memset(b, 0, sizeof(b));
	b[0] = AF_RXRPC;
	b[2] = 1;                  /* CM_SERVICE */
	b[4] = 1;                  /* SOCK_STREAM */
	b[6] = 5;                  /* transport_len */
	b[8] = AF_INET;
	b[10] = 'a';
	check_sa_x(b, 36, XLAT_ABBREV, "{sa_family=AF_RXRPC, srx_service=0x1 /* CM_SERVICE */, "
		   "transport_type=SOCK_STREAM, transport_len=5, transport={sin={sin_family=AF_INET, \"a\\0\\0\"}}}");
	check_sa_x(b, 36, XLAT_RAW, "{sa_family=0x21, srx_service=0x1, transport_type=0x1, "
		   "transport_len=5, transport={sin={sin_family=0x2, \"a\\0\\0\"}}}");
	b[8] = 0x2e;
	check_sa_x(b, 36, XLAT_VERBOSE, "{sa_family=0x21 /* AF_RXRPC */, srx_service=0x1 /* CM_SERVICE */, "
		   "transport_type=0x1 /* SOCK_STREAM */, transport_len=5, transport={family=0x2e /* AF_??? */, "
		   "\"a\\0\\0\"}}");

	memset(b, 0, sizeof(b));
	b[0] = AF_IEEE802154;
	b[4] = 3;                  /* IEEE802154_ADDR_LONG */
	b[10] = 0xad; b[11] = 0xde;
	check_sa_x(b, 20, XLAT_ABBREV, "{sa_family=AF_IEEE802154, addr={addr_type=0x3 /* IEEE802154_ADDR_LONG */, "
		   "pan_id=0, hwaddr=ad:de:00:00:00:00:00:00}}");
	check_sa_x(b, 20, XLAT_RAW, "{sa_family=0x24, addr={addr_type=0x3, pan_id=0, "
		   "hwaddr=\"\\xad\\xde\\x00\\x00\\x00\\x00\\x00\\x00\"}}");

	memset(b, 0, sizeof(b));
	b[0] = AF_ALG;
	memcpy(b + 2, "hash", 4);
	b[17] = 0x10;              /* CRYPTO_ALG_KERN_DRIVER_ONLY */
	b[20] = 0x40;
	memcpy(b + 24, "sha12345", 8);
	check_sa_x(b, 32, XLAT_ABBREV, "{sa_family=AF_ALG, salg_type=\"hash\", "
		   "salg_feat=0x1000 /* CRYPTO_ALG_KERN_DRIVER_ONLY */, salg_mask=0x40 /* CRYPTO_ALG_??? */, "
		   "salg_name=\"sha1234\"...}");

	memset(b, 0, sizeof(b));
	b[0] = AF_NFC;
	b[8] = 0x42;
	b[12] = 7;                 /* NFC_PROTO_ISO15693 */
	b[16] = 1;                 /* LLCP_SAP_SDP */
	b[18] = 'x';
	b[88] = 1;
	check_sa_x(b, 17, XLAT_ABBREV, "{sa_family=AF_NFC, dev_idx=0, target_idx=0x42, "
		   "nfc_protocol=NFC_PROTO_ISO15693, ...}");
	check_sa_x(b, 96, XLAT_ABBREV, "{sa_family=AF_NFC, dev_idx=0, target_idx=0x42, "
		   "nfc_protocol=NFC_PROTO_ISO15693, dsap=0x1 /* LLCP_SAP_SDP */, ssap=0, "
		   "service_name=\"x\", service_name_len=1}");

	memset(b, 0, sizeof(b));
	b[0] = AF_VSOCK;
	b[4] = 1;                  /* port */
	b[8] = 2;                  /* VMADDR_CID_HOST */
	b[12] = 0xef;
	check_sa_x(b, 16, XLAT_ABBREV, "{sa_family=AF_VSOCK, svm_cid=VMADDR_CID_HOST, svm_port=0x1, "
		   "svm_flags=VMADDR_FLAG_TO_HOST|0xee}");
	check_sa_x(b, 16, XLAT_VERBOSE, "{sa_family=0x28 /* AF_VSOCK */, svm_cid=0x2 /* VMADDR_CID_HOST */, "
		   "svm_port=0x1, svm_flags=0xef /* VMADDR_FLAG_TO_HOST|0xee */}");

	memset(b, 0, sizeof(b));
	b[0] = AF_QIPCRTR;
	memset(b + 4, 0xff, 4);
	check_sa_x(b, 12, XLAT_ABBREV, "{sa_family=AF_QIPCRTR, sq_node=QRTR_NODE_BCAST, sq_port=0}");

	memset(b, 0, sizeof(b));
	b[0] = AF_XDP;
	b[2] = 0x03;               /* XDP_SHARED_UMEM|XDP_COPY */
	b[12] = 7;
	check_sa_x(b, 16, XLAT_ABBREV, "{sa_family=AF_XDP, sxdp_flags=XDP_SHARED_UMEM|XDP_COPY, "
		   "sxdp_ifindex=0, sxdp_queue_id=0, sxdp_shared_umem_fd=7}");
	b[2] = 0x10;
	check_sa_x(b, 16, XLAT_ABBREV, "{sa_family=AF_XDP, sxdp_flags=0x10 /* XDP_??? */, "
		   "sxdp_ifindex=0, sxdp_queue_id=0, sxdp_shared_umem_fd=0x7}");

	memset(b, 0, sizeof(b));
	b[0] = 45;                 /* AF_MCTP */
	b[2] = 1;
	b[8] = 0xff;
	b[11] = 0xea;
	check_sa_x(b, 12, XLAT_ABBREV, "{sa_family=AF_MCTP, __smctp_pad0=0x1, smctp_network=MCTP_NET_ANY, "
		   "smctp_addr={s_addr=MCTP_ADDR_ANY}, smctp_type=0, smctp_tag=0, __smctp_pad1=0xea}");
}

static void test_xstyle(void **state)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(80) };
	struct sockaddr_in6 s6 = { .sin6_family = AF_INET6 };
	char buf[1024];

	(void)state;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	format_sockaddr(buf, sizeof(buf), &sin, sizeof(sin), 0, XLAT_RAW);
	assert_string_equal(buf, "{sa_family=0x2, sin_port=\"\\x00\\x50\", sin_addr=\"\\x7f\\x00\\x00\\x01\"}");
	format_sockaddr(buf, sizeof(buf), &sin, sizeof(sin), 0, XLAT_VERBOSE);
	assert_string_equal(buf, "{sa_family=0x2 /* AF_INET */, sin_port=\"\\x00\\x50\" /* htons(80) */, "
			    "sin_addr=\"\\x7f\\x00\\x00\\x01\" /* inet_addr(\"127.0.0.1\") */}");
	s6.sin6_addr = in6addr_loopback;
	format_sockaddr(buf, sizeof(buf), &s6, sizeof(s6), 0, XLAT_VERBOSE);
	assert_string_equal(buf, "{sa_family=0xa /* AF_INET6 */, sin6_port=\"\\x00\\x00\" /* htons(0) */, "
			    "sin6_flowinfo=\"\\x00\\x00\\x00\\x00\" /* htonl(0) */, "
			    "sin6_addr=\"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x01\" "
			    "/* inet_pton(AF_INET6, \"::1\") */, sin6_scope_id=0}");
}

static void test_socktype(void **state)
{
	char buf[256];

	(void)state;
	format_socktype(buf, sizeof(buf), SOCK_STREAM);
	assert_string_equal(buf, "SOCK_STREAM");
	format_socktype(buf, sizeof(buf), SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK);
	assert_string_equal(buf, "SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK");
	format_socktype(buf, sizeof(buf), 0);
	assert_string_equal(buf, "0 /* SOCK_??? */");
	format_socktype(buf, sizeof(buf), 0xf | 0x100);
	assert_string_equal(buf, "0xf /* SOCK_??? */|0x100");
}

/* -yy: lookups in /proc/net tables (text as the kernel writes it). */
static void test_proc_net(void **state)
{
	static const char tcp[] =
		"  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
		"   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1111 1 0 100 0 0 10 0\n"
		"   1: 0100007F:9C40 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 2222 1 0 20 4 30 10 -1\n"
		"   2: 00000000:0000 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 3333 1 0 20 4 30 10 -1\n";
	static const char tcp6[] =
		"  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
		"   0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4444 1 0\n";
	static const char netlink[] =
		"sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode\n"
		"0000000000000000 0   4936       00000000 0        0        0     2        0        5555\n"
		"0000000000000000 0   0          00000000 0        0        0     2        0        6666\n"
		"0000000000000000 99  7          00000000 0        0        0     2        0        7777\n";
	char buf[128];

	(void)state;
	assert_int_not_equal(fdinfo_inet_lookup(tcp, 1111, 0, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "127.0.0.1:8080");
	assert_int_not_equal(fdinfo_inet_lookup(tcp, 2222, 0, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "127.0.0.1:40000->127.0.0.1:8080");
	/* unbound: nothing beyond the inode; unknown inode: nothing */
	assert_int_equal(fdinfo_inet_lookup(tcp, 3333, 0, buf, sizeof(buf)), 0);
	assert_int_equal(fdinfo_inet_lookup(tcp, 9999, 0, buf, sizeof(buf)), 0);
	assert_int_equal(fdinfo_inet_lookup("", 1111, 0, buf, sizeof(buf)), 0);
	assert_int_not_equal(fdinfo_inet_lookup(tcp6, 4444, 1, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "[::1]:8080");
	/* output too small: nothing rather than a truncated text */
	assert_int_equal(fdinfo_inet_lookup(tcp, 2222, 0, buf, 8), 0);
	assert_int_not_equal(fdinfo_netlink_lookup(netlink, 5555, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "ROUTE:4936");
	assert_int_equal(fdinfo_netlink_lookup(netlink, 6666, buf, sizeof(buf)), 0);
	assert_int_not_equal(fdinfo_netlink_lookup(netlink, 7777, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "99:7");
	/* the protocol, bound or not (the netlink decoder's question) */
	assert_int_equal(fdinfo_netlink_protocol(netlink, 5555), 0);
	assert_int_equal(fdinfo_netlink_protocol(netlink, 6666), 0);
	assert_int_equal(fdinfo_netlink_protocol(netlink, 7777), 99);
	assert_int_equal(fdinfo_netlink_protocol(netlink, 9999), -1);
	assert_int_equal(fdinfo_netlink_protocol("", 5555), -1);
}

/* A tracee that does not exist: every memory read fails (ESRCH), so the
 * printers must fall back to the address. */
/* sendmsg's control messages, read from this process: strace's walk (a
 * buffer shorter than a header, a header past the buffer, data cut at
 * its end, SCM_SECURITY of SOL_IP) */
static void check_sendmsg_control(void *control, size_t controllen, const char *want)
{
	char *text = NULL, exp[512];
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);
	struct msghdr mh;
	struct tcb t;

	assert_non_null(fp);
	memset(&mh, 0, sizeof(mh));
	mh.msg_control = control;
	mh.msg_controllen = controllen;
	memset(&t, 0, sizeof(t));
	t.pid = getpid();
	t.out = outstream_new(fp);
	t.args[0] = (unsigned long)-1;
	t.args[1] = (unsigned long)&mh;
	pcfg.deref = true;
	mem_cache_drop(); /* the test rewrites its buffers between calls */
	dec_sendmsg(&t);
	sink_flush(t.out);
	snprintf(exp, sizeof(exp), "-1, {msg_name=NULL, msg_namelen=0, msg_iov=NULL, msg_iovlen=0, "
		 "msg_control=%s, msg_controllen=%zu, msg_flags=0}, 0", want, controllen);
	assert_string_equal(text, exp);
	outstream_close(t.out);
	free(text);
}

static void test_cmsg_walk(void **state)
{
	union {
		struct cmsghdr h;
		unsigned char b[64];
	} u;
	char want[256];

	(void)state;
	memset(&u, 0, sizeof(u));
	u.h.cmsg_level = SOL_SOCKET;
	u.h.cmsg_type = SCM_RIGHTS;
	snprintf(want, sizeof(want), "%p", (void *)u.b);
	check_sendmsg_control(u.b, 8, want);
	snprintf(want, sizeof(want), "[{cmsg_len=0, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS}, "
		 "... /* %p */]", (void *)(u.b + 16));
	check_sendmsg_control(u.b, 17, want);
	u.h.cmsg_len = CMSG_LEN(2 * sizeof(int));
	memset(CMSG_DATA(&u.h), 0xff, 2 * sizeof(int));
	check_sendmsg_control(u.b, CMSG_LEN(sizeof(int)), "[{cmsg_len=24, cmsg_level=SOL_SOCKET, "
			      "cmsg_type=SCM_RIGHTS, cmsg_data=[-1]}]");
	u.h.cmsg_len = CMSG_LEN(2);
	u.h.cmsg_level = SOL_IP;
	u.h.cmsg_type = 3;
	memcpy(CMSG_DATA(&u.h), "ab", 2);
	check_sendmsg_control(u.b, CMSG_SPACE(2), "[{cmsg_len=18, cmsg_level=SOL_IP, "
			      "cmsg_type=SCM_SECURITY, cmsg_data=\"ab\"}]");
}

static void test_unreadable(void **state)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);
	struct tcb t;

	(void)state;
	assert_non_null(fp);
	memset(&t, 0, sizeof(t));
	t.pid = 0x7fffffff;
	t.out = outstream_new(fp);
	print_sockaddr(&t, 0x1000, 16);
	tprints(&t, " ");
	print_sockaddr(&t, 0, 16);
	tprints(&t, " ");
	print_sockaddr(&t, 0x2000, 0);
	sink_flush(t.out);
	assert_string_equal(text, "0x1000 NULL 0x2000");
	outstream_close(t.out);
	free(text);
}

/* A decoder's data from entry to exit lives on the tcb: replaced data,
 * the end of the call and the tracee's death (tcb_free) all free it. */
static int priv_freed;
static void count_free(void *p)
{
	(void)p;
	priv_freed++;
}

static void test_call_priv(void **state)
{
	struct tcb *t = tcb_new(0x7ffffff0, 0);
	int a, b;

	(void)state;
	priv_freed = 0;
	tcb_set_call_priv(t, &a, count_free);
	assert_ptr_equal(t->call_priv, &a);
	tcb_set_call_priv(t, &b, count_free);
	assert_int_equal(priv_freed, 1);
	assert_ptr_equal(t->call_priv, &b);
	tcb_call_priv_drop(t);
	assert_int_equal(priv_freed, 2);
	assert_null(t->call_priv);
	tcb_call_priv_drop(t);
	assert_int_equal(priv_freed, 2);
	tcb_set_call_priv(t, &a, count_free);
	tcb_free(t); /* died inside the call */
	assert_int_equal(priv_freed, 3);
}

/* NETLINK_ROUTE messages in this process's memory, decoded as a
 * tracee's: the printed text. */
static char *decode_proto(int proto, const void *msg, size_t len)
{
	char *text = NULL;
	size_t tlen = 0;
	FILE *fp = open_memstream(&text, &tlen);
	struct tcb t;

	assert_non_null(fp);
	memset(&t, 0, sizeof(t));
	t.pid = getpid();
	t.out = outstream_new(fp);
	mem_cache_drop(); /* msg may be a rewritten buffer */
	decode_netlink(&t, proto, (unsigned long)msg, len);
	sink_flush(t.out);
	outstream_close(t.out);
	return text;
}

static char *decode_route(const void *msg, size_t len)
{
	return decode_proto(NETLINK_ROUTE, msg, len);
}

struct route_msg {
	struct nlmsghdr h;
	struct ifinfomsg ifi;
	struct nlattr protinfo;
	struct nlattr a;
	unsigned char v[16];
};

static struct route_msg protinfo_msg(uint8_t family, uint16_t type, const void *v, size_t vlen)
{
	struct route_msg m;

	memset(&m, 0, sizeof(m));
	m.h.nlmsg_len = (uint32_t)(offsetof(struct route_msg, v) + vlen);
	m.h.nlmsg_type = RTM_GETLINK;
	m.ifi.ifi_family = family;
	m.protinfo.nla_len = (uint16_t)(sizeof(m.protinfo) + sizeof(m.a) + vlen);
	m.protinfo.nla_type = IFLA_PROTINFO;
	m.a.nla_len = (uint16_t)(sizeof(m.a) + vlen);
	m.a.nla_type = type;
	memcpy(m.v, v, vlen);
	return m;
}

/* IFLA_PROTINFO by the message's family: IFLA_BRPORT_* (clock_t of any
 * size, ifla_bridge_id), IFLA_INET6_* (indexed arrays), else bytes */
static void test_netlink_protinfo(void **state)
{
	static const uint8_t timer[3] = { 0x10, 0x27, 0 };
	static const uint8_t id[8] = { 1, 2, 0xab, 0xcd, 0xef, 0, 0x11, 0x22 };
	static const int32_t conf[2] = { -1, 7 };
	static const uint64_t icmp6[7] = { 0, 0, 0, 0, 0, 0, 9 };
	struct route_msg m;
	char *text;

	(void)state;
	m = protinfo_msg(AF_BRIDGE, IFLA_BRPORT_HOLD_TIMER, timer, sizeof(timer));
	text = decode_route(&m, m.h.nlmsg_len);
	assert_non_null(strstr(text, "nla_type=IFLA_BRPORT_HOLD_TIMER}, 10000 /* 100.00 s */]]"));
	free(text);
	m = protinfo_msg(AF_BRIDGE, IFLA_BRPORT_ROOT_ID, id, sizeof(id));
	text = decode_route(&m, m.h.nlmsg_len);
	assert_non_null(strstr(text, "{prio=[1, 2], addr=ab:cd:ef:00:11:22}]]"));
	free(text);
	m = protinfo_msg(AF_INET6, IFLA_INET6_CONF, conf, sizeof(conf));
	text = decode_route(&m, m.h.nlmsg_len);
	assert_non_null(strstr(text, "[[DEVCONF_FORWARDING]=-1, [DEVCONF_HOPLIMIT]=7]]]"));
	free(text);
	m = protinfo_msg(AF_INET6, IFLA_INET6_ICMP6STATS, icmp6, 16);
	text = decode_route(&m, m.h.nlmsg_len);
	assert_non_null(strstr(text, "[[ICMP6_MIB_NUM]=0, [ICMP6_MIB_INMSGS]=0]]]"));
	free(text);
	m = protinfo_msg(AF_INET, 1, conf, sizeof(conf));
	text = decode_route(&m, m.h.nlmsg_len);
	assert_non_null(strstr(text, "nla_type=IFLA_PROTINFO}, \"\\x0c\\x00\\x01\\x00"));
	free(text);
}

/* RTM_GETNEXTHOP: NHA_GROUP as struct nexthop_grp records, the reserved
 * bytes only when nonzero */
static void test_netlink_nexthop(void **state)
{
	struct {
		struct nlmsghdr h;
		struct nhmsg nh;
		struct nlattr a;
		uint32_t grp[4];
	} m;
	char *text;

	(void)state;
	memset(&m, 0, sizeof(m));
	m.h.nlmsg_len = sizeof(m);
	m.h.nlmsg_type = RTM_GETNEXTHOP;
	m.nh.nh_family = AF_INET;
	m.a.nla_len = sizeof(m.a) + sizeof(m.grp);
	m.a.nla_type = NHA_GROUP;
	m.grp[0] = 5;
	m.grp[1] = 3 | 0xbeef0000u; /* weight 3, resvd2 0xbeef (little-endian) */
	m.grp[2] = 6;
	m.grp[3] = 0;
	text = decode_route(&m, sizeof(m));
	assert_non_null(strstr(text, "nla_type=NHA_GROUP}, [{id=5, weight=3, resvd2=0xbeef}, "
				     "{id=6, weight=0}]]"));
	free(text);
}

/* A message of type type with body body (blen bytes) and one attribute
 * nest: attribute a0 holding a1 (when a1 >= 0) holding v (vlen bytes). */
static size_t nested_msg(unsigned char *buf, uint16_t type, const void *body, size_t blen,
			 int a0, int a1, const void *v, size_t vlen)
{
	struct nlmsghdr h = { .nlmsg_type = type };
	struct nlattr n0 = { .nla_type = (uint16_t)a0 }, n1 = { .nla_type = (uint16_t)a1 };
	size_t off = NLMSG_HDRLEN + NLMSG_ALIGN(blen), inner = a1 >= 0 ? NLA_HDRLEN : 0;

	memset(buf, 0, 512);
	if (blen) /* (memcpy from NULL is undefined even for 0 bytes: UBSan) */
		memcpy(buf + NLMSG_HDRLEN, body, blen);
	n1.nla_len = (uint16_t)(NLA_HDRLEN + vlen);
	n0.nla_len = (uint16_t)(NLA_HDRLEN + inner + vlen);
	memcpy(buf + off, &n0, sizeof(n0));
	if (a1 >= 0)
		memcpy(buf + off + NLA_HDRLEN, &n1, sizeof(n1));
	if (vlen)
		memcpy(buf + off + NLA_HDRLEN + inner, v, vlen);
	h.nlmsg_len = (uint32_t)(off + NLA_HDRLEN + inner + vlen);
	memcpy(buf, &h, sizeof(h));
	return h.nlmsg_len;
}

/* RTM_GETSTATS: nested xstats, a structure with the bytes after it, a
 * field array indexed by names */
static void test_netlink_ifstats(void **state)
{
	struct if_stats_msg ism = { .family = AF_UNSPEC };
	unsigned char buf[512], v[64];
	struct bridge_vlan_xstats vx = { .rx_bytes = 1, .vid = 7, .flags = BRIDGE_VLAN_INFO_PVID };
	struct br_mcast_stats mc;
	size_t len;
	char *text;

	(void)state;
	memset(v, 0, sizeof(v));
	memcpy(v, &vx, sizeof(vx));
	v[sizeof(vx)] = 0xab;
	len = nested_msg(buf, RTM_GETSTATS, &ism, sizeof(ism), IFLA_STATS_LINK_XSTATS,
			 LINK_XSTATS_TYPE_BRIDGE, NULL, 0);
	text = decode_route(buf, len);
	assert_non_null(strstr(text, "nla_type=IFLA_STATS_LINK_XSTATS}, {nla_len=4, "
				     "nla_type=LINK_XSTATS_TYPE_BRIDGE}]"));
	free(text);
	{
		struct {
			struct nlattr n2;
			unsigned char w[sizeof(vx) + 1];
		} __attribute__((packed)) in2;

		in2.n2.nla_len = (uint16_t)(NLA_HDRLEN + sizeof(vx) + 1);
		in2.n2.nla_type = BRIDGE_XSTATS_VLAN;
		memcpy(in2.w, v, sizeof(vx) + 1);
		len = nested_msg(buf, RTM_GETSTATS, &ism, sizeof(ism), IFLA_STATS_LINK_XSTATS,
				 LINK_XSTATS_TYPE_BRIDGE, &in2, sizeof(in2));
		text = decode_route(buf, len);
		assert_non_null(strstr(text, "[{nla_len=45, nla_type=BRIDGE_XSTATS_VLAN}, {rx_bytes=1, "
					     "rx_packets=0, tx_bytes=0, tx_packets=0, vid=7, "
					     "flags=BRIDGE_VLAN_INFO_PVID}, \"\\xab\"]"));
		free(text);
	}
	memset(&mc, 0, sizeof(mc));
	mc.igmp_v1queries[1] = 5;
	{
		struct nlattr n2 = { (uint16_t)(NLA_HDRLEN + sizeof(mc)), BRIDGE_XSTATS_MCAST };
		unsigned char in2[NLA_HDRLEN + sizeof(mc)];

		memcpy(in2, &n2, sizeof(n2));
		memcpy(in2 + NLA_HDRLEN, &mc, sizeof(mc));
		len = nested_msg(buf, RTM_GETSTATS, &ism, sizeof(ism), IFLA_STATS_LINK_XSTATS,
				 LINK_XSTATS_TYPE_BRIDGE, in2, sizeof(in2));
		text = decode_route(buf, len);
		assert_non_null(strstr(text, "{igmp_v1queries=[[BR_MCAST_DIR_RX]=0, "
					     "[BR_MCAST_DIR_TX]=5], igmp_v2queries="));
		free(text);
	}
}

/* RTM_GETLINK: IFLA_VFINFO_LIST nests, IFLA_AF_SPEC by the message's
 * family (AF_BRIDGE: IFLA_BRIDGE_*, others: a nest per family) */
static void test_netlink_vfinfo_af_spec(void **state)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	unsigned char buf[512];
	struct {
		struct nlattr n2;
		struct ifla_vf_vlan_info vi;
	} vl = { { NLA_HDRLEN + sizeof(struct ifla_vf_vlan_info), IFLA_VF_VLAN_INFO },
		 { .vf = 1, .vlan = 2, .qos = 3, .vlan_proto = htons(ETH_P_8021Q) } };
	struct {
		struct nlattr n2;
		int32_t conf[2];
	} inet = { { NLA_HDRLEN + 8, IFLA_INET_CONF }, { 1, -2 } };
	uint16_t bflags = BRIDGE_FLAGS_SELF;
	size_t len;
	char *text;

	(void)state;
	len = nested_msg(buf, RTM_GETLINK, &ifi, sizeof(ifi), IFLA_VFINFO_LIST, IFLA_VF_INFO, NULL,
			 0);
	text = decode_route(buf, len);
	assert_non_null(strstr(text, "nla_type=IFLA_VFINFO_LIST}, {nla_len=4, nla_type=IFLA_VF_INFO}]"));
	free(text);
	{
		struct {
			struct nlattr n1;
			typeof(vl) vl;
		} in = { { NLA_HDRLEN + sizeof(vl), IFLA_VF_VLAN_LIST }, vl };

		len = nested_msg(buf, RTM_GETLINK, &ifi, sizeof(ifi), IFLA_VFINFO_LIST, IFLA_VF_INFO,
				 &in, sizeof(in));
		text = decode_route(buf, len);
		assert_non_null(strstr(text, "{vf=1, vlan=2, qos=3, vlan_proto=htons(ETH_P_8021Q)}"));
		free(text);
	}
	len = nested_msg(buf, RTM_GETLINK, &ifi, sizeof(ifi), IFLA_AF_SPEC, AF_INET, &inet,
			 sizeof(inet));
	text = decode_route(buf, len);
	assert_non_null(strstr(text, "nla_type=AF_INET}, [{nla_len=12, nla_type=IFLA_INET_CONF}, "
				     "[[IPV4_DEVCONF_FORWARDING-1]=1, [IPV4_DEVCONF_MC_FORWARDING-1]=-2]"));
	free(text);
	ifi.ifi_family = AF_BRIDGE;
	len = nested_msg(buf, RTM_GETLINK, &ifi, sizeof(ifi), IFLA_AF_SPEC, IFLA_BRIDGE_FLAGS, &bflags,
			 sizeof(bflags));
	text = decode_route(buf, len);
	assert_non_null(strstr(text, "nla_type=IFLA_BRIDGE_FLAGS}, BRIDGE_FLAGS_SELF]"));
	free(text);
}

/* SOCK_DIAG_BY_FAMILY replies of AF_SMC: SMC_DIAG_FALLBACK codes with
 * their numbers (names outside the UAPI), SMC_DIAG_LGRINFO's link array
 * and strings */
static void test_netlink_smc(void **state)
{
	struct smc_diag_msg sm = { .diag_family = AF_SMC };
	struct smc_diag_fallback fb = { .reason = 0x03060000, .peer_diagnosis = 0 };
	struct smc_diag_lgrinfo lg = { .role = 1 };
	unsigned char buf[512];
	size_t len;
	char *text;

	(void)state;
	len = nested_msg(buf, SOCK_DIAG_BY_FAMILY, &sm, sizeof(sm), SMC_DIAG_FALLBACK, -1, &fb,
			 sizeof(fb));
	text = decode_proto(NETLINK_SOCK_DIAG, buf, len);
	assert_non_null(strstr(text, "nla_type=SMC_DIAG_FALLBACK}, {reason=0x3060000 /* "
				     "SMC_CLC_DECL_OPTUNSUPP */, peer_diagnosis=0 /* SMC_CLC_DECL_??? */}]"));
	free(text);
	lg.lnk[0].link_id = 3;
	memcpy(lg.lnk[0].ibname, "mlx", 3);
	len = nested_msg(buf, SOCK_DIAG_BY_FAMILY, &sm, sizeof(sm), SMC_DIAG_LGRINFO, -1, &lg,
			 sizeof(lg));
	text = decode_proto(NETLINK_SOCK_DIAG, buf, len);
	assert_non_null(strstr(text, "{lnk=[{link_id=3, ibname=\"mlx\", ibport=0, gid=\"\", "
				     "peer_gid=\"\"}], role=SMC_SERV}]"));
	free(text);
}

/* IFLA_LINKINFO: IFLA_INFO_DATA decoded by the kind that IFLA_INFO_KIND
 * named before it, bytes for an unknown kind */
static void test_netlink_linkinfo(void **state)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	unsigned char buf[512], in[64];
	struct nlattr kind = { NLA_HDRLEN + 4, IFLA_INFO_KIND }, data = { NLA_HDRLEN + 8, IFLA_INFO_DATA };
	struct nlattr owner = { NLA_HDRLEN + 4, IFLA_TUN_OWNER };
	uint32_t uid = 0xffffffffu;
	size_t len;
	char *text;

	(void)state;
	memcpy(in, &kind, sizeof(kind));
	memcpy(in + NLA_HDRLEN, "tun", 4);
	memcpy(in + 8, &data, sizeof(data));
	memcpy(in + 12, &owner, sizeof(owner));
	memcpy(in + 16, &uid, sizeof(uid));
	len = nested_msg(buf, RTM_GETLINK, &ifi, sizeof(ifi), IFLA_LINKINFO, -1, in, 20);
	text = decode_route(buf, len);
	assert_non_null(strstr(text, "[{nla_len=8, nla_type=IFLA_INFO_KIND}, \"tun\"], "
				     "[{nla_len=12, nla_type=IFLA_INFO_DATA}, [{nla_len=8, "
				     "nla_type=IFLA_TUN_OWNER}, -1]]"));
	free(text);
	memcpy(in + NLA_HDRLEN, "xyz", 4);
	len = nested_msg(buf, RTM_GETLINK, &ifi, sizeof(ifi), IFLA_LINKINFO, -1, in, 20);
	text = decode_route(buf, len);
	assert_non_null(strstr(text, "[{nla_len=12, nla_type=IFLA_INFO_DATA}, \"\\x08\\x00"));
	free(text);
}

/* INET_DIAG_REQ_BYTECODE: an operation and what its code takes */
static void test_netlink_bytecode(void **state)
{
	struct inet_diag_req_v2 req = { .sdiag_family = AF_INET };
	struct {
		struct inet_diag_bc_op op;
		struct inet_diag_hostcond hc;
		uint8_t addr[4];
	} bc = { { INET_DIAG_BC_S_COND, 1, 2 }, { AF_INET, 8, 80 }, { 10, 0, 0, 1 } };
	unsigned char buf[512];
	size_t len;
	char *text;

	(void)state;
	len = nested_msg(buf, SOCK_DIAG_BY_FAMILY, &req, sizeof(req), INET_DIAG_REQ_BYTECODE, -1,
			 &bc, sizeof(bc));
	((struct nlmsghdr *)(void *)buf)->nlmsg_flags = NLM_F_REQUEST;
	text = decode_proto(NETLINK_SOCK_DIAG, buf, len);
	assert_non_null(strstr(text, "nla_type=INET_DIAG_REQ_BYTECODE}, {code=INET_DIAG_BC_S_COND, "
				     "yes=1, no=2}, {family=AF_INET, prefix_len=8, port=80, "
				     "addr=inet_addr(\"10.0.0.1\")}]"));
	free(text);
}

/* inet_diag replies: INET_DIAG_SOCKOPT bit fields, INET_DIAG_MD5SIG
 * records with the address of their family and their key's length */
static void test_netlink_inet_diag_msg(void **state)
{
	struct inet_diag_msg im = { .idiag_family = AF_INET };
	unsigned char buf[512], opt[2] = { 0x11, 0x04 };
	struct tcp_diag_md5sig md5 = { .tcpm_family = AF_INET, .tcpm_prefixlen = 32,
				       .tcpm_keylen = 2, .tcpm_addr = { htonl(0x7f000001) },
				       .tcpm_key = { 0xab, 0xcd, 0xef } };
	size_t len;
	char *text;

	(void)state;
	len = nested_msg(buf, SOCK_DIAG_BY_FAMILY, &im, sizeof(im), INET_DIAG_SOCKOPT, -1, opt,
			 sizeof(opt));
	text = decode_proto(NETLINK_SOCK_DIAG, buf, len);
	assert_non_null(strstr(text, "nla_type=INET_DIAG_SOCKOPT}, {recverr=1, mc_loop=1, "
				     "defer_connect=1}]"));
	free(text);
	len = nested_msg(buf, SOCK_DIAG_BY_FAMILY, &im, sizeof(im), INET_DIAG_MD5SIG, -1, &md5,
			 sizeof(md5));
	text = decode_proto(NETLINK_SOCK_DIAG, buf, len);
	assert_non_null(strstr(text, "[{tcpm_family=AF_INET, tcpm_prefixlen=32, tcpm_keylen=2, "
				     "tcpm_addr=inet_addr(\"127.0.0.1\"), tcpm_key=\"\\xab\\xcd\"}]"));
	free(text);
}

/* sin6_scope_id of a link-local address names its interface; nl_groups
 * in %#08x */
static void test_scope_nl(void **state)
{
	struct sockaddr_in6 s6 = { .sin6_family = AF_INET6, .sin6_scope_id = 1 };
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK, .nl_pid = 1234, .nl_groups = 5 };
	char buf[1024], lo[IF_NAMESIZE + 1];

	(void)state;
	check_sa(&nl, sizeof(nl), "{sa_family=AF_NETLINK, nl_pid=1234, nl_groups=0x000005}");
	s6.sin6_addr = in6addr_loopback;
	check_sa(&s6, sizeof(s6), "{sa_family=AF_INET6, sin6_port=htons(0), sin6_flowinfo=htonl(0), "
		 "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=1}");
	if (!if_indextoname(1, lo) || strcmp(lo, "lo"))
		skip();
	inet_pton(AF_INET6, "fe80::1", &s6.sin6_addr);
	check_sa(&s6, sizeof(s6), "{sa_family=AF_INET6, sin6_port=htons(0), sin6_flowinfo=htonl(0), "
		 "inet_pton(AF_INET6, \"fe80::1\", &sin6_addr), sin6_scope_id=if_nametoindex(\"lo\")}");
	format_sockaddr(buf, sizeof(buf), &s6, sizeof(s6), 0, XLAT_VERBOSE);
	assert_non_null(strstr(buf, "sin6_scope_id=1 /* if_nametoindex(\"lo\") */}"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inet),
		cmocka_unit_test(test_inet6),
		cmocka_unit_test(test_scope_nl),
		cmocka_unit_test(test_unix),
		cmocka_unit_test(test_netlink_unknown),
		cmocka_unit_test(test_more_families),
		cmocka_unit_test(test_families_xstyle),
		cmocka_unit_test(test_huge_len),
		cmocka_unit_test(test_socktype),
		cmocka_unit_test(test_xstyle),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_cmsg_walk),
		cmocka_unit_test(test_proc_net),
		cmocka_unit_test(test_call_priv),
		cmocka_unit_test(test_netlink_protinfo),
		cmocka_unit_test(test_netlink_nexthop),
		cmocka_unit_test(test_netlink_ifstats),
		cmocka_unit_test(test_netlink_vfinfo_af_spec),
		cmocka_unit_test(test_netlink_smc),
		cmocka_unit_test(test_netlink_linkinfo),
		cmocka_unit_test(test_netlink_bytecode),
		cmocka_unit_test(test_netlink_inet_diag_msg),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
