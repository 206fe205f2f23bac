/* Unit tests of seccomp profiles (src/check/profile.c), engine capability
 * sets (engine_caps.c) and the mode queries (seccomp_query.c).  Fixtures
 * are the project's own, under tests/fixtures/profiles/. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <linux/seccomp.h>
#include <cmocka.h>
#include <seccomp.h>

#include "util.h"
#include "arch.h"
#include "check/bpf.h"
#include "check/engine_caps.h"
#include "check/profile.h"
#include "check/seccomp_query.h"

static char errbuf[1024];

static char *fixture(const char *name)
{
	const char *srcdir = getenv("srcdir");
	char *path;

	if (asprintf(&path, "%s/tests/fixtures/profiles/%s", srcdir ? srcdir : ".", name) < 0)
		abort();
	return path;
}

static struct seccomp_profile *load(const char *name)
{
	_cleanup_free_ char *path = fixture(name);
	struct seccomp_profile *p = NULL;
	int r = profile_load(path, &p, errbuf, sizeof(errbuf));

	if (r < 0)
		fail_msg("%s: %s", name, errbuf);
	return p;
}

struct target {
	const char *arch;
	uint64_t caps;
	unsigned kmaj, kmin;
};

/* Build name for a target and answer every mode query. */
static void answers(const char *name, const struct target *t, struct sq_result res[SQ_COUNT],
		    struct profile_filter *keep)
{
	struct seccomp_profile *p = load(name);
	struct profile_target pt = {
		.arch = t->arch, .caps = t->caps,
		.kernel_major = t->kmaj ? t->kmaj : 6, .kernel_minor = t->kmin,
	};
	struct profile_filter f;
	struct bpf_filter bf;

	if (profile_build(p, &pt, &f, errbuf, sizeof(errbuf)) < 0)
		fail_msg("%s: %s", name, errbuf);
	profile_free(p);
	assert_int_equal(bpf_check(f.insns, f.len, NULL), 0);
	assert_int_equal(f.audit_arch, seccomp_query_audit_arch(t->arch));
	bf.insns = f.insns;
	bf.len = f.len;
	assert_int_equal(seccomp_query_modes(&bf, 1, t->arch, res), 0);
	if (keep)
		*keep = f;
	else
		profile_filter_release(&f);
}

static void expect(const struct sq_result *r, enum seccomp_kind kind, int err)
{
	if (r->kind != kind || r->err != err)
		fail_msg("%s: got %s %d, want %s %d", r->label, seccomp_kind_name(r->kind), r->err,
			 seccomp_kind_name(kind), err);
}

static const char *const arches[] = { "x86_64", "aarch64" };

static void test_deny_ptrace(void **state)
{
	for (unsigned a = 0; a < 2; a++) {
		struct target t = { arches[a], engine_default_caps(ENGINE_CAPS_DOCKER) };
		struct sq_result r[SQ_COUNT];

		answers("deny-ptrace-eperm.json", &t, r, NULL);
		expect(&r[SQ_PTRACE_TRACEME], SECCOMP_KIND_ERRNO, EPERM);
		expect(&r[SQ_PTRACE_ATTACH], SECCOMP_KIND_ERRNO, EPERM);
		expect(&r[SQ_PTRACE_SEIZE], SECCOMP_KIND_ERRNO, EPERM);
		for (unsigned i = SQ_WAIT4; i < SQ_COUNT; i++) {
			expect(&r[i], SECCOMP_KIND_ALLOW, 0);
			assert_false(r[i].no_syscall);
		}
	}
}

static void test_kill_ptrace(void **state)
{
	for (unsigned a = 0; a < 2; a++) {
		struct target t = { arches[a], engine_default_caps(ENGINE_CAPS_PODMAN) };
		struct sq_result r[SQ_COUNT];

		answers("kill-ptrace.json", &t, r, NULL);
		expect(&r[SQ_PTRACE_TRACEME], SECCOMP_KIND_KILL_PROCESS, 0);
		expect(&r[SQ_PTRACE_SEIZE], SECCOMP_KIND_KILL_PROCESS, 0);
		expect(&r[SQ_PROCESS_VM_READV], SECCOMP_KIND_KILL_THREAD, 0);   /* SCMP_ACT_KILL */
		expect(&r[SQ_PROCESS_VM_WRITEV], SECCOMP_KIND_KILL_THREAD, 0);
		expect(&r[SQ_KCMP], SECCOMP_KIND_TRAP, 0);
		expect(&r[SQ_PIDFD_GETFD], SECCOMP_KIND_TRACE, 0);
		assert_int_equal(r[SQ_PIDFD_GETFD].ret, SECCOMP_RET_TRACE | EPERM); /* runc's msg */
		expect(&r[SQ_PERF_EVENT_OPEN], SECCOMP_KIND_LOG, 0);
		expect(&r[SQ_PIDFD_OPEN], SECCOMP_KIND_ERRNO, EPERM);   /* legacy "name" */
		expect(&r[SQ_WAIT4], SECCOMP_KIND_ALLOW, 0);
	}
}

