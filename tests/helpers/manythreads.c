/* Starts N threads at once (default 1000) that each make a syscall and
 * exit; the main thread joins them all.  Exit status 0 when all ran. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_barrier_t barrier;

static void *run(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&barrier);
	(void)getppid();
	return NULL;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1000;
	pthread_t *th = calloc((size_t)n, sizeof(*th));
	pthread_attr_t attr;
	int started = 0;

	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	pthread_barrier_init(&barrier, NULL, (unsigned)n + 1);
	for (int i = 0; i < n; i++)
		if (pthread_create(&th[i], &attr, run, NULL) == 0)
			started++;
	if (started != n)
		return 1;
	pthread_barrier_wait(&barrier);
	for (int i = 0; i < n; i++)
		pthread_join(th[i], NULL);
	return 0;
}
