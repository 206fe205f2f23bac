/* tstat: run one command and append one line of measurements to a file.
 *
 * Usage: tstat [-p SELFSTAT.so] -r RESULT -- COMMAND [ARG...]
 *
 * Line appended to RESULT:  WALL_S EXIT UTIME_US STIME_US MAXRSS_KB SOURCE
 *
 *   WALL_S   CLOCK_MONOTONIC from just before fork() to the exit of COMMAND
 *   EXIT     COMMAND's exit status, 128+N if killed by signal N
 *   SOURCE   where the CPU/RSS figures come from:
 *     self   COMMAND's own getrusage(RUSAGE_SELF) at exit, written by the
 *            -p library: the process alone, children (tracees) excluded
 *     proc   no -p report (COMMAND used _exit or is static): utime/stime
 *            fields of /proc/PID/stat read while COMMAND is an unreaped
 *            zombie (waitid WNOWAIT); own time only, 10 ms resolution;
 *            MAXRSS_KB is -1 (not available without mixing in children)
 *     tree   no -p given: wait4() rusage, COMMAND plus all its descendants
 *
 * Part of the benchmark only (built by bench/run.sh, never by make).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* utime and stime (clock ticks) of a zombie, from /proc/PID/stat */
static int proc_times(pid_t pid, long long *ut_us, long long *st_us)
{
	char path[64], buf[4096], *p;
	unsigned long long ut, st;
	long hz = sysconf(_SC_CLK_TCK);
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -EIO;
	buf[n] = '\0';
	p = strrchr(buf, ')');
	/* fields 3..13 skipped, then utime (14) and stime (15) */
	if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu",
			 &ut, &st) != 2)
		return -EINVAL;
	*ut_us = (long long)(ut * 1000000ull / (unsigned long long)hz);
	*st_us = (long long)(st * 1000000ull / (unsigned long long)hz);
	return 0;
}

int main(int argc, char **argv)
{
	const char *lib = NULL, *result = NULL, *src;
	char selfpath[4096];
	long long ut = -1, st = -1;
	long rss = -1;
	struct rusage ru;
	siginfo_t si;
	double t0, t1;
	int opt, status, code;
	FILE *f;
	pid_t pid;

	while ((opt = getopt(argc, argv, "+p:r:")) != -1) {
		if (opt == 'p')
			lib = optarg;
		else if (opt == 'r')
			result = optarg;
		else
			return 2;
	}
	if (!result || optind >= argc) {
		fprintf(stderr, "usage: tstat [-p SELFSTAT.so] -r RESULT -- COMMAND [ARG...]\n");
		return 2;
	}
	snprintf(selfpath, sizeof(selfpath), "%s.self", result);
	unlink(selfpath);

	t0 = now();
	pid = fork();
	if (pid < 0) {
		perror("tstat: fork");
		return 1;
	}
	if (pid == 0) {
		if (lib) {
			setenv("LD_PRELOAD", lib, 1);
			setenv("BENCH_SELFSTAT", selfpath, 1);
		}
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "tstat: exec %s: %s\n", argv[optind], strerror(errno));
		_exit(127);
	}
	while (waitid(P_PID, pid, &si, WEXITED | WNOWAIT) < 0) {
		if (errno != EINTR) {
			perror("tstat: waitid");
			return 1;
		}
	}
	t1 = now();
	if (lib && proc_times(pid, &ut, &st) < 0)
		ut = st = -1;
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("tstat: wait4");
			return 1;
		}
	}
	code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);

	if (!lib) {
		src = "tree";
		ut = (long long)ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec;
		st = (long long)ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec;
		rss = ru.ru_maxrss;
	} else {
		FILE *s = fopen(selfpath, "r");
		long long su, ss;
		long sr;

		src = "proc";
		if (s) {
			if (fscanf(s, "%lld %lld %ld", &su, &ss, &sr) == 3) {
				ut = su;
				st = ss;
				rss = sr;
				src = "self";
			}
			fclose(s);
			unlink(selfpath);
		}
	}

	f = fopen(result, "a");
	if (!f) {
		perror("tstat: result file");
		return 1;
	}
	fprintf(f, "%.6f %d %lld %lld %ld %s\n", t1 - t0, code, ut, st, rss, src);
	fclose(f);
	return 0;
}
