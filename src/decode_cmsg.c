/* Control message data as strace 6.1 prints it: SOL_IP messages
 * (IP_PKTINFO, IP_TTL, IP_TOS, IP_RECVOPTS/IP_RETOPTS, IP_RECVERR,
 * IP_ORIGDSTADDR, IP_CHECKSUM)
 * and the SOL_SOCKET timestamps (SO_TIMESTAMP{,NS,ING}_{OLD,NEW}: "???"
 * when shorter than their structure) and SCM_SECURITY.  An IP message
 * shorter than its structure is left undecoded. */
#include "config.h"
#include "decode_cmsg.h"

#include <arpa/inet.h>
#include <linux/errqueue.h>
#include <linux/time_types.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>

#include "decode_net.h"
#include "decode_netlink.h"
#include "sink.h"
#include "quote.h"
#include "util.h"

enum {
	CT_SO_TIMESTAMP_OLD = 29,
	CT_SO_TIMESTAMPNS_OLD = 35,
	CT_SO_TIMESTAMP_NEW = 63,
	CT_SO_TIMESTAMPNS_NEW = 64,
	CT_SO_TIMESTAMPING_OLD = 37,
	CT_SO_TIMESTAMPING_NEW = 65,
	CT_SCM_SECURITY = 3,
	CT_TIMESTAMPING_N = 3,         /* struct scm_timestamping: 3 timespecs */
};

/* SCM_SECURITY: the security context, all its bytes quoted */
static bool print_security(struct tcb *tcp, const unsigned char *data, size_t dlen)
{
	_cleanup_free_ char *q = NULL;

	if (!dlen)
		return false;
	q = xmalloc(QUOTE_SIZE(dlen));
	quote_string((const char *)data, dlen, 0, q);
	tprintf(tcp, ", cmsg_data=%s", q);
	return true;
}

/* An array of n unsigned values of size 4 ("[4207869677]") or 1 ("[0x41]"):
 * at most -s of them but under -v. */
static void print_small_array(struct tcb *tcp, const unsigned char *data, size_t n, size_t size)
{
	tprints(tcp, ", cmsg_data=[");
	for (size_t i = 0; i < n; i++) {
		unsigned v;

		if (i)
			tprints(tcp, ", ");
		if (!pcfg.verbose && i >= pcfg.max_strlen) {
			tprints(tcp, "...");
			break;
		}
		if (size == 1) {
			tprintf(tcp, "%#x", data[i]);
			continue;
		}
		memcpy(&v, data + i * size, sizeof(v));
		tprintf(tcp, "%u", v);
	}
	tprints(tcp, "]");
}

static bool print_ip(struct tcb *tcp, int type, const unsigned char *data, size_t dlen)
{
	switch (type) {
	case IP_PKTINFO: {
		struct in_pktinfo pi;
		char a[INET_ADDRSTRLEN], b[INET_ADDRSTRLEN];

		if (dlen < sizeof(pi))
			return false;
		memcpy(&pi, data, sizeof(pi));
		tprints(tcp, ", cmsg_data={ipi_ifindex=");
		nl_print_ifindex(tcp, (unsigned)pi.ipi_ifindex);
		inet_ntop(AF_INET, &pi.ipi_spec_dst, a, sizeof(a));
		inet_ntop(AF_INET, &pi.ipi_addr, b, sizeof(b));
		tprintf(tcp, ", ipi_spec_dst=inet_addr(\"%s\"), ipi_addr=inet_addr(\"%s\")}", a, b);
		return true;
	}
	case IP_TTL:
	case IP_CHECKSUM:
		if (dlen < sizeof(unsigned))
			return false;
		print_small_array(tcp, data, dlen / sizeof(unsigned), sizeof(unsigned));
		return true;
	case IP_TOS:
	case IP_RECVOPTS:
	case IP_RETOPTS:
		if (!dlen)
			return false;
		print_small_array(tcp, data, dlen, 1);
		return true;
	case IP_RECVERR: {
		struct sock_extended_err ee;
		char buf[1024];

		if (dlen < sizeof(ee) + sizeof(struct sockaddr_in))
			return false;
		memcpy(&ee, data, sizeof(ee));
		format_sockaddr(buf, sizeof(buf), data + sizeof(ee), sizeof(struct sockaddr_in), 0,
				pcfg.xlat_style);
		tprintf(tcp, ", cmsg_data={ee_errno=%u, ee_origin=%u, ee_type=%u, ee_code=%u, "
			"ee_info=%u, ee_data=%u, offender=%s}", ee.ee_errno, ee.ee_origin, ee.ee_type,
			ee.ee_code, ee.ee_info, ee.ee_data, buf);
		return true;
	}
	case CT_SCM_SECURITY:
		return print_security(tcp, data, dlen);
	case IP_ORIGDSTADDR: {
		char buf[1024];

		if (dlen < sizeof(struct sockaddr_in))
			return false;
		format_sockaddr(buf, sizeof(buf), data, dlen, 0, pcfg.xlat_style);
		tprintf(tcp, ", cmsg_data=%s", buf);
		return true;
	}
	default:
		return false;
	}
}

