/* Creates N short-lived processes (default 10000), at most 64 alive at
 * once, each exiting at once with status i % 7; reaps them all.  Exit
 * status 0 when every child was created and reaped with its status. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 10000;
	int alive = 0, bad = 0;

	for (int i = 0; i < n; i++) {
		pid_t pid = fork();
		int st;

		if (pid == 0)
			_exit(i % 7);
		if (pid < 0)
			return 1;
		if (++alive >= 64) {
			if (wait(&st) < 0 || !WIFEXITED(st))
				bad = 1;
			alive--;
		}
	}
	while (alive-- > 0) {
		int st;
		if (wait(&st) < 0 || !WIFEXITED(st))
			bad = 1;
	}
	return bad;
}
