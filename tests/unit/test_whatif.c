/* Unit tests of the what-if fact synthesis (src/check/whatif.c): the
 * mapping of seccomp answers onto probe outcomes, the kernel model, the
 * verdicts check_assess() gives for the project's fixture profiles, the
 * narrowest profile change and the derived compare columns. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <cmocka.h>

#include "util.h"
#include "check/assess.h"
#include "check/engine_caps.h"
#include "check/profile.h"
#include "check/whatif.h"

#define CAP(c) (UINT64_C(1) << (c))

static char errbuf[1024];

/* A host: root, no seccomp, no Yama, kernel 6.1. */
static void host_facts(struct check_facts *h)
{
	check_facts_init(h);
	h->have_status = true;
	h->seccomp_mode = 0;
	h->seccomp_filters = 0;
	h->no_new_privs = 0;
	h->yama_scope = -1;
	snprintf(h->kernel_release, sizeof(h->kernel_release), "6.1.0-test");
	h->kver_major = 6;
	h->kver_minor = 1;
}

static void all_allowed(struct sq_result res[SQ_COUNT])
{
	assert_int_equal(whatif_unfiltered("x86_64", res), 0);
	for (unsigned i = 0; i < SQ_COUNT; i++)
		assert_int_equal(res[i].kind, SECCOMP_KIND_ALLOW);
}

static void answer(struct sq_result *r, enum seccomp_kind k, int err)
{
	r->kind = k;
	r->err = err;
}

static void synth(struct check_facts *f, const struct whatif_proc *p)
{
	struct check_facts h;
	host_facts(&h);
	whatif_base_facts(f, &h, p);
}

static const struct whatif_proc docker_root = {
	.engine = ENGINE_DOCKER, .filtered = true,
};

/* ---- mapping ---- */

static void test_map_allowed(void **state)
{
	struct sq_result res[SQ_COUNT];
	struct check_facts f;
	struct whatif_proc p = docker_root;

	(void)state;
	p.caps = engine_default_caps(ENGINE_CAPS_DOCKER);
	synth(&f, &p);
	all_allowed(res);
	whatif_fill_probes(&f, res);
	for (int i = 0; i < PROBE_COUNT; i++) {
		assert_int_equal(f.probes[i].result, PROBE_ALLOWED);
		assert_int_equal(f.probes[i].err, probe_expected(i));
	}
	assert_int_equal(f.seccomp_mode, 2);
	assert_int_equal(f.seccomp_filters, 1);
	assert_true(f.cap_eff == p.caps && f.cap_bnd == p.caps);
	assert_int_equal(f.engine, ENGINE_DOCKER);
}