/* cmsg_data of a timestamp: two 64-bit words (struct timeval/timespec of
 * a 64-bit ABI and the __kernel_sock_timeval/__kernel_timespec of the
 * _NEW types have the same layout). */
_Static_assert(sizeof(struct timeval) == 16 && sizeof(struct timespec) == 16 &&
	       sizeof(struct __kernel_sock_timeval) == 16 && sizeof(struct __kernel_timespec) == 16,
	       "timestamps of two 64-bit words");

/* n timestamps: "{tv_sec=S, FRAC=F}", several in "[...]"; "???" when
 * dlen is short (struct scm_timestamping: three timespecs) */
static bool print_ts_words(struct tcb *tcp, const unsigned char *data, size_t dlen, unsigned n,
			   const char *frac)
{
	int64_t w[2 * CT_TIMESTAMPING_N];
	size_t size = n * 2 * sizeof(w[0]);

	if (!dlen)
		return false;
	if (n > CT_TIMESTAMPING_N || dlen < size) {
		tprints(tcp, ", cmsg_data=???");
		return true;
	}
	memcpy(w, data, size);
	tprints(tcp, n > 1 ? ", cmsg_data=[" : ", cmsg_data=");
	for (unsigned i = 0; i < n; i++)
		tprintf(tcp, "%s{tv_sec=%lld, %s=%lld}", i ? ", " : "", (long long)w[2 * i], frac,
			(long long)w[2 * i + 1]);
	if (n > 1)
		tprints(tcp, "]");
	return true;
}

static bool print_timestamp(struct tcb *tcp, int type, const unsigned char *data, size_t dlen)
{
	switch (type) {
	case CT_SO_TIMESTAMP_OLD:
	case CT_SO_TIMESTAMP_NEW:
		return print_ts_words(tcp, data, dlen, 1, "tv_usec");
	case CT_SO_TIMESTAMPNS_OLD:
	case CT_SO_TIMESTAMPNS_NEW:
		return print_ts_words(tcp, data, dlen, 1, "tv_nsec");
	case CT_SO_TIMESTAMPING_OLD:
	case CT_SO_TIMESTAMPING_NEW:
		return print_ts_words(tcp, data, dlen, CT_TIMESTAMPING_N, "tv_nsec");
	case CT_SCM_SECURITY:
		return print_security(tcp, data, dlen);
	default:
		return false;
	}
}

bool print_cmsg_data_more(struct tcb *tcp, int level, int type, const unsigned char *data,
			  size_t dlen)
{
	if (level == SOL_IP)
		return print_ip(tcp, type, data, dlen);
	if (level == SOL_SOCKET)
		return print_timestamp(tcp, type, data, dlen);
	return false;
}
