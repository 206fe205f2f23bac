/* cmocka tests of the tools table's verdicts (check_assess -> tools):
 * fact sets measured in Docker, podman and on hosts -> verdict, cause and
 * fix of each tool action. */
#include "config.h"
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "check/assess.h"
#include "check/tools.h"
#include "factsets.h"

enum { C_SYS_PTRACE = 19, C_SYS_ADMIN = 21, C_PERFMON = 38, C_BPF = 39 };

static void probe(struct check_facts *f, enum probe_id id, enum probe_result r, int err)
{
	fs_probe(f, id, r, err, 0);
}

#define host_root fs_host_root
#define docker_default fs_docker_default

static const struct check_mode_result *tool(const struct check_report *r, const char *spec)
{
	int i = check_tool_find(spec, 0);
	assert_true(i >= 0);
	assert_true(r->tools[i].present);
	return &r->tools[i];
}

static void expect(const struct check_report *r, const char *spec, enum check_verdict v,
		   const char *cause_part, const char *fix_part)
{
	const struct check_mode_result *t = tool(r, spec);

	if (t->verdict != v)
		fail_msg("%s: verdict %s, expected %s (cause: %s)", spec,
			 check_verdict_name(t->verdict), check_verdict_name(v), t->cause);
	if (cause_part && !strstr(t->cause, cause_part))
		fail_msg("%s: cause \"%s\" lacks \"%s\"", spec, t->cause, cause_part);
	if (!cause_part && v == VERDICT_OK)
		assert_string_equal(t->cause, "");
	if (fix_part && !strstr(t->fix, fix_part))
		fail_msg("%s: fix \"%s\" lacks \"%s\"", spec, t->fix, fix_part);
}

static void test_table(void **state)
{
	(void)state;
	assert_true(check_tool_count <= CHECK_TOOL_MAX);
	for (size_t i = 0; i < check_tool_count; i++) {
		assert_non_null(check_tools[i].name);
		assert_non_null(check_tools[i].action);
		/* a degrading need has a phrase for what it costs */
		bool degrades = false;
		for (int n = 0; n < NEED_COUNT; n++)
			degrades |= check_tools[i].need[n] == LVL_DEGRADES;
		assert_true(!degrades || check_tools[i].degraded);
	}
	assert_int_equal(check_tool_find("gdb", 0), 0);
	assert_int_equal(check_tool_find("gdb", 1), 1);
	assert_int_equal(check_tool_find("gdb", 2), -1);
	assert_true(check_tool_find("perf:record", 0) > check_tool_find("perf:stat", 0));
	assert_int_equal(check_tool_find("perf:nosuch", 0), -1);
	assert_int_equal(check_tool_find("gd", 0), -1);
}

static void test_bare_metal_root(void **state)
{
	struct check_facts f;
	struct check_report r;

	(void)state;
	host_root(&f);
	check_assess(&f, &r);
	for (size_t i = 0; i < check_tool_count; i++)
		if (r.tools[i].verdict != VERDICT_OK)
			fail_msg("%s %s: %s", check_tools[i].name, check_tools[i].action, r.tools[i].cause);
}

