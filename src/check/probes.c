/* Syscall probes in a forked child; see probes.h. */
#include "config.h"
#include "check/probes.h"
#include "util.h"

#include <fcntl.h>
#include <linux/perf_event.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>

struct probe_desc {
	const char *name;
	const char *syscall;
	const char *call;
	int expected;		/* errno the kernel gives when allowed; 0: success */
};

static const struct probe_desc probe_descs[PROBE_COUNT] = {
	[PROBE_PTRACE] = { "ptrace", "ptrace", "ptrace(PTRACE_CONT, parent)", ESRCH },
	[PROBE_TRACEME] = { "ptrace-traceme", "ptrace", "child: ptrace(PTRACE_TRACEME) + SIGSTOP", 0 },
	[PROBE_SYSCALL_INFO] = { "ptrace-get-syscall-info", "ptrace", "ptrace(PTRACE_GET_SYSCALL_INFO, traced child)", 0 },
	[PROBE_SEIZE] = { "ptrace-seize-sibling", "ptrace", "ptrace(PTRACE_SEIZE, sibling)", 0 },
	[PROBE_VM_READV] = { "process_vm_readv", "process_vm_readv", "process_vm_readv(parent, flags=1)", EINVAL },
	[PROBE_PERSONALITY_QUERY] = { "personality-query", "personality", "personality(0xffffffff)", 0 },
	[PROBE_PERSONALITY_NORAND] = { "personality-no-randomize", "personality", "personality(current|ADDR_NO_RANDOMIZE)", 0 },
	[PROBE_KCMP] = { "kcmp", "kcmp", "kcmp(self, self, 1000)", EINVAL },
	[PROBE_PIDFD_OPEN] = { "pidfd_open", "pidfd_open", "pidfd_open(-1, 0)", EINVAL },
	[PROBE_PIDFD_GETFD] = { "pidfd_getfd", "pidfd_getfd", "pidfd_getfd(-1, 0, 0)", EBADF },
	[PROBE_CLONE3] = { "clone3", "clone3", "clone3(NULL, 0)", EINVAL },
	[PROBE_PERF_EVENT_OPEN] = { "perf_event_open", "perf_event_open", "perf_event_open(NULL)", EFAULT },
	[PROBE_PERF_HW] = { "perf-hw-counter", "perf_event_open", "perf_event_open(HARDWARE/INSTRUCTIONS, self, user only)", 0 },
	[PROBE_PERF_SW] = { "perf-sw-counter", "perf_event_open", "perf_event_open(SOFTWARE/TASK_CLOCK, self, user only)", 0 },
	[PROBE_BPF] = { "bpf", "bpf", "bpf(0x7fffffff, NULL, 0)", EINVAL },
	[PROBE_PRCTL_SECCOMP] = { "prctl-set-seccomp", "prctl", "prctl(PR_SET_SECCOMP, 0xff)", EINVAL },
	[PROBE_SECCOMP] = { "seccomp", "seccomp", "seccomp(SECCOMP_GET_ACTION_AVAIL, ALLOW)", 0 },
	[PROBE_SECCOMP_FILTER] = { "seccomp-filter", "seccomp", "prctl(NO_NEW_PRIVS) + seccomp(SET_MODE_FILTER, allow-all)", 0 },
};

const char *probe_name(enum probe_id id) { return probe_descs[id].name; }
const char *probe_syscall(enum probe_id id) { return probe_descs[id].syscall; }
const char *probe_call(enum probe_id id) { return probe_descs[id].call; }
int probe_expected(enum probe_id id) { return probe_descs[id].expected; }

const char *probe_result_name(enum probe_result r)
{
	static const char *const names[] = {
		[PROBE_NOT_RUN] = "not-run", [PROBE_ALLOWED] = "allowed",
		[PROBE_ERRNO] = "errno", [PROBE_KILLED] = "killed",
		[PROBE_HUNG] = "hung",
	};
	return names[r];
}

/* Message from the probe child. */
struct probe_msg {
	int32_t id;
	int32_t start;		/* 1: about to run id; 0: result */
	int32_t err;		/* result: errno, 0 success, -1 grandchild killed */
	int32_t sig;
};

