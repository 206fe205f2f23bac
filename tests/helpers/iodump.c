/* I/O for -e read= / -e write= dumps and process ids for -Y: every call
 * strace dumps (write, pwrite64, writev, pwritev, sendto, sendmsg,
 * sendmmsg and their read twins), a buffer longer than 16 lines, a vector
 * with an empty buffer, a failed write; then a child that renames itself
 * and signals itself, reaped by wait4. */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	static char big[300], in[400];
	char a[8], b[32];
	struct iovec wv[3] = { { "abc", 3 }, { "", 0 }, { "after the empty one", 19 } };
	struct iovec rv[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	struct iovec mv = { "message\n", 8 };
	struct msghdr mh = { .msg_iov = &mv, .msg_iovlen = 1 };
	struct iovec rmv = { in, sizeof(in) };
	struct msghdr rmh = { .msg_iov = &rmv, .msg_iovlen = 1 };
	struct mmsghdr mm[2] = { { .msg_hdr = mh }, { .msg_hdr = mh } };
	struct mmsghdr rmm[2] = { { .msg_hdr = rmh }, { .msg_hdr = rmh } };
	int p[2], s[2], st;
	pid_t c;

	for (unsigned i = 0; i < sizeof(big); i++)
		big[i] = (char)(i * 7);
	if (pipe(p) < 0 || socketpair(AF_UNIX, SOCK_DGRAM, 0, s) < 0)
		return 1;
	if (write(p[1], big, sizeof(big)) < 0 || read(p[0], in, sizeof(in)) < 0 ||
	    writev(p[1], wv, 3) < 0 || readv(p[0], rv, 2) < 0 ||
	    pwritev(p[1], wv, 1, 0) >= 0 || write(-1, "x", 1) >= 0 ||
	    sendto(s[0], "dgram\0\1", 7, 0, NULL, 0) < 0 ||
	    recvfrom(s[1], in, sizeof(in), 0, NULL, NULL) < 0 ||
	    sendmsg(s[0], &mh, 0) < 0 || recvmsg(s[1], &rmh, 0) < 0 ||
	    sendmmsg(s[0], mm, 2, 0) < 0 || recvmmsg(s[1], rmm, 2, 0, NULL) < 0)
		return 1;
	c = fork();
	if (c == 0) {
		prctl(PR_SET_NAME, "kid<1>");
		syscall(SYS_gettid);
		kill(getpid(), 0);
		_exit(0);
	}
	if (c < 0 || wait4(c, &st, 0, NULL) != c)
		return 1;
	getpid();
	kill(-getpgrp(), 0);
	return 0;
}
