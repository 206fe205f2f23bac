/* Talks NETLINK_ROUTE like `ip link` / `ip addr` do, for the netlink
 * decoder's differential test: an RTM_GETLINK dump (sendto, replies by
 * recvmsg), an RTM_GETADDR dump (sendmsg, replies by recvfrom), and a
 * request that fails (RTM_GETLINK of a missing interface with NLM_F_ACK:
 * an NLMSG_ERROR reply that echoes it).  Sequence numbers are fixed. */
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

static char buf[1 << 16];

/* Replies until NLMSG_DONE or NLMSG_ERROR; by recvmsg or recvfrom. */
static int drain(int fd, int use_recvmsg)
{
	for (;;) {
		struct sockaddr_nl sa;
		struct iovec iov = { buf, sizeof(buf) };
		struct msghdr mh = { .msg_name = &sa, .msg_namelen = sizeof(sa),
				     .msg_iov = &iov, .msg_iovlen = 1 };
		socklen_t salen = sizeof(sa);
		ssize_t n = use_recvmsg ? recvmsg(fd, &mh, 0)
					: recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&sa, &salen);

		if (n <= 0)
			return -1;
		for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)n);
		     h = NLMSG_NEXT(h, n))
			if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)
				return 0;
	}
}

int main(void)
{
	struct sockaddr_nl local = { .nl_family = AF_NETLINK };
	struct {
		struct nlmsghdr nlh;
		struct ifinfomsg ifi;
		struct rtattr rta;
		unsigned mask;
	} link = {
		.nlh = { sizeof(link), RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 1, 0 },
		.ifi = { .ifi_family = AF_PACKET },
		.rta = { RTA_LENGTH(sizeof(unsigned)), IFLA_EXT_MASK },
		.mask = RTEXT_FILTER_VF,
	};
	struct {
		struct nlmsghdr nlh;
		struct ifaddrmsg ifa;
	} addr = {
		.nlh = { sizeof(addr), RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 2, 0 },
		.ifa = { .ifa_family = AF_UNSPEC },
	};
	struct {
		struct nlmsghdr nlh;
		struct ifinfomsg ifi;
	} missing = {
		.nlh = { sizeof(missing), RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, 3, 0 },
		.ifi = { .ifi_family = AF_UNSPEC, .ifi_index = 0x7fffffff },
	};
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct iovec iov = { &addr, sizeof(addr) };
	struct msghdr mh = { .msg_name = &kernel, .msg_namelen = sizeof(kernel),
			     .msg_iov = &iov, .msg_iovlen = 1 };
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);

	if (fd < 0 || bind(fd, (struct sockaddr *)&local, sizeof(local)) < 0) {
		perror("netlink socket");
		return 1;
	}
	if (sendto(fd, &link, sizeof(link), 0, NULL, 0) < 0 || drain(fd, 1) < 0 ||
	    sendmsg(fd, &mh, 0) < 0 || drain(fd, 0) < 0 ||
	    send(fd, &missing, sizeof(missing), 0) < 0 || drain(fd, 1) < 0) {
		perror("netlink request");
		return 1;
	}
	close(fd);
	return 0;
}
