/* Unit tests of the Pod manifest reader and its what-if options
 * (src/check/pod.c) and of the built-in profiles (builtin_profiles.c). */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <cmocka.h>

#include "check/builtin_profiles.h"
#include "check/pod.h"
#include "check/profile.h"

static char err[1024];
static struct pod_spec pod;

static int parse(const char *text)
{
	err[0] = '\0';
	return pod_parse(text, strlen(text), &pod, err, sizeof(err));
}

static void test_merge(void **state)
{
	(void)state;
	assert_int_equal(parse(
		"kind: Pod\n"
		"metadata: {name: p}\n"
		"spec:\n"
		"  securityContext: {runAsUser: 7, runAsNonRoot: true,\n"
		"                    seccompProfile: {type: RuntimeDefault}}\n"
		"  containers:\n"
		"  - name: a\n"
		"  - name: b\n"
		"    securityContext:\n"
		"      runAsUser: 0\n"
		"      allowPrivilegeEscalation: false\n"
		"      capabilities: {add: [SYS_PTRACE, CAP_BPF], drop: [ALL]}\n"
		"      seccompProfile: {type: Localhost, localhostProfile: x.json}\n"
		"  initContainers:\n"
		"  - name: i\n"), 0);
	assert_string_equal(pod.kind, "Pod");
	assert_string_equal(pod.name, "p");
	assert_int_equal(pod.n, 3);
	/* init containers come first */
	assert_string_equal(pod.c[0].name, "i");
	assert_string_equal(pod.c[0].list, "initContainers");
	assert_int_equal(pod.c[1].run_as_user, 7);
	assert_int_equal(pod.c[1].run_as_non_root, 1);
	assert_int_equal(pod.c[1].seccomp, POD_SECCOMP_RUNTIME_DEFAULT);
	assert_string_equal(pod.c[1].seccomp_from, "pod");
	assert_int_equal(pod.c[1].allow_privilege_escalation, -1);
	assert_int_equal(pod.c[2].run_as_user, 0);
	assert_int_equal(pod.c[2].allow_privilege_escalation, 0);
	assert_int_equal(pod.c[2].nadd, 2);
	assert_string_equal(pod.c[2].cap_add[1], "CAP_BPF");
	assert_string_equal(pod.c[2].cap_drop[0], "ALL");
	assert_int_equal(pod.c[2].seccomp, POD_SECCOMP_LOCALHOST);
	assert_string_equal(pod.c[2].seccomp_from, "container");
	assert_string_equal(pod.c[2].localhost, "x.json");
}

static void test_whatif_opts(void **state)
{
	struct whatif_opts w;
	const struct pod_container *c;

	(void)state;
	assert_int_equal(parse(
		"kind: Job\n"
		"metadata: {name: j}\n"
		"spec:\n"
		"  template:\n"
		"    metadata:\n"
		"      annotations:\n"
		"        container.seccomp.security.alpha.kubernetes.io/a: localhost/p.json\n"
		"    spec:\n"
		"      containers:\n"
		"      - name: a\n"
		"        securityContext: {runAsUser: 1000, runAsGroup: 5,\n"
		"                          allowPrivilegeEscalation: false}\n"), 0);
	c = pod_container(&pod, NULL, err, sizeof(err));
	assert_non_null(c);
	/* Kubernetes: no seccompProfile, the annotation (pre-1.27) */
	memset(&w, 0, sizeof(w));
	assert_int_equal(pod_whatif(&pod, c, false, "/r", &w, err, sizeof(err)), 0);
	assert_true(w.profile_given);
	assert_string_equal(w.profile, "/r/p.json");
	assert_true(w.user_set);
	assert_int_equal(w.uid, 1000);
	assert_int_equal(w.gid, 5);
	assert_true(w.no_new_privs);
	assert_string_equal(w.engine, "docker");
	/* podman: the annotation too */
	memset(&w, 0, sizeof(w));
	assert_int_equal(pod_whatif(&pod, c, true, NULL, &w, err, sizeof(err)), 0);
	assert_string_equal(w.profile, POD_DEFAULT_SECCOMP_ROOT "/p.json");
	assert_string_equal(w.engine, "podman");
	/* --profile given: kept, and said */
	memset(&w, 0, sizeof(w));
	w.profile_given = true;
	w.profile = "docker-default";
	assert_int_equal(pod_whatif(&pod, c, false, NULL, &w, err, sizeof(err)), 0);
	assert_string_equal(w.profile, "docker-default");
	assert_non_null(strstr(w.notes[w.nnotes - 1], "overrides"));
}

