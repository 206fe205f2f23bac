#include "config.h"
#include "fdinfo.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/inet_diag.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>

#include "options.h"
#include "quote.h"
#include "strbuf.h"
#include "util.h"
#include "xlat.h"

/* "0100007F:1F90" (v4) or 32 hex digits + ":PORT" (v6) -> "127.0.0.1:8080"
 * / "[::1]:8080".  Returns false when malformed. */
static bool format_hexaddr(const char *hex, int v6, char *out, size_t size, bool *zero)
{
	char a[INET6_ADDRSTRLEN];
	unsigned port;
	const char *colon = strchr(hex, ':');

	if (!colon || sscanf(colon + 1, "%x", &port) != 1)
		return false;
	if (v6) {
		struct in6_addr in6;
		uint32_t w[4];

		if (colon - hex != 32 ||
		    sscanf(hex, "%8" SCNx32 "%8" SCNx32 "%8" SCNx32 "%8" SCNx32,
			   &w[0], &w[1], &w[2], &w[3]) != 4)
			return false;
		memcpy(&in6, w, sizeof(in6));
		inet_ntop(AF_INET6, &in6, a, sizeof(a));
		snprintf(out, size, "[%s]:%u", a, port);
		*zero = IN6_IS_ADDR_UNSPECIFIED(&in6) && port == 0;
	} else {
		struct in_addr in;
		uint32_t w;

		if (colon - hex != 8 || sscanf(hex, "%8" SCNx32, &w) != 1)
			return false;
		in.s_addr = w;
		inet_ntop(AF_INET, &in, a, sizeof(a));
		snprintf(out, size, "%s:%u", a, port);
		*zero = w == 0 && port == 0;
	}
	return true;
}

size_t fdinfo_inet_lookup(const char *table, unsigned long inode, int v6, char *buf, size_t size)
{
	const char *line = table;

	for (; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		char local[80], remote[80], l[64], r[64];
		unsigned long ino;
		bool lzero, rzero;
		int n;

		n = sscanf(line, " %*s %79s %79s %*s %*s %*s %*s %*s %*s %lu",
			   local, remote, &ino);
		if (n != 3 || ino != inode)
			continue;
		if (!format_hexaddr(local, v6, l, sizeof(l), &lzero) ||
		    !format_hexaddr(remote, v6, r, sizeof(r), &rzero))
			return 0;
		if (lzero)
			return 0;
		n = rzero ? snprintf(buf, size, "%s", l) : snprintf(buf, size, "%s->%s", l, r);
		return n > 0 && (size_t)n < size ? (size_t)n : 0;
	}
	return 0;
}

size_t fdinfo_netlink_lookup(const char *table, unsigned long inode, char *buf, size_t size)
{
	const char *line = table;

	for (; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		unsigned proto, portid;
		unsigned long ino;
		const char *name;
		int n;

		if (sscanf(line, "%*s %u %u %*s %*s %*s %*s %*s %*s %lu", &proto, &portid, &ino) != 3 ||
		    ino != inode)
			continue;
		if (!portid)
			return 0;
		name = xlat_lookup(&xlat_netlink_protocols, proto);
		if (name && strncmp(name, "NETLINK_", 8) == 0)
			n = snprintf(buf, size, "%s:%u", name + 8, portid);
		else
			n = snprintf(buf, size, "%u:%u", proto, portid);
		return n > 0 && (size_t)n < size ? (size_t)n : 0;
	}
	return 0;
}

int fdinfo_netlink_protocol(const char *table, unsigned long inode)
{
	for (const char *line = table; line && *line;
	     line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		unsigned proto;
		unsigned long ino;

		if (sscanf(line, "%*s %u %*u %*s %*s %*s %*s %*s %*s %lu", &proto, &ino) == 2 &&
		    ino == inode)
			return (int)proto;
	}
	return -1;
}

/* inet_diag dump of one family/protocol, looking for inode: "L" or
 * "L->R" (it also sees bound sockets that /proc/net/tcp does not list). */
