/* Unit tests of the host-side inspection (src/check/hostside.c) on a real
 * child process with two seccomp filters of our own: the dump returns
 * them newest first and leaves the child running untraced, and the
 * synthesized inside facts give the verdicts the filters imply.  Needs
 * CAP_SYS_ADMIN and no seccomp filter on the test itself (skipped
 * otherwise, with the reason). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <cmocka.h>

#include "util.h"
#include "check/assess.h"
#include "check/hostside.h"
#include "check/seccomp_query.h"
#include "check/whatif.h"

/* older: personality -> EACCES, the rest allowed.  Both filters answer
 * ERRNO for personality: the newest one evaluated first keeps its errno
 * (EPERM), so the dump's order shows in the evaluation. */
static struct sock_filter prog_older[] = {
	BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_personality, 0, 1),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EACCES),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
};

/* newer: personality -> EPERM, the rest allowed */
static struct sock_filter prog_personality[] = {
	BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_personality, 0, 1),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
};

static pid_t child;
static int child_errno;	/* what personality() really gave in the child */

static bool usable(char *why, size_t size)
{
	char buf[4096];
	const char *v;
	unsigned long long eff = 0;
	int mode = -1;

	if (read_file("/proc/self/status", buf, sizeof(buf)) < 0) {
		snprintf(why, size, "no /proc/self/status");
		return false;
	}
	if ((v = strstr(buf, "CapEff:")))
		sscanf(v + 7, "%llx", &eff);
	if ((v = strstr(buf, "Seccomp:")))
		sscanf(v + 8, "%d", &mode);
	if (!(eff & (1ULL << 21))) {
		snprintf(why, size, "no CAP_SYS_ADMIN (PTRACE_SECCOMP_GET_FILTER needs it)");
		return false;
	}
	if (mode != 0) {
		snprintf(why, size, "the test runs under seccomp (the kernel then refuses the dump)");
		return false;
	}
	return true;
}

static int setup(void **state)
{
	int p[2];
	(void)state;
	if (pipe(p) < 0)
		return -1;
	child = fork();
	if (child < 0)
		return -1;
	if (child == 0) {
		struct sock_fprog a = { 5, prog_older };
		struct sock_fprog b = { 4, prog_personality };
		int e;
		close(p[0]);
		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
		    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &a) < 0 ||
		    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &b) < 0)
			_exit(1);
		e = syscall(SYS_personality, 0x0040000UL) < 0 ? errno : 0;
		if (write(p[1], &e, sizeof(e)) != sizeof(e))
			_exit(1);
		for (;;)
			pause();
	}
	close(p[1]);
	if (read(p[0], &child_errno, sizeof(child_errno)) != sizeof(child_errno)) {
		close(p[0]);
		return -1;
	}
	close(p[0]);
	return 0;
}

static int teardown(void **state)
{
	int st;

	(void)state;
	if (child > 0) {
		kill(child, SIGKILL);
		waitpid(child, &st, 0);
	}
	return 0;
}

static void test_dump(void **state)
{
	struct hostside_dump d;
	char why[300], path[64], buf[4096];
	const char *v;

	(void)state;
	if (!usable(why, sizeof(why))) {
		print_message("SKIP: %s\n", why);
		skip();
	}
	assert_int_equal(hostside_dump_filters(child, &d, why, sizeof(why)), 0);
	assert_int_equal(d.n, 2);
	/* [0] is the newest (the kernel's index 0 is the oldest) */
	assert_int_equal(d.lens[0], 4);
	assert_memory_equal(d.progs[0], prog_personality, sizeof(prog_personality));
	assert_int_equal(d.lens[1], 5);
	assert_memory_equal(d.progs[1], prog_older, sizeof(prog_older));
	hostside_dump_release(&d);
	/* detached and running again */
	snprintf(path, sizeof(path), "/proc/%d/status", (int)child);
	assert_true(read_file(path, buf, sizeof(buf)) > 0);
	v = strstr(buf, "TracerPid:");
	assert_non_null(v);
	assert_int_equal(atoi(v + 10), 0);
	/* running again, not stopped (it may still be on its way back to
	 * sleep: R or S, never T/t) */
	v = strstr(buf, "State:\t");
	assert_non_null(v);
	assert_true(v[7] == 'S' || v[7] == 'R');
	/* twice in a row works: nothing left attached */
	assert_int_equal(hostside_dump_filters(child, &d, why, sizeof(why)), 0);
	assert_int_equal(d.n, 2);
	hostside_dump_release(&d);
}

