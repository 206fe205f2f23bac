/* The native proof that this machine lets a process be traced: a child
 * asks to be traced (PTRACE_TRACEME), stops, and is resumed with
 * PTRACE_CONT; exits 0 when every step worked.  Tests run it before
 * blaming ctrace for a tracing failure (tests/integration/lib.sh). */
#include <signal.h>
#include <stdio.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return 2;
	if (pid == 0) {
		if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) < 0)
			_exit(3);
		raise(SIGSTOP);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid)
		return 2;
	if (!WIFSTOPPED(status)) {
		fprintf(stderr, "canptrace: PTRACE_TRACEME failed (child status %#x)\n", status);
		return 1;
	}
	if (ptrace(PTRACE_CONT, pid, NULL, NULL) < 0) {
		perror("canptrace: PTRACE_CONT");
		return 1;
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return 1;
	return 0;
}