static void test_caps_includes(void **state)
{
	uint64_t dflt = engine_default_caps(ENGINE_CAPS_DOCKER);

	for (unsigned a = 0; a < 2; a++) {
		struct sq_result r[SQ_COUNT];
		struct target t = { arches[a], dflt };

		/* Docker's default set: no CAP_SYS_PTRACE. */
		answers("caps-ptrace.json", &t, r, NULL);
		expect(&r[SQ_PTRACE_ATTACH], SECCOMP_KIND_ALLOW, 0);
		expect(&r[SQ_PROCESS_VM_READV], SECCOMP_KIND_ERRNO, EPERM);
		expect(&r[SQ_PROCESS_VM_WRITEV], SECCOMP_KIND_ERRNO, EPERM);
		expect(&r[SQ_KCMP], SECCOMP_KIND_ERRNO, EPERM);
		expect(&r[SQ_PIDFD_GETFD], SECCOMP_KIND_ERRNO, EPERM);
		expect(&r[SQ_CLONE3], SECCOMP_KIND_ERRNO, ENOSYS);
		expect(&r[SQ_PERF_EVENT_OPEN], SECCOMP_KIND_ERRNO, EPERM);
		expect(&r[SQ_PIDFD_OPEN], SECCOMP_KIND_ALLOW, 0);

		/* --cap-add SYS_PTRACE */
		t.caps = dflt | CAP_BIT(caps_from_name("SYS_PTRACE"));
		answers("caps-ptrace.json", &t, r, NULL);
		expect(&r[SQ_PROCESS_VM_READV], SECCOMP_KIND_ALLOW, 0);
		expect(&r[SQ_KCMP], SECCOMP_KIND_ALLOW, 0);
		expect(&r[SQ_PIDFD_GETFD], SECCOMP_KIND_ALLOW, 0);
		/* includes.caps needs all of them. */
		expect(&r[SQ_PERF_EVENT_OPEN], SECCOMP_KIND_ERRNO, EPERM);
		t.caps |= CAP_BIT(caps_from_name("PERFMON"));
		answers("caps-ptrace.json", &t, r, NULL);
		expect(&r[SQ_PERF_EVENT_OPEN], SECCOMP_KIND_ALLOW, 0);

		/* excludes.caps: CAP_SYS_ADMIN swaps the clone3 entries. */
		t.caps = dflt | CAP_BIT(caps_from_name("SYS_ADMIN"));
		answers("caps-ptrace.json", &t, r, NULL);
		expect(&r[SQ_CLONE3], SECCOMP_KIND_ALLOW, 0);
		expect(&r[SQ_PROCESS_VM_READV], SECCOMP_KIND_ERRNO, EPERM);

		/* minKernel 4.8 on ptrace. */
		t.caps = dflt;
		t.kmaj = 4;
		t.kmin = 7;
		answers("caps-ptrace.json", &t, r, NULL);
		expect(&r[SQ_PTRACE_ATTACH], SECCOMP_KIND_ERRNO, EPERM);
		t.kmin = 8;
		answers("caps-ptrace.json", &t, r, NULL);
		expect(&r[SQ_PTRACE_ATTACH], SECCOMP_KIND_ALLOW, 0);
		t.kmin = 20;
		answers("caps-ptrace.json", &t, r, NULL);
		expect(&r[SQ_PTRACE_ATTACH], SECCOMP_KIND_ALLOW, 0);
		t.kmaj = 3;
		answers("caps-ptrace.json", &t, r, NULL);
		expect(&r[SQ_PTRACE_ATTACH], SECCOMP_KIND_ERRNO, EPERM);
	}
}

static void test_unknown_names(void **state)
{
	struct seccomp_profile *p = load("caps-ptrace.json");
	struct profile_target t = { .arch = "x86_64", .caps = 0, .kernel_major = 6 };
	struct profile_filter f;

	assert_int_equal(profile_build(p, &t, &f, errbuf, sizeof(errbuf)), 0);
	assert_int_equal(f.ignored_names, 1);
	assert_non_null(strstr(f.warnings, "syscalls[0].names[5] \"no_such_syscall_xyz\""));
	assert_true(f.skipped_entries >= 3);
	profile_filter_release(&f);
	t.strict_names = true;
	assert_int_equal(profile_build(p, &t, &f, errbuf, sizeof(errbuf)), -EINVAL);
	assert_string_equal(errbuf, "syscalls[0].names[5]: unknown syscall name \"no_such_syscall_xyz\"");
	assert_null(f.insns);
	profile_free(p);

	p = load("unknown-name.json");
	t.strict_names = false;
	assert_int_equal(profile_build(p, &t, &f, errbuf, sizeof(errbuf)), 0);
	assert_int_equal(f.ignored_names, 1);
	{
		struct bpf_filter bf = { f.insns, f.len };
		struct sq_result r;

		assert_int_equal(seccomp_query_one(&bf, 1, "x86_64",
						   &seccomp_mode_queries[SQ_PTRACE_TRACEME], &r), 0);
		expect(&r, SECCOMP_KIND_ERRNO, EPERM);
	}
	profile_filter_release(&f);
	profile_free(p);
}

