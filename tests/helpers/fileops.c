/* Exercises the file and desc syscall families so that ctrace's output can
 * be compared with strace's (tests/file-desc-agree.sh, unit of issue 4).
 * Works in a fresh directory given as argv[1] (created, then removed). */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <termios.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp/ctrace-fileops";
	char buf[256], path[4096];
	struct stat st;
	struct statx stx;
	struct statfs sfs;
	int fd, fd2, p[2];

	mkdir(dir, 0755);
	if (chdir(dir) < 0)
		return 1;
	if (!getcwd(path, sizeof(path)))
		return 1;
	umask(022);

	/* open family */
	fd = open("a.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	write(fd, "hello\nworld\n", 12);
	close(fd);
	fd = openat(AT_FDCWD, "a.txt", O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	fd2 = creat("b.txt", 0600);
	close(fd2);
	open("/nonexistent/x", O_RDONLY);
	openat(AT_FDCWD, ".", O_RDWR | O_TMPFILE, 0600);
	open("a.txt", O_RDWR | 0x40000000);
	{
		struct open_how how = { .flags = O_RDONLY | O_CLOEXEC, .resolve = RESOLVE_NO_SYMLINKS };
		fd2 = syscall(SYS_openat2, AT_FDCWD, "a.txt", &how, sizeof(how));
		close(fd2);
		how.flags = O_WRONLY | O_CREAT; how.mode = 0640; how.resolve = 0;
		fd2 = syscall(SYS_openat2, AT_FDCWD, "c.txt", &how, sizeof(how));
		close(fd2);
	}

	/* stat family */
	stat("a.txt", &st);
	lstat("a.txt", &st);
	fstat(fd, &st);
	fstatat(AT_FDCWD, "a.txt", &st, AT_SYMLINK_NOFOLLOW);
	fstatat(fd, "", &st, AT_EMPTY_PATH);
	stat("/nonexistent", &st);
	stat("/dev/null", &st);
	syscall(SYS_newfstatat, AT_FDCWD, "a.txt", (void *)8, 0);
	statx(AT_FDCWD, "a.txt", AT_STATX_SYNC_AS_STAT, STATX_BASIC_STATS, &stx);
	statx(fd, "", AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW, STATX_ALL, &stx);
	statx(AT_FDCWD, "/nonexistent", 0, STATX_TYPE | STATX_SIZE, &stx);
	statfs(".", &sfs);
	fstatfs(fd, &sfs);

	/* access */
	access("a.txt", R_OK | W_OK);
	access("a.txt", F_OK);
	syscall(SYS_faccessat, AT_FDCWD, "a.txt", X_OK);
	syscall(SYS_faccessat2, AT_FDCWD, "a.txt", R_OK, AT_EACCESS);

	/* links */
	symlink("a.txt", "l.txt");
	readlink("l.txt", buf, sizeof(buf));
	readlinkat(AT_FDCWD, "l.txt", buf, 3);
	readlink("a.txt", buf, sizeof(buf));
	link("a.txt", "h.txt");
	linkat(AT_FDCWD, "h.txt", AT_FDCWD, "h2.txt", 0);
	rename("h2.txt", "h3.txt");
	renameat(AT_FDCWD, "h3.txt", AT_FDCWD, "h4.txt");
	syscall(SYS_renameat2, AT_FDCWD, "h4.txt", AT_FDCWD, "h5.txt", RENAME_NOREPLACE);
	unlink("h.txt");
	unlinkat(AT_FDCWD, "h5.txt", 0);
	symlinkat("b.txt", AT_FDCWD, "l2.txt");

	/* attributes */
	chmod("a.txt", 0640);
	fchmod(fd, 0644);
	fchmodat(AT_FDCWD, "a.txt", 04755, 0);
	chown("a.txt", 0, 0);
	lchown("l.txt", -1, 0);
	fchown(fd, 0, -1);
	fchownat(AT_FDCWD, "a.txt", 0, 0, AT_SYMLINK_NOFOLLOW);
	{
		struct timespec ts[2] = { { 1, 2 }, { 0, UTIME_NOW } };
		utimensat(AT_FDCWD, "a.txt", ts, 0);
		utimensat(AT_FDCWD, "a.txt", NULL, AT_SYMLINK_NOFOLLOW);
		ts[0].tv_nsec = UTIME_OMIT;
		futimens(fd, ts);
	}
	truncate("b.txt", 100);
	fd2 = open("b.txt", O_RDWR);
	ftruncate(fd2, 10);
	fallocate(fd2, 0, 0, 4096);
	fallocate(fd2, FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE, 0, 10);
	posix_fadvise(fd2, 0, 0, POSIX_FADV_SEQUENTIAL);
	flock(fd2, LOCK_EX | LOCK_NB);
	flock(fd2, LOCK_UN);
	fsync(fd2);
	fdatasync(fd2);
	setxattr("a.txt", "user.x", "val", 3, XATTR_CREATE);
	getxattr("a.txt", "user.x", buf, sizeof(buf));
	getxattr("a.txt", "user.none", buf, sizeof(buf));
	lgetxattr("a.txt", "user.x", NULL, 0);
	fgetxattr(fd, "user.x", buf, sizeof(buf));
	listxattr("a.txt", buf, sizeof(buf));
	llistxattr("a.txt", NULL, 0);
	flistxattr(fd, buf, sizeof(buf));
	removexattr("a.txt", "user.x");
	lsetxattr("a.txt", "user.y", "v\0w", 3, 0);
	fsetxattr(fd2, "user.z", "zz", 2, XATTR_REPLACE);
	mknod("fifo", S_IFIFO | 0644, 0);
	mknodat(AT_FDCWD, "chr", S_IFCHR | 0600, makedev(1, 3));
	mkdir("d", 0700);
	mkdirat(AT_FDCWD, "d/e", 0755);

	/* getdents64 */
	{
		int dfd = open(".", O_RDONLY | O_DIRECTORY);
		char dbuf[4096];
		syscall(SYS_getdents64, dfd, dbuf, sizeof(dbuf));
		syscall(SYS_getdents64, dfd, dbuf, sizeof(dbuf));
		close(dfd);
	}
	rmdir("d/e");
	unlinkat(AT_FDCWD, "d", AT_REMOVEDIR);

	/* desc: read/write families */
	{
		struct iovec iov[2] = { { buf, 3 }, { buf + 3, 100 } };
		struct iovec wiov[2] = { { "abc", 3 }, { "defgh", 5 } };
		lseek(fd, 0, SEEK_SET);
		readv(fd, iov, 2);
		lseek(fd, 2, SEEK_CUR);
		lseek(fd, 0, SEEK_END);
		pread(fd, buf, 5, 1);
		preadv(fd, iov, 2, 0);
		pwrite(fd2, "xyz", 3, 5);
		writev(fd2, wiov, 2);
		pwritev(fd2, wiov, 1, 2);
		syscall(SYS_readv, fd, (void *)8, 1);
	}
	dup(fd);
	dup2(fd, 20);
	dup3(fd, 21, O_CLOEXEC);
	fcntl(fd, F_GETFD);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	fcntl(fd, F_GETFL);
	fcntl(fd2, F_SETFL, O_RDWR | O_NONBLOCK | O_APPEND);
	fcntl(fd, F_DUPFD, 30);
	fcntl(fd, F_DUPFD_CLOEXEC, 40);
	{
		struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10 };
		fcntl(fd2, F_SETLK, &fl);
		fcntl(fd2, F_GETLK, &fl);
		fl.l_type = F_UNLCK;
		fcntl(fd2, F_SETLKW, &fl);
		fcntl(fd2, F_OFD_SETLK, &fl);
	}
	fcntl(fd, F_GETPIPE_SZ);
	fcntl(fd, 12345);
	close_range(20, 21, 0);
	syscall(SYS_close_range, 30, ~0U, CLOSE_RANGE_CLOEXEC);

	/* pipes, poll, select, epoll */
	pipe(p);
	close(p[0]); close(p[1]);
	pipe2(p, O_CLOEXEC | O_NONBLOCK);
	write(p[1], "x", 1);
	{
		struct pollfd pfd[2] = { { p[0], POLLIN, 0 }, { p[1], POLLOUT | POLLERR, 0 } };
		struct timespec ts = { 0, 1000 };
		fd_set rfds, wfds;
		struct timeval tv = { 0, 10 };
		poll(pfd, 2, 0);
		pfd[0].fd = 99;
		poll(pfd, 1, 10);
		ppoll(pfd, 2, &ts, NULL);
		FD_ZERO(&rfds); FD_SET(p[0], &rfds); FD_SET(0, &rfds);
		FD_ZERO(&wfds); FD_SET(p[1], &wfds);
		select(p[1] + 1, &rfds, &wfds, NULL, &tv);
		FD_ZERO(&rfds); FD_SET(p[0], &rfds);
		pselect(p[1] + 1, &rfds, NULL, NULL, &ts, NULL);
	}
	{
		int ep = epoll_create1(EPOLL_CLOEXEC);
		struct epoll_event ev = { .events = EPOLLIN | EPOLLET, .data.u64 = 7 }, evs[4];
		epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
		ev.events = EPOLLOUT;
		epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev);
		epoll_ctl(ep, EPOLL_CTL_ADD, p[1], &ev);
		epoll_wait(ep, evs, 4, 0);
		epoll_pwait(ep, evs, 4, 1, NULL);
		epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL);
		close(ep);
	}
	{
		int efd = eventfd(3, EFD_NONBLOCK | EFD_CLOEXEC);
		uint64_t v;
		read(efd, &v, sizeof(v));
		close(efd);
	}
	{
		int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
		struct itimerspec its = { { 0, 0 }, { 100, 5 } }, old;
		timerfd_settime(tfd, 0, &its, &old);
		timerfd_gettime(tfd, &old);
		close(tfd);
	}
	{
		int in = inotify_init1(IN_NONBLOCK);
		int wd = inotify_add_watch(in, ".", IN_CREATE | IN_DELETE);
		inotify_rm_watch(in, wd);
		close(in);
	}
	{
		int m = memfd_create("ctrace", MFD_CLOEXEC | MFD_ALLOW_SEALING);
		off_t off = 0;
		loff_t o1 = 0, o2 = 0;
		sendfile(m, fd, &off, 5);
		sendfile(m, fd, NULL, 5);
		copy_file_range(fd, &o1, m, &o2, 4, 0);
		splice(fd, &o1, p[1], NULL, 3, SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
		tee(p[0], p[1], 1, 0);
		close(m);
	}
	{
		struct termios t;
		struct winsize ws;
		int n;
		ioctl(0, TCGETS, &t);
		ioctl(1, TIOCGWINSZ, &ws);
		ioctl(p[0], FIONREAD, &n);
		ioctl(fd, 0x1234, 0);
	}
	close(p[0]); close(p[1]);
	close(fd); close(fd2);
	unlink("fifo"); unlink("chr");
	unlink("a.txt"); unlink("b.txt"); unlink("c.txt"); unlink("l.txt"); unlink("l2.txt");
	chdir("/");
	fchdir(0);
	rmdir(dir);
	return 0;
}
