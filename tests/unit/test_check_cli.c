/* cmocka tests of the entry points: check_cli() (usage errors, the JSON
 * document), preflight() under seccomp filters this test installs in a
 * child, check_explain_ptrace_error(). */
#include "config.h"
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <fcntl.h>
#include <json-c/json.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check/check.h"
#include "check/probes.h"
#include "util.h"

/* Run fn in a child with stdout and stderr captured into *out / *err
 * (NUL-terminated, malloc'd); returns the child's exit status, or 77 when
 * it exited 77 (filter refused). */
static int run_captured(int (*fn)(void *), void *arg, char **out, char **err)
{
	char tmpo[] = "/tmp/ctrace-test-XXXXXX", tmpe[] = "/tmp/ctrace-test-XXXXXX";
	int fo = mkstemp(tmpo), fe = mkstemp(tmpe), st;
	pid_t pid;

	assert_true(fo >= 0 && fe >= 0);
	unlink(tmpo);
	unlink(tmpe);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(fo, 1);
		dup2(fe, 2);
		int rc = fn(arg);
		fflush(stdout);
		fflush(stderr);
		_exit(rc);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	for (int i = 0; i < 2; i++) {
		int fd = i ? fe : fo;
		off_t len = lseek(fd, 0, SEEK_END);
		char *buf = xmalloc((size_t)len + 1);
		assert_int_equal(pread(fd, buf, (size_t)len, 0), len);
		buf[len] = '\0';
		*(i ? err : out) = buf;
		close(fd);
	}
	return WEXITSTATUS(st);
}

struct argv_box {
	int argc;
	char **argv;
};

static int call_cli(void *p)
{
	struct argv_box *b = p;
	return check_cli(b->argc, b->argv);
}

static int cli(char **out, char **err, int argc, ...)
{
	char *argv[16];
	struct argv_box b = { argc, argv };
	va_list ap;
	va_start(ap, argc);
	for (int i = 0; i < argc; i++)
		argv[i] = va_arg(ap, char *);
	argv[argc] = NULL;
	va_end(ap);
	return run_captured(call_cli, &b, out, err);
}

static void test_cli_usage(void **state)
{
	_cleanup_free_ char *o1 = NULL, *e1 = NULL, *o2 = NULL, *e2 = NULL;
	_cleanup_free_ char *o3 = NULL, *e3 = NULL, *o4 = NULL, *e4 = NULL;

	assert_int_equal(cli(&o1, &e1, 3, "ctrace", "--check", "--bogus"), 1);
	assert_string_equal(e1, "ctrace: --check does not take option '--bogus'\n");
	assert_int_equal(cli(&o2, &e2, 4, "ctrace", "--check", "-p", "12x"), 1);
	assert_string_equal(e2, "ctrace: invalid process id: '12x'\n");
	assert_int_equal(cli(&o3, &e3, 3, "ctrace", "--check", "ls"), 1);
	assert_string_equal(e3, "ctrace: --check does not run a command (got 'ls')\n");
	assert_int_equal(cli(&o4, &e4, 3, "ctrace", "--check", "-p"), 1);
	assert_non_null(strstr(e4, "requires an argument"));
}

