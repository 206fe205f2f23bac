/* cmocka tests of check_assess(): fact sets from the field -> every
 * verdict, cause and fix. */
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
#include "factsets.h"

/* Capability numbers (linux/capability.h). */
enum { C_CHOWN = 0, C_DAC_OVERRIDE = 1, C_FOWNER = 3, C_FSETID = 4, C_KILL = 5,
       C_SETGID = 6, C_SETUID = 7, C_SETPCAP = 8, C_NET_BIND_SERVICE = 10,
       C_NET_RAW = 13, C_SYS_CHROOT = 18, C_SYS_PTRACE = 19, C_SYS_ADMIN = 21,
       C_MKNOD = 27, C_AUDIT_WRITE = 29, C_SETFCAP = 31 };
static const uint64_t docker_caps = FS_DOCKER_CAPS;
static const uint64_t podman_caps = B(C_CHOWN) | B(C_DAC_OVERRIDE) | B(C_FOWNER) |
	B(C_FSETID) | B(C_KILL) | B(C_NET_BIND_SERVICE) | B(C_SETFCAP) | B(C_SETGID) |
	B(C_SETPCAP) | B(C_SETUID) | B(C_SYS_CHROOT);

#define probe fs_probe
#define all_allowed fs_all_allowed
#define host_root fs_host_root

static void host_user(struct check_facts *f, int yama)
{
	host_root(f);
	f->uid = f->euid = f->gid = f->egid = 1000;
	f->cap_eff = f->cap_prm = 0;
	f->yama_scope = yama;
}

/* Docker 20.10, default profile, as root (measured: see GUIDE). */
static void docker_default(struct check_facts *f)
{
	fs_docker_default(f);
	f->lsm_confined = true;
	strcpy(f->lsm_label, "docker-default (enforce)");
}

static void docker_sys_ptrace(struct check_facts *f)
{
	docker_default(f);
	f->cap_eff |= B(C_SYS_PTRACE);
	f->cap_prm |= B(C_SYS_PTRACE);
	f->cap_bnd |= B(C_SYS_PTRACE);
	probe(f, PROBE_VM_READV, PROBE_ALLOWED, EINVAL, 0);
	probe(f, PROBE_KCMP, PROBE_ALLOWED, EINVAL, 0);
	probe(f, PROBE_PIDFD_GETFD, PROBE_ALLOWED, EBADF, 0);
}

static void podman_default(struct check_facts *f)
{
	host_root(f);
	f->cap_eff = f->cap_prm = f->cap_bnd = podman_caps;
	f->seccomp_mode = 2;
	f->seccomp_filters = 1;
	f->nspid_depth = 2;
	f->lsm_confined = true;
	strcpy(f->lsm_label, "containers-default-0.50.1 (enforce)");
	f->engine = ENGINE_PODMAN;
	strcpy(f->engine_hints, "/run/.containerenv");
	probe(f, PROBE_PERSONALITY_NORAND, PROBE_ERRNO, ENOSYS, 0);
	probe(f, PROBE_KCMP, PROBE_ERRNO, EPERM, 0);
	probe(f, PROBE_PERF_EVENT_OPEN, PROBE_ERRNO, EPERM, 0);
}

static void unconfined(struct check_facts *f)
{
	docker_default(f);
	f->seccomp_mode = 0;
	f->seccomp_filters = 0;
	all_allowed(f);
}

#define M(r, m) (&(r)->modes[m])

static void expect(const struct check_report *r, enum check_mode m, enum check_verdict v,
		   const char *cause_has, const char *fix_has)
{
	const struct check_mode_result *x = M(r, m);
	if (!x->present || x->verdict != v || (cause_has && !strstr(x->cause, cause_has)) ||
	    (!cause_has && v == VERDICT_OK && x->cause[0]) ||
	    (fix_has && !strstr(x->fix, fix_has)) || (!fix_has && x->fix[0])) {
		print_error("mode %s: got %s, cause \"%s\", fix \"%s\"; want %s, cause ~\"%s\", fix ~\"%s\"\n",
			    check_mode_name(m), check_verdict_name(x->verdict), x->cause, x->fix,
			    check_verdict_name(v), cause_has ? cause_has : "(none)",
			    fix_has ? fix_has : "(none)");
		fail();
	}
}

