/* Test helper traced by tests/diff/diff.sh: sockets over loopback (TCP,
 * UDP, unix stream/dgram with SCM_RIGHTS, netlink), socket options,
 * signals, threads, poll and epoll.  Deterministic: every exchange is
 * synchronous and threads are joined before the next step. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	if (sig == SIGUSR1)
		got = sig;
}

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static void *thread_main(void *arg)
{
	int fd = *(int *)arg;
	char c = 't';

	if (write(fd, &c, 1) != 1)
		die("thread write");
	return NULL;
}

static void tcp_part(void)
{
	struct sockaddr_in sin = { .sin_family = AF_INET };
	socklen_t len = sizeof(sin);
	int one = 1, val = 0, srv, cli, acc;
	char buf[64];

	srv = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
	if (srv < 0)
		die("socket");
	if (setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0)
		die("setsockopt");
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sin.sin_port = 0;
	if (bind(srv, (struct sockaddr *)&sin, sizeof(sin)) < 0)
		die("bind");
	if (listen(srv, 5) < 0)
		die("listen");
	if (getsockname(srv, (struct sockaddr *)&sin, &len) < 0)
		die("getsockname");
	cli = socket(AF_INET, SOCK_STREAM, 0);
	if (setsockopt(cli, SOL_TCP, TCP_NODELAY, &one, sizeof(one)) < 0)
		die("setsockopt tcp");
	if (connect(cli, (struct sockaddr *)&sin, sizeof(sin)) < 0)
		die("connect");
	len = sizeof(sin);
	acc = accept4(srv, (struct sockaddr *)&sin, &len, SOCK_CLOEXEC);
	if (acc < 0)
		die("accept4");
	len = sizeof(val);
	getsockopt(cli, SOL_SOCKET, SO_ERROR, &val, &len);
	len = sizeof(val);
	getsockopt(cli, SOL_SOCKET, SO_TYPE, &val, &len);
	len = sizeof(sin);
	getpeername(acc, (struct sockaddr *)&sin, &len);
	if (sendto(cli, "hello", 5, MSG_NOSIGNAL, NULL, 0) != 5)
		die("sendto");
	if (recvfrom(acc, buf, sizeof(buf), 0, NULL, NULL) != 5)
		die("recvfrom");
	shutdown(cli, SHUT_WR);
	if (recv(acc, buf, sizeof(buf), 0) != 0)
		die("recv eof");
	close(acc);
	close(cli);
	close(srv);
	/* a refused connection on a port nobody listens to */
	cli = socket(AF_INET, SOCK_STREAM, 0);
	sin.sin_port = htons(1);
	connect(cli, (struct sockaddr *)&sin, sizeof(sin));
	close(cli);
}

static void udp_part(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET }, from;
	struct sockaddr_in6 a6 = { .sin6_family = AF_INET6 };
	socklen_t len = sizeof(a);
	char buf[64];
	int s, c;

	s = socket(AF_INET, SOCK_DGRAM, 0);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(s, (struct sockaddr *)&a, sizeof(a)) < 0)
		die("udp bind");
	getsockname(s, (struct sockaddr *)&a, &len);
	c = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, IPPROTO_UDP);
	sendto(c, "ping\n\1\377", 7, 0, (struct sockaddr *)&a, sizeof(a));
	len = sizeof(from);
	recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len);
	recvfrom(c, buf, sizeof(buf), MSG_DONTWAIT, NULL, NULL); /* EAGAIN */
	{
		struct iovec iov = { buf, sizeof(buf) };
		struct msghdr mh = { .msg_name = &from, .msg_namelen = sizeof(from) + 4,
				     .msg_iov = &iov, .msg_iovlen = 1 };

		sendto(c, "again", 5, 0, (struct sockaddr *)&a, sizeof(a));
		recvmsg(s, &mh, 0);
	}
	close(c);
	close(s);
	s = socket(AF_INET6, SOCK_DGRAM, 0);
	if (s >= 0) {
		a6.sin6_addr = in6addr_loopback;
		bind(s, (struct sockaddr *)&a6, sizeof(a6));
		close(s);
	}
}