static const char *str(struct json_object *o, const char *key)
{
	struct json_object *v;
	if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

static void test_cli_json(void **state)
{
	_cleanup_free_ char *out = NULL, *err = NULL;
	static const char *const names[] = { "spawn", "attach", "attach-other", "memory",
		"syscall-info", "seccomp-bpf", "no-aslr", "stack-trace", "attach-pid" };
	struct json_object *doc, *modes, *probes, *sum, *v, *env;
	int rc = cli(&out, &err, 5, "ctrace", "--check", "--json", "-p", "1");
	const char *worst;

	assert_true(rc == 0 || rc == 2 || rc == 3);
	doc = json_tokener_parse(out);
	assert_non_null(doc);
	assert_non_null(str(doc, "ctrace_version"));
	assert_true(json_object_object_get_ex(doc, "environment", &env));
	assert_true(json_object_object_get_ex(env, "seccomp_filters", &v));
	assert_true(json_object_object_get_ex(doc, "modes", &modes));
	assert_int_equal(json_object_array_length(modes), 9);
	for (size_t i = 0; i < 9; i++) {
		struct json_object *m = json_object_array_get_idx(modes, i), *c, *f;
		const char *verdict = str(m, "verdict");
		assert_string_equal(str(m, "name"), names[i]);
		assert_non_null(verdict);
		assert_true(!strcmp(verdict, "ok") || !strcmp(verdict, "degraded") ||
			    !strcmp(verdict, "fails"));
		assert_true(json_object_object_get_ex(m, "cause", &c));
		assert_true(json_object_object_get_ex(m, "fix", &f));
		/* a mode that is not ok always says why */
		if (strcmp(verdict, "ok"))
			assert_true(json_object_is_type(c, json_type_string));
	}
	assert_true(json_object_object_get_ex(doc, "probes", &probes));
	assert_true(json_object_array_length(probes) == PROBE_COUNT);
	assert_int_equal(PROBE_COUNT, 18);
	for (size_t i = 0; i < json_object_array_length(probes); i++) {
		const char *r = str(json_object_array_get_idx(probes, i), "result");
		assert_non_null(r);
		assert_true(!strcmp(r, "allowed") || !strcmp(r, "errno") ||
			    !strcmp(r, "killed") || !strcmp(r, "hung"));
	}
	assert_true(json_object_object_get_ex(doc, "summary", &sum));
	worst = str(sum, "verdict");
	assert_int_equal(rc, !strcmp(worst, "ok") ? 0 : !strcmp(worst, "degraded") ? 2 : 3);
	json_object_put(doc);
}

/* ---- preflight under filters ---- */

#define NR_OFF offsetof(struct seccomp_data, nr)

static int install(int nr, uint32_t action)
{
	struct sock_filter insns[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, NR_OFF),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)nr, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, action),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { (unsigned short)(sizeof(insns) / sizeof(insns[0])), insns };
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) < 0)
		return -1;
	return 0;
}

struct pf {
	int nr;
	uint32_t action;
	struct preflight_req req;
};

static int call_preflight(void *p)
{
	struct pf *pf = p;
	struct preflight_res res;
	int rc;

	if (pf->nr >= 0 && install(pf->nr, pf->action) < 0)
		return 77;
	rc = preflight(&pf->req, &res);
	printf("rc=%d vm_readv=%d info=%d bpf=%d\n", rc, res.use_vm_readv,
	       res.syscall_info_ok, res.seccomp_bpf_ok);
	return 0;
}

/* The preflight tests add one filter to an environment where a plain
 * spawn preflight is silent; elsewhere (a container whose profile already
 * blocks ptrace) they are skipped. */
static bool baseline_clean(void)
{
	_cleanup_free_ char *out = NULL, *err = NULL;
	struct pf pf = { -1, 0, { .spawn = true, .seccomp_bpf = true } };
	assert_int_equal(run_captured(call_preflight, &pf, &out, &err), 0);
	if (!strcmp(out, "rc=0 vm_readv=1 info=1 bpf=1\n") && !*err)
		return true;
	print_message("SKIP: baseline preflight not clean here (%s%s)\n", err, out);
	return false;
}

static void test_preflight_vm_readv_eperm(void **state)
{
	_cleanup_free_ char *out = NULL, *err = NULL;
	struct pf pf = { SYS_process_vm_readv, SECCOMP_RET_ERRNO | EPERM, { .spawn = true } };

	if (!baseline_clean())
		skip();
	if (run_captured(call_preflight, &pf, &out, &err) == 77) {
		print_message("SKIP: seccomp filters cannot be installed here\n");
		skip();
	}
	assert_string_equal(out, "rc=0 vm_readv=0 info=1 bpf=0\n");
	/* one warning line, then tracing goes on */
	/* "a seccomp filter" or, where this test runs in a container, "the
	 * container's seccomp profile" */
	assert_non_null(strstr(err, "ctrace: process_vm_readv is blocked by "));
	assert_non_null(strstr(err, "seccomp"));
	assert_non_null(strstr(err, " (EPERM); reading memory with PTRACE_PEEKDATA, slower. Fix: "));
	assert_null(strchr(strchr(err, '\n') + 1, '\n'));
	/* -qq: silent */
	free(out);
	free(err);
	pf.req.quiet = 2;
	assert_int_equal(run_captured(call_preflight, &pf, &out, &err), 0);
	assert_string_equal(out, "rc=0 vm_readv=0 info=1 bpf=0\n");
	assert_string_equal(err, "");
}