static void test_inspect(void **state)
{
	static struct check_facts host;
	static struct hostside h;
	struct check_report r;
	char why[300];

	(void)state;
	if (!usable(why, sizeof(why))) {
		print_message("SKIP: %s\n", why);
		skip();
	}
	check_gather_facts(&host, 0);
	assert_int_equal(hostside_inspect(child, &host, &h), 0);
	assert_false(h.container);	/* our own namespaces */
	assert_int_equal(h.filters_known, 1);
	assert_int_equal(h.nfilters, 2);
	assert_int_equal(h.facts.seccomp_mode, 2);
	assert_int_equal(h.facts.seccomp_filters, 2);
	assert_int_equal(h.facts.no_new_privs, 1);
	assert_int_equal(h.res[SQ_PERSONALITY_NO_ASLR].kind, SECCOMP_KIND_ERRNO);
	assert_int_equal(h.res[SQ_PERSONALITY_NO_ASLR].err, EPERM);
	/* = what the kernel really answered in the child */
	assert_int_equal(child_errno, EPERM);
	assert_int_equal(h.res[SQ_PTRACE_TRACEME].kind, SECCOMP_KIND_ALLOW);
	check_assess(&h.facts, &r);
	assert_int_equal(r.modes[MODE_NO_ASLR].verdict, VERDICT_FAILS);
	assert_non_null(strstr(r.modes[MODE_NO_ASLR].cause, "EPERM"));
	assert_int_equal(r.modes[MODE_SPAWN].verdict, VERDICT_OK);
	assert_int_equal(hostside_inspect(2147483600, &host, &h), -ESRCH);
}

/* A hostile container root: a FIFO at a marker file, symlinks that
 * would resolve against the host's root, a file above the size cap. */
static void test_read_in_root(void **state)
{
	char root[] = "/tmp/ctrace-hostile-XXXXXX", path[256], buf[64];
	_cleanup_close_ int rootfd = -1;
	int fd;

	(void)state;
	assert_non_null(mkdtemp(root));
	snprintf(path, sizeof(path), "%s/run", root);
	assert_int_equal(mkdir(path, 0755), 0);
	snprintf(path, sizeof(path), "%s/run/.containerenv", root);
	assert_int_equal(mkfifo(path, 0644), 0);
	snprintf(path, sizeof(path), "%s/.dockerenv", root);
	assert_int_equal(symlink("/etc/passwd", path), 0);
	snprintf(path, sizeof(path), "%s/hostroot", root);
	assert_int_equal(symlink("/", path), 0);
	snprintf(path, sizeof(path), "%s/up", root);
	assert_int_equal(symlink("../../../../../..", path), 0);
	snprintf(path, sizeof(path), "%s/big", root);
	fd = open(path, O_WRONLY | O_CREAT, 0644);
	assert_true(fd >= 0);
	for (int i = 0; i < 100; i++)
		assert_int_equal(write(fd, "0123456789", 10), 10);
	close(fd);
	rootfd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
	assert_true(rootfd >= 0);
	for (int mode = 0; mode < 2; mode++) {
		bool walk = mode == 1; /* the walk for kernels without openat2 */

		/* a FIFO is neither opened nor waited for */
		assert_int_equal(hostside_read_in_root(rootfd, "run/.containerenv", buf,
						       sizeof(buf), walk), -EINVAL);
		/* a symlink at the marker is not followed to the host */
		assert_int_equal(hostside_read_in_root(rootfd, ".dockerenv", buf, sizeof(buf), walk),
				 -EINVAL);
		assert_true(hostside_read_in_root(rootfd, "hostroot/etc/passwd", buf,
						  sizeof(buf), walk) < 0);
		assert_true(hostside_read_in_root(rootfd, "up/etc/passwd", buf, sizeof(buf), walk) < 0);
		assert_true(hostside_read_in_root(rootfd, "../../../../etc/passwd", buf,
						  sizeof(buf), walk) < 0);
		assert_int_equal(hostside_read_in_root(rootfd, "nothere", buf, sizeof(buf), walk),
				 -ENOENT);
		/* a regular file, cut at the cap */
		assert_int_equal(hostside_read_in_root(rootfd, "big", buf, sizeof(buf), walk),
				 (ssize_t)sizeof(buf) - 1);
		assert_int_equal(strlen(buf), sizeof(buf) - 1);
		assert_memory_equal(buf, "0123456789", 10);
	}
	snprintf(path, sizeof(path), "rm -rf '%s'", root);
	assert_int_equal(system(path), 0);
}

