/* A non-leader thread calls execve: the tracer sees the pid change
 * ("superseded by execve").  argv[1]: the program to exec.
 *
 * The thread is made with CLONE_VFORK, so the leader sits in its clone()
 * until the thread's execve has killed it: the leader's last line is the
 * same in every run ("<... clone resumed>) = ?").  (With pthread_create
 * and pause(), the execve raced with the leader's own rt_sigprocmask and
 * pause, and two runs of strace itself printed different lines.) */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <unistd.h>

static char **args;
static char stack[64 * 1024] __attribute__((aligned(16)));

static int run(void *arg)
{
	(void)arg;
	execv(args[1], args + 1);
	_exit(127);
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	args = argv;
	clone(run, stack + sizeof(stack),
	      CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM | CLONE_VFORK, NULL);
	perror("clone");
	return 1;
}
