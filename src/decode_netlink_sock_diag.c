/* NETLINK_SOCK_DIAG bodies: requests and replies by address family. */
#include "config.h"
#include "decode_netlink.h"

#include <linux/netlink.h>

#include "print.h"

bool decode_netlink_sock_diag(struct tcb *tcp, uint16_t type, uint16_t flags,
			      unsigned long addr, unsigned long len)
{
	uint8_t family;

	(void)flags;
	if (type == NLMSG_DONE)
		return false;
	if (!fetch_or_print_addr(tcp, addr, &family, sizeof(family)))
		return true;
	nl_print_family_body(tcp, addr, len);
	return true;
}