static void test_docker_default_root(void **state)
{
	struct check_facts f;
	struct check_report r;
	docker_default(&f);
	check_assess(&f, &r);
	expect(&r, MODE_SPAWN, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_ATTACH, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_ATTACH_OTHER, VERDICT_FAILS, "needs CAP_SYS_PTRACE, which ctrace lacks",
	       "--cap-add SYS_PTRACE");
	expect(&r, MODE_MEMORY, VERDICT_DEGRADED,
	       "process_vm_readv is blocked by the container's seccomp profile (EPERM); "
	       "reading memory with PTRACE_PEEKDATA, slower", "--cap-add SYS_PTRACE");
	assert_true(strncmp(M(&r, MODE_MEMORY)->fix, "--cap-add SYS_PTRACE", 20) == 0);
	expect(&r, MODE_SYSCALL_INFO, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_SECCOMP_BPF, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_NO_ASLR, VERDICT_FAILS,
	       "\"Error disabling address space randomization: Operation not permitted\"",
	       "--security-opt seccomp=unconfined (broader than needed");
	expect(&r, MODE_NO_ASLR, VERDICT_FAILS, "like Docker's default", "0x0040000");
	expect(&r, MODE_STACK_TRACE, VERDICT_DEGRADED, "PTRACE_PEEKDATA", "--cap-add SYS_PTRACE");
	assert_false(M(&r, MODE_ATTACH_PID)->present);
	assert_int_equal(check_report_worst(&r), VERDICT_FAILS);
}

/* EIO from PTRACE_GET_SYSCALL_INFO: an old kernel, or on a new one a
 * seccomp filter that refuses that request */
static void test_syscall_info_eio(void **state)
{
	struct check_facts f;
	struct check_report r;

	(void)state;
	docker_default(&f);
	f.kver_major = 6;
	f.kver_minor = 1;
	probe(&f, PROBE_SYSCALL_INFO, PROBE_ERRNO, EIO, 0);
	check_assess(&f, &r);
	expect(&r, MODE_SYSCALL_INFO, VERDICT_DEGRADED, "refused (EIO) by the container's seccomp profile",
	       "PTRACE_GET_SYSCALL_INFO");
	f.kver_major = 5;
	f.kver_minor = 2;
	check_assess(&f, &r);
	expect(&r, MODE_SYSCALL_INFO, VERDICT_DEGRADED, "lacks PTRACE_GET_SYSCALL_INFO (Linux >= 5.3)",
	       "kernel >= 5.3");
	f.kver_major = 6;
	f.seccomp_filters = 0;
	check_assess(&f, &r);
	expect(&r, MODE_SYSCALL_INFO, VERDICT_DEGRADED, "lacks PTRACE_GET_SYSCALL_INFO", "kernel >= 5.3");
}

static void test_docker_sys_ptrace(void **state)
{
	struct check_facts f;
	struct check_report r;
	docker_sys_ptrace(&f);
	check_assess(&f, &r);
	expect(&r, MODE_SPAWN, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_ATTACH, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_ATTACH_OTHER, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_MEMORY, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_SYSCALL_INFO, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_SECCOMP_BPF, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_NO_ASLR, VERDICT_FAILS, "Operation not permitted", "allow list");
	expect(&r, MODE_STACK_TRACE, VERDICT_OK, NULL, NULL);
}

/* The profile keys on configured caps: --user 65534 --cap-add SYS_PTRACE
 * has CapEff 0 but the bounding set holds the cap. */
