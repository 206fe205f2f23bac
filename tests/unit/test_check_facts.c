/* cmocka tests of the /proc parsers of src/check/facts.c, on sample text. */
#include "config.h"
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "check/assess.h"
#include "check/facts.h"
#include "check/pidns.h"

/* /proc/self/status in a Docker 20.10 container, root, default profile. */
static const char docker_status[] =
	"Name:\tcat\n"
	"Umask:\t0022\n"
	"State:\tR (running)\n"
	"Tgid:\t12\n"
	"Ngid:\t0\n"
	"Pid:\t12\n"
	"PPid:\t1\n"
	"TracerPid:\t0\n"
	"Uid:\t0\t0\t0\t0\n"
	"Gid:\t0\t0\t0\t0\n"
	"NSpid:\t4242\t12\n"
	"NSpgid:\t4242\t12\n"
	"CapInh:\t0000000000000000\n"
	"CapPrm:\t00000000a80425fb\n"
	"CapEff:\t00000000a80425fb\n"
	"CapBnd:\t00000000a80425fb\n"
	"CapAmb:\t0000000000000000\n"
	"NoNewPrivs:\t0\n"
	"Seccomp:\t2\n"
	"Seccomp_filters:\t1\n"
	"Speculation_Store_Bypass:\tthread force mitigated\n";

static void test_status_docker(void **state)
{
	struct check_facts f;
	check_facts_init(&f);
	assert_int_equal(check_parse_status(docker_status, &f, NULL), 0);
	assert_true(f.have_status);
	assert_int_equal(f.uid, 0);
	assert_int_equal(f.cap_eff, 0xa80425fbULL);
	assert_int_equal(f.cap_bnd, 0xa80425fbULL);
	assert_false(check_has_cap(f.cap_eff, CHECK_CAP_SYS_PTRACE));
	assert_true(check_has_cap(f.cap_eff, 0));	/* CAP_CHOWN */
	assert_int_equal(f.seccomp_mode, 2);
	assert_int_equal(f.seccomp_filters, 1);
	assert_int_equal(f.no_new_privs, 0);
	assert_int_equal(f.nspid_depth, 2);
}

static void test_status_host_old_kernel(void **state)
{
	/* no Seccomp_filters line (< 5.9), seccomp off, user 1000, nnp */
	static const char text[] =
		"Uid:\t1000\t1001\t1002\t1003\n"
		"Gid:\t100\t100\t100\t100\n"
		"NSpid:\t777\n"
		"CapEff:\t0000000000000000\n"
		"CapBnd:\t000001ffffffffff\n"
		"NoNewPrivs:\t1\n"
		"Seccomp:\t0\n";
	struct check_facts f;
	struct check_target t = { 0 };
	check_facts_init(&f);
	assert_int_equal(check_parse_status(text, &f, NULL), 0);
	assert_int_equal(f.uid, 1000);
	assert_int_equal(f.euid, 1001);
	assert_int_equal(f.gid, 100);
	assert_int_equal(f.cap_eff, 0);
	assert_true(check_has_cap(f.cap_bnd, CHECK_CAP_SYS_PTRACE));
	assert_int_equal(f.seccomp_mode, 0);
	assert_int_equal(f.seccomp_filters, 0);
	assert_int_equal(f.no_new_privs, 1);
	assert_int_equal(f.nspid_depth, 1);
	/* target: all four ids */
	assert_int_equal(check_parse_status(text, NULL, &t), 0);
	assert_int_equal(t.uid[0], 1000);
	assert_int_equal(t.uid[3], 1003);
	assert_int_equal(t.gid[2], 100);
}

static void test_dac_denies_read(void **state)
{
	const uint64_t ptrace = UINT64_C(1) << CHECK_CAP_SYS_PTRACE;
	const uint64_t dac = UINT64_C(1) << CHECK_CAP_DAC_OVERRIDE;
	const uint64_t dac_read = UINT64_C(1) << CHECK_CAP_DAC_READ_SEARCH;
	(void)state;
	/* /proc/PID/mem: 0600, owned by the target's uid */
	assert_false(check_dac_denies_read(1001, 1001, S_IFREG | 0600, 1001, 1001, 0));
	assert_true(check_dac_denies_read(1001, 1001, S_IFREG | 0600, 1000, 1000, ptrace));
	assert_false(check_dac_denies_read(1001, 1001, S_IFREG | 0600, 1000, 1000, ptrace | dac));
	assert_false(check_dac_denies_read(1001, 1001, S_IFREG | 0600, 1000, 1000, dac_read));
	/* root's process seen by a non-root user */
	assert_true(check_dac_denies_read(0, 0, S_IFREG | 0600, 1000, 1000, 0));
	/* group and other bits */
	assert_false(check_dac_denies_read(1001, 1000, S_IFREG | 0640, 1000, 1000, 0));
	assert_true(check_dac_denies_read(1001, 1002, S_IFREG | 0640, 1000, 1000, 0));
	assert_false(check_dac_denies_read(1001, 1002, S_IFREG | 0604, 1000, 1000, 0));
}

