/* Socket ioctls (type 0x89, <linux/sockios.h>): SIOCGIFCONF's struct
 * ifconf, whose buffer is an array of struct ifreq. */
#include "config.h"

#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "decode_ioctl.h"
#include "decode_net.h"
#include "ioctl_families.h"
#include "print.h"
#include "quote.h"
#include "syscallent.h"
#include "tcb.h"
#include "util.h"

/* ifc_len: "120 /+ 3 * sizeof(struct ifreq) +/" when a whole number of them */
static void print_ifc_len(struct tcb *tcp, int len)
{
	unsigned n = (unsigned)len / sizeof(struct ifreq);

	tprintf(tcp, "%d", len);
	if (len > 0 && n * sizeof(struct ifreq) == (unsigned)len)
		tprintf(tcp, " /* %u * sizeof(struct ifreq) */", n);
}

/* One ifreq of the buffer: its name and address */
static void print_ifconf_ifreq(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct ifreq *ifr = elem;
	size_t n = strnlen(ifr->ifr_name, sizeof(ifr->ifr_name));
	char q[QUOTE_SIZE(sizeof(ifr->ifr_name))];
	char sa[512];

	(void)addr;
	(void)data;
	quote_string(ifr->ifr_name, n < sizeof(ifr->ifr_name) ? n : sizeof(ifr->ifr_name) - 1, 0, q);
	format_sockaddr(sa, sizeof(sa), &ifr->ifr_addr, sizeof(ifr->ifr_addr), 0, pcfg.xlat_style);
	tprintf(tcp, "{ifr_name=%s%s, ifr_addr=%s}", q, n < sizeof(ifr->ifr_name) ? "" : "...", sa);
}

/* Entry: "{ifc_len=N" (the length only when there is a buffer: else the
 * kernel returns the length it needs); exit: the length the kernel left,
 * the buffer's entries or its address when the call failed. */
static int decode_ifconf(struct tcb *tcp, unsigned long arg)
{
	const struct ifconf *in = tcp->call_priv;
	struct ifconf out;
	struct ifreq ifr;

	if (!tcp->exiting) {
		struct ifconf *ifc = xmalloc(sizeof(*ifc));

		tprint_arg_next(tcp);
		if (!fetch_or_print_addr(tcp, arg, ifc, sizeof(*ifc))) {
			free(ifc);
			return DEC_DONE;
		}
		tprints(tcp, "{ifc_len=");
		if (ifc->ifc_buf)
			print_ifc_len(tcp, ifc->ifc_len);
		tcb_set_call_priv(tcp, ifc, free);
		return IOCTL_MORE_ALWAYS;
	}
	if (!in)
		return DEC_DONE;
	if (mem_read_struct(tcp, arg, &out, sizeof(out)) < 0) {
		if (!in->ifc_buf)
			print_ifc_len(tcp, in->ifc_len);
		tprints(tcp, ", ifc_buf=");
		print_addr(tcp, (unsigned long)in->ifc_buf);
		tprints(tcp, "}");
		return DEC_DONE;
	}
	if (in->ifc_buf && in->ifc_len != out.ifc_len)
		tprints(tcp, " => ");
	if (!in->ifc_buf || in->ifc_len != out.ifc_len)
		print_ifc_len(tcp, out.ifc_len);
	tprints(tcp, ", ifc_buf=");
	if (!in->ifc_buf || ioctl_failed(tcp)) {
		print_addr(tcp, (unsigned long)in->ifc_buf);
		if (in->ifc_buf != out.ifc_buf) {
			tprints(tcp, " => ");
			print_addr(tcp, (unsigned long)out.ifc_buf);
		}
	} else {
		unsigned long addr = (unsigned long)out.ifc_buf;
		unsigned long n = (unsigned)out.ifc_len / sizeof(struct ifreq);

		if (!n)
			tprints(tcp, "[]");
		else if (fetch_or_print_addr(tcp, addr, &ifr, sizeof(ifr)))
			print_array(tcp, addr, n, &ifr, sizeof(ifr), print_ifconf_ifreq, NULL, 0);
	}
	tprints(tcp, "}");
	return DEC_DONE;
}

static int sock_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	switch (cmd) {
	case SIOCGIFCONF:
		return decode_ifconf(tcp, arg);
	default:
		return IOCTL_UNHANDLED;
	}
}

static bool sock_exit_on_error(unsigned cmd)
{
	return cmd == SIOCGIFCONF;
}

const struct ioctl_family ioctl_family_sock = {
	.name = "sock",
	.types = { 0x89 },
	.decode = sock_decode,
	.exit_on_error = sock_exit_on_error,
};