static void unix_part(void)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	/* NETPROG_SOCK: a path of the caller's own (tests running side by
	 * side must not unlink each other's socket between bind and connect:
	 * accept() then waits for ever) */
	const char *path = getenv("NETPROG_SOCK") ? getenv("NETPROG_SOCK") : "/tmp/ctrace-netprog.sock";
	char data[16] = "abc", cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov[2] = { { data, 3 }, { data + 3, 2 } };
	struct msghdr mh = { .msg_iov = iov, .msg_iovlen = 2 };
	struct cmsghdr *cm;
	int sv[2], s, c, a;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
		die("socketpair");
	memcpy(data, "hello", 5);
	sendmsg(sv[0], &mh, 0);
	iov[0].iov_len = 16;
	mh.msg_iovlen = 1;
	recvmsg(sv[1], &mh, 0);
	/* pass a descriptor */
	memset(cbuf, 0, sizeof(cbuf));
	mh.msg_control = cbuf;
	mh.msg_controllen = sizeof(cbuf);
	cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &sv[0], sizeof(int));
	iov[0].iov_len = 1;
	sendmsg(sv[1], &mh, 0);
	mh.msg_controllen = sizeof(cbuf);
	iov[0].iov_len = 16;
	if (recvmsg(sv[0], &mh, MSG_CMSG_CLOEXEC) > 0 && mh.msg_controllen) {
		int fd;
		memcpy(&fd, CMSG_DATA(CMSG_FIRSTHDR(&mh)), sizeof(int));
		close(fd);
	}
	close(sv[0]);
	close(sv[1]);

	unlink(path);
	strcpy(sun.sun_path, path);
	s = socket(AF_UNIX, SOCK_STREAM, 0);
	if (bind(s, (struct sockaddr *)&sun, sizeof(sun)) < 0)
		die("unix bind");
	listen(s, 1);
	c = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	connect(c, (struct sockaddr *)&sun, offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1);
	a = accept(s, NULL, NULL);
	if (write(c, "x", 1) != 1)
		die("unix write");
	close(a);
	close(c);
	close(s);
	unlink(path);
	/* abstract name, datagram */
	s = socket(AF_UNIX, SOCK_DGRAM, 0);
	memset(sun.sun_path, 0, sizeof(sun.sun_path));
	memcpy(sun.sun_path + 1, "ctrace-abs", 10);
	bind(s, (struct sockaddr *)&sun, offsetof(struct sockaddr_un, sun_path) + 11);
	close(s);
}

static void mmsg_part(void)
{
	struct iovec iov[2] = { { "ab", 2 }, { "cde", 3 } };
	char b1[8], b2[8];
	struct iovec r[2] = { { b1, sizeof(b1) }, { b2, sizeof(b2) } };
	struct mmsghdr m[2];
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) < 0)
		die("socketpair dgram");
	memset(m, 0, sizeof(m));
	m[0].msg_hdr.msg_iov = &iov[0];
	m[0].msg_hdr.msg_iovlen = 1;
	m[1].msg_hdr.msg_iov = &iov[1];
	m[1].msg_hdr.msg_iovlen = 1;
	sendmmsg(sv[0], m, 2, 0);
	memset(m, 0, sizeof(m));
	m[0].msg_hdr.msg_iov = &r[0];
	m[0].msg_hdr.msg_iovlen = 1;
	m[1].msg_hdr.msg_iov = &r[1];
	m[1].msg_hdr.msg_iovlen = 1;
	recvmmsg(sv[1], m, 2, MSG_DONTWAIT, NULL);
	recvmmsg(sv[1], m, 2, MSG_DONTWAIT, NULL); /* EAGAIN */
	close(sv[0]);
	close(sv[1]);
}

static void netlink_part(void)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	socklen_t len = sizeof(nl);
	int s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);

	if (s < 0)
		return;
	bind(s, (struct sockaddr *)&nl, sizeof(nl));
	getsockname(s, (struct sockaddr *)&nl, &len);
	close(s);
}

static void poll_part(void)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.fd = 0 }, out[4];
	struct pollfd pfd[2];
	pthread_t th;
	int p[2], ep;
	char c;

	if (pipe2(p, O_CLOEXEC) < 0)
		die("pipe2");
	pfd[0].fd = p[0];
	pfd[0].events = POLLIN;
	pfd[1].fd = p[1];
	pfd[1].events = POLLOUT;
	poll(pfd, 2, 0);
	if (pthread_create(&th, NULL, thread_main, &p[1]) != 0)
		die("pthread_create");
	pthread_join(th, NULL);
	ep = epoll_create1(EPOLL_CLOEXEC);
	ev.data.fd = p[0];
	epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
	epoll_wait(ep, out, 4, 1000);
	if (read(p[0], &c, 1) != 1)
		die("pipe read");
	epoll_wait(ep, out, 4, 0);
	close(ep);
	close(p[0]);
	close(p[1]);
}

static void signal_part(void)
{
	struct sigaction sa;
	sigset_t set;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &sa, NULL);
	kill(getpid(), SIGUSR1);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigaction(SIGUSR2, &sa, NULL);
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGUSR2);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	signal(SIGUSR2, SIG_IGN);
}

int main(int argc, char **argv)
{
	const char *only = argc > 1 ? argv[1] : "all";
	bool all = strcmp(only, "all") == 0;

	if (all || !strcmp(only, "tcp"))
		tcp_part();
	if (all || !strcmp(only, "udp"))
		udp_part();
	if (all || !strcmp(only, "unix"))
		unix_part();
	if (all || !strcmp(only, "mmsg"))
		mmsg_part();
	if (all || !strcmp(only, "netlink"))
		netlink_part();
	if (all || !strcmp(only, "poll"))
		poll_part();
	if (all || !strcmp(only, "signal"))
		signal_part();
	return got == SIGUSR1 ? 0 : 2;
}
