/* Creates children with CLONE_UNTRACED (clone, then clone3) that open
 * /dev/null.  Under a seccomp filter returning SECCOMP_RET_TRACE with no
 * tracer attached, that open would fail with ENOSYS: the exit status says
 * whether both children could open it (0) or not (1). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int child(void)
{
	int fd = open("/dev/null", O_RDONLY);
	_exit(fd < 0 ? 1 : 0);
}

static int reap(pid_t pid)
{
	int st;

	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return 1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}

int main(void)
{
	struct clone_args args;
	long pid;
	int bad = 0;

	pid = syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0, 0, 0, 0);
	if (pid == 0)
		child();
	bad |= reap((pid_t)pid);

	memset(&args, 0, sizeof(args));
	args.flags = CLONE_UNTRACED;
	args.exit_signal = SIGCHLD;
	pid = syscall(SYS_clone3, &args, sizeof(args));
	if (pid == 0)
		child();
	bad |= reap((pid_t)pid);
	return bad;
}