static void test_docker_sys_ptrace_nonroot(void **state)
{
	struct check_facts f;
	struct check_report r;
	docker_sys_ptrace(&f);
	f.uid = f.euid = 65534;
	f.cap_eff = f.cap_prm = 0;
	check_assess(&f, &r);
	expect(&r, MODE_MEMORY, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_ATTACH_OTHER, VERDICT_FAILS, "runs as uid 65534", "--user 0");
}

static void test_podman_default(void **state)
{
	struct check_facts f;
	struct check_report r;
	podman_default(&f);
	check_assess(&f, &r);
	expect(&r, MODE_SPAWN, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_ATTACH, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_ATTACH_OTHER, VERDICT_FAILS, "CAP_SYS_PTRACE", "--cap-add SYS_PTRACE");
	expect(&r, MODE_MEMORY, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_SYSCALL_INFO, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_SECCOMP_BPF, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_NO_ASLR, VERDICT_FAILS,
	       "\"Error disabling address space randomization: Function not implemented\"",
	       "seccomp=unconfined");
	expect(&r, MODE_NO_ASLR, VERDICT_FAILS, "(ENOSYS; like podman's default", "allow list");
	expect(&r, MODE_STACK_TRACE, VERDICT_OK, NULL, NULL);
}

static void test_seccomp_unconfined(void **state)
{
	struct check_facts f;
	struct check_report r;
	unconfined(&f);
	check_assess(&f, &r);
	expect(&r, MODE_SPAWN, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_ATTACH, VERDICT_OK, NULL, NULL);
	/* still no CAP_SYS_PTRACE: seccomp=unconfined does not add it */
	expect(&r, MODE_ATTACH_OTHER, VERDICT_FAILS, "CAP_SYS_PTRACE", "--cap-add SYS_PTRACE");
	expect(&r, MODE_MEMORY, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_SYSCALL_INFO, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_SECCOMP_BPF, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_NO_ASLR, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_STACK_TRACE, VERDICT_OK, NULL, NULL);
}

static void test_user_1000_attach_root_pid1(void **state)
{
	struct check_facts f;
	struct check_report r;
	docker_default(&f);
	f.uid = f.euid = f.gid = f.egid = 1000;
	f.cap_eff = f.cap_prm = 0;
	f.target.present = true;
	f.target.pid = 1;
	f.target.exists = 1;
	f.target.dumpable = 1;
	f.target.mem_err = EACCES;
	check_assess(&f, &r);
	expect(&r, MODE_ATTACH_OTHER, VERDICT_FAILS, "CAP_SYS_PTRACE, which ctrace lacks",
	       "--cap-add SYS_PTRACE and run ctrace as root");
	expect(&r, MODE_ATTACH_PID, VERDICT_FAILS,
	       "PID 1 runs as uid 0 and ctrace as uid 1000", "--user 0");
	expect(&r, MODE_ATTACH_PID, VERDICT_FAILS, "CAP_SYS_PTRACE", "docker exec -u 0");
	/* --user 1000 --cap-add SYS_PTRACE: the capability is in the bounding
	 * set already, only root is missing */
	f.cap_bnd |= 1ull << CHECK_CAP_SYS_PTRACE;
	check_assess(&f, &r);
	expect(&r, MODE_ATTACH_PID, VERDICT_FAILS, "PID 1 runs as uid 0",
	       "run ctrace as root (the container has CAP_SYS_PTRACE");
	assert_null(strstr(M(&r, MODE_ATTACH_PID)->fix, "--cap-add"));
	f.cap_bnd &= ~(1ull << CHECK_CAP_SYS_PTRACE);
	expect(&r, MODE_SPAWN, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_ATTACH, VERDICT_OK, NULL, NULL);
	/* as root (same uid) and dumpable: the kernel lets it through */
	f.uid = f.euid = f.gid = f.egid = 0;
	f.cap_eff = docker_caps;
	f.target.mem_err = 0;
	check_assess(&f, &r);
	expect(&r, MODE_ATTACH_PID, VERDICT_OK, NULL, NULL);
}

