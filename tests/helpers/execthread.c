/* A non-leader thread calls execve: the tracer sees the pid change
 * ("superseded by execve").  argv[1]: the program to exec. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static char **args;

static void *run(void *arg)
{
	(void)arg;
	execv(args[1], args + 1);
	perror("execv");
	_exit(127);
}

int main(int argc, char **argv)
{
	pthread_t th;

	if (argc < 2)
		return 2;
	args = argv;
	pthread_create(&th, NULL, run, NULL);
	for (;;)
		pause();
}