static void send_msg(int fd, int id, int start, int err, int sig)
{
	struct probe_msg m = { id, start, err, sig };
	ssize_t n = write(fd, &m, sizeof(m));
	(void)n;
}

static int ret_err(long r)
{
	return r < 0 ? errno : 0;
}

/* Grandchild for the trace tests: PTRACE_TRACEME and stop.  Returns the
 * pid; *err is the errno of TRACEME (0 = the child is stopped and traced)
 * or -1 with *sig when it died. */
static pid_t traced_child(int *err, int *sig)
{
	int st;
	pid_t pid = fork();

	*sig = 0;
	if (pid < 0) {
		*err = errno;
		return -1;
	}
	if (pid == 0) {
		if (ptrace(PTRACE_TRACEME, 0, 0, 0) < 0)
			_exit(errno & 0xff);
		raise(SIGSTOP);
		_exit(0);
	}
	if (waitpid(pid, &st, __WALL) < 0) {
		*err = errno;
		return -1;
	}
	if (WIFSTOPPED(st)) {
		*err = 0;
		return pid;
	}
	if (WIFSIGNALED(st)) {
		*err = -1;
		*sig = WTERMSIG(st);
	} else {
		*err = WEXITSTATUS(st) ? WEXITSTATUS(st) : EPROTO;
	}
	return -1;
}

static void reap(pid_t pid)
{
	int st;
	kill(pid, SIGKILL);
	while (waitpid(pid, &st, __WALL) < 0 && errno == EINTR)
		;
}

/* PTRACE_GET_SYSCALL_INFO on a traced, stopped child: errno or 0. */
static int syscall_info_err(pid_t c)
{
	struct __ptrace_syscall_info info;
	long r = ptrace(PTRACE_GET_SYSCALL_INFO, c, sizeof(info), &info);
	return r > 0 ? 0 : (r < 0 ? errno : EPROTO);
}

/* Open (and close) a counter of the calling process, user space only, as
 * perf stat and rr do for a program they run: errno or 0. */
static int perf_counter_err(uint32_t type, uint64_t config)
{
	struct perf_event_attr a;
	long fd;

	memset(&a, 0, sizeof(a));
	a.size = sizeof(a);
	a.type = type;
	a.config = config;
	a.disabled = 1;
	a.exclude_kernel = 1;
	a.exclude_hv = 1;
	fd = syscall(SYS_perf_event_open, &a, 0, -1, -1, 0UL);
	if (fd < 0)
		return errno;
	close((int)fd);
	return 0;
}

/* The probes that make one call and change nothing in the caller (the
 * kernel rejects their arguments, or the call only queries): true with
 * *err set (errno, 0 success), false for the others. */
static bool simple_probe(int id, pid_t ppid, int *err)
{
	switch (id) {
	case PROBE_PTRACE:
		*err = ret_err(ptrace(PTRACE_CONT, ppid, 0, 0));
		return true;
	case PROBE_VM_READV: {
		char b;
		struct iovec l = { &b, 1 }, r = { &b, 1 };
		*err = ret_err(syscall(SYS_process_vm_readv, ppid, &l, 1, &r, 1, 1UL));
		return true;
	}
	case PROBE_PERSONALITY_QUERY:
		*err = ret_err(syscall(SYS_personality, 0xffffffffUL));
		return true;
	case PROBE_KCMP:
		*err = ret_err(syscall(SYS_kcmp, getpid(), getpid(), 1000, 0, 0));
		return true;
	case PROBE_PIDFD_OPEN:
		*err = ret_err(syscall(SYS_pidfd_open, -1, 0));
		return true;
	case PROBE_PIDFD_GETFD:
		*err = ret_err(syscall(SYS_pidfd_getfd, -1, 0, 0));
		return true;
	case PROBE_CLONE3:
		*err = ret_err(syscall(SYS_clone3, NULL, 0));
		return true;
	case PROBE_PERF_EVENT_OPEN:
		*err = ret_err(syscall(SYS_perf_event_open, NULL, 0, -1, -1, 0UL));
		return true;
	case PROBE_BPF:
		/* checked after the capability test (unprivileged_bpf_disabled)
		 * and before anything else: EINVAL when allowed */
		*err = ret_err(syscall(SYS_bpf, 0x7fffffff, NULL, 0));
		return true;
	case PROBE_PRCTL_SECCOMP:
		*err = ret_err(prctl(PR_SET_SECCOMP, 0xff, 0, 0, 0));
		return true;
	case PROBE_SECCOMP: {
		uint32_t action = SECCOMP_RET_ALLOW;
		*err = ret_err(syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action));
		return true;
	}
	}
	return false;
}