static void test_map_kinds(void **state)
{
	struct sq_result res[SQ_COUNT];
	struct check_facts f;
	struct whatif_proc p = docker_root;

	(void)state;
	synth(&f, &p);
	all_allowed(res);
	answer(&res[SQ_PTRACE_CONT], SECCOMP_KIND_ERRNO, EPERM);
	answer(&res[SQ_PTRACE_TRACEME], SECCOMP_KIND_KILL_PROCESS, 0);
	answer(&res[SQ_PTRACE_SEIZE], SECCOMP_KIND_USER_NOTIF, 0);
	answer(&res[SQ_PROCESS_VM_READV], SECCOMP_KIND_TRAP, 0);
	answer(&res[SQ_KCMP], SECCOMP_KIND_ERRNO, EINVAL);	/* = the kernel's own answer */
	answer(&res[SQ_PIDFD_GETFD], SECCOMP_KIND_TRACE, 0);
	answer(&res[SQ_PERF_EVENT_OPEN], SECCOMP_KIND_LOG, 0);
	answer(&res[SQ_PERSONALITY_NO_ASLR], SECCOMP_KIND_ERRNO, ENOSYS);
	answer(&res[SQ_PRCTL_NO_NEW_PRIVS], SECCOMP_KIND_KILL_THREAD, 0);
	res[SQ_CLONE3].no_syscall = true;
	whatif_fill_probes(&f, res);

	assert_int_equal(f.probes[PROBE_PTRACE].result, PROBE_ERRNO);
	assert_int_equal(f.probes[PROBE_PTRACE].err, EPERM);
	assert_int_equal(f.probes[PROBE_TRACEME].result, PROBE_KILLED);
	assert_int_equal(f.probes[PROBE_TRACEME].sig, SIGSYS);
	/* syscall-info needs a traced child: fails like TRACEME */
	assert_int_equal(f.probes[PROBE_SYSCALL_INFO].result, PROBE_KILLED);
	assert_int_equal(f.probes[PROBE_SEIZE].result, PROBE_HUNG);
	assert_int_equal(f.probes[PROBE_VM_READV].result, PROBE_KILLED);
	assert_int_equal(f.probes[PROBE_VM_READV].sig, SIGSYS);
	/* the probe cannot tell a filter's EINVAL from the kernel's */
	assert_int_equal(f.probes[PROBE_KCMP].result, PROBE_ALLOWED);
	assert_int_equal(f.probes[PROBE_PIDFD_GETFD].result, PROBE_ERRNO);
	assert_int_equal(f.probes[PROBE_PIDFD_GETFD].err, ENOSYS);	/* no tracer */
	assert_int_equal(f.probes[PROBE_PERF_EVENT_OPEN].result, PROBE_ALLOWED);
	assert_int_equal(f.probes[PROBE_PERSONALITY_NORAND].result, PROBE_ERRNO);
	assert_int_equal(f.probes[PROBE_PERSONALITY_NORAND].err, ENOSYS);
	assert_int_equal(f.probes[PROBE_SECCOMP_FILTER].result, PROBE_KILLED);
	assert_int_equal(f.probes[PROBE_SECCOMP].result, PROBE_ALLOWED);
	assert_int_equal(f.probes[PROBE_CLONE3].result, PROBE_ERRNO);
	assert_int_equal(f.probes[PROBE_CLONE3].err, ENOSYS);
}

static void test_kernel_model(void **state)
{
	struct sq_result res[SQ_COUNT];
	struct check_facts f;
	struct whatif_proc p = docker_root;
	struct check_report r;

	(void)state;
	all_allowed(res);
	/* Yama 1: a sibling is not a descendant; CAP_SYS_PTRACE overrides */
	synth(&f, &p);
	f.yama_scope = 1;
	whatif_fill_probes(&f, res);
	assert_int_equal(f.probes[PROBE_TRACEME].result, PROBE_ALLOWED);
	assert_int_equal(f.probes[PROBE_SEIZE].result, PROBE_ERRNO);
	assert_int_equal(f.probes[PROBE_SEIZE].err, EPERM);
	check_assess(&f, &r);
	assert_int_equal(r.modes[MODE_SPAWN].verdict, VERDICT_OK);
	assert_int_equal(r.modes[MODE_ATTACH].verdict, VERDICT_FAILS);
	assert_non_null(strstr(r.modes[MODE_ATTACH].cause, "Yama ptrace_scope=1"));

	p.caps = CAP(CHECK_CAP_SYS_PTRACE);
	synth(&f, &p);
	f.yama_scope = 1;
	whatif_fill_probes(&f, res);
	assert_int_equal(f.probes[PROBE_SEIZE].result, PROBE_ALLOWED);

	/* Yama 3: nothing */
	synth(&f, &p);
	f.yama_scope = 3;
	whatif_fill_probes(&f, res);
	assert_int_equal(f.probes[PROBE_TRACEME].err, EPERM);
	assert_int_equal(f.probes[PROBE_SEIZE].err, EPERM);
	assert_int_equal(f.probes[PROBE_SYSCALL_INFO].err, EPERM);

	/* kernel < 5.3: no PTRACE_GET_SYSCALL_INFO */
	synth(&f, &p);
	f.kver_major = 5;
	f.kver_minor = 2;
	whatif_fill_probes(&f, res);
	assert_int_equal(f.probes[PROBE_SYSCALL_INFO].result, PROBE_ERRNO);
	assert_int_equal(f.probes[PROBE_SYSCALL_INFO].err, EIO);
	check_assess(&f, &r);
	assert_int_equal(r.modes[MODE_SYSCALL_INFO].verdict, VERDICT_DEGRADED);
}

