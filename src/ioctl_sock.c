/* Socket ioctls (type 0x89, <linux/sockios.h>): SIOCGIFCONF's struct
 * ifconf, whose buffer is an array of struct ifreq. */
#include "config.h"

#include <net/if.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "decode_ioctl.h"
#include "decode_net.h"
#include "decode_netlink.h"
#include "gen/decoders.h"
#include "ioctl_families.h"
#include "sink.h"
#include "quote.h"
#include "syscallent.h"
#include "tcb.h"
#include "util.h"

/* <linux/sockios.h> codes that glibc's <bits/ioctls.h> lacks */
#define SIOCSIFENCAP_CMD 0x8926u
#define SIOCBRADDBR_CMD 0x89a0u
#define SIOCBRDELBR_CMD 0x89a1u
#define SIOCBRADDIF_CMD 0x89a2u
#define SIOCBRDELIF_CMD 0x89a3u

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

/* What an ifreq request carries after ifr_name */
enum ifr_kind { IFR_ADDR, IFR_FLAGS, IFR_HWADDR, IFR_MAP, IFR_INT, IFR_STR };

struct ifr_req {
	unsigned cmd;
	bool get;               /* the field is the kernel's answer */
	enum ifr_kind kind;
	const char *field;
};

static const struct ifr_req ifr_reqs[] = {
	{ SIOCGIFADDR, true, IFR_ADDR, "ifr_addr" },
	{ SIOCSIFADDR, false, IFR_ADDR, "ifr_addr" },
	{ SIOCGIFDSTADDR, true, IFR_ADDR, "ifr_dstaddr" },
	{ SIOCSIFDSTADDR, false, IFR_ADDR, "ifr_dstaddr" },
	{ SIOCGIFBRDADDR, true, IFR_ADDR, "ifr_broadaddr" },
	{ SIOCSIFBRDADDR, false, IFR_ADDR, "ifr_broadaddr" },
	{ SIOCGIFNETMASK, true, IFR_ADDR, "ifr_netmask" },
	{ SIOCSIFNETMASK, false, IFR_ADDR, "ifr_netmask" },
	{ SIOCGIFFLAGS, true, IFR_FLAGS, "ifr_flags" },
	{ SIOCSIFFLAGS, false, IFR_FLAGS, "ifr_flags" },
	{ SIOCGIFHWADDR, true, IFR_HWADDR, "ifr_hwaddr" },
	{ SIOCSIFHWADDR, false, IFR_HWADDR, "ifr_hwaddr" },
	{ SIOCSIFHWBROADCAST, false, IFR_HWADDR, "ifr_hwaddr" },
	{ SIOCADDMULTI, false, IFR_HWADDR, "ifr_hwaddr" },
	{ SIOCDELMULTI, false, IFR_HWADDR, "ifr_hwaddr" },
	{ SIOCGIFMAP, true, IFR_MAP, "ifr_map" },
	{ SIOCSIFMAP, false, IFR_MAP, "ifr_map" },
	{ SIOCGIFMETRIC, true, IFR_INT, "ifr_metric" },
	{ SIOCSIFMETRIC, false, IFR_INT, "ifr_metric" },
	{ SIOCGIFMTU, true, IFR_INT, "ifr_mtu" },
	{ SIOCSIFMTU, false, IFR_INT, "ifr_mtu" },
	{ SIOCGIFTXQLEN, true, IFR_INT, "ifr_qlen" },
	{ SIOCSIFTXQLEN, false, IFR_INT, "ifr_qlen" },
	{ SIOCGIFINDEX, true, IFR_INT, "ifr_ifindex" },
	{ SIOCSIFNAME, false, IFR_STR, "ifr_newname" },
	{ SIOCGIFSLAVE, true, IFR_STR, "ifr_slave" },
	{ SIOCSIFSLAVE, false, IFR_STR, "ifr_slave" },
};