/* Run one probe in the probe child; report the result on fd.  Returns the
 * bit of a probe done on the way (PTRACE_TRACEME's child also serves
 * PTRACE_GET_SYSCALL_INFO when mask wants both), else 0. */
static uint32_t run_one(int id, int fd, uint32_t mask)
{
	uint32_t also = 0;
	int err = 0, sig = 0;
	pid_t ppid = getppid();

	if (simple_probe(id, ppid, &err)) {
		send_msg(fd, id, 0, err, 0);
		return 0;
	}
	switch (id) {
	case PROBE_TRACEME: {
		pid_t c = traced_child(&err, &sig);
		if (c > 0 && (mask & PROBE_BIT(PROBE_SYSCALL_INFO))) {
			send_msg(fd, id, 0, err, sig);
			send_msg(fd, PROBE_SYSCALL_INFO, 1, 0, 0);
			id = PROBE_SYSCALL_INFO;
			err = syscall_info_err(c);
			also = PROBE_BIT(PROBE_SYSCALL_INFO);
		}
		if (c > 0)
			reap(c);
		break;
	}
	case PROBE_SYSCALL_INFO: {
		pid_t c = traced_child(&err, &sig);
		if (c > 0) {
			err = syscall_info_err(c);
			reap(c);
		} else if (err >= 0) {
			err = err ? err : EPROTO;
		}
		break;
	}
	case PROBE_SEIZE: {
		int st;
		pid_t target = fork(), tracer;
		if (target < 0) {
			err = errno;
			break;
		}
		if (target == 0) {
			for (;;)
				pause();
		}
		tracer = fork();
		if (tracer < 0) {
			err = errno;
			reap(target);
			break;
		}
		if (tracer == 0) {
			if (ptrace(PTRACE_SEIZE, target, 0, 0) < 0)
				_exit(errno & 0xff);
			_exit(0);	/* exiting detaches */
		}
		while (waitpid(tracer, &st, 0) < 0 && errno == EINTR)
			;
		if (WIFSIGNALED(st)) {
			err = -1;
			sig = WTERMSIG(st);
		} else {
			err = WEXITSTATUS(st);
		}
		reap(target);
		break;
	}
	case PROBE_PERSONALITY_NORAND: {
		long cur = syscall(SYS_personality, 0xffffffffUL);
		if (cur < 0)
			cur = 0;
		err = ret_err(syscall(SYS_personality, (unsigned long)cur | ADDR_NO_RANDOMIZE));
		break;
	}
	case PROBE_PERF_HW:
		err = perf_counter_err(PERF_TYPE_HARDWARE, PERF_COUNT_HW_INSTRUCTIONS);
		break;
	case PROBE_PERF_SW:
		err = perf_counter_err(PERF_TYPE_SOFTWARE, PERF_COUNT_SW_TASK_CLOCK);
		break;
	case PROBE_SECCOMP_FILTER: {
		struct sock_filter insn = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
		struct sock_fprog prog = { 1, &insn };
		err = ret_err(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
		if (!err)
			err = ret_err(syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog));
		break;
	}
	}
	send_msg(fd, id, 0, err, sig);
	return also;
}

