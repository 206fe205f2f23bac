/* Socket options whose values ctrace decodes by kind, for the
 * differential test tests/integration/sockopt.sh: int options with a
 * short or a long optlen, SO_ERROR, SO_LINGER (whole and cut),
 * PACKET_STATISTICS / PACKET_ADD_MEMBERSHIP / PACKET_RX_RING,
 * ICMP_FILTER, IP_ADD_MEMBERSHIP, MCAST_JOIN_GROUP, SO_TXREHASH.
 * Calls on fd -1 fail with EBADF: their values are decoded at entry. */
#include <arpa/inet.h>
#include <linux/icmp.h>
#include <linux/if_packet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef SO_TXREHASH
#define SO_TXREHASH 74
#endif

int main(void)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	int one = 1, big[2] = { 7, 8 };
	socklen_t len;
	struct linger l = { 1, 42 };
	struct icmp_filter f = { (1U << ICMP_ECHO) | (1U << ICMP_REDIRECT) };
	struct packet_mreq mr = { .mr_ifindex = 1, .mr_type = PACKET_MR_PROMISC, .mr_alen = 6,
				  .mr_address = { 0, 1, 2, 3, 4, 5 } };
	struct tpacket_req tr = { 4096, 4, 2048, 8 };
	struct ip_mreq im;
	struct group_req gr;
	struct sockaddr_in *sin = (struct sockaddr_in *)&gr.gr_group;
	unsigned char cut[3];

	if (fd < 0)
		return 1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, big, sizeof(big));
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, 3);
	len = 3;
	getsockopt(fd, SOL_SOCKET, SO_SNDBUF, cut, &len);
	len = sizeof(big);
	getsockopt(fd, SOL_SOCKET, SO_ERROR, big, &len);
	setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
	len = sizeof(l);
	getsockopt(fd, SOL_SOCKET, SO_LINGER, &l, &len);
	len = 6;
	getsockopt(fd, SOL_SOCKET, SO_LINGER, &l, &len);
	one = 1;
	setsockopt(fd, SOL_SOCKET, SO_TXREHASH, &one, sizeof(one));
	setsockopt(-1, SOL_RAW, ICMP_FILTER, &f, sizeof(f));
	f.data = ~f.data;
	setsockopt(-1, SOL_RAW, ICMP_FILTER, &f, sizeof(f));
	setsockopt(-1, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof(mr));
	setsockopt(-1, SOL_PACKET, PACKET_RX_RING, &tr, sizeof(tr));
	setsockopt(-1, SOL_PACKET, PACKET_RX_RING, &tr, sizeof(tr) + 1);
	im.imr_multiaddr.s_addr = inet_addr("224.0.0.3");
	im.imr_interface.s_addr = inet_addr("127.0.0.1");
	setsockopt(-1, SOL_IP, IP_ADD_MEMBERSHIP, &im, sizeof(im));
	memset(&gr, 0, sizeof(gr));
	gr.gr_interface = 1;
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = inet_addr("224.0.0.3");
	setsockopt(-1, SOL_IP, MCAST_JOIN_GROUP, &gr, sizeof(gr));
	close(fd);
	return 0;
}