static void test_yama_1(void **state)
{
	struct check_facts f;
	struct check_report r;
	host_user(&f, 1);
	probe(&f, PROBE_SEIZE, PROBE_ERRNO, EPERM, 0);
	check_assess(&f, &r);
	expect(&r, MODE_SPAWN, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_ATTACH, VERDICT_FAILS, "Yama ptrace_scope=1 lets a process attach only to its own descendants",
	       "sysctl kernel.yama.ptrace_scope=0 (on the host; broader");
	expect(&r, MODE_ATTACH, VERDICT_FAILS, "Yama", "ctrace CMD");
	expect(&r, MODE_ATTACH_OTHER, VERDICT_FAILS, "Yama ptrace_scope=1", "--cap-add SYS_PTRACE");
	expect(&r, MODE_MEMORY, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_NO_ASLR, VERDICT_OK, NULL, NULL);
	/* a kernel EPERM is not blamed on seccomp */
	assert_null(strstr(M(&r, MODE_ATTACH)->cause, "seccomp"));
	/* target: an existing process, not our descendant */
	f.target.present = true;
	f.target.pid = 4321;
	f.target.exists = 1;
	f.target.uid[0] = f.target.uid[1] = f.target.uid[2] = 1000;
	f.target.gid[0] = f.target.gid[1] = f.target.gid[2] = 1000;
	f.target.dumpable = 1;
	f.target.is_ancestor = true;
	f.target.mem_err = EPERM;
	check_assess(&f, &r);
	expect(&r, MODE_ATTACH_PID, VERDICT_FAILS, "Yama ptrace_scope=1", "ptrace_scope=0");
	expect(&r, MODE_ATTACH_PID, VERDICT_FAILS, "PID 4321 is an ancestor of ctrace", "--cap-add SYS_PTRACE");
}

static void test_yama_2(void **state)
{
	struct check_facts f;
	struct check_report r;
	host_user(&f, 2);
	probe(&f, PROBE_TRACEME, PROBE_ERRNO, EPERM, 0);
	probe(&f, PROBE_SYSCALL_INFO, PROBE_ERRNO, EPERM, 0);
	probe(&f, PROBE_SEIZE, PROBE_ERRNO, EPERM, 0);
	check_assess(&f, &r);
	expect(&r, MODE_SPAWN, VERDICT_FAILS, "Yama ptrace_scope=2 lets only processes with CAP_SYS_PTRACE",
	       "kernel.yama.ptrace_scope=1");
	expect(&r, MODE_ATTACH, VERDICT_FAILS, "Yama ptrace_scope=2", "--cap-add SYS_PTRACE");
	expect(&r, MODE_ATTACH_OTHER, VERDICT_FAILS, "Yama ptrace_scope=2", "SYS_PTRACE");
	expect(&r, MODE_SYSCALL_INFO, VERDICT_FAILS, "Yama ptrace_scope=2", "SYS_PTRACE");
	expect(&r, MODE_STACK_TRACE, VERDICT_FAILS, "Yama", "SYS_PTRACE");
	expect(&r, MODE_MEMORY, VERDICT_OK, NULL, NULL);
	/* root with CAP_SYS_PTRACE: everything works under scope 2 */
	host_root(&f);
	f.yama_scope = 2;
	check_assess(&f, &r);
	expect(&r, MODE_SPAWN, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_ATTACH, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_ATTACH_OTHER, VERDICT_OK, NULL, NULL);
}