static void child_main(uint32_t mask, int first, int fd)
{
	setpgid(0, 0);
	for (int id = first; id < PROBE_COUNT; id++) {
		if (!(mask & PROBE_BIT(id)))
			continue;
		send_msg(fd, id, 1, 0, 0);
		mask &= ~run_one(id, fd, mask);
	}
	_exit(0);
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void record(struct probe_outcome *o, int id, int err, int sig)
{
	if (err < 0) {
		o->result = PROBE_KILLED;
		o->err = 0;
		o->sig = sig;
	} else {
		o->result = err == probe_expected(id) ? PROBE_ALLOWED : PROBE_ERRNO;
		o->err = err;
		o->sig = 0;
	}
}

/* One probe child running probes first.. in mask.  Returns the id to
 * resume from (PROBE_COUNT when all done) or a negative errno. */
static int run_child(uint32_t mask, int first, int timeout_ms,
		     struct probe_outcome out[PROBE_COUNT])
{
	int p[2], cur = -1, st = 0;
	bool hung = false;
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) < 0)
		return -errno;
	pid = fork();
	if (pid < 0) {
		int e = errno;
		close(p[0]);
		close(p[1]);
		return -e;
	}
	if (pid == 0) {
		close(p[0]);
		child_main(mask, first, p[1]);
	}
	close(p[1]);
	setpgid(pid, pid);

	_cleanup_close_ int rfd = p[0];
	int64_t deadline = now_ms() + timeout_ms;
	for (;;) {
		struct pollfd pfd = { rfd, POLLIN, 0 };
		int64_t left = deadline - now_ms();
		struct probe_msg m;
		ssize_t n;
		int r;

		if (left < 0)
			left = 0;
		r = poll(&pfd, 1, (int)left);
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0) {
			hung = true;
			break;
		}
		n = read(rfd, &m, sizeof(m));
		if (n < 0 && errno == EINTR)
			continue;
		if (n != (ssize_t)sizeof(m))
			break;	/* EOF: child finished or died */
		if (m.id < 0 || m.id >= PROBE_COUNT)
			break;
		if (m.start) {
			cur = m.id;
			deadline = now_ms() + timeout_ms;
		} else {
			record(&out[m.id], m.id, m.err, m.sig);
			cur = -1;
		}
	}
	if (hung)
		kill(-pid, SIGKILL);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (hung) {
		kill(-pid, SIGKILL);	/* grandchildren left behind */
		if (cur >= 0) {
			out[cur].result = PROBE_HUNG;
			out[cur].err = 0;
			out[cur].sig = 0;
		}
	} else if (cur >= 0) {
		out[cur].result = PROBE_KILLED;
		out[cur].err = 0;
		out[cur].sig = WIFSIGNALED(st) ? WTERMSIG(st) : 0;
		kill(-pid, SIGKILL);
	}
	if (cur < 0)
		return PROBE_COUNT;	/* finished (or died between probes) */
	return cur + 1;
}

int probes_run(uint32_t mask, int timeout_ms, struct probe_outcome out[PROBE_COUNT])
{
	bool hung_seen = false;
	int next = 0;

	mask &= PROBE_ALL;
	while (next < PROBE_COUNT) {
		int from = next;

		if (!(mask & ~(PROBE_BIT(next) - 1)))
			break;
		next = run_child(mask, next,
				 hung_seen || timeout_ms > PROBE_FIRST_HANG_MS ? timeout_ms
									: PROBE_FIRST_HANG_MS,
				 out);
		if (next < 0)
			return next;
		for (int i = from; i < next && i < PROBE_COUNT; i++)
			if ((mask & PROBE_BIT(i)) && out[i].result == PROBE_HUNG)
				hung_seen = true;
	}
	return 0;
}

uint32_t probes_run_here(uint32_t mask, struct probe_outcome out[PROBE_COUNT])
{
	uint32_t ran = 0;
	pid_t ppid = getppid();

	for (int id = 0; id < PROBE_COUNT; id++) {
		int err;

		if (!(mask & PROBE_BIT(id)) || !simple_probe(id, ppid, &err))
			continue;
		record(&out[id], id, err, 0);
		ran |= PROBE_BIT(id);
	}
	return ran;
}