static void test_base_facts(void **state)
{
	struct check_facts f, h;
	struct whatif_proc p = docker_root;

	(void)state;
	host_facts(&h);
	h.yama_scope = 2;
	h.seccomp_filters = 2;	/* ctrace itself under two filters: inherited */
	h.seccomp_mode = 2;
	p.caps = engine_default_caps(ENGINE_CAPS_PODMAN) | CAP(CHECK_CAP_SYS_PTRACE);
	p.user_set = true;
	p.uid = 1000;
	p.gid = 1000;
	p.ambient = CAP(CHECK_CAP_SYS_PTRACE);
	p.no_new_privs = true;
	whatif_base_facts(&f, &h, &p);
	assert_int_equal(f.euid, 1000);
	assert_int_equal(f.egid, 1000);
	assert_true(f.cap_eff == CAP(CHECK_CAP_SYS_PTRACE));
	assert_true(f.cap_bnd == p.caps);
	assert_int_equal(f.seccomp_filters, 3);
	assert_int_equal(f.no_new_privs, 1);
	assert_int_equal(f.yama_scope, 2);
	assert_int_equal(f.lsm, LSM_UNKNOWN);
	assert_string_equal(f.kernel_release, "6.1.0-test");

	p.filtered = false;	/* unconfined: only the inherited ones */
	p.ambient = 0;
	h.seccomp_filters = 0;
	h.seccomp_mode = 0;
	whatif_base_facts(&f, &h, &p);
	assert_int_equal(f.seccomp_mode, 0);
	assert_int_equal(f.seccomp_filters, 0);
	assert_true(f.cap_eff == 0);
}

/* ---- fixture profiles -> verdicts ---- */

static char *fixture(const char *name)
{
	const char *srcdir = getenv("srcdir");
	char *path;

	if (asprintf(&path, "%s/tests/fixtures/profiles/%s", srcdir ? srcdir : ".", name) < 0)
		abort();
	return path;
}

static struct whatif_eval ev;
static struct check_report rep;

/* Evaluate a fixture (NULL: unconfined) for docker's default caps + extra. */
static void eval_fixture(const char *name, uint64_t extra_caps, bool user1000, uint64_t ambient)
{
	_cleanup_free_ char *path = name ? fixture(name) : NULL;
	struct seccomp_profile *prof = NULL;
	struct check_facts h;
	struct whatif_proc p = docker_root;

	host_facts(&h);
	if (path && profile_load(path, &prof, errbuf, sizeof(errbuf)) < 0)
		fail_msg("%s", errbuf);
	p.caps = engine_default_caps(ENGINE_CAPS_DOCKER) | extra_caps;
	p.user_set = user1000;
	p.uid = user1000 ? 1000 : 0;
	p.ambient = ambient;
	if (whatif_eval(prof, "x86_64", false, &h, &p, &ev, errbuf, sizeof(errbuf)) < 0)
		fail_msg("%s: %s", name, errbuf);
	if (prof)
		profile_free(prof);
	check_assess(&ev.facts, &rep);
}

static void expect_verdicts(const char *v)	/* 8 letters: o(k) d(egraded) f(ails) */
{
	for (int m = 0; m < 8; m++) {
		enum check_verdict want = v[m] == 'o' ? VERDICT_OK : v[m] == 'd' ? VERDICT_DEGRADED
										 : VERDICT_FAILS;
		if (rep.modes[m].verdict != want)
			fail_msg("mode %s: %s, want %s (%s)", check_mode_name(m),
				 check_verdict_name(rep.modes[m].verdict), check_verdict_name(want),
				 rep.modes[m].cause);
	}
	assert_false(rep.modes[MODE_ATTACH_PID].present);
}

