/* A hostile tracee for tests/integration/hostile.sh: it puts bytes that
 * could forge or corrupt a trace line (ESC sequences, newlines, 0xff,
 * quotes, "a, 99, \"x", "b[x(", '<' '>' and every byte 1..255 except '/')
 * into file names, device names (mknod, when allowed), unix socket paths
 * (bound and abstract), its comm name (prctl), argv and environment (it
 * re-executes itself), a netlink message, and calls getdents/getdents64
 * while a second thread keeps rewriting the buffer with corrupt records.
 *
 *   hostile DIR          the whole corpus in DIR (which must exist)
 *   hostile DIR child .. (internal) the re-executed image: argv seen only
 *   hostile --filters N MS   stacks N allow-all seccomp filters, then lives
 *                        MS milliseconds (a target that exits while a host
 *                        side --check -p inspects it)
 *   hostile --busy syscalls|cpu|bigread [TAG]   loops forever: getppid() without a
 *                        pause, or pure computation without any syscall
 *                        (a tracer then waits for no event at all);
 *                        bigread: one read() of 64 KiB from /dev/zero (a
 *                        long line, all of it printed at the syscall's
 *                        exit), then the loop without syscalls
 *
 * Every call's result is ignored on purpose: the tracee only has to make
 * the calls; what is checked is the tracer's output. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/netlink.h>
#include <linux/seccomp.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

/* old-style getdents where the ABI has it (x86_64), else getdents64 */
#ifdef SYS_getdents
#define OLD_GETDENTS SYS_getdents
#else
#define OLD_GETDENTS SYS_getdents64
#endif

static const char *const names[] = {
	"esc\033[31mX\033[0m",
	"nl\nforged(1) = 0",
	"cr\rbs\b\ttab",
	"ff\xff\xfe\x80",
	"quote\"q'",
	"a, 99, \"x",
	"b[x(",
	"lt<gt>",
	"gt>, 1) = 0",
	"oct<0>1",
	"bell\a\x7f",
	"utf8-\xc3\xa9-bad\xc3",
};

static char allbytes[256];      /* bytes 1..255 except '/' and '.' first */

static int mkfile(int dirfd, const char *name)
{
	int fd = openat(dirfd, name, O_CREAT | O_RDWR | O_TRUNC, 0600);

	if (fd >= 0) {
		(void)!write(fd, "x", 1);
		(void)fsync(fd);
	}
	return fd;
}

static _Atomic int scribbling = 1;
static union { char c[4096]; long l[512]; } dbuf;

/* Rewrites the getdents buffer with records that lie: reclen 0, 18, 19,
 * longer than the buffer, names without a NUL, all the while the tracer
 * may be reading it. */
static void *scribbler(void *arg)
{
	unsigned n = 0;

	(void)arg;
	while (atomic_load(&scribbling)) {
		n++;
		for (size_t i = 0; i < sizeof(dbuf.c); i++)
			dbuf.c[i] = (char)(i * 7 + n);
		/* record 0: d_ino, d_off, d_reclen */
		unsigned short lens[] = { 0, 1, 18, 19, 24, 0xffff, 4095, 20 };
		unsigned short len = lens[n % (sizeof(lens) / sizeof(lens[0]))];
		memcpy(dbuf.c + 16, &len, sizeof(len));
		memcpy(dbuf.c + 16 + 24, &len, sizeof(len));
	}
	return NULL;
}

static void getdents_race(int dirfd)
{
	pthread_t th;

	if (pthread_create(&th, NULL, scribbler, NULL) != 0)
		return;
	for (int i = 0; i < 40; i++) {
		(void)lseek(dirfd, 0, SEEK_SET);
		(void)syscall(SYS_getdents64, dirfd, dbuf.c, sizeof(dbuf.c));
		(void)lseek(dirfd, 0, SEEK_SET);
		(void)syscall(OLD_GETDENTS, dirfd, dbuf.c, sizeof(dbuf.c));
		/* small buffers: the kernel fills a part, lengths at the edge */
		(void)lseek(dirfd, 0, SEEK_SET);
		(void)syscall(SYS_getdents64, dirfd, dbuf.c, 40 + (i % 24));
	}
	atomic_store(&scribbling, 0);
	pthread_join(th, NULL);
}

