/* selfstat.so: LD_PRELOAD library used by bench/run.sh to measure a
 * tracer's own CPU time and peak RSS, excluding its tracees.
 *
 * getrusage(RUSAGE_SELF) at exit counts the calling process only (all its
 * threads), never its children; wait4()'s rusage (what GNU time prints)
 * would add the tracee, which is the tracer's child and is reaped by it.
 *
 * The constructor removes LD_PRELOAD and BENCH_SELFSTAT from the
 * environment so that the traced command does not load this library.  The
 * destructor writes "utime_us stime_us maxrss_kb" to the file named by
 * BENCH_SELFSTAT.  A tracer that leaves by _exit() or a signal writes
 * nothing; bench/tstat then falls back to /proc (CPU only).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static char path[4096];

__attribute__((constructor)) static void selfstat_init(void)
{
	const char *p = getenv("BENCH_SELFSTAT");

	if (p && strlen(p) < sizeof(path))
		strcpy(path, p);
	unsetenv("BENCH_SELFSTAT");
	unsetenv("LD_PRELOAD");
}

__attribute__((destructor)) static void selfstat_fini(void)
{
	struct rusage ru;
	FILE *f;

	if (!path[0] || getrusage(RUSAGE_SELF, &ru) < 0)
		return;
	f = fopen(path, "w");
	if (!f)
		return;
	fprintf(f, "%lld %lld %ld\n",
		(long long)ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec,
		(long long)ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec,
		ru.ru_maxrss);
	fclose(f);
}
