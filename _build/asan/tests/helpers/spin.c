/* A process to attach to: loops making syscalls until killed.
 * With an argument N, also starts N threads doing the same. */
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static void *loop(void *arg)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };

	(void)arg;
	for (;;) {
		nanosleep(&ts, NULL);
		(void)getppid();
	}
	return NULL;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 0;
	pthread_t th;

	for (int i = 0; i < n; i++)
		pthread_create(&th, NULL, loop, NULL);
	loop(NULL);
	return 0;
}
