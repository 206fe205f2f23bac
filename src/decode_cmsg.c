/* Control message data as strace 6.1 prints it: SOL_IP messages
 * (IP_PKTINFO, IP_TTL, IP_TOS, IP_RECVOPTS/IP_RETOPTS, IP_ORIGDSTADDR)
 * and the SOL_SOCKET timestamps (SO_TIMESTAMP{,NS}_{OLD,NEW}).  A
 * message shorter than its structure is left undecoded. */
#include "config.h"
#include "decode_cmsg.h"

#include <arpa/inet.h>
#include <linux/time_types.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>

#include "decode_net.h"
#include "decode_netlink.h"
#include "print.h"

enum {
	CT_SO_TIMESTAMP_OLD = 29,
	CT_SO_TIMESTAMPNS_OLD = 35,
	CT_SO_TIMESTAMP_NEW = 63,
	CT_SO_TIMESTAMPNS_NEW = 64,
};

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
	case IP_TTL: {
		unsigned v;

		if (dlen < sizeof(v))
			return false;
		memcpy(&v, data, sizeof(v));
		tprintf(tcp, ", cmsg_data=[%u]", v);
		return true;
	}
	case IP_TOS:
		if (dlen < 1)
			return false;
		tprintf(tcp, ", cmsg_data=[%#x]", data[0]);
		return true;
	case IP_RECVOPTS:
	case IP_RETOPTS:
		if (!dlen)
			return true;
		tprints(tcp, ", cmsg_data=[");
		for (size_t i = 0; i < dlen; i++)
			tprintf(tcp, i ? ", %#x" : "%#x", data[i]);
		tprints(tcp, "]");
		return true;
	case IP_ORIGDSTADDR: {
		char buf[1024];

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

static bool print_ts_words(struct tcb *tcp, const unsigned char *data, size_t dlen,
			   const char *frac)
{
	int64_t w[2];

	if (dlen < sizeof(w))
		return false;
	memcpy(w, data, sizeof(w));
	tprintf(tcp, ", cmsg_data={tv_sec=%lld, %s=%lld}", (long long)w[0], frac, (long long)w[1]);
	return true;
}

static bool print_timestamp(struct tcb *tcp, int type, const unsigned char *data, size_t dlen)
{
	switch (type) {
	case CT_SO_TIMESTAMP_OLD:
	case CT_SO_TIMESTAMP_NEW:
		return print_ts_words(tcp, data, dlen, "tv_usec");
	case CT_SO_TIMESTAMPNS_OLD:
	case CT_SO_TIMESTAMPNS_NEW:
		return print_ts_words(tcp, data, dlen, "tv_nsec");
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