/* One query with custom arguments. */
static struct sq_result ask(const struct profile_filter *f, const char *arch, const char *name,
			    uint64_t a0, uint64_t a1, uint64_t a2)
{
	struct bpf_filter bf = { f->insns, f->len };
	struct sq_query q = { SQ_COUNT, name, name, { a0, a1, a2 } };
	struct sq_result r;

	assert_int_equal(seccomp_query_one(&bf, 1, arch, &q, &r), 0);
	return r;
}

static void test_personality_args(void **state)
{
	for (unsigned a = 0; a < 2; a++) {
		const char *arch = arches[a];
		struct target t = { arch, engine_default_caps(ENGINE_CAPS_DOCKER), 5, 10 };
		struct sq_result r[SQ_COUNT];
		struct profile_filter f;
		struct sq_result x;

		answers("personality.json", &t, r, &f);
		expect(&r[SQ_PERSONALITY_NO_ASLR], SECCOMP_KIND_ERRNO, EPERM);
		expect(&r[SQ_PERSONALITY_QUERY], SECCOMP_KIND_ALLOW, 0);
		expect(&r[SQ_PRCTL_SET_SECCOMP], SECCOMP_KIND_ERRNO, EPERM);
		expect(&r[SQ_PRCTL_NO_NEW_PRIVS], SECCOMP_KIND_ALLOW, 0);
		expect(&r[SQ_SECCOMP_SET_FILTER], SECCOMP_KIND_ERRNO, EINVAL);
		expect(&r[SQ_WAIT4], SECCOMP_KIND_ALLOW, 0);

		static const uint64_t allowed[] = { 0, 8, 0x20000, 0x20008, 0xffffffffULL };
		static const uint64_t denied[] = { 1, 9, 0x40000, 0x40008, 0x100000008ULL,
						   0xffffffff00000000ULL, 0xfffffffffULL };
		for (unsigned i = 0; i < ARRAY_SIZE(allowed); i++)
			expect((x = ask(&f, arch, "personality", allowed[i], 0, 0), &x),
			       SECCOMP_KIND_ALLOW, 0);
		for (unsigned i = 0; i < ARRAY_SIZE(denied); i++)
			expect((x = ask(&f, arch, "personality", denied[i], 0, 0), &x),
			       SECCOMP_KIND_ERRNO, EPERM);
		/* MASKED_EQ (value = mask, valueTwo = datum) AND arg1 == 0. */
		expect((x = ask(&f, arch, "seccomp", 3, 0, 0), &x), SECCOMP_KIND_ERRNO, EINVAL);
		expect((x = ask(&f, arch, "seccomp", 1, 1, 0), &x), SECCOMP_KIND_ERRNO, EPERM);
		expect((x = ask(&f, arch, "seccomp", 2, 0, 0), &x), SECCOMP_KIND_ERRNO, EPERM);
		/* Two conditions on one index become two rules (OR), as runc does. */
		expect((x = ask(&f, arch, "wait4", 0, 0, 0), &x), SECCOMP_KIND_ALLOW, 0);
		expect((x = ask(&f, arch, "wait4", 0, 0, 0xffffffffULL), &x), SECCOMP_KIND_ALLOW, 0);
		/* includes/excludes arches (Go names amd64 / arm64). */
		if (!strcmp(arch, "x86_64")) {
			expect((x = ask(&f, arch, "arch_prctl", 0, 0, 0), &x), SECCOMP_KIND_ALLOW, 0);
			expect(&r[SQ_PTRACE_ATTACH], SECCOMP_KIND_ERRNO, EPERM);
			expect(&r[SQ_KCMP], SECCOMP_KIND_ERRNO, EPERM);
		} else {
			x = ask(&f, arch, "arch_prctl", 0, 0, 0);
			assert_true(x.no_syscall);
			expect(&r[SQ_PTRACE_ATTACH], SECCOMP_KIND_ALLOW, 0);
			expect(&r[SQ_KCMP], SECCOMP_KIND_ALLOW, 0);
		}
		/* minKernel: excludes 5.3 / includes 5.6, with kernel 5.10. */
		expect(&r[SQ_PIDFD_OPEN], SECCOMP_KIND_ERRNO, EPERM);
		expect(&r[SQ_PIDFD_GETFD], SECCOMP_KIND_ALLOW, 0);
		profile_filter_release(&f);

		t.kmin = 2;
		answers("personality.json", &t, r, NULL);
		expect(&r[SQ_PIDFD_OPEN], SECCOMP_KIND_ALLOW, 0);
		expect(&r[SQ_PIDFD_GETFD], SECCOMP_KIND_ERRNO, EPERM);
	}
}