static void test_docker_default(void **state)
{
	struct check_facts f;
	struct check_report r;

	(void)state;
	docker_default(&f);
	check_assess(&f, &r);
	expect(&r, "gdb:run", VERDICT_DEGRADED, "Error disabling address space randomization", "0x0040000");
	expect(&r, "gdb:attach", VERDICT_OK, NULL, NULL);
	expect(&r, "gdbserver:run", VERDICT_DEGRADED, "ASLR on", NULL);
	expect(&r, "lldb:launch", VERDICT_FAILS, "personality(ADDR_NO_RANDOMIZE)", "ADDR_NO_RANDOMIZE");
	expect(&r, "lldb:attach", VERDICT_OK, NULL, NULL);
	expect(&r, "dlv:launch", VERDICT_DEGRADED, "silently", NULL);
	expect(&r, "strace:run", VERDICT_OK, NULL, NULL);
	expect(&r, "perf:stat", VERDICT_FAILS, "perf_event_open is blocked by the container's seccomp profile (EPERM)",
	       "perf_event_open");
	expect(&r, "perf:record", VERDICT_FAILS, "perf_event_open is blocked", NULL);
	expect(&r, "rr:record", VERDICT_FAILS, "perf_event_open is blocked", NULL);
	expect(&r, "bpftrace:run", VERDICT_FAILS, "bpf is blocked", "--cap-add SYS_ADMIN");
	expect(&r, "austin:attach", VERDICT_FAILS, "process_vm_readv is blocked", "--cap-add SYS_PTRACE");
	expect(&r, "py-spy:dump", VERDICT_FAILS, "process_vm_readv", NULL);
	expect(&r, "valgrind:run", VERDICT_OK, NULL, NULL);
	expect(&r, "heaptrack:run", VERDICT_OK, NULL, NULL);
	expect(&r, "heaptrack:attach", VERDICT_OK, NULL, NULL);
	/* the tools do not change the exit status: modes only */
	assert_int_equal(check_report_worst(&r), VERDICT_FAILS);	/* no-aslr */
}

static void test_no_pmu(void **state)
{
	struct check_facts f;
	struct check_report r;

	(void)state;
	/* a VM without a virtual PMU, unconfined: rr cannot work, perf can */
	host_root(&f);
	f.pmu_hw = 0;
	probe(&f, PROBE_PERF_HW, PROBE_ERRNO, ENOENT);
	check_assess(&f, &r);
	expect(&r, "rr:record", VERDICT_FAILS, "no hardware performance counters", "bare metal");
	expect(&r, "perf:stat", VERDICT_DEGRADED, "<not supported>", NULL);
	expect(&r, "perf:record", VERDICT_DEGRADED, "cpu-clock", NULL);
	expect(&r, "gdb:run", VERDICT_OK, NULL, NULL);
	/* the probe alone tells it too (sysfs unreadable) */
	f.pmu_hw = -1;
	check_assess(&f, &r);
	expect(&r, "rr:record", VERDICT_FAILS, "ENOENT", NULL);
	/* filtered AND no PMU: the hardware is named, the filter too */
	docker_default(&f);
	f.pmu_hw = 0;
	check_assess(&f, &r);
	expect(&r, "rr:record", VERDICT_FAILS, "no hardware performance counters", NULL);
	expect(&r, "rr:record", VERDICT_FAILS, "besides, perf_event_open is blocked", NULL);
}

static void test_paranoid(void **state)
{
	struct check_facts f;
	struct check_report r;

	(void)state;
	/* Debian's perf_event_paranoid=3 for a user without CAP_PERFMON */
	host_root(&f);
	f.uid = f.euid = 1000;
	f.cap_eff = f.cap_prm = 0;
	f.perf_paranoid = 3;
	probe(&f, PROBE_PERF_HW, PROBE_ERRNO, EACCES);
	probe(&f, PROBE_PERF_SW, PROBE_ERRNO, EACCES);
	probe(&f, PROBE_BPF, PROBE_ERRNO, EPERM);
	check_assess(&f, &r);
	expect(&r, "perf:stat", VERDICT_FAILS, "kernel.perf_event_paranoid=3", "--cap-add PERFMON");
	expect(&r, "bpftrace:run", VERDICT_FAILS, "refuses to run as a non-root user (euid 1000)", "--user 0");
	expect(&r, "bpftrace:run", VERDICT_FAILS, "CAP_BPF and CAP_PERFMON", NULL);
}