static void test_yama_3(void **state)
{
	struct check_facts f;
	struct check_report r;
	host_root(&f);
	f.yama_scope = 3;
	probe(&f, PROBE_TRACEME, PROBE_ERRNO, EPERM, 0);
	probe(&f, PROBE_SYSCALL_INFO, PROBE_ERRNO, EPERM, 0);
	probe(&f, PROBE_SEIZE, PROBE_ERRNO, EPERM, 0);
	check_assess(&f, &r);
	expect(&r, MODE_SPAWN, VERDICT_FAILS, "Yama ptrace_scope=3 on this kernel forbids all ptrace", "reboot");
	expect(&r, MODE_ATTACH, VERDICT_FAILS, "Yama ptrace_scope=3", "reboot");
	expect(&r, MODE_ATTACH_OTHER, VERDICT_FAILS, "Yama ptrace_scope=3", "reboot");
	expect(&r, MODE_SECCOMP_BPF, VERDICT_FAILS, "Yama ptrace_scope=3", "reboot");
	expect(&r, MODE_MEMORY, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_NO_ASLR, VERDICT_OK, NULL, NULL);
	assert_int_equal(check_report_worst(&r), VERDICT_FAILS);
}

static void test_no_new_privs(void **state)
{
	struct check_facts f;
	struct check_report r;
	/* docker --security-opt no-new-privileges: the filter can still be
	 * installed without CAP_SYS_ADMIN */
	docker_default(&f);
	f.no_new_privs = 1;
	check_assess(&f, &r);
	expect(&r, MODE_SECCOMP_BPF, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_SPAWN, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_MEMORY, VERDICT_DEGRADED, "EPERM", "--cap-add SYS_PTRACE");
	/* a profile that also denies seccomp(): degraded, not failed */
	probe(&f, PROBE_SECCOMP, PROBE_ERRNO, EPERM, 0);
	probe(&f, PROBE_PRCTL_SECCOMP, PROBE_ERRNO, EPERM, 0);
	probe(&f, PROBE_SECCOMP_FILTER, PROBE_ERRNO, EPERM, 0);
	check_assess(&f, &r);
	expect(&r, MODE_SECCOMP_BPF, VERDICT_DEGRADED,
	       "seccomp is blocked by the container's seccomp profile (EPERM); ctrace stops at every syscall",
	       "add seccomp and prctl to your seccomp profile's allow list");
}

static void test_profile_kills_ptrace(void **state)
{
	struct check_facts f;
	struct check_report r;
	podman_default(&f);
	probe(&f, PROBE_PTRACE, PROBE_KILLED, 0, SIGSYS);
	probe(&f, PROBE_TRACEME, PROBE_KILLED, 0, SIGSYS);
	probe(&f, PROBE_SYSCALL_INFO, PROBE_KILLED, 0, SIGSYS);
	probe(&f, PROBE_SEIZE, PROBE_KILLED, 0, SIGSYS);
	check_assess(&f, &r);
	for (int m = MODE_SPAWN; m <= MODE_ATTACH_OTHER; m++)
		expect(&r, m, VERDICT_FAILS,
		       "ptrace is fatal under the container's seccomp profile (the process is killed by SIGSYS)",
		       "add ptrace to your seccomp profile's allow list, or --security-opt seccomp=unconfined (broader than needed");
	expect(&r, MODE_SYSCALL_INFO, VERDICT_FAILS, "SIGSYS", "allow list");
	expect(&r, MODE_SECCOMP_BPF, VERDICT_FAILS, "SIGSYS", "allow list");
	expect(&r, MODE_STACK_TRACE, VERDICT_FAILS, "SIGSYS", "allow list");
	expect(&r, MODE_MEMORY, VERDICT_OK, NULL, NULL);
}

static void test_profile_denies_ptrace(void **state)
{
	struct check_facts f;
	struct check_report r;
	docker_default(&f);
	probe(&f, PROBE_PTRACE, PROBE_ERRNO, EPERM, 0);
	probe(&f, PROBE_TRACEME, PROBE_ERRNO, EPERM, 0);
	probe(&f, PROBE_SYSCALL_INFO, PROBE_ERRNO, EPERM, 0);
	probe(&f, PROBE_SEIZE, PROBE_ERRNO, EPERM, 0);
	check_assess(&f, &r);
	expect(&r, MODE_SPAWN, VERDICT_FAILS,
	       "ptrace is blocked by the container's seccomp profile (EPERM)",
	       "add ptrace to your seccomp profile's allow list");
	expect(&r, MODE_ATTACH, VERDICT_FAILS, "(EPERM)", "seccomp=unconfined (broader than needed");
	/* not Yama, not AppArmor: the control probe was blocked too */
	assert_null(strstr(M(&r, MODE_SPAWN)->cause, "AppArmor"));
}