static const struct ifr_req *find_ifr_req(unsigned cmd)
{
	for (size_t i = 0; i < sizeof(ifr_reqs) / sizeof(ifr_reqs[0]); i++)
		if (ifr_reqs[i].cmd == cmd)
			return &ifr_reqs[i];
	return NULL;
}

/* An IFNAMSIZ name: up to its NUL, "..." when the last byte is not one */
static void print_ifname(struct tcb *tcp, const char *name)
{
	size_t n = strnlen(name, IFNAMSIZ);
	char q[QUOTE_SIZE(IFNAMSIZ)];

	quote_string(name, n < IFNAMSIZ ? n : IFNAMSIZ - 1, ioctl_quote_flags(), q);
	tprints(tcp, q);
	if (n == IFNAMSIZ)
		tprints(tcp, "...");
}

/* {sa_family=ARPHRD_ETHER, sa_data=00:11:22:33:44:55}: 6 bytes for
 * Ethernet, all of sa_data for other types */
static void print_ifr_hwaddr(struct tcb *tcp, const struct sockaddr *sa)
{
	size_t len = sa->sa_family == 1 ? 6 : sizeof(sa->sa_data);

	tprints(tcp, "{sa_family=");
	print_xval(tcp, &xlat_arp_hardware_types, sa->sa_family, "ARPHRD_???");
	tprints(tcp, ", sa_data=");
	for (size_t i = 0; i < len; i++)
		tprintf(tcp, i ? ":%02x" : "%02x", (unsigned char)sa->sa_data[i]);
	tprints(tcp, "}");
}

static void print_ifr_field(struct tcb *tcp, const struct ifr_req *r, const struct ifreq *ifr)
{
	char sa[512];

	tprintf(tcp, "%s=", r->field);
	switch (r->kind) {
	case IFR_ADDR:
		format_sockaddr(sa, sizeof(sa), &ifr->ifr_addr, sizeof(ifr->ifr_addr), 0,
				pcfg.xlat_style);
		tprints(tcp, sa);
		break;
	case IFR_FLAGS:
		print_flags(tcp, &xlat_iff_flags, (unsigned short)ifr->ifr_flags, "IFF_???");
		break;
	case IFR_HWADDR:
		print_ifr_hwaddr(tcp, &ifr->ifr_hwaddr);
		break;
	case IFR_MAP:
		tprintf(tcp, "{mem_start=%#lx, mem_end=%#lx, base_addr=%#x, irq=%#x, dma=%#x, port=%#x}",
			(unsigned long)ifr->ifr_map.mem_start, (unsigned long)ifr->ifr_map.mem_end,
			ifr->ifr_map.base_addr, ifr->ifr_map.irq, ifr->ifr_map.dma,
			ifr->ifr_map.port);
		break;
	case IFR_INT:
		/* ifr_metric, ifr_mtu, ifr_qlen and ifr_ifindex share one int */
		tprintf(tcp, "%d", ifr->ifr_ifindex);
		break;
	case IFR_STR:
		print_ifname(tcp, ifr->ifr_newname);
		break;
	}
}

/* Marks a G request whose entry printed "{ifr_name=...": its exit ends it */
static int ifreq_started;

/* S requests: the whole ifreq at entry; G requests: the name at entry,
 * the kernel's answer at exit ("}" alone when the call failed).
 * SIOCGIFNAME goes the other way: the index in, the name out. */