/*                  spawn attach other memory info bpf aslr stack */
static void test_fixture_deny_ptrace(void **state)
{
	(void)state;
	eval_fixture("deny-ptrace-eperm.json", 0, false, 0);
	expect_verdicts("fffoffof");
	assert_non_null(strstr(rep.modes[MODE_SPAWN].cause,
			       "ptrace is blocked by the container's seccomp profile (EPERM)"));
	assert_non_null(strstr(rep.modes[MODE_SPAWN].fix, "add ptrace to your seccomp profile"));
	/* SYS_PTRACE does not help against a rule without includes */
	eval_fixture("deny-ptrace-eperm.json", CAP(CHECK_CAP_SYS_PTRACE), false, 0);
	expect_verdicts("fffoffof");
}

static void test_fixture_kill_ptrace(void **state)
{
	(void)state;
	eval_fixture("kill-ptrace.json", 0, false, 0);
	expect_verdicts("fffdffof");
	assert_non_null(strstr(rep.modes[MODE_SPAWN].cause, "SIGSYS"));
	assert_non_null(strstr(rep.modes[MODE_MEMORY].cause, "SIGSYS"));
}

static void test_fixture_personality(void **state)
{
	(void)state;
	/* default ERRNO(EPERM): ptrace blocked too; personality only 0, 8,
	 * 0x20000, 0x20008 and the query, like Docker's default */
	eval_fixture("personality.json", 0, false, 0);
	assert_int_equal(rep.modes[MODE_NO_ASLR].verdict, VERDICT_FAILS);
	assert_non_null(strstr(rep.modes[MODE_NO_ASLR].cause, "like Docker's default"));
	assert_non_null(strstr(rep.modes[MODE_NO_ASLR].cause, "Operation not permitted"));
	assert_int_equal(rep.modes[MODE_SPAWN].verdict, VERDICT_FAILS);
}

static void test_fixture_caps_includes(void **state)
{
	(void)state;
	eval_fixture("caps-ptrace.json", 0, false, 0);
	expect_verdicts("oofdoood");
	assert_non_null(strstr(rep.modes[MODE_MEMORY].fix, "--cap-add SYS_PTRACE"));
	eval_fixture("caps-ptrace.json", CAP(CHECK_CAP_SYS_PTRACE), false, 0);
	expect_verdicts("oooooooo");
	/* --user 1000 --cap-add SYS_PTRACE: docker keeps no effective caps,
	 * but the profile keys on the configured set */
	eval_fixture("caps-ptrace.json", CAP(CHECK_CAP_SYS_PTRACE), true, 0);
	expect_verdicts("oofoooo" "o");
	assert_non_null(strstr(rep.modes[MODE_ATTACH_OTHER].cause, "uid 1000"));
	/* podman: the added capability is ambient */
	eval_fixture("caps-ptrace.json", CAP(CHECK_CAP_SYS_PTRACE), true, CAP(CHECK_CAP_SYS_PTRACE));
	expect_verdicts("oooooooo");
}

static void test_unconfined(void **state)
{
	(void)state;
	eval_fixture(NULL, 0, false, 0);
	assert_false(ev.filtered);
	expect_verdicts("oofooooo");
	assert_int_equal(ev.facts.seccomp_mode, 0);
}

/* ---- narrowest profile change ---- */

