/* ctrace: trace system calls, strace-style, and say up front what the
 * environment (containers, seccomp, capabilities, Yama, LSM) will block. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "options.h"
#include "tracer.h"
#include "util.h"

/* Die the way the traced command died, so the caller sees the same
 * status (no core dump of ctrace itself). */
static void reraise(int sig)
{
	struct rlimit rl = { 0, 0 };
	sigset_t set;

	setrlimit(RLIMIT_CORE, &rl);
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	exit(0x80 | sig);
}

static int unsupported(const struct options *o)
{
	if (o->count)
		ct_error("-c/-C (summary) is not implemented yet");
	else if (o->stack)
		ct_error("-k (stack traces) is not implemented yet");
	else if (o->seccomp_bpf > 0)
		ct_error("--seccomp-bpf is not implemented yet");
	else
		return 0;
	return -ENOTSUP;
}

int main(int argc, char **argv)
{
	__attribute__((cleanup(options_free))) struct options opts = { 0 };
	_cleanup_free_ char *path = NULL;
	int ret, status;

	ret = options_parse(&opts, argc, argv);
	if (ret != 0)
		return ret > 0 ? 0 : 1;
	if (unsupported(&opts) < 0)
		return 1;

	if (opts.argv) {
		path = tracer_find_program(opts.argv[0]);
		if (!path) {
			ct_error("Can't stat '%s': %s", opts.argv[0], strerror(errno));
			return 1;
		}
	}
	if (tracer_init(&opts) < 0)
		return 1;

	if (opts.argv)
		ret = tracer_spawn(path, opts.argv);
	else
		ret = tracer_attach(opts.pids, opts.npids);
	if (ret < 0) {
		tracer_cleanup();
		return 1;
	}

	status = tracer_loop();
	tracer_cleanup();
	if (status < 0)
		reraise(-status);
	return status;
}
