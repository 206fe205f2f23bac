/* cmocka tests of the probe runner: real probes, under seccomp filters that
 * this test installs in a child process (so no container is needed): a
 * syscall killed by SIGSYS, one denied with EPERM on one argument value only,
 * one handed to a user-notification listener that never answers. */
#include "config.h"
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check/facts.h"
#include "check/probes.h"
#include "util.h"

#define NR_OFF offsetof(struct seccomp_data, nr)
#define ARG0_OFF offsetof(struct seccomp_data, args[0])	/* low word, little endian */

/* Run probes_run(mask) in a child, after install() (if any); the child
 * sends back the outcomes.  Returns 0, or 77 when install() is refused. */
static int probes_in_child(uint32_t mask, int timeout_ms, int (*install)(void),
			   struct probe_outcome out[PROBE_COUNT])
{
	int p[2], st, rc;
	pid_t pid;

	assert_int_equal(pipe(p), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(p[0]);
		if (install && install() < 0)
			_exit(77);
		memset(out, 0, sizeof(struct probe_outcome) * PROBE_COUNT);
		if (probes_run(mask, timeout_ms, out) < 0)
			_exit(2);
		if (write(p[1], out, sizeof(struct probe_outcome) * PROBE_COUNT) < 0)
			_exit(3);
		_exit(0);
	}
	close(p[1]);
	ssize_t n = read(p[0], out, sizeof(struct probe_outcome) * PROBE_COUNT);
	close(p[0]);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));	/* the "ctrace" process survived */
	rc = WEXITSTATUS(st);
	if (rc == 77)
		return 77;
	assert_int_equal(rc, 0);
	assert_int_equal(n, (ssize_t)(sizeof(struct probe_outcome) * PROBE_COUNT));
	return 0;
}

static int listener_fd = -1;

static int install_filters(void)
{
	struct sock_filter insns[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, NR_OFF),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_process_vm_readv, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_personality, 0, 4),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ARG0_OFF),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0xffffffff, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_pidfd_open, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { (unsigned short)(sizeof(insns) / sizeof(insns[0])), insns };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -errno;
	listener_fd = (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
				   SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
	return listener_fd < 0 ? -errno : 0;	/* never answered: pidfd_open hangs */
}