static void sockets(const char *dir)
{
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct sockaddr_un a = { .sun_family = AF_UNIX };
		int s = socket(AF_UNIX, SOCK_STREAM, 0), c;

		if (s < 0)
			continue;
		snprintf(a.sun_path, sizeof(a.sun_path), "%s/s%zu%s", dir, i, names[i]);
		(void)bind(s, (struct sockaddr *)&a, sizeof(a));
		(void)listen(s, 1);
		c = socket(AF_UNIX, SOCK_STREAM, 0);
		if (c >= 0) {
			(void)connect(c, (struct sockaddr *)&a, sizeof(a));
			(void)write(c, "y", 1);
			(void)write(s, "y", 1);
			close(c);
		}
		close(s);
		unlink(a.sun_path);
	}
	/* an abstract socket with the bytes right after the NUL */
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int s = socket(AF_UNIX, SOCK_DGRAM, 0);

	if (s >= 0) {
		size_t n = strlen(names[1]);
		memcpy(a.sun_path + 1, names[1], n);
		(void)bind(s, (struct sockaddr *)&a, (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + n));
		(void)write(s, "z", 1);
		close(s);
	}
}

static void netlink(void)
{
	int s = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	struct { struct nlmsghdr h; char data[256]; } m;
	struct sockaddr_nl to = { .nl_family = AF_NETLINK };

	if (s < 0)
		return;
	memset(&m, 0, sizeof(m));
	m.h.nlmsg_len = sizeof(m);
	m.h.nlmsg_type = 0x7fff;
	for (int i = 0; i < 256; i++)
		m.data[i] = (char)i;
	(void)sendto(s, &m, sizeof(m), 0, (struct sockaddr *)&to, sizeof(to));
	close(s);
}

static void devices(int dirfd)
{
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char name[64];

		snprintf(name, sizeof(name), "dev%s", names[i]);
		/* a character device with the numbers of /dev/null */
		if (mknodat(dirfd, name, S_IFCHR | 0600, makedev(1, 3)) < 0)
			return;
		int fd = openat(dirfd, name, O_WRONLY);
		if (fd >= 0) {
			(void)!write(fd, "d", 1);
			close(fd);
		}
		unlinkat(dirfd, name, 0);
	}
}

static int filters(int n, int ms)
{
	struct sock_filter allow[] = { BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW) };
	struct sock_fprog prog = { .len = 1, .filter = allow };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return 1;
	for (int i = 0; i < n; i++)
		if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0)
			return 1;
	usleep((useconds_t)ms * 1000);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	if (argc >= 3 && strcmp(argv[1], "--busy") == 0) {
		volatile unsigned long n = 0;
		bool calls = strcmp(argv[2], "syscalls") == 0;

		if (strcmp(argv[2], "bigread") == 0) {
			static char big[65536];
			int fd = open("/dev/zero", O_RDONLY);

			(void)!read(fd, big, sizeof(big));
		}

		for (;;) {
			n++;
			if (calls)
				(void)getppid();
		}
	}
	if (argc == 4 && strcmp(argv[1], "--filters") == 0)
		return filters(atoi(argv[2]), atoi(argv[3]));
	if (argc > 2 && strcmp(argv[2], "child") == 0) {
		/* the re-executed image: it only has to exist */
		return 0;
	}

	int dirfd = open(argv[1], O_RDONLY | O_DIRECTORY);
	if (dirfd < 0)
		return 1;

	int n = 0;
	for (int b = 1; b < 256; b++)
		if (b != '/')
			allbytes[n++] = (char)b;
	allbytes[n] = '\0';

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		int fd = mkfile(dirfd, names[i]);
		if (fd >= 0)
			close(fd);
	}
	int fd = mkfile(dirfd, allbytes);
	if (fd >= 0)
		close(fd);

	getdents_race(dirfd);
	sockets(argv[1]);
	netlink();
	devices(dirfd);

	/* comm names: prctl, then read back through /proc */
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char comm[32];
		(void)prctl(PR_SET_NAME, names[i]);
		int cfd = open("/proc/self/comm", O_RDONLY);
		if (cfd >= 0) {
			(void)!read(cfd, comm, sizeof(comm));
			close(cfd);
		}
	}

	/* argv and environment of an execve */
	char *cargv[] = { argv[0], argv[1], "child", (char *)names[0], (char *)names[1],
			  (char *)names[5], (char *)names[6], allbytes, NULL };
	char env0[300], env1[64];
	snprintf(env0, sizeof(env0), "H=%s", allbytes);
	snprintf(env1, sizeof(env1), "%s=%s", names[1], names[5]);
	char *cenv[] = { env0, env1, "PLAIN=1", NULL };
	fflush(NULL);
	execve("/proc/self/exe", cargv, cenv);
	return 1;
}