static void test_user_notif_hang(void **state)
{
	struct check_facts f;
	struct check_report r;
	podman_default(&f);
	probe(&f, PROBE_PTRACE, PROBE_HUNG, 0, 0);
	probe(&f, PROBE_VM_READV, PROBE_HUNG, 0, 0);
	check_assess(&f, &r);
	expect(&r, MODE_SPAWN, VERDICT_FAILS, "ptrace hangs under the container's seccomp profile", "allow list");
	expect(&r, MODE_MEMORY, VERDICT_DEGRADED, "process_vm_readv hangs", "allow list");
}

static void test_no_container(void **state)
{
	struct check_facts f;
	struct check_report r;
	host_root(&f);
	check_assess(&f, &r);
	for (int m = 0; m < MODE_ATTACH_PID; m++)
		expect(&r, m, VERDICT_OK, NULL, NULL);
	assert_false(M(&r, MODE_ATTACH_PID)->present);
	assert_int_equal(check_report_worst(&r), VERDICT_OK);
	/* a plain user on a Yama-0 host: only attach-other fails */
	host_user(&f, 0);
	check_assess(&f, &r);
	expect(&r, MODE_ATTACH, VERDICT_OK, NULL, NULL);
	expect(&r, MODE_ATTACH_OTHER, VERDICT_FAILS, "CAP_SYS_PTRACE, which ctrace (uid 1000) lacks",
	       "run ctrace as root (sudo), or as the target's user");
	/* root in a container without the cap: the container flag */
	unconfined(&f);
	check_assess(&f, &r);
	expect(&r, MODE_ATTACH_OTHER, VERDICT_FAILS, "CAP_SYS_PTRACE, which ctrace lacks",
	       "--user matching the target");
}

/* Without any seccomp filter an errno is the kernel's own answer. */
static void test_kernel_errno_not_seccomp(void **state)
{
	struct check_facts f;
	struct check_report r;
	host_root(&f);
	probe(&f, PROBE_VM_READV, PROBE_ERRNO, ENOSYS, 0);
	probe(&f, PROBE_SYSCALL_INFO, PROBE_ERRNO, EIO, 0);
	strcpy(f.kernel_release, "5.2.0");
	f.kver_major = 5;
	f.kver_minor = 2;
	check_assess(&f, &r);
	expect(&r, MODE_MEMORY, VERDICT_DEGRADED, "the kernel refuses process_vm_readv (ENOSYS)", NULL);
	expect(&r, MODE_SYSCALL_INFO, VERDICT_DEGRADED,
	       "the kernel 5.2.0 lacks PTRACE_GET_SYSCALL_INFO (Linux >= 5.3)", "kernel >= 5.3");
	/* AppArmor EPERM inside a container with a filter: the ptrace control
	 * passed, so the EPERM of the real test is the LSM's */
	docker_default(&f);
	probe(&f, PROBE_SEIZE, PROBE_ERRNO, EPERM, 0);
	check_assess(&f, &r);
	expect(&r, MODE_ATTACH, VERDICT_FAILS, "AppArmor profile \"docker-default (enforce)\" denies ptrace",
	       "--security-opt apparmor=unconfined (broader than needed");
}