static void test_seccomp_rules(void **state)
{
	struct whatif_opts w;

	(void)state;
	assert_int_equal(parse("kind: Pod\nspec:\n  containers:\n  - name: a\n"
			       "    securityContext: {seccompProfile: {type: RuntimeDefault}}\n"), 0);
	memset(&w, 0, sizeof(w));
	assert_int_equal(pod_whatif(&pod, &pod.c[0], false, NULL, &w, err, sizeof(err)), 0);
	assert_string_equal(w.profile, "runtime-default");
	/* podman 4.3 ignores the field: its default profile */
	memset(&w, 0, sizeof(w));
	assert_int_equal(pod_whatif(&pod, &pod.c[0], true, NULL, &w, err, sizeof(err)), 0);
	assert_string_equal(w.profile, "podman-default");
	/* no seccompProfile on Kubernetes: unconfined */
	assert_int_equal(parse("kind: Pod\nspec: {containers: [{name: a}]}\n"), 0);
	memset(&w, 0, sizeof(w));
	assert_int_equal(pod_whatif(&pod, &pod.c[0], false, NULL, &w, err, sizeof(err)), 0);
	assert_null(w.profile);
	/* privileged: every capability, no filter */
	assert_int_equal(parse("kind: Pod\nspec: {containers: [{name: a, securityContext: "
			       "{privileged: true, seccompProfile: {type: RuntimeDefault}}}]}\n"), 0);
	memset(&w, 0, sizeof(w));
	assert_int_equal(pod_whatif(&pod, &pod.c[0], false, NULL, &w, err, sizeof(err)), 0);
	assert_null(w.profile);
	assert_string_equal(w.cap_add[0], "ALL");
	/* runAsNonRoot with runAsUser 0: refused */
	assert_int_equal(parse("kind: Pod\nspec: {containers: [{name: a, securityContext: "
			       "{runAsNonRoot: true, runAsUser: 0}}]}\n"), 0);
	memset(&w, 0, sizeof(w));
	assert_int_equal(pod_whatif(&pod, &pod.c[0], false, NULL, &w, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "refuses to start"));
}

static void test_errors(void **state)
{
	static const struct { const char *text, *msg; } cases[] = {
		{ "kind: Pod\nspec: [\n", "not valid YAML" },
		{ "", "empty" },
		{ "- a\n", "expected a mapping" },
		{ "kind: Service\n---\nkind: ConfigMap\n", "kinds: Service, ConfigMap" },
		{ "kind: Pod\n", "spec: missing" },
		{ "kind: Pod\nspec: {containers: []}\n", "no container" },
		{ "kind: Pod\nspec: {containers: [{image: x}]}\n", "containers[0].name: missing" },
		{ "kind: Pod\nspec: {hostPID: maybe, containers: [{name: a}]}\n",
		  "spec.hostPID: expected true or false, got \"maybe\"" },
		{ "kind: Pod\nspec: {containers: [{name: a, securityContext: {runAsUser: -1}}]}\n",
		  "runAsUser: expected an integer" },
		{ "kind: Pod\nspec: {containers: [{name: a, securityContext: {runAsUser: [1]}}]}\n",
		  "runAsUser: expected an integer, got a list" },
		{ "kind: Pod\nspec: {containers: [{name: a, securityContext: {capabilities: {add: [NOPE]}}}]}\n",
		  "capabilities.add[0]: unknown capability \"NOPE\"" },
		{ "kind: Pod\nspec: {containers: [{name: a, securityContext: {seccompProfile: {type: Localhost}}}]}\n",
		  "localhostProfile: missing" },
		{ "kind: Pod\nmetadata: {annotations: {seccomp.security.alpha.kubernetes.io/pod: x}}\n"
		  "spec: {containers: [{name: a}]}\n", "unknown value \"x\"" },
		{ "kind: Deployment\nspec: {template: {spec: {containers: 3}}}\n",
		  "spec.template.spec.containers: expected a list" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int r = parse(cases[i].text);
		if (r != -EINVAL || !strstr(err, cases[i].msg))
			fail_msg("case %zu: r=%d err=\"%s\", want \"%s\"", i, r, err, cases[i].msg);
	}
	assert_int_equal(parse("kind: Pod\nspec: {containers: [{name: a}, {name: b}]}\n"), 0);
	assert_null(pod_container(&pod, NULL, err, sizeof(err)));
	assert_non_null(strstr(err, "--container"));
	assert_null(pod_container(&pod, "c", err, sizeof(err)));
	assert_non_null(strstr(err, "it has: a, b"));
	assert_non_null(pod_container(&pod, "b", err, sizeof(err)));
}

static void test_builtin(void **state)
{
	struct seccomp_profile *p;
	const struct builtin_profile *b;
	char v[100];

	(void)state;
	/* every built-in profile parses */
	for (unsigned i = 0; i < builtin_profiles_count; i++) {
		assert_int_equal(profile_parse(builtin_profiles[i].text, builtin_profiles[i].len, &p,
					       err, sizeof(err)), 0);
		profile_free(p);
	}
	b = builtin_profile_find("docker-default", NULL);
	assert_non_null(b);
	assert_string_equal(b->version, "current");
	assert_non_null(builtin_profile_find("docker-default", "20.10"));
	assert_null(builtin_profile_find("docker-default", "1.0"));
	assert_null(builtin_profile_find("nope", NULL));
	builtin_profile_versions("docker-default", v, sizeof(v));
	assert_string_equal(v, "current, 20.10");
	assert_int_equal(profile_open("docker-default", "20.10", &p, &b, err, sizeof(err)), 0);
	assert_string_equal(b->version, "20.10");
	profile_free(p);
	assert_int_equal(profile_open("podman-default", "9", &p, &b, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "kept: 4.3"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_whatif_opts),
		cmocka_unit_test(test_seccomp_rules),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_builtin),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