static void test_probes_under_filters(void **state)
{
	struct probe_outcome o[PROBE_COUNT], base[PROBE_COUNT];
	uint32_t mask = PROBE_BIT(PROBE_PTRACE) | PROBE_BIT(PROBE_VM_READV) |
			PROBE_BIT(PROBE_PERSONALITY_QUERY) | PROBE_BIT(PROBE_PERSONALITY_NORAND) |
			PROBE_BIT(PROBE_KCMP) | PROBE_BIT(PROBE_PIDFD_OPEN) |
			PROBE_BIT(PROBE_CLONE3);
	struct timespec a, b;

	/* What the environment's own filter (a container's) does without ours:
	 * a stricter outer action wins over ours, so only where it allows
	 * can ours be checked (SIGSYS always wins). */
	assert_int_equal(probes_in_child(mask, 50, NULL, base), 0);
	clock_gettime(CLOCK_MONOTONIC, &a);
	if (probes_in_child(mask, 50, install_filters, o) == 77) {
		print_message("SKIP: seccomp filters cannot be installed here\n");
		skip();
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	assert_int_equal(o[PROBE_VM_READV].result, PROBE_KILLED);
	assert_int_equal(o[PROBE_VM_READV].sig, SIGSYS);
	assert_int_equal(o[PROBE_PERSONALITY_QUERY].result, base[PROBE_PERSONALITY_QUERY].result);
	if (base[PROBE_PERSONALITY_NORAND].result == PROBE_ALLOWED) {
		assert_int_equal(o[PROBE_PERSONALITY_NORAND].result, PROBE_ERRNO);
		assert_int_equal(o[PROBE_PERSONALITY_NORAND].err, EPERM);
	}
	if (base[PROBE_PIDFD_OPEN].result == PROBE_ALLOWED)
		assert_int_equal(o[PROBE_PIDFD_OPEN].result, PROBE_HUNG);
	/* the probes after a killed or hung one still ran, as without ours */
	for (int id = PROBE_KCMP; id <= PROBE_CLONE3; id++)
		if (id != PROBE_PIDFD_OPEN) {
			assert_int_equal(o[id].result, base[id].result);
			assert_int_equal(o[id].err, base[id].err);
		}
	assert_int_equal(o[PROBE_PTRACE].result, base[PROBE_PTRACE].result);
	/* not asked: not run */
	assert_int_equal(o[PROBE_TRACEME].result, PROBE_NOT_RUN);
	assert_int_equal(o[PROBE_SECCOMP_FILTER].result, PROBE_NOT_RUN);
	/* one hang waited for: the first-hang grace period, not more */
	double ms = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
	assert_true(ms >= PROBE_FIRST_HANG_MS - 50);
	assert_true(ms < PROBE_FIRST_HANG_MS + 1000);
}

static void test_probes_here(void **state)
{
	struct probe_outcome o[PROBE_COUNT];
	struct check_facts f;
	char buf[4096];

	assert_int_equal(probes_in_child(PROBE_ALL, 100, NULL, o), 0);
	for (int i = 0; i < PROBE_COUNT; i++)
		assert_int_not_equal(o[i].result, PROBE_NOT_RUN);
	check_facts_init(&f);
	if (read_file("/proc/self/status", buf, sizeof(buf)) < 0 ||
	    check_parse_status(buf, &f, NULL) < 0 || f.seccomp_filters != 0)
		return;	/* under a filter: answers depend on it */
	/* no filter at all: the kernel's own answers */
	assert_int_equal(o[PROBE_PTRACE].result, PROBE_ALLOWED);
	assert_int_equal(o[PROBE_VM_READV].result, PROBE_ALLOWED);
	assert_int_equal(o[PROBE_PERSONALITY_QUERY].result, PROBE_ALLOWED);
	assert_int_equal(o[PROBE_PERSONALITY_NORAND].result, PROBE_ALLOWED);
	assert_int_equal(o[PROBE_KCMP].result, PROBE_ALLOWED);
	assert_int_equal(o[PROBE_PRCTL_SECCOMP].result, PROBE_ALLOWED);
	assert_int_equal(o[PROBE_SECCOMP].result, PROBE_ALLOWED);
	assert_int_equal(o[PROBE_SECCOMP_FILTER].result, PROBE_ALLOWED);
}

/* probes_run_here(): the one-call probes in the caller, with the answers
 * the probe child gets; those that trace a child, change the personality
 * or install a filter are never run there. */
static void test_probes_run_here(void **state)
{
	struct probe_outcome child[PROBE_COUNT], here[PROBE_COUNT];
	const uint32_t not_here = PROBE_BIT(PROBE_TRACEME) | PROBE_BIT(PROBE_SYSCALL_INFO) |
				  PROBE_BIT(PROBE_SEIZE) | PROBE_BIT(PROBE_PERSONALITY_NORAND) |
				  PROBE_BIT(PROBE_PERF_HW) | PROBE_BIT(PROBE_PERF_SW) |
				  PROBE_BIT(PROBE_SECCOMP_FILTER);
	struct check_facts f;
	char buf[4096];
	long pers = syscall(SYS_personality, 0xffffffffUL);
	uint32_t ran;
	int nnp;

	check_facts_init(&f);
	if (read_file("/proc/self/status", buf, sizeof(buf)) < 0 ||
	    check_parse_status(buf, &f, NULL) < 0 || f.seccomp_mode != 0) {
		print_message("SKIP: under a seccomp filter: probes_run_here() is not for here\n");
		skip();
	}
	nnp = f.no_new_privs;
	memset(here, 0, sizeof(here));
	assert_int_equal(probes_in_child(PROBE_ALL, 100, NULL, child), 0);
	ran = probes_run_here(PROBE_ALL, here);
	assert_int_equal(ran, PROBE_ALL & ~not_here);
	for (int id = 0; id < PROBE_COUNT; id++) {
		if (not_here & PROBE_BIT(id)) {
			assert_int_equal(here[id].result, PROBE_NOT_RUN);
			continue;
		}
		/* ptrace and process_vm_readv aim at the parent: the probe
		 * child's is the test, ours the shell; both answer alike */
		assert_int_equal(here[id].result, child[id].result);
		assert_int_equal(here[id].err, child[id].err);
	}
	/* nothing changed in the caller */
	assert_int_equal(syscall(SYS_personality, 0xffffffffUL), pers);
	assert_int_equal(read_file("/proc/self/status", buf, sizeof(buf)) >= 0, 1);
	check_facts_init(&f);
	check_parse_status(buf, &f, NULL);
	assert_int_equal(f.seccomp_mode, 0);
	assert_int_equal(f.no_new_privs, nnp);
	/* a mask leaves the other entries alone */
	memset(here, 0, sizeof(here));
	assert_int_equal(probes_run_here(PROBE_BIT(PROBE_VM_READV) | PROBE_BIT(PROBE_TRACEME), here),
			 PROBE_BIT(PROBE_VM_READV));
	assert_int_equal(here[PROBE_VM_READV].result, PROBE_ALLOWED);
	assert_int_equal(here[PROBE_PTRACE].result, PROBE_NOT_RUN);
	assert_int_equal(here[PROBE_TRACEME].result, PROBE_NOT_RUN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_probes_under_filters),
		cmocka_unit_test(test_probes_here),
		cmocka_unit_test(test_probes_run_here),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