/* The same profile must answer the same on both architectures when it
 * has no architecture-specific entries. */
static void test_arch_consistency(void **state)
{
	static const char *const names[] = {
		"deny-ptrace-eperm.json", "kill-ptrace.json", "caps-ptrace.json",
	};

	for (unsigned n = 0; n < ARRAY_SIZE(names); n++) {
		struct sq_result x[SQ_COUNT], y[SQ_COUNT];
		struct target tx = { "x86_64", engine_default_caps(ENGINE_CAPS_DOCKER) };
		struct target ty = { "aarch64", engine_default_caps(ENGINE_CAPS_DOCKER) };

		answers(names[n], &tx, x, NULL);
		answers(names[n], &ty, y, NULL);
		for (unsigned i = 0; i < SQ_COUNT; i++) {
			assert_int_not_equal(x[i].nr, y[i].nr == x[i].nr && i != SQ_PIDFD_OPEN &&
					     i != SQ_PIDFD_GETFD && i != SQ_CLONE3 ? -2 : -3);
			if (x[i].ret != y[i].ret)
				fail_msg("%s %s: x86_64 %#x aarch64 %#x", names[n], x[i].label,
					 x[i].ret, y[i].ret);
		}
	}
}

/* libseccomp's numbers for the queries equal the project's tables. */
static void test_query_numbers(void **state)
{
	for (unsigned a = 0; a < 2; a++) {
		const struct arch_def *ad = arch_by_name(arches[a]);

		assert_non_null(ad);
		assert_int_equal(seccomp_query_audit_arch(arches[a]), ad->audit_arch);
		for (unsigned i = 0; i < SQ_COUNT; i++) {
			const char *name = seccomp_mode_queries[i].name;

			assert_int_equal(seccomp_mode_queries[i].id, i);
			long mine = arch_syscall_number(ad, name);

			assert_true(seccomp_query_nr(arches[a], name) >= 0);
			/* The project's tables may not list every syscall yet. */
			if (mine >= 0)
				assert_int_equal(seccomp_query_nr(arches[a], name), mine);
		}
	}
	/* seccomp=unconfined: no filter, everything allowed. */
	{
		struct sq_result r[SQ_COUNT];

		assert_int_equal(seccomp_query_modes(NULL, 0, "aarch64", r), 0);
		for (unsigned i = 0; i < SQ_COUNT; i++) {
			expect(&r[i], SECCOMP_KIND_ALLOW, 0);
			assert_int_equal(r[i].ret, SECCOMP_RET_ALLOW);
		}
		assert_int_equal(seccomp_query_modes(NULL, 0, "sparc", r), -EINVAL);
	}
	assert_int_equal(seccomp_query_nr("mips", "ptrace"), -1);
	assert_int_equal(seccomp_query_nr("x86_64", "no_such_call"), -1);
}

/* ---- errors ---- */

static void expect_file_error(const char *name, const char *msg)
{
	_cleanup_free_ char *path = fixture(name);
	struct seccomp_profile *p = NULL;

	assert_int_equal(profile_load(path, &p, errbuf, sizeof(errbuf)), -EINVAL);
	assert_null(p);
	/* "PATH/name: msg" */
	if (!strstr(errbuf, msg) || strncmp(errbuf, path, strlen(path)))
		fail_msg("%s: got \"%s\", want \"%s\"", name, errbuf, msg);
}

static void test_error_files(void **state)
{
	struct seccomp_profile *p = NULL;

	expect_file_error("bad-action.json", ": syscalls[3].action: unknown action \"SCMP_ACT_FOO\"");
	expect_file_error("bad-type.json", ": syscalls[1].names: expected an array of strings, got a string");
	expect_file_error("bad-op.json", ": syscalls[0].args[0].op: unknown operator \"SCMP_CMP_EQUAL\"");
	expect_file_error("bad-syntax.json", ": line 5 column 1: unexpected end of JSON");
	assert_int_equal(profile_load("/nonexistent/ctrace.json", &p, errbuf, sizeof(errbuf)), -ENOENT);
	assert_string_equal(errbuf, "/nonexistent/ctrace.json: No such file or directory");
}

static void expect_error(const char *json, const char *msg)
{
	struct seccomp_profile *p = NULL;
	int r = profile_parse(json, strlen(json), &p, errbuf, sizeof(errbuf));

	if (r != -EINVAL || strcmp(errbuf, msg))
		fail_msg("%s\n got %d \"%s\"\n want \"%s\"", json, r, errbuf, msg);
	assert_null(p);
}

