/* A fixed sequence of file, descriptor, memory, process and signal calls
 * between two markers, made with syscall(2) so that the C library of
 * either architecture issues exactly these calls.  tests/aarch64/run.sh
 * traces it with ctrace on the x86_64 host and on the aarch64 kernel and
 * compares the lines between the markers:
 *   write(-1, "BEGIN", 5) = -1 EBADF ... write(-1, "END", 3) = -1 EBADF
 * Only calls that exist on both architectures (the *at forms, clone
 * through fork(), newfstatat) are used.  Usage: calls DIR (a scratch
 * directory, made the working directory so that paths are relative). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	got = sig;
}

/* Blocks in read(2) on a pipe; a child sends SIGUSR1 once the parent
 * sleeps (its state in /proc is S: the read is the only blocking call),
 * then writes one byte. */
static void interrupted_read(pid_t parent)
{
	int fds[2], st;
	char c;
	pid_t pid;

	if (syscall(SYS_pipe2, fds, 0) < 0)
		return;
	pid = fork();
	if (pid == 0) {
		char path[64], buf[512], *p;
		struct timespec pause = { 0, 100 * 1000 * 1000 };

		snprintf(path, sizeof(path), "/proc/%d/stat", (int)parent);
		for (int i = 0; i < 600; i++) {
			FILE *f = fopen(path, "r");
			size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;

			if (f)
				fclose(f);
			buf[n] = 0;
			p = strrchr(buf, ')');
			if (p && p[1] == ' ' && p[2] == 'S')
				break;
			nanosleep(&pause, NULL);
		}
		nanosleep(&pause, NULL);
		kill(parent, SIGUSR1);
		nanosleep(&pause, NULL);
		if (write(fds[1], "z", 1) < 0)
			_exit(1);
		_exit(0);
	}
	syscall(SYS_read, fds[0], &c, 1L);
	syscall(SYS_wait4, pid, &st, 0, NULL);
	syscall(SYS_close, fds[0]);
	syscall(SYS_close, fds[1]);
}

int main(int argc, char **argv)
{
	static const char text[] = "hello aarch64\n";
	struct timespec ts = { 0, 1000 };
	struct sigaction sa;
	struct stat st;
	sigset_t chld;
	char buf[64];
	int pipefd[2];
	long fd, r;
	void *p;
	pid_t pid;
	int status = 0;
	pid_t self = getpid();

	if (argc < 2 || chdir(argv[1]) < 0) {
		fprintf(stderr, "usage: calls DIR\n");
		return 2;
	}
	/* the same descriptor numbers whatever the parent left open */
	syscall(SYS_close_range, 3, ~0U, 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);  /* the aarch64 run checks its offset */
	sigaction(SIGUSR1, &sa, NULL);
	/* no SIGCHLD delivery line: its si_utime depends on the machine */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	unlink("a64-file");
	rmdir("a64-dir");

	syscall(SYS_write, -1, "BEGIN", 5);
	/* file and descriptor calls */
	fd = syscall(SYS_openat, AT_FDCWD, "a64-file", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
	syscall(SYS_write, fd, text, sizeof(text) - 1);
	syscall(SYS_close, fd);
	syscall(SYS_openat, AT_FDCWD, "no-such-dir/x", O_RDONLY, 0);
	fd = syscall(SYS_openat, AT_FDCWD, "a64-file", O_RDONLY, 0);
	syscall(SYS_read, fd, buf, sizeof(buf));
	syscall(SYS_lseek, fd, 6L, SEEK_SET);
	syscall(SYS_pread64, fd, buf, 5, 0L);
	syscall(SYS_newfstatat, AT_FDCWD, "a64-file", &st, 0);
	syscall(SYS_fstat, fd, &st);
	syscall(SYS_dup3, fd, 20, O_CLOEXEC);
	syscall(SYS_fcntl, 20, F_GETFD, 0);
	syscall(SYS_close, 20);
	syscall(SYS_close, fd);
	syscall(SYS_pipe2, pipefd, O_NONBLOCK);
	syscall(SYS_write, pipefd[1], "xy", 2);
	syscall(SYS_read, pipefd[0], buf, sizeof(buf));
	syscall(SYS_read, pipefd[0], buf, sizeof(buf));
	syscall(SYS_close, pipefd[0]);
	syscall(SYS_close, pipefd[1]);
	syscall(SYS_mkdirat, AT_FDCWD, "a64-dir", 0750);
	syscall(SYS_faccessat, AT_FDCWD, "a64-dir", W_OK);
	syscall(SYS_renameat, AT_FDCWD, "a64-file", AT_FDCWD, "a64-dir/moved");
	syscall(SYS_unlinkat, AT_FDCWD, "a64-dir/moved", 0);
	syscall(SYS_unlinkat, AT_FDCWD, "a64-dir", AT_REMOVEDIR);
	syscall(SYS_unlinkat, AT_FDCWD, "a64-dir", AT_REMOVEDIR);
	/* memory */
	p = (void *)syscall(SYS_mmap, NULL, 8192UL, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0L);
	if (p != MAP_FAILED) {
		syscall(SYS_mprotect, p, 4096UL, PROT_READ);
		syscall(SYS_munmap, p, 8192UL);
	}
	syscall(SYS_munmap, NULL, 4096UL);
	/* six different arguments in six registers */
	syscall(SYS_mmap, 0x10000UL, 4096UL, PROT_READ, MAP_PRIVATE, 99, 4096L);
	/* process */
	syscall(SYS_getpid);
	syscall(SYS_getppid);
	pid = fork();
	if (pid == 0)
		_exit(7);
	r = syscall(SYS_wait4, pid, &status, 0, NULL);
	syscall(SYS_wait4, -1, &status, WNOHANG, NULL);
	syscall(SYS_nanosleep, &ts, NULL);
	/* signal delivery and return from the handler (signal frame) */
	syscall(SYS_kill, syscall(SYS_getpid), SIGUSR1);
	/* a read interrupted by a signal with an SA_RESTART handler: the
	 * kernel restarts it with its first argument restored */
	interrupted_read(self);
	syscall(SYS_write, -1, "END", 3);

	if (r != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 7 || got != SIGUSR1)
		return 1;
	return 0;
}
