/* Traced by the integration tests: forks, starts threads, handles a
 * signal and writes known data, then exits with a known status. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	got = sig;
}

static void *thread_main(void *arg)
{
	const char *msg = arg;

	if (write(1, msg, strlen(msg)) < 0)
		return NULL;
	return NULL;
}

int main(int argc, char **argv)
{
	int nthreads = argc > 1 ? atoi(argv[1]) : 2;
	int nchildren = argc > 2 ? atoi(argv[2]) : 2;
	pthread_t th[64];
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);

	for (int i = 0; i < nchildren; i++) {
		pid_t pid = fork();
		if (pid == 0) {
			if (write(1, "child\n", 6) < 0)
				_exit(1);
			_exit(10 + i);
		}
		if (pid > 0) {
			int st;
			waitpid(pid, &st, 0);
		}
	}
	if (nthreads > 64)
		nthreads = 64;
	for (int i = 0; i < nthreads; i++)
		pthread_create(&th[i], NULL, thread_main, "thread\n");
	for (int i = 0; i < nthreads; i++)
		pthread_join(th[i], NULL);

	kill(getpid(), SIGUSR1);
	if (got != SIGUSR1)
		return 2;
	if (write(1, "done\n", 5) < 0)
		return 1;
	return 3;
}