static void expect_ok(const char *json)
{
	struct seccomp_profile *p = NULL;

	if (profile_parse(json, strlen(json), &p, errbuf, sizeof(errbuf)) < 0)
		fail_msg("%s: %s", json, errbuf);
	profile_free(p);
}

#define D "\"defaultAction\":\"SCMP_ACT_ALLOW\""

static void test_error_messages(void **state)
{
	expect_error("", "line 1 column 1: unexpected end of JSON");
	expect_error("[]", "(top level): expected an object, got an array");
	expect_error("{}", "defaultAction: missing");
	expect_error("{\"defaultAction\":1}", "defaultAction: expected a string, got a number");
	expect_error("{\"defaultAction\":\"ALLOW\"}", "defaultAction: unknown action \"ALLOW\"");
	expect_error("{" D ",\"defaultErrnoRet\":-1}", "defaultErrnoRet: must not be negative");
	expect_error("{" D ",\"defaultErrnoRet\":70000}",
		     "defaultErrnoRet: 70000 is too large (maximum 65535)");
	expect_error("{" D ",\"defaultErrnoRet\":1.5}",
		     "defaultErrnoRet: expected a non-negative integer, got a fractional number");
	expect_error("{" D ",\"syscalls\":{}}", "syscalls: expected an array, got an object");
	expect_error("{" D ",\"syscalls\":[1]}", "syscalls[0]: expected an object, got a number");
	expect_error("{" D ",\"syscalls\":[null]}", "syscalls[0]: expected an object, got null");
	expect_error("{" D ",\"syscalls\":[{\"names\":[\"read\"]}]}", "syscalls[0].action: missing");
	expect_error("{" D ",\"syscalls\":[{\"names\":[\"read\",7],\"action\":\"SCMP_ACT_ERRNO\"}]}",
		     "syscalls[0].names[1]: expected a string, got a number");
	expect_error("{" D ",\"syscalls\":[{\"name\":\"read\",\"names\":[\"write\"],\"action\":\"SCMP_ACT_ERRNO\"}]}",
		     "syscalls[0]: both \"name\" and \"names\" given; use one of them");
	expect_error("{" D ",\"syscalls\":[{\"name\":5,\"action\":\"SCMP_ACT_ERRNO\"}]}",
		     "syscalls[0].name: expected a string, got a number");
	expect_error("{" D ",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":\"EPERM\"}]}",
		     "syscalls[0].errnoRet: expected a non-negative integer, got a string");
	expect_error("{" D ",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"args\":{}}]}",
		     "syscalls[0].args: expected an array, got an object");
	expect_error("{" D ",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"args\":[[]]}]}",
		     "syscalls[0].args[0]: expected an object, got an array");
	expect_error("{" D ",\"syscalls\":[{},{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"args\":[{\"index\":6,\"op\":\"SCMP_CMP_EQ\"}]}]}",
		     "syscalls[0].action: missing");
	expect_error("{" D ",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"args\":[{\"index\":6,\"op\":\"SCMP_CMP_EQ\"}]}]}",
		     "syscalls[0].args[0].index: 6 is too large (maximum 5)");
	expect_error("{" D ",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"args\":[{\"index\":0,\"value\":-1,\"op\":\"SCMP_CMP_EQ\"}]}]}",
		     "syscalls[0].args[0].value: must not be negative");
	expect_error("{" D ",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"args\":[{\"index\":0,\"valueTwo\":\"1\",\"op\":\"SCMP_CMP_EQ\"}]}]}",
		     "syscalls[0].args[0].valueTwo: expected a non-negative integer, got a string");
	expect_error("{" D ",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"args\":[{\"index\":0}]}]}",
		     "syscalls[0].args[0].op: missing");
	expect_error("{" D ",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"includes\":[]}]}",
		     "syscalls[0].includes: expected an object, got an array");
	expect_error("{" D ",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"excludes\":{\"caps\":\"CAP_SYS_ADMIN\"}}]}",
		     "syscalls[0].excludes.caps: expected an array of strings, got a string");
	expect_error("{" D ",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"includes\":{\"arches\":[true]}}]}",
		     "syscalls[0].includes.arches[0]: expected a string, got a boolean");
	expect_error("{" D ",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"includes\":{\"minKernel\":\"4\"}}]}",
		     "syscalls[0].includes.minKernel: invalid kernel version \"4\" (expected MAJOR.MINOR)");
	expect_error("{" D ",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"excludes\":{\"minKernel\":\"4.8.1\"}}]}",
		     "syscalls[0].excludes.minKernel: invalid kernel version \"4.8.1\" (expected MAJOR.MINOR)");
	expect_error("{" D ",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"excludes\":{\"minKernel\":4.8}}]}",
		     "syscalls[0].excludes.minKernel: expected a string, got a fractional number");
	expect_error("{" D ",\"architectures\":[\"SCMP_ARCH_X86_64\"],\"archMap\":[{\"architecture\":\"SCMP_ARCH_X86_64\"}]}",
		     "both \"architectures\" and \"archMap\" given; use one of them");
	expect_error("{" D ",\"archMap\":[{\"architecture\":\"SCMP_ARCH_X86_64\",\"subArchitectures\":\"x\"}]}",
		     "archMap[0].subArchitectures: expected an array of strings, got a string");
	expect_error("{" D "} {}", "line 1 column 36: invalid JSON: unexpected character");
	expect_error("{" D "} x", "line 1 column 36: invalid JSON: unexpected character");
	expect_error("{" D ",}", "line 1 column 35: invalid JSON: unexpected character");

	/* Accepted: unknown keys, nulls, keys in another case (Go's
	 * encoding/json), the largest argument value. */
	expect_ok("{" D ",\"comment\":\"x\",\"syscalls\":null,\"listenerPath\":\"/x\"}");
	expect_ok("{\"DEFAULTACTION\":\"SCMP_ACT_ERRNO\",\"Syscalls\":[{\"Names\":[\"read\"],\"ACTION\":\"SCMP_ACT_ALLOW\"}]}");
	expect_ok("{" D ",\"syscalls\":[{\"names\":[\"read\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":null,\"args\":[{\"index\":5,\"value\":18446744073709551615,\"op\":\"SCMP_CMP_MASKED_EQ\"}]}]}");
	expect_ok("{" D ",\"defaultErrnoRet\":1,\"syscalls\":[{\"names\":[],\"action\":\"SCMP_ACT_ERRNO\"}]}");
}