static void test_preflight_ptrace_killed(void **state)
{
	_cleanup_free_ char *out = NULL, *err = NULL;
	struct pf pf = { SYS_ptrace, SECCOMP_RET_KILL_PROCESS, { .spawn = true, .quiet = 2 } };

	if (!baseline_clean())
		skip();
	if (run_captured(call_preflight, &pf, &out, &err) == 77) {
		print_message("SKIP: seccomp filters cannot be installed here\n");
		skip();
	}
	/* the error survives -qq; preflight itself survives the filter */
	assert_non_null(strstr(out, "rc=-1 "));
	assert_non_null(strstr(err, "ctrace: cannot trace a new program: ptrace is fatal under "));
	assert_non_null(strstr(err, "seccomp"));
	assert_non_null(strstr(err, " (the process is killed by SIGSYS). Fix: add ptrace "
				    "to your seccomp profile's allow list"));
}

static void test_preflight_silent(void **state)
{
	_cleanup_free_ char *out = NULL, *err = NULL;
	/* a filter that blocks something no mode needs */
	struct pf pf = { SYS_kcmp, SECCOMP_RET_ERRNO | EPERM,
			 { .spawn = true, .seccomp_bpf = true, .stack_trace = true } };

	if (!baseline_clean())
		skip();
	if (run_captured(call_preflight, &pf, &out, &err) == 77) {
		print_message("SKIP: seccomp filters cannot be installed here\n");
		skip();
	}
	assert_string_equal(out, "rc=0 vm_readv=1 info=1 bpf=1\n");
	assert_string_equal(err, "");
}

static void test_preflight_no_aslr(void **state)
{
	_cleanup_free_ char *out = NULL, *err = NULL;
	struct pf pf = { SYS_personality, SECCOMP_RET_ERRNO | EPERM,
			 { .spawn = true, .no_aslr = true } };

	if (!baseline_clean())
		skip();
	if (run_captured(call_preflight, &pf, &out, &err) == 77) {
		print_message("SKIP: seccomp filters cannot be installed here\n");
		skip();
	}
	assert_non_null(strstr(out, "rc=-1 "));
	assert_non_null(strstr(err, "ctrace: cannot disable ASLR (--no-aslr): "));
	assert_non_null(strstr(err, "\"Error disabling address space randomization: "
				    "Operation not permitted\""));
}

static int call_explain(void *p)
{
	const char *s = check_explain_ptrace_error(*(pid_t *)p, ESRCH);
	printf("%s\n", s ? s : "(null)");
	return 0;
}

static void test_explain(void **state)
{
	_cleanup_free_ char *out = NULL, *err = NULL;
	pid_t pid = 0x3ffffff0;	/* above pid_max: never exists */

	assert_int_equal(run_captured(call_explain, &pid, &out, &err), 0);
	assert_non_null(strstr(out, "no process 1073741808 is visible in ctrace's pid namespace"));
	assert_non_null(strstr(out, "(Fix: share the target's pid namespace: --pid=container:NAME"));
	assert_null(check_explain_ptrace_error(1, EINVAL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_usage),
		cmocka_unit_test(test_cli_json),
		cmocka_unit_test(test_preflight_vm_readv_eperm),
		cmocka_unit_test(test_preflight_ptrace_killed),
		cmocka_unit_test(test_preflight_silent),
		cmocka_unit_test(test_preflight_no_aslr),
		cmocka_unit_test(test_explain),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
