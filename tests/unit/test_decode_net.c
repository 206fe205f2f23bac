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
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "decode_net.h"
#include "decode_netlink.h"
#include "fdinfo.h"
#include "mem.h"
#include "print.h"

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
static char *decode_route(const void *msg, size_t len)
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
	decode_netlink(&t, NETLINK_ROUTE, (unsigned long)msg, len);
	sink_flush(t.out);
	outstream_close(t.out);
	return text;
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
		cmocka_unit_test(test_huge_len),
		cmocka_unit_test(test_socktype),
		cmocka_unit_test(test_xstyle),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_proc_net),
		cmocka_unit_test(test_call_priv),
		cmocka_unit_test(test_netlink_protinfo),
		cmocka_unit_test(test_netlink_nexthop),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