static void test_build_errors(void **state)
{
	struct seccomp_profile *p = NULL;
	struct profile_filter f;
	struct profile_target t = { .arch = "mips", .kernel_major = 6 };
	const char *j = "{" D "}";

	assert_int_equal(profile_parse(j, strlen(j), &p, errbuf, sizeof(errbuf)), 0);
	assert_int_equal(profile_build(p, &t, &f, errbuf, sizeof(errbuf)), -EINVAL);
	assert_string_equal(errbuf, "unsupported architecture \"mips\" (x86_64 or aarch64)");
	/* A profile whose default allows everything: one return. */
	t.arch = "x86_64";
	assert_int_equal(profile_build(p, &t, &f, errbuf, sizeof(errbuf)), 0);
	assert_int_equal(bpf_check(f.insns, f.len, NULL), 0);
	assert_int_equal(f.rules, 0);
	profile_filter_release(&f);
	profile_free(p);
}

/* libseccomp 2.5.4 takes about a minute on this one; the build gives up
 * at the deadline instead of hanging.  (With a faster libseccomp the build
 * simply succeeds.) */
static void test_build_timeout(void **state)
{
	static const char slow[] =
		"{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"syscalls\":["
		"{\"names\":[\"seccomp\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":["
		" {\"index\":0,\"value\":1073741824,\"op\":\"SCMP_CMP_GE\"},"
		" {\"index\":1,\"value\":2147483648,\"op\":\"SCMP_CMP_LT\"}]},"
		"{\"names\":[\"seccomp\"],\"action\":\"SCMP_ACT_ALLOW\",\"args\":["
		" {\"index\":0,\"value\":1073741824,\"op\":\"SCMP_CMP_GE\"},"
		" {\"index\":2,\"value\":2147483648,\"op\":\"SCMP_CMP_LT\"}]}]}";
	struct seccomp_profile *p = NULL;
	struct profile_target t = { .arch = "x86_64", .kernel_major = 6, .timeout_ms = 300 };
	struct profile_filter f;
	int r;

	assert_int_equal(profile_parse(slow, strlen(slow), &p, errbuf, sizeof(errbuf)), 0);
	r = profile_build(p, &t, &f, errbuf, sizeof(errbuf));
	profile_free(p);
	if (r == 0) {
		assert_int_equal(bpf_check(f.insns, f.len, NULL), 0);
		profile_filter_release(&f);
		return;
	}
	assert_int_equal(r, -ETIME);
	assert_null(f.insns);
	assert_non_null(strstr(errbuf, "libseccomp did not build the filter within 300 ms"));
}

/* ---- engine capability sets ---- */

static uint64_t apply(enum container_engine e, const char *const *add, size_t nadd,
		      const char *const *drop, size_t ndrop, int want)
{
	uint64_t out = 0;
	int r = engine_apply_caps(e, engine_default_caps(e), add, nadd, drop, ndrop, &out,
				  errbuf, sizeof(errbuf));

	assert_int_equal(r, want);
	return out;
}

#define CB(name) CAP_BIT(caps_from_name(name))

static void test_engine_caps(void **state)
{
	uint64_t d = engine_default_caps(ENGINE_CAPS_DOCKER), p = engine_default_caps(ENGINE_CAPS_PODMAN);
	const char *ptrace[] = { "SYS_PTRACE" }, *lower[] = { "cap_sys_ptrace" };
	const char *all[] = { "ALL" }, *raw[] = { "NET_RAW" }, *bad[] = { "SYS_FOO" };
	const char *both[] = { "ALL", "sys_ptrace" };

	assert_int_equal(__builtin_popcountll(d), 14);
	assert_int_equal(__builtin_popcountll(p), 11);
	assert_true(d & CB("NET_RAW") && d & CB("MKNOD") && d & CB("AUDIT_WRITE"));
	assert_false(p & (CB("NET_RAW") | CB("MKNOD") | CB("AUDIT_WRITE")));
	assert_int_equal(d & ~(CB("NET_RAW") | CB("MKNOD") | CB("AUDIT_WRITE")), p);
	assert_false(d & CB("SYS_PTRACE"));
	assert_int_equal(caps_from_name("CAP_SYS_PTRACE"), 19);
	assert_int_equal(caps_from_name("sys_ptrace"), 19);
	assert_int_equal(caps_from_name("checkpoint_restore"), 40);
	assert_int_equal(caps_from_name("PTRACE"), -EINVAL);
	assert_string_equal(caps_name(21), "CAP_SYS_ADMIN");
	assert_null(caps_name(41));
	assert_int_equal(engine_by_name("podman"), ENGINE_CAPS_PODMAN);
	assert_int_equal(engine_by_name("lxc"), -EINVAL);

	for (int e = ENGINE_CAPS_DOCKER; e <= ENGINE_CAPS_PODMAN; e++) {
		uint64_t base = engine_default_caps(e);

		assert_int_equal(apply(e, NULL, 0, NULL, 0, 0), base);
		assert_int_equal(apply(e, ptrace, 1, NULL, 0, 0), base | CB("SYS_PTRACE"));
		assert_int_equal(apply(e, lower, 1, NULL, 0, 0), base | CB("SYS_PTRACE"));
		assert_int_equal(apply(e, NULL, 0, raw, 1, 0), base & ~CB("NET_RAW"));
		assert_int_equal(apply(e, all, 1, NULL, 0, 0), CAPS_ALL);
		assert_int_equal(apply(e, all, 1, ptrace, 1, 0), CAPS_ALL & ~CB("SYS_PTRACE"));
		assert_int_equal(apply(e, both, 2, ptrace, 1, 0), CAPS_ALL & ~CB("SYS_PTRACE"));
		assert_int_equal(apply(e, ptrace, 1, all, 1, 0), CB("SYS_PTRACE"));
		assert_int_equal(apply(e, NULL, 0, all, 1, 0), 0);
		apply(e, bad, 1, NULL, 0, -EINVAL);
		assert_string_equal(errbuf, "--cap-add: unknown capability \"SYS_FOO\"");
		apply(e, NULL, 0, bad, 1, -EINVAL);
		assert_string_equal(errbuf, "--cap-drop: unknown capability \"SYS_FOO\"");
	}
	/* Where the engines differ. */
	assert_int_equal(apply(ENGINE_CAPS_DOCKER, ptrace, 1, ptrace, 1, 0), d | CB("SYS_PTRACE"));
	apply(ENGINE_CAPS_PODMAN, ptrace, 1, ptrace, 1, -EINVAL);
	assert_string_equal(errbuf, "capability \"CAP_SYS_PTRACE\" cannot be dropped and added");
	/* moby: ALL in --cap-add is tested first and wins. */
	assert_int_equal(apply(ENGINE_CAPS_DOCKER, all, 1, all, 1, 0), CAPS_ALL);
	apply(ENGINE_CAPS_PODMAN, all, 1, all, 1, -EINVAL);
	assert_string_equal(errbuf, "adding all caps and removing all caps not allowed");
}

/* ---- the interpreter's answers against the kernel running the filter ---- */

/* Default ALLOW so that the child (and sanitizer runtimes) can run. */
static const char kernel_profile[] =
	"{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"syscalls\":["
	"{\"names\":[\"personality\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":1,\"args\":[{\"index\":0,\"value\":262144,\"valueTwo\":262144,\"op\":\"SCMP_CMP_MASKED_EQ\"}]},"
	"{\"names\":[\"personality\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":38,\"args\":[{\"index\":0,\"value\":8,\"op\":\"SCMP_CMP_EQ\"}]},"
	"{\"names\":[\"personality\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":22,\"args\":[{\"index\":0,\"value\":4294967295,\"op\":\"SCMP_CMP_GT\"}]},"
	"{\"names\":[\"prctl\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":13,\"args\":[{\"index\":0,\"value\":22,\"op\":\"SCMP_CMP_EQ\"}]},"
	"{\"names\":[\"kcmp\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":95},"
	"{\"names\":[\"getppid\"],\"action\":\"SCMP_ACT_ERRNO\",\"errnoRet\":3,\"args\":[{\"index\":1,\"value\":7,\"op\":\"SCMP_CMP_LE\"}]}"
	"]}";

