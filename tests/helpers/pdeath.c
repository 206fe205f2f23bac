/* Asks for SIGKILL when its parent thread exits (PR_SET_PDEATHSIG), prints
 * its parent's pid, and after 300 ms "alive".  The kernel sends that signal
 * when the thread that created the process exits, even when the process is
 * then given to another thread of the same parent process: a tracer whose
 * spawning thread exits while the command runs kills it. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	struct timespec ts = { 0, 300 * 1000 * 1000 };

	if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0L, 0L, 0L) < 0) {
		perror("prctl(PR_SET_PDEATHSIG)");
		return 2;
	}
	printf("%d\n", getppid());
	fflush(stdout);
	while (nanosleep(&ts, &ts) < 0)
		;
	puts("alive");
	return 0;
}