static void test_min_fix(void **state)
{
	struct whatif_mode_fix fx[MODE_COUNT];
	unsigned n;
	char t[200];

	(void)state;
	eval_fixture("personality.json", CAP(CHECK_CAP_SYS_PTRACE), false, 0);
	n = whatif_min_fixes(&ev.facts, ev.res, fx);
	assert_true(n > 0);
	bool seen_aslr = false, seen_spawn = false;
	for (unsigned i = 0; i < n; i++) {
		if (fx[i].mode == MODE_NO_ASLR) {
			seen_aslr = true;
			assert_true(fx[i].nalts >= 1);
			assert_int_equal(fx[i].alts[0].nrules, 1);
			assert_string_equal(fx[i].alts[0].rules[0].syscall, "personality");
			assert_int_equal(fx[i].alts[0].rules[0].arg_index, 0);
			assert_true(fx[i].alts[0].rules[0].value == 0x40000);
			whatif_rule_text(&fx[i].alts[0].rules[0], t, sizeof(t));
			assert_string_equal(t, "allow personality with arg0 == 0x40000 (ADDR_NO_RANDOMIZE)");
		}
		if (fx[i].mode == MODE_SPAWN) {
			seen_spawn = true;
			assert_true(fx[i].nalts >= 1);
			/* the whole ptrace syscall, one rule */
			assert_int_equal(fx[i].alts[0].nrules, 1);
			assert_string_equal(fx[i].alts[0].rules[0].syscall, "ptrace");
			assert_int_equal(fx[i].alts[0].rules[0].arg_index, -1);
		}
	}
	assert_true(seen_aslr && seen_spawn);
	/* applying every first alternative makes those modes ok */
	whatif_apply_fixes(fx, n, ev.res);
	whatif_fill_probes(&ev.facts, ev.res);
	check_assess(&ev.facts, &rep);
	assert_int_equal(rep.modes[MODE_NO_ASLR].verdict, VERDICT_OK);
	assert_int_equal(rep.modes[MODE_SPAWN].verdict, VERDICT_OK);

	/* a capability problem has no profile fix */
	eval_fixture("caps-ptrace.json", 0, false, 0);
	n = whatif_min_fixes(&ev.facts, ev.res, fx);
	bool seen_other = false, seen_mem = false;
	for (unsigned i = 0; i < n; i++) {
		if (fx[i].mode == MODE_ATTACH_OTHER) {
			seen_other = true;
			assert_int_equal(fx[i].nalts, 0);
			assert_true(fx[i].partial);
			assert_non_null(strstr(fx[i].remaining, "CAP_SYS_PTRACE"));
		}
		if (fx[i].mode == MODE_MEMORY) {
			seen_mem = true;
			assert_int_equal(fx[i].alts[0].nrules, 1);
			assert_string_equal(fx[i].alts[0].rules[0].syscall, "process_vm_readv");
		}
	}
	assert_true(seen_other && seen_mem);
}

/* ---- compare columns derived from measured facts ---- */

static void test_derive(void **state)
{
	struct check_facts f;
	struct check_report r;
	struct whatif_proc p = docker_root;
	struct sq_result res[SQ_COUNT];

	(void)state;
	p.caps = engine_default_caps(ENGINE_CAPS_DOCKER);
	synth(&f, &p);
	all_allowed(res);
	answer(&res[SQ_PROCESS_VM_READV], SECCOMP_KIND_ERRNO, EPERM);
	answer(&res[SQ_PERSONALITY_NO_ASLR], SECCOMP_KIND_ERRNO, EPERM);
	whatif_fill_probes(&f, res);
	check_assess(&f, &r);
	assert_int_equal(r.modes[MODE_MEMORY].verdict, VERDICT_DEGRADED);
	assert_int_equal(r.modes[MODE_ATTACH_OTHER].verdict, VERDICT_FAILS);

	struct check_facts c = f;
	assert_true(whatif_derive_cap_ptrace(&c));
	check_assess(&c, &r);
	assert_int_equal(r.modes[MODE_MEMORY].verdict, VERDICT_OK);
	assert_int_equal(r.modes[MODE_ATTACH_OTHER].verdict, VERDICT_OK);
	assert_int_equal(r.modes[MODE_NO_ASLR].verdict, VERDICT_FAILS);

	c = f;
	assert_int_equal(whatif_derive_unconfined(&c, "x86_64"), 0);
	check_assess(&c, &r);
	assert_int_equal(r.modes[MODE_MEMORY].verdict, VERDICT_OK);
	assert_int_equal(r.modes[MODE_NO_ASLR].verdict, VERDICT_OK);
	assert_int_equal(r.modes[MODE_ATTACH_OTHER].verdict, VERDICT_FAILS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_map_allowed),
		cmocka_unit_test(test_map_kinds),
		cmocka_unit_test(test_kernel_model),
		cmocka_unit_test(test_base_facts),
		cmocka_unit_test(test_fixture_deny_ptrace),
		cmocka_unit_test(test_fixture_kill_ptrace),
		cmocka_unit_test(test_fixture_personality),
		cmocka_unit_test(test_fixture_caps_includes),
		cmocka_unit_test(test_unconfined),
		cmocka_unit_test(test_min_fix),
		cmocka_unit_test(test_derive),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