struct kcall {
	const char *name;
	long nr;
	unsigned long a0, a1;
};

static void test_kernel_agrees(void **state)
{
	const char *arch = arch_native->name;
	const struct kcall calls[] = {
		{ "personality", SYS_personality, 0xffffffffUL, 0 },
		{ "personality", SYS_personality, 0x0040000, 0 },
		{ "personality", SYS_personality, 8, 0 },
		{ "personality", SYS_personality, 0x100000000UL, 0 },
		{ "prctl", SYS_prctl, PR_SET_SECCOMP, SECCOMP_MODE_FILTER },
		{ "prctl", SYS_prctl, PR_SET_NO_NEW_PRIVS, 1 },
		{ "prctl", SYS_prctl, 15 /* PR_SET_NAME */, 0 },
		{ "kcmp", SYS_kcmp, 1, 1 },
		{ "getppid", SYS_getppid, 0, 0 },
		{ "getppid", SYS_getppid, 0, 8 },
		{ "personality", SYS_personality, 0x0040008, 0 },
	};
	long got[ARRAY_SIZE(calls)];
	unsigned errnos = 0;
	struct seccomp_profile *p = NULL;
	struct profile_target t = { .arch = arch, .kernel_major = 6 };
	struct profile_filter f;
	int pfd[2], status;
	pid_t pid;

	assert_int_equal(profile_parse(kernel_profile, strlen(kernel_profile), &p, errbuf,
				       sizeof(errbuf)), 0);
	assert_int_equal(profile_build(p, &t, &f, errbuf, sizeof(errbuf)), 0);
	profile_free(p);
	assert_int_equal(pipe(pfd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct sock_fprog fp = { .len = (unsigned short)f.len, .filter = f.insns };
		long res[ARRAY_SIZE(calls)];
		char name[16] = "ctrace-test";

		close(pfd[0]);
		alarm(10);
		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
		    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp) < 0)
			_exit(77);
		for (unsigned i = 0; i < ARRAY_SIZE(calls); i++) {
			unsigned long a1 = calls[i].nr == SYS_prctl && calls[i].a0 == 15
					   ? (unsigned long)name : calls[i].a1;
			long r = syscall(calls[i].nr, calls[i].a0, a1, 0, 0, 0);

			res[i] = r < 0 ? -errno : 0;
		}
		if (write(pfd[1], res, sizeof(res)) != sizeof(res))
			_exit(2);
		_exit(0);
	}
	close(pfd[1]);
	assert_int_equal(read(pfd[0], got, sizeof(got)), sizeof(got));
	close(pfd[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 77) {
		print_message("SKIP: seccomp filters cannot be installed here\n");
		profile_filter_release(&f);
		skip();
	}
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	for (unsigned i = 0; i < ARRAY_SIZE(calls); i++) {
		struct sq_result r = ask(&f, arch, calls[i].name, calls[i].a0, calls[i].a1, 0);
		long want = r.kind == SECCOMP_KIND_ERRNO ? -r.err : 0;

		assert_int_equal(r.kind == SECCOMP_KIND_ERRNO || r.kind == SECCOMP_KIND_ALLOW, 1);
		if (r.kind == SECCOMP_KIND_ERRNO)
			errnos++;
		/* An allowed call may still fail in the kernel (kcmp), but
		 * never with the filter's errno. */
		if (r.kind == SECCOMP_KIND_ALLOW && got[i] < 0)
			continue;
		if (got[i] != want)
			fail_msg("%s(%#lx): kernel %ld, interpreter %ld", calls[i].name, calls[i].a0,
				 got[i], want);
	}
	assert_int_equal(errnos, 8);   /* the filter really made calls fail */
	profile_filter_release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deny_ptrace),
		cmocka_unit_test(test_kill_ptrace),
		cmocka_unit_test(test_caps_includes),
		cmocka_unit_test(test_unknown_names),
		cmocka_unit_test(test_personality_args),
		cmocka_unit_test(test_arch_consistency),
		cmocka_unit_test(test_query_numbers),
		cmocka_unit_test(test_error_files),
		cmocka_unit_test(test_error_messages),
		cmocka_unit_test(test_build_errors),
		cmocka_unit_test(test_build_timeout),
		cmocka_unit_test(test_engine_caps),
		cmocka_unit_test(test_kernel_agrees),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