static size_t inet_diag_describe(int family, int protocol, unsigned long inode,
				 char *buf, size_t size)
{
	struct {
		struct nlmsghdr nlh;
		struct inet_diag_req_v2 req;
	} msg;
	static union {
		char raw[32768];
		struct nlmsghdr nlh;
	} resp;
	_cleanup_close_ int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	struct timeval tv = { .tv_sec = 1 };
	bool v6 = family == AF_INET6;

	if (fd < 0)
		return 0;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	memset(&msg, 0, sizeof(msg));
	msg.nlh.nlmsg_len = sizeof(msg);
	msg.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	msg.nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	msg.req.sdiag_family = (uint8_t)family;
	msg.req.sdiag_protocol = (uint8_t)protocol;
	msg.req.idiag_states = ~0U;
	if (send(fd, &msg, sizeof(msg), 0) < 0)
		return 0;
	for (;;) {
		ssize_t n = recv(fd, &resp, sizeof(resp), 0);
		struct nlmsghdr *h = &resp.nlh;

		if (n <= 0)
			return 0;
		for (; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
			const struct inet_diag_msg *m;
			char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
			bool rzero;
			int len;

			if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)
				return 0;
			if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)))
				continue;
			m = NLMSG_DATA(h);
			if (m->idiag_inode != inode)
				continue;
			inet_ntop(family, m->id.idiag_src, a, sizeof(a));
			inet_ntop(family, m->id.idiag_dst, b, sizeof(b));
			rzero = m->id.idiag_dport == 0;
			if (v6)
				len = rzero ? snprintf(buf, size, "[%s]:%u", a, ntohs(m->id.idiag_sport))
					    : snprintf(buf, size, "[%s]:%u->[%s]:%u", a,
						       ntohs(m->id.idiag_sport), b, ntohs(m->id.idiag_dport));
			else
				len = rzero ? snprintf(buf, size, "%s:%u", a, ntohs(m->id.idiag_sport))
					    : snprintf(buf, size, "%s:%u->%s:%u", a,
						       ntohs(m->id.idiag_sport), b, ntohs(m->id.idiag_dport));
			if (m->id.idiag_sport == 0 && rzero)
				return 0; /* not bound: nothing beyond the inode */
			return len > 0 && (size_t)len < size ? (size_t)len : 0;
		}
	}
}

/* sock_diag for a unix socket: "ino->peer,\"path\"" and variants. */
static size_t unix_describe(unsigned long inode, unsigned qflags, char *buf, size_t size)
{
	struct {
		struct nlmsghdr nlh;
		struct unix_diag_req req;
	} msg;
	union {
		char raw[8192];
		struct nlmsghdr nlh;
	} resp;
	_cleanup_close_ int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	struct timeval tv = { .tv_sec = 1 };
	char name[256] = "";
	size_t namelen = 0;
	unsigned peer = 0;
	ssize_t n;
	struct strbuf sb;

	if (fd < 0)
		return 0;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	memset(&msg, 0, sizeof(msg));
	msg.nlh.nlmsg_len = sizeof(msg);
	msg.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	msg.nlh.nlmsg_flags = NLM_F_REQUEST;
	msg.req.sdiag_family = AF_UNIX;
	msg.req.udiag_states = ~0U;
	msg.req.udiag_ino = (unsigned)inode;
	msg.req.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER;
	msg.req.udiag_cookie[0] = msg.req.udiag_cookie[1] = ~0U;
	if (send(fd, &msg, sizeof(msg), 0) < 0)
		return 0;
	n = recv(fd, &resp, sizeof(resp), 0);
	if (n < (ssize_t)NLMSG_LENGTH(sizeof(struct unix_diag_msg)) ||
	    resp.nlh.nlmsg_type != SOCK_DIAG_BY_FAMILY || !NLMSG_OK(&resp.nlh, (size_t)n))
		return 0;
	{
		struct unix_diag_msg *um = NLMSG_DATA(&resp.nlh);
		struct rtattr *rta = (struct rtattr *)(um + 1);
		int rlen = (int)resp.nlh.nlmsg_len - (int)NLMSG_LENGTH(sizeof(*um));

		if (um->udiag_ino != inode)
			return 0;
		for (; RTA_OK(rta, rlen); rta = RTA_NEXT(rta, rlen)) {
			if (rta->rta_type == UNIX_DIAG_NAME) {
				namelen = RTA_PAYLOAD(rta);
				if (namelen >= sizeof(name))
					namelen = sizeof(name) - 1;
				memcpy(name, RTA_DATA(rta), namelen);
				name[namelen] = '\0';
			} else if (rta->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(rta) >= 4) {
				memcpy(&peer, RTA_DATA(rta), sizeof(peer));
			}
		}
	}
	if (!peer && !namelen)
		return 0; /* nothing beyond the inode */
	sb_init(&sb, buf, size);
	sb_printf(&sb, "%lu", inode);
	if (peer)
		sb_printf(&sb, "->%u", peer);
	if (namelen) {
		char q[4 * sizeof(name) + 3];

		bool abstract = name[0] == '\0';

		if (abstract)
			quote_string(name + 1, namelen - 1, qflags, q);
		else
			quote_string(name, strnlen(name, namelen), qflags, q);
		sb_printf(&sb, ",%s%s", abstract ? "@" : "", q);
	}
	return sb.truncated ? 0 : sb_len(&sb);
}

/* Details are looked up until found once, then remembered per inode (a
 * socket that loses them - peer closed, TIME_WAIT - keeps being shown
 * with them), which is what strace does. */
#define CACHE_SIZE 64
static struct {
	unsigned long inode;
	char text[160];
} cache[CACHE_SIZE];
static unsigned cache_next;

static void cache_put(unsigned long inode, const char *text)
{
	unsigned i;

	for (i = 0; i < CACHE_SIZE; i++)
		if (cache[i].inode == inode)
			break;
	if (i == CACHE_SIZE) {
		i = cache_next;
		cache_next = (cache_next + 1) % CACHE_SIZE;
	}
	cache[i].inode = inode;
	snprintf(cache[i].text, sizeof(cache[i].text), "%s", text);
}

