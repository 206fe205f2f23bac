/* --tips: a tip about ctrace on stderr when it exits (strace 6.1's
 * option syntax; the tips are ctrace's own). */
#include "config.h"
#include "tips.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "options.h"
#include "util.h"

static const char *const tips[][4] = {
	{ "ctrace --check tells which tracing modes work here",
	  "(ptrace, seccomp, Yama, capabilities), why not,",
	  "and what to change.", NULL },
	{ "-e trace=SET with a command runs the untraced",
	  "syscalls at full speed through a seccomp filter;",
	  "--no-seccomp-bpf turns that off.", NULL },
	{ "--json prints one JSON object per event, with",
	  "the arguments as structure (docs/trace-json.md).", NULL, NULL },
	{ "-e read=3 -e write=3 dump all the data read from",
	  "and written to descriptor 3 in hex.", NULL, NULL },
	{ "-Y prints process ids with their command names:",
	  "kill(1234<sleep>, SIGTERM).", NULL, NULL },
	{ "-yy shows sockets' addresses and devices' numbers",
	  "next to their descriptors.", NULL, NULL },
	{ "-e inject=openat:error=ENOENT:when=2 makes the",
	  "second openat fail, to test a program's error paths.", NULL, NULL },
};

void tips_print(int format, int id)
{
	static bool printed;
	enum { W = 54 };
	size_t n;

	if (printed || format == TIPS_NONE)
		return;
	printed = true;
	if (id < 0) {
		struct timeval tv;

		gettimeofday(&tv, NULL);
		srand((unsigned)(tv.tv_sec ^ tv.tv_usec));
		id = rand();
	}
	n = (size_t)id % ARRAY_SIZE(tips);
	fprintf(stderr, " %.*s\n", W + 2, "________________________________________________________________");
	fprintf(stderr, "/ %-*s \\\n", W, "");
	for (unsigned i = 0; i < 4 && tips[n][i]; i++)
		fprintf(stderr, "| %-*s |\n", W, tips[n][i]);
	if (format == TIPS_FULL) {
		char line[W + 1];

		snprintf(line, sizeof(line), "tip %zu of %zu: --tips=id:%zu shows it again",
			 n, ARRAY_SIZE(tips), n);
		fprintf(stderr, "| %-*s |\n| %-*s |\n", W, "", W, line);
	}
	fprintf(stderr, "\\%.*s/\n", W + 2, "________________________________________________________________");
}
