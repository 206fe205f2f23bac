/* attachee: measure a tracer in attach mode (-p).
 *
 * Usage: attachee TRACER [TRACER-ARG...] -- COMMAND [ARG...]
 *
 * Forks COMMAND, which waits (polling its own TracerPid in
 * /proc/self/status, no sleeping) until a tracer is attached and then
 * execs; runs `TRACER TRACER-ARGS -p PID` and waits for both.  The wait
 * before the exec is a few syscalls that the tracer sees too, next to the
 * thousands of the workload.  Exit status: COMMAND's (128+N if killed by
 * signal N); 125 if the tracer failed.
 *
 * bench/run.sh links it statically: then the LD_PRELOAD of tstat's
 * selfstat.so (see bench/README.md) is not loaded here but passed on to
 * the tracer, whose CPU and RSS are the ones reported; COMMAND runs
 * without it.
 *
 * Part of the benchmark only (built by bench/run.sh, never by make).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int traced(void)
{
	char buf[4096];
	const char *p;
	ssize_t n;
	int fd = open("/proc/self/status", O_RDONLY);

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	p = strstr(buf, "\nTracerPid:");
	return p && atoi(p + 11) != 0;
}

int main(int argc, char **argv)
{
	int sep, status, code = 0, i, t;
	pid_t child, tracer;
	char pidbuf[32];
	char **targv;

	for (sep = 1; sep < argc && strcmp(argv[sep], "--"); sep++)
		;
	if (sep < 2 || sep + 1 >= argc) {
		fprintf(stderr, "usage: attachee TRACER [ARG...] -- COMMAND [ARG...]\n");
		return 2;
	}
	child = fork();
	if (child < 0) {
		perror("attachee: fork");
		return 1;
	}
	if (child == 0) {
		unsetenv("LD_PRELOAD");
		unsetenv("BENCH_SELFSTAT");
		while ((t = traced()) == 0)
			;
		if (t < 0)
			_exit(126);
		execvp(argv[sep + 1], argv + sep + 1);
		perror("attachee: exec");
		_exit(127);
	}
	snprintf(pidbuf, sizeof(pidbuf), "%d", child);
	targv = calloc((size_t)sep + 2, sizeof(*targv));
	if (!targv)
		return 1;
	for (i = 1; i < sep; i++)
		targv[i - 1] = argv[i];
	targv[sep - 1] = "-p";
	targv[sep] = pidbuf;
	tracer = fork();
	if (tracer < 0) {
		perror("attachee: fork");
		kill(child, SIGKILL);
		return 1;
	}
	if (tracer == 0) {
		execvp(targv[0], targv);
		perror("attachee: exec tracer");
		_exit(127);
	}
	if (waitpid(child, &status, 0) == child)
		code = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
	if (waitpid(tracer, &status, 0) == tracer && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
		code = code ? code : 125;
	return code;
}