/* 100 allow-all filters, then one that denies ptrace: all 101 are read
 * (no 64 limit), and the verdict is the newest filter's. */
static void test_stacked_filters(void **state)
{
	static struct sock_filter allow[] = { BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW) };
	static struct sock_filter deny[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_ptrace, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	static struct check_facts host;
	static struct hostside h;
	struct hostside_dump d;
	char why[300];
	int p[2], st, r;
	char c;
	pid_t pid;

	(void)state;
	if (!usable(why, sizeof(why))) {
		print_message("SKIP: %s\n", why);
		skip();
	}
	assert_int_equal(pipe(p), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct sock_fprog a = { 1, allow }, b = { 4, deny };

		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
			_exit(1);
		for (int i = 0; i < 100; i++)
			if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &a) < 0)
				_exit(1);
		if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &b) < 0)
			_exit(1);
		if (write(p[1], "x", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(p[1]);
	assert_int_equal(read(p[0], &c, 1), 1);
	close(p[0]);
	r = hostside_dump_filters(pid, &d, why, sizeof(why));
	if (r < 0)
		print_message("dump: %s\n", why);
	assert_int_equal(r, 0);
	assert_int_equal(d.n, 101);
	assert_int_equal(d.lens[0], 4);	/* the newest: deny ptrace */
	assert_memory_equal(d.progs[0], deny, sizeof(deny));
	for (unsigned i = 1; i < d.n; i++)
		assert_int_equal(d.lens[i], 1);
	hostside_dump_release(&d);
	check_gather_facts(&host, 0);
	r = hostside_inspect(pid, &host, &h);
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	assert_int_equal(r, 0);
	assert_int_equal(h.filters_known, 1);
	assert_int_equal(h.nfilters, 101);
	assert_int_equal(h.facts.seccomp_filters, 101);
	assert_int_equal(h.res[SQ_PTRACE_ATTACH].kind, SECCOMP_KIND_ERRNO);
	assert_int_equal(h.res[SQ_PTRACE_ATTACH].err, EPERM);
	assert_int_equal(h.res[SQ_PTRACE_TRACEME].kind, SECCOMP_KIND_ERRNO);
	hostside_release(&h);
}

static char proc_state(pid_t pid, int *tracer)
{
	char path[64], buf[4096];
	const char *v;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	if (read_file(path, buf, sizeof(buf)) <= 0)
		return '?';
	v = strstr(buf, "TracerPid:");
	*tracer = v ? atoi(v + 10) : -1;
	v = strstr(buf, "State:\t");
	return v ? v[7] : '?';
}

/* A target stopped by SIGSTOP (group stop) stays stopped after the dump. */
static void test_group_stop_kept(void **state)
{
	struct hostside_dump d;
	char why[300];
	int st, tracer = -1;
	pid_t pid;

	(void)state;
	if (!usable(why, sizeof(why))) {
		print_message("SKIP: %s\n", why);
		skip();
	}
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		for (;;)
			pause();
	}
	kill(pid, SIGSTOP);
	assert_int_equal(waitpid(pid, &st, WUNTRACED), pid);
	assert_true(WIFSTOPPED(st));
	/* seccomp off: the dump reads nothing, the stop/detach is the point */
	hostside_dump_filters(pid, &d, why, sizeof(why));
	hostside_dump_release(&d);
	/* after the detach the kernel has the target re-enter its group stop
	 * by itself: wait for it to settle (a target set running would sit in
	 * pause(), 'S', and never get there) */
	for (int i = 0; i < 2000 && proc_state(pid, &tracer) != 'T'; i++)
		usleep(1000);
	assert_int_equal(proc_state(pid, &tracer), 'T');
	assert_int_equal(tracer, 0);
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
}