static void test_bpf_caps(void **state)
{
	struct check_facts f;
	struct check_report r;

	(void)state;
	/* unconfined container, default caps: bpf() is the kernel's EPERM */
	docker_default(&f);
	f.seccomp_mode = 0;
	f.seccomp_filters = 0;
	for (int i = 0; i < PROBE_COUNT; i++)
		probe(&f, i, PROBE_ALLOWED, probe_expected(i));
	probe(&f, PROBE_BPF, PROBE_ERRNO, EPERM);
	check_assess(&f, &r);
	expect(&r, "bpftrace:run", VERDICT_FAILS, "CAP_BPF and CAP_PERFMON, or CAP_SYS_ADMIN", "SYS_ADMIN");
	expect(&r, "perf:stat", VERDICT_OK, NULL, NULL);
	/* with CAP_BPF and CAP_PERFMON */
	f.cap_eff |= B(C_BPF) | B(C_PERFMON);
	probe(&f, PROBE_BPF, PROBE_ALLOWED, EINVAL);
	check_assess(&f, &r);
	expect(&r, "bpftrace:run", VERDICT_OK, NULL, NULL);
}

static void test_attach_and_peek(void **state)
{
	struct check_facts f;
	struct check_report r;

	(void)state;
	/* a profile denying ptrace (EPERM), process_vm_readv allowed */
	host_root(&f);
	f.seccomp_mode = 2;
	f.seccomp_filters = 1;
	f.engine = ENGINE_DOCKER;
	probe(&f, PROBE_PTRACE, PROBE_ERRNO, EPERM);
	probe(&f, PROBE_TRACEME, PROBE_ERRNO, EPERM);
	probe(&f, PROBE_SYSCALL_INFO, PROBE_ERRNO, EPERM);
	probe(&f, PROBE_SEIZE, PROBE_ERRNO, EPERM);
	check_assess(&f, &r);
	expect(&r, "gdb:run", VERDICT_FAILS, "ptrace is blocked", "add ptrace");
	expect(&r, "gdb:attach", VERDICT_FAILS, "ptrace is blocked", NULL);
	expect(&r, "heaptrack:attach", VERDICT_FAILS, "ptrace", NULL);
	expect(&r, "heaptrack:run", VERDICT_OK, NULL, NULL);
	expect(&r, "valgrind:run", VERDICT_OK, NULL, NULL);
	expect(&r, "austin:attach", VERDICT_OK, NULL, NULL);	/* no ptrace needed */
	expect(&r, "py-spy:dump", VERDICT_FAILS, "ptrace", NULL);
	expect(&r, "rr:record", VERDICT_FAILS, "ptrace", NULL);

	/* Yama 1 on the host: attaching to a sibling is refused by the kernel,
	 * and so is reading its memory */
	host_root(&f);
	f.uid = f.euid = 1000;
	f.cap_eff = 0;
	f.yama_scope = 1;
	probe(&f, PROBE_SEIZE, PROBE_ERRNO, EPERM);
	check_assess(&f, &r);
	expect(&r, "gdb:attach", VERDICT_FAILS, "Yama ptrace_scope=1", NULL);
	expect(&r, "austin:attach", VERDICT_FAILS, "Yama ptrace_scope=1", NULL);
	expect(&r, "gdb:run", VERDICT_OK, NULL, NULL);
}

static void test_seccomp_for_rr(void **state)
{
	struct check_facts f;
	struct check_report r;

	(void)state;
	/* a profile that kills seccomp(): rr's syscall buffer cannot start */
	host_root(&f);
	f.seccomp_mode = 2;
	f.seccomp_filters = 1;
	probe(&f, PROBE_SECCOMP, PROBE_KILLED, 0);
	f.probes[PROBE_SECCOMP].sig = SIGSYS;
	probe(&f, PROBE_SECCOMP_FILTER, PROBE_KILLED, 0);
	f.probes[PROBE_SECCOMP_FILTER].sig = SIGSYS;
	check_assess(&f, &r);
	expect(&r, "rr:record", VERDICT_FAILS, "installing a seccomp filter is impossible", NULL);
	expect(&r, "gdb:run", VERDICT_OK, NULL, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_bare_metal_root),
		cmocka_unit_test(test_docker_default),
		cmocka_unit_test(test_no_pmu),
		cmocka_unit_test(test_paranoid),
		cmocka_unit_test(test_bpf_caps),
		cmocka_unit_test(test_attach_and_peek),
		cmocka_unit_test(test_seccomp_for_rr),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