static void test_pidns_other_container(void **state)
{
	(void)state;
	/* the mount namespace decides when both links are readable */
	assert_int_equal(pidns_other_container("mnt:[1]", "mnt:[2]", "0::/\n", "0::/\n"), 1);
	assert_int_equal(pidns_other_container("mnt:[1]", "mnt:[1]", "0::/\n", "0::/x\n"), 0);
	/* another user's link is unreadable: the cgroup decides */
	assert_int_equal(pidns_other_container("mnt:[1]", NULL, "0::/\n", "0::/../abc\n"), 1);
	assert_int_equal(pidns_other_container("mnt:[1]", NULL, "0::/\n", "0::/\n"), 0);
	assert_int_equal(pidns_other_container(NULL, NULL, "0::/\n", NULL), -1);
}

static void test_status_garbage(void **state)
{
	struct check_facts f;
	check_facts_init(&f);
	assert_int_equal(check_parse_status("hello\nworld\n", &f, NULL), -EINVAL);
	assert_false(f.have_status);
	assert_int_equal(f.seccomp_filters, -1);
	/* a key that only starts like another */
	assert_int_equal(check_parse_status("Seccomp_filters:\t3\n", &f, NULL), 0);
	assert_int_equal(f.seccomp_filters, 3);
	assert_int_equal(f.seccomp_mode, -1);
}

static void test_yama(void **state)
{
	assert_int_equal(check_parse_yama("0\n"), 0);
	assert_int_equal(check_parse_yama("1\n"), 1);
	assert_int_equal(check_parse_yama("3"), 3);
	assert_int_equal(check_parse_yama("4\n"), -EINVAL);
	assert_int_equal(check_parse_yama(""), -EINVAL);
	assert_int_equal(check_parse_yama(NULL), -EINVAL);
}

static void test_uid_map(void **state)
{
	assert_int_equal(check_parse_uid_map("         0          0 4294967295\n"), 0);
	assert_int_equal(check_parse_uid_map("         0     100000      65536\n"), 1);
	assert_int_equal(check_parse_uid_map("0 1000 1\n1 100000 65536\n"), 1);
	assert_int_equal(check_parse_uid_map(""), -EINVAL);
	assert_int_equal(check_parse_uid_map("x y z\n"), -EINVAL);
}

static void test_label(void **state)
{
	bool c;
	assert_int_equal(check_parse_label("docker-default (enforce)", "lockdown,capability,yama,apparmor", &c), LSM_APPARMOR);
	assert_true(c);
	assert_int_equal(check_parse_label("unconfined", NULL, &c), LSM_APPARMOR);
	assert_false(c);
	assert_int_equal(check_parse_label("unconfined\n", NULL, &c), LSM_APPARMOR);
	assert_false(c);
	assert_int_equal(check_parse_label("system_u:system_r:container_t:s0:c12,c34", NULL, &c), LSM_SELINUX);
	assert_true(c);
	assert_int_equal(check_parse_label("unconfined_u:unconfined_r:unconfined_t:s0", NULL, &c), LSM_SELINUX);
	assert_false(c);
	assert_int_equal(check_parse_label("system_u:system_r:spc_t:s0", NULL, &c), LSM_SELINUX);
	assert_false(c);
	assert_int_equal(check_parse_label("", NULL, &c), LSM_NONE);
	assert_false(c);
	assert_int_equal(check_parse_label("myprofile", "capability,apparmor", &c), LSM_APPARMOR);
	assert_true(c);
}

static void test_cgroup(void **state)
{
	assert_int_equal(check_parse_cgroup("12:pids:/docker/0123abcd\n11:memory:/docker/0123abcd\n"), ENGINE_DOCKER);
	assert_int_equal(check_parse_cgroup("0::/system.slice/docker-0123abcd.scope\n"), ENGINE_DOCKER);
	assert_int_equal(check_parse_cgroup("0::/machine.slice/libpod-0123abcd.scope/container\n"), ENGINE_PODMAN);
	assert_int_equal(check_parse_cgroup("0::/kubepods.slice/kubepods-besteffort.slice/cri-containerd-1.scope\n"), ENGINE_KUBERNETES);
	assert_int_equal(check_parse_cgroup("0::/lxc.payload.c1\n"), ENGINE_LXC);
	assert_int_equal(check_parse_cgroup("0::/\n"), ENGINE_NONE);
	assert_int_equal(check_parse_cgroup("0::/user.slice/user-1000.slice/session-2.scope\n"), ENGINE_NONE);
}