static const char *cache_get(unsigned long inode)
{
	for (unsigned i = 0; i < CACHE_SIZE; i++)
		if (cache[i].inode == inode && inode)
			return cache[i].text;
	return NULL;
}

static size_t socket_describe(pid_t pid, int fd, unsigned long inode, unsigned qflags, char *buf,
			      size_t size)
{
	char link[64], proto[32], path[64], detail[512];
	_cleanup_free_ char *table = NULL;
	const char *file = NULL;
	size_t dlen = 0;
	ssize_t n;
	int v6 = 0, len;

	if (cache_get(inode)) {
		len = snprintf(buf, size, "%s", cache_get(inode));
		return len > 0 && (size_t)len < size ? (size_t)len : 0;
	}
	snprintf(link, sizeof(link), "/proc/%d/fd/%d", pid, fd);
	n = getxattr(link, "system.sockprotoname", proto, sizeof(proto) - 1);
	if (n <= 0)
		return 0;
	proto[n] = '\0';
	if (!strcmp(proto, "TCP"))
		file = "tcp";
	else if (!strcmp(proto, "TCPv6"))
		file = "tcp6", v6 = 1;
	else if (!strcmp(proto, "UDP"))
		file = "udp";
	else if (!strcmp(proto, "UDPv6"))
		file = "udp6", v6 = 1;
	else if (!strcmp(proto, "NETLINK"))
		file = "netlink";
	if (file && file[0] != 'n')
		dlen = inet_diag_describe(v6 ? AF_INET6 : AF_INET,
					  file[0] == 't' ? IPPROTO_TCP : IPPROTO_UDP,
					  inode, detail, sizeof(detail));
	if (file && !dlen) {
		table = xmalloc(1 << 20);
		snprintf(path, sizeof(path), "/proc/%d/net/%s", pid, file);
		if (read_file(path, table, 1 << 20) > 0) {
			if (file[0] == 'n')
				dlen = fdinfo_netlink_lookup(table, inode, detail, sizeof(detail));
			else
				dlen = fdinfo_inet_lookup(table, inode, v6, detail, sizeof(detail));
		}
	} else if (!strncmp(proto, "UNIX", 4)) {
		dlen = unix_describe(inode, qflags, detail, sizeof(detail));
	}
	if (dlen) {
		len = snprintf(buf, size, "%s:[%s]", proto, detail);
		if (len > 0 && (size_t)len < size && strlen(buf) < sizeof(cache[0].text))
			cache_put(inode, buf);
	} else {
		len = snprintf(buf, size, "%s:[%lu]", proto, inode);
	}
	return len > 0 && (size_t)len < size ? (size_t)len : 0;
}

int fdinfo_pidfd_pid(pid_t pid, int fd)
{
	char path[64], line[256];
	_cleanup_fclose_ FILE *f = NULL;
	int ret = -ENOENT;

	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", pid, fd);
	if (!(f = fopen(path, "re")))
		return -errno;
	while (fgets(line, sizeof(line), f)) {
		int p;

		if (sscanf(line, "Pid:\t%d", &p) == 1) {
			ret = p;
			break;
		}
	}
	return ret;
}

size_t fdinfo_describe(pid_t pid, int fd, const char *target, unsigned kinds, unsigned qflags,
		       char *buf, size_t size)
{
	unsigned long inode;
	char link[64];
	struct stat st;
	int len;

	if (sscanf(target, "socket:[%lu]", &inode) == 1)
		return kinds & DECODE_FD_SOCKET ? socket_describe(pid, fd, inode, qflags, buf, size) : 0;
	if (!strcmp(target, "anon_inode:[pidfd]")) {
		if (!(kinds & DECODE_FD_PIDFD))
			return 0;
		int p = fdinfo_pidfd_pid(pid, fd);

		if (p == -ENOENT || p < -1)
			return 0;
		len = snprintf(buf, size, "pid:%d", p);
		return len > 0 && (size_t)len < size ? (size_t)len : 0;
	}
	if (target[0] != '/' || !(kinds & DECODE_FD_DEV))
		return 0;
	snprintf(link, sizeof(link), "/proc/%d/fd/%d", pid, fd);
	if (stat(link, &st) < 0 || !(S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
		return 0;
	{
		/* the name is the tracee's (mknod): escaped like any path */
		size_t tlen = strlen(target);
		_cleanup_free_ char *q = xmalloc(QUOTE_SIZE(tlen));

		quote_bracketed(target, tlen, qflags, q);
		len = snprintf(buf, size, "%s<%s %u:%u>", q, S_ISCHR(st.st_mode) ? "char" : "block",
			       major(st.st_rdev), minor(st.st_rdev));
	}
	return len > 0 && (size_t)len < size ? (size_t)len : 0;
}