/* A target that never reaches a stop (a vfork parent waits for its child
 * in an uninterruptible, killable sleep): the dump times out, and the
 * target is no longer traced when it returns. */
static void test_timeout_detaches(void **state)
{
	struct hostside_dump d;
	char why[300];
	int st, tracer = -1, p[2];
	char c;
	pid_t pid;

	(void)state;
	if (!usable(why, sizeof(why))) {
		print_message("SKIP: %s\n", why);
		skip();
	}
	assert_int_equal(pipe(p), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		setpgid(0, 0);
		close(p[0]);
		/* the vfork child tells it is there and waits for EOF of a
		 * pipe nobody writes: the parent stays in vfork until killed */
		if (vfork() == 0) {
			syscall(SYS_write, p[1], "x", 1);
			for (;;)
				syscall(SYS_pause);
		}
		_exit(0);
	}
	close(p[1]);
	assert_int_equal(read(p[0], &c, 1), 1);
	close(p[0]);
	assert_int_equal(hostside_dump_filters(pid, &d, why, sizeof(why)), -ETIME);
	print_message("%s\n", why);
	hostside_dump_release(&d);
	proc_state(pid, &tracer);
	kill(-pid, SIGKILL);	/* with the vfork child */
	assert_int_equal(tracer, 0);
	waitpid(pid, &st, 0);
}

/* A target that receives a stream of queued signals: some dumps find it
 * in a signal-delivery stop; every signal sent must still be handled
 * (a detach with signal 0 would drop it). */
static volatile sig_atomic_t handled;
static void on_rt(int sig)
{
	(void)sig;
	handled++;
}

static void test_signal_delivery_stop(void **state)
{
	struct hostside_dump d;
	char why[300];
	int st, ctl[2], res[2], resent = 0;
	long counts[2];
	char ready;
	pid_t pid;

	(void)state;
	if (!usable(why, sizeof(why))) {
		print_message("SKIP: %s\n", why);
		skip();
	}
	assert_int_equal(pipe(ctl), 0);
	assert_int_equal(pipe(res), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		static struct sock_filter allow[] = {
			BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW) };
		struct sock_fprog a = { 1, allow };
		struct sigaction sa = { .sa_handler = on_rt };
		long sent = 0;
		char c;

		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
		    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &a) < 0)
			_exit(1);
		close(ctl[1]);
		close(res[0]);
		sigaction(SIGRTMIN, &sa, NULL);
		if (write(res[1], "r", 1) != 1)	/* filter and handler in place */
			_exit(1);
		fcntl(ctl[0], F_SETFL, O_NONBLOCK);
		/* send to itself until told to stop, then report */
		while (read(ctl[0], &c, 1) != 0) {
			union sigval v = { 0 };
			if (sigqueue(getpid(), SIGRTMIN, v) == 0)
				sent++;
		}
		counts[0] = sent;
		counts[1] = handled;
		if (write(res[1], counts, sizeof(counts)) != sizeof(counts))
			_exit(1);
		_exit(0);
	}
	close(ctl[0]);
	close(res[1]);
	assert_int_equal(read(res[0], &ready, 1), 1);
	for (int i = 0; i < 300; i++) {
		int r = hostside_dump_filters(pid, &d, why, sizeof(why));
		if (r < 0)
			print_message("dump %d: %s\n", i, why);
		assert_int_equal(r, 0);
		if (d.resent_signal) {
			assert_int_equal(d.resent_signal, SIGRTMIN);
			resent++;
		}
		hostside_dump_release(&d);
	}
	close(ctl[1]);
	assert_int_equal(read(res[0], counts, sizeof(counts)), sizeof(counts));
	close(res[0]);
	waitpid(pid, &st, 0);
	print_message("%d of 300 dumps met a signal-delivery stop; %ld signals sent, %ld handled\n",
		      resent, counts[0], counts[1]);
	assert_true(counts[0] > 0);
	assert_int_equal(counts[0], counts[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_in_root),
		cmocka_unit_test(test_stacked_filters),
		cmocka_unit_test(test_group_stop_kept),
		cmocka_unit_test(test_timeout_detaches),
		cmocka_unit_test(test_signal_delivery_stop),
		cmocka_unit_test(test_dump),
		cmocka_unit_test(test_inspect),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