static void test_target_cases(void **state)
{
	struct check_facts f;
	struct check_report r;
	docker_default(&f);
	f.target.present = true;
	f.target.pid = 777;
	f.target.exists = 0;
	check_assess(&f, &r);
	expect(&r, MODE_ATTACH_PID, VERDICT_FAILS,
	       "no process 777 is visible in ctrace's pid namespace (ctrace runs in a container's own pid namespace)",
	       "--pid=container:NAME");
	/* same uid, not dumpable, no CAP_SYS_PTRACE */
	f.target.exists = 1;
	f.target.dumpable = 0;
	f.target.mem_err = EPERM;
	check_assess(&f, &r);
	expect(&r, MODE_ATTACH_PID, VERDICT_FAILS, "PID 777 is not dumpable", "--cap-add SYS_PTRACE");
	/* ctrace itself */
	f.target.is_self = true;
	check_assess(&f, &r);
	expect(&r, MODE_ATTACH_PID, VERDICT_FAILS, "ctrace itself", "another process");
}

/* A non-root ctrace with an ambient CAP_SYS_PTRACE (setcap, a pod's
 * capabilities with runAsUser): /proc/PID/mem of another user is 0600 and
 * refuses it by its mode before the kernel's ptrace check; measured by
 * tests/integration/attach-caps.sh against strace -p. */
static void test_nonroot_cap_file_mode(void **state)
{
	struct check_facts f;
	struct check_report r;
	host_user(&f, 0);
	f.cap_eff = f.cap_prm = B(C_SYS_PTRACE);
	f.target.present = true;
	f.target.pid = 4321;
	f.target.exists = 1;
	f.target.uid[0] = f.target.uid[1] = f.target.uid[2] = 1001;
	f.target.gid[0] = f.target.gid[1] = f.target.gid[2] = 1001;
	f.target.dumpable = 1;
	f.target.mem_err = EACCES;
	f.target.mem_dac = true;
	f.target.ns_err = 0;
	check_assess(&f, &r);
	expect(&r, MODE_ATTACH_PID, VERDICT_OK, NULL, NULL);
	/* the ns link's read check refuses too: the kernel's own answer */
	f.target.ns_err = EACCES;
	check_assess(&f, &r);
	expect(&r, MODE_ATTACH_PID, VERDICT_FAILS,
	       "the kernel refuses access to PID 4321 (EACCES on /proc/4321/ns/pid)", NULL);
	/* an EACCES the file's mode did not cause is the kernel's */
	f.target.mem_dac = false;
	f.target.ns_err = 0;
	check_assess(&f, &r);
	expect(&r, MODE_ATTACH_PID, VERDICT_FAILS,
	       "the kernel refuses access to PID 4321 (EACCES on /proc/4321/mem)", NULL);
	/* without the capability the uid decides, whatever the file said */
	f.cap_eff = f.cap_prm = 0;
	f.target.mem_dac = true;
	check_assess(&f, &r);
	expect(&r, MODE_ATTACH_PID, VERDICT_FAILS, "PID 4321 runs as uid 1001 and ctrace as uid 1000",
	       "--user 1001");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docker_default_root),
		cmocka_unit_test(test_syscall_info_eio),
		cmocka_unit_test(test_docker_sys_ptrace),
		cmocka_unit_test(test_docker_sys_ptrace_nonroot),
		cmocka_unit_test(test_podman_default),
		cmocka_unit_test(test_seccomp_unconfined),
		cmocka_unit_test(test_user_1000_attach_root_pid1),
		cmocka_unit_test(test_yama_1),
		cmocka_unit_test(test_yama_2),
		cmocka_unit_test(test_yama_3),
		cmocka_unit_test(test_no_new_privs),
		cmocka_unit_test(test_profile_kills_ptrace),
		cmocka_unit_test(test_profile_denies_ptrace),
		cmocka_unit_test(test_user_notif_hang),
		cmocka_unit_test(test_no_container),
		cmocka_unit_test(test_kernel_errno_not_seccomp),
		cmocka_unit_test(test_target_cases),
		cmocka_unit_test(test_nonroot_cap_file_mode),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
