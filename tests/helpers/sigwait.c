/* Blocks in read() on a pipe with a SIGUSR1 handler installed without
 * SA_RESTART, so a signal interrupts the syscall (ERESTARTSYS), then
 * prints "ready" first so the test knows when to send it. */
#include <signal.h>
#include <string.h>
#include <unistd.h>

static void on_usr1(int sig)
{
	(void)sig;
}

int main(void)
{
	struct sigaction sa;
	int fds[2];
	char c;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGUSR2, SIG_IGN);
	if (pipe(fds) < 0 || write(1, "ready\n", 6) < 0)
		return 1;
	/* interrupted by SIGUSR1: returns -1 EINTR */
	if (read(fds[0], &c, 1) >= 0)
		return 1;
	return 0;
}