static int decode_ifreq(struct tcb *tcp, unsigned cmd, unsigned long arg, const struct ifr_req *r)
{
	struct ifreq ifr;

	if (tcp->exiting) {
		if (tcp->call_priv != &ifreq_started)
			return DEC_DONE;
		if (!ioctl_failed(tcp) && mem_read_struct(tcp, arg, &ifr, sizeof(ifr)) == 0) {
			tprints(tcp, ", ");
			if (r) {
				print_ifr_field(tcp, r, &ifr);
			} else {
				tprints(tcp, "ifr_name=");
				print_ifname(tcp, ifr.ifr_name);
			}
		}
		tprints(tcp, "}");
		return DEC_DONE;
	}
	tprint_arg_next(tcp);
	if (!fetch_or_print_addr(tcp, arg, &ifr, sizeof(ifr)))
		return DEC_DONE;
	tprints(tcp, "{");
	if (!r) {
		tprintf(tcp, "ifr_ifindex=%d", ifr.ifr_ifindex);
	} else {
		tprints(tcp, "ifr_name=");
		print_ifname(tcp, ifr.ifr_name);
		if (!r->get) {
			tprints(tcp, ", ");
			print_ifr_field(tcp, r, &ifr);
			tprints(tcp, "}");
			return DEC_DONE;
		}
	}
	tcb_set_call_priv(tcp, &ifreq_started, NULL);
	return IOCTL_MORE_ALWAYS;
}

/* SIOCBRADDIF/SIOCBRDELIF: {ifr_ifindex=if_nametoindex("lo")} */
static int decode_ifreq_ifindex(struct tcb *tcp, unsigned long arg)
{
	struct ifreq ifr;

	tprint_arg_next(tcp);
	if (fetch_or_print_addr(tcp, arg, &ifr, sizeof(ifr))) {
		tprints(tcp, "{ifr_ifindex=");
		nl_print_ifindex(tcp, (unsigned)ifr.ifr_ifindex);
		tprints(tcp, "}");
	}
	return DEC_DONE;
}

/* [int]: at entry for the S requests, at exit for the G ones */
static int decode_int_ref(struct tcb *tcp, unsigned long arg, bool get)
{
	int v;

	if (get && !tcp->exiting) {
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (!get)
		tprint_arg_next(tcp);
	if (fetch_or_print_addr(tcp, arg, &v, sizeof(v)))
		tprintf(tcp, "[%d]", v);
	return DEC_DONE;
}

/* SIOCBRADDBR/SIOCBRDELBR: a bridge name of up to IFNAMSIZ bytes */
static int decode_brname(struct tcb *tcp, unsigned long arg)
{
	char name[IFNAMSIZ];

	tprint_arg_next(tcp);
	if (fetch_or_print_addr(tcp, arg, name, sizeof(name)))
		ioctl_print_cstr(tcp, name, sizeof(name));
	return DEC_DONE;
}

static int sock_decode(struct tcb *tcp, unsigned cmd, unsigned long arg)
{
	const struct ifr_req *r;

	switch (cmd) {
	case SIOCGIFCONF:
		return decode_ifconf(tcp, arg);
	case FIOSETOWN: case SIOCSPGRP: case SIOCSIFENCAP_CMD:
		return decode_int_ref(tcp, arg, false);
	case FIOGETOWN: case SIOCGPGRP: case SIOCATMARK:
		return decode_int_ref(tcp, arg, true);
	case SIOCBRADDBR_CMD: case SIOCBRDELBR_CMD:
		return decode_brname(tcp, arg);
	case SIOCBRADDIF_CMD: case SIOCBRDELIF_CMD:
		return decode_ifreq_ifindex(tcp, arg);
	case SIOCGIFNAME:
		return decode_ifreq(tcp, cmd, arg, NULL);
	default:
		break;
	}
	r = find_ifr_req(cmd);
	if (r)
		return decode_ifreq(tcp, cmd, arg, r);
	if (tcp->exiting || !xlat_lookup(&xlat_ioctl_cmds, cmd))
		return IOCTL_UNHANDLED;
	/* a known request whose argument is not decoded: its address */
	tprint_arg_next(tcp);
	print_addr(tcp, arg);
	return DEC_DONE;
}

static bool sock_exit_on_error(unsigned cmd)
{
	const struct ifr_req *r = find_ifr_req(cmd);

	return cmd == SIOCGIFCONF || cmd == SIOCGIFNAME || (r && r->get);
}

const struct ioctl_family ioctl_family_sock = {
	.name = "sock",
	.types = { 0x89 },
	.decode = sock_decode,
	.exit_on_error = sock_exit_on_error,
};