static void test_guess_engine(void **state)
{
	char h[160];
	assert_int_equal(check_guess_engine("0::/\n", NULL, true, NULL, h, sizeof(h)), ENGINE_DOCKER);
	assert_string_equal(h, "/.dockerenv");
	assert_int_equal(check_guess_engine("0::/\n", "engine=\"podman-4.3.1\"\n", false, "podman", h, sizeof(h)), ENGINE_PODMAN);
	assert_string_equal(h, "/run/.containerenv,$container");
	/* podman on a root that carries a stale /.dockerenv */
	assert_int_equal(check_guess_engine("0::/machine.slice/libpod-1.scope\n", "", true, NULL, h, sizeof(h)), ENGINE_PODMAN);
	assert_string_equal(h, "cgroup,/run/.containerenv,/.dockerenv");
	assert_int_equal(check_guess_engine("0::/\n", "", true, NULL, h, sizeof(h)), ENGINE_PODMAN);
	assert_int_equal(check_guess_engine("0::/\n", NULL, false, "lxc", h, sizeof(h)), ENGINE_LXC);
	assert_int_equal(check_guess_engine("0::/\n", NULL, false, "oci", h, sizeof(h)), ENGINE_OTHER);
	assert_int_equal(check_guess_engine("0::/\n", NULL, false, NULL, h, sizeof(h)), ENGINE_NONE);
	assert_string_equal(h, "");
	assert_int_equal(check_guess_engine(NULL, NULL, false, "", h, sizeof(h)), ENGINE_NONE);
	/* tiny buffer: truncated, terminated */
	assert_int_equal(check_guess_engine("0::/docker/x\n", "", true, NULL, h, 8), ENGINE_DOCKER);
	assert_int_equal(strlen(h), 7);
}

static void test_kernel_release(void **state)
{
	int a = 0, b = 0;
	assert_int_equal(check_parse_kernel_release("6.1.0-18-amd64", &a, &b), 0);
	assert_int_equal(a, 6);
	assert_int_equal(b, 1);
	assert_int_equal(check_parse_kernel_release("5.2.21", &a, &b), 0);
	assert_int_equal(a, 5);
	assert_int_equal(b, 2);
	assert_int_equal(check_parse_kernel_release("linux", &a, &b), -EINVAL);
}

/* check_gather_mode_facts(), what the preflight reads: every fact but the
 * tools' ones, which no mode of check_assess() may depend on. */
static void test_mode_facts(void **state)
{
	static struct check_facts full, modes;
	static struct check_report a, b;
	static const int paranoid[] = { CHECK_PARANOID_UNKNOWN, -1, 2, 4 };

	check_gather_facts(&full, 0);
	check_gather_mode_facts(&modes);
	assert_int_equal(modes.perf_paranoid, CHECK_PARANOID_UNKNOWN);
	assert_int_equal(modes.bpf_unpriv_disabled, -1);
	assert_int_equal(modes.pmu_hw, -1);
	/* the rest is the same */
	modes.perf_paranoid = full.perf_paranoid;
	modes.bpf_unpriv_disabled = full.bpf_unpriv_disabled;
	modes.pmu_hw = full.pmu_hw;
	assert_memory_equal(&modes, &full, sizeof(full));
	/* the modes' verdicts, causes and fixes whatever the tools' facts */
	check_assess(&full, &a);
	for (size_t i = 0; i < sizeof(paranoid) / sizeof(paranoid[0]); i++)
		for (int bpf = -1; bpf <= 2; bpf++)
			for (int pmu = -1; pmu <= 1; pmu++) {
				modes.perf_paranoid = paranoid[i];
				modes.bpf_unpriv_disabled = bpf;
				modes.pmu_hw = pmu;
				check_assess(&modes, &b);
				assert_memory_equal(a.modes, b.modes, sizeof(a.modes));
			}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_docker),
		cmocka_unit_test(test_status_host_old_kernel),
		cmocka_unit_test(test_status_garbage),
		cmocka_unit_test(test_dac_denies_read),
		cmocka_unit_test(test_pidns_other_container),
		cmocka_unit_test(test_yama),
		cmocka_unit_test(test_uid_map),
		cmocka_unit_test(test_label),
		cmocka_unit_test(test_cgroup),
		cmocka_unit_test(test_guess_engine),
		cmocka_unit_test(test_kernel_release),
		cmocka_unit_test(test_mode_facts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
