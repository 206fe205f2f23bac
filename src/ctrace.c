/* ctrace: trace system calls, strace-style, and say up front what the
 * environment (containers, seccomp, capabilities, Yama, LSM) will block. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <unistd.h>

#include "check/check.h"
#include "mem.h"
#include "options.h"
#include "pids.h"
#include "tips.h"
#include "stop.h"
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

static void warn_useless(const struct options *o)
{
	/* accepted as strace does, but said plainly when they cannot work */
	if (o->kvm_vcpu)
		ct_warn(access("/dev/kvm", F_OK) < 0 ?
			"-e kvm=vcpu has no effect: there is no /dev/kvm here, so no tracee can run a KVM vCPU" :
			"-e kvm=vcpu has no effect: ctrace does not decode KVM_RUN exit reasons yet");
	/* (with -c, options_parse said it has no effect, as strace) */
	if (o->secontext && o->count != COUNT_ONLY)
		ct_warn(access("/sys/fs/selinux", F_OK) < 0 ?
			"--secontext has no effect: SELinux is not enabled in this kernel (no /sys/fs/selinux)" :
			"--secontext has no effect: ctrace does not print SELinux contexts yet");
}

static int run_preflight(const struct options *opts)
{
	struct preflight_req req = {
		.spawn = opts->argv != NULL,
		.pids = opts->pids,
		.npids = opts->npids,
		.no_aslr = opts->no_aslr,
		.stack_trace = opts->stack,
		.seccomp_bpf = opts->seccomp_bpf > 0,
		.seccomp_bpf_auto = opts->argv && opts->seccomp_bpf == 0 && opts->nexprs > 0,
		.quiet = opts->quiet,
	};
	struct preflight_res res = { .use_vm_readv = true, .syscall_info_ok = true,
				     .seccomp_bpf_ok = true };
	int ret = preflight(&req, &res);

	if (ret < 0)
		return ret;
	mem_set_vm_readv(res.use_vm_readv);
	/* Testing aid: force PTRACE_PEEKDATA as if process_vm_readv were
	 * blocked (tests/integration/stack.sh). */
	if (getenv("CTRACE_NO_VM_READV"))
		mem_set_vm_readv(false);
	tracer_set_env(res.syscall_info_ok, res.seccomp_bpf_ok);
	return 0;
}

/* As strace: once the command runs with its own copies, ctrace lets go
 * of its stdin and stdout (never written: the trace goes to stderr or
 * a file opened before), so a pipe into or out of ctrace ends when the
 * command closes its ends. */
static void release_std_fds(void)
{
	int fd = open("/dev/null", O_RDWR | O_CLOEXEC);

	if (fd < 0)
		return;
	dup2(fd, STDIN_FILENO);
	dup2(fd, STDOUT_FILENO);
	close(fd);
}

int main(int argc, char **argv)
{
	__attribute__((cleanup(options_free))) struct options opts = { 0 };
	_cleanup_free_ char *path = NULL;
	int ret, status;

	/* no argv[0] (a caller's execve with an empty argv): the path it
	 * was executed by */
	if (argc > 0 && argv[0] && argv[0][0])
		ct_progname = argv[0];
	else if (getauxval(AT_EXECFN) && *(const char *)getauxval(AT_EXECFN))
		ct_progname = (const char *)getauxval(AT_EXECFN);
	/* Never lend privileges: a set-user-ID/set-group-ID or file-capability
	 * ctrace would let any user trace anything. */
	if (getauxval(AT_SECURE)) {
		ct_error("refusing to run with set-user-ID, set-group-ID or file capabilities "
			 "(run it as root directly; -u USER runs the command as another user)");
		return 1;
	}
	if (options_wants_check(argc, argv))
		return check_cli(argc, argv);
	ret = options_parse(&opts, argc, argv);
	if (ret != 0)
		return ret > 0 ? 0 : 1;
	warn_useless(&opts);
	ct_debug_on = opts.debug;
	pids_mode = opts.decode_pids;

	if (opts.argv) {
		/* strace's words for a name no path can hold */
		if (strlen(opts.argv[0]) >= PATH_MAX) {
			ct_error("exec: %s", strerror(ENAMETOOLONG));
			return 1;
		}
		path = tracer_find_program(opts.argv[0]);
		if (!path) {
			ct_error("Can't stat '%s': %s", opts.argv[0], strerror(errno));
			return 1;
		}
	}
	if (tracer_init(&opts) < 0)
		return 1;
	if (run_preflight(&opts) < 0) {
		tracer_cleanup();
		return 1;
	}

	ret = opts.argv ? tracer_spawn(path, opts.argv) : 0;
	if (ret >= 0 && opts.argv)
		release_std_fds();
	if (ret >= 0 && opts.npids)
		ret = tracer_attach(opts.pids, opts.npids);
	if (ret < 0) {
		tracer_cleanup();
		return 1;
	}

	status = tracer_loop();
	tracer_cleanup();
	tips_print(opts.tips, opts.tips_id);
	if (status < 0)
		reraise(-status);
	return status;
}
