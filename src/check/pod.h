/* ctrace --check --pod FILE [--container NAME]: the what-if of a
 * Kubernetes Pod manifest (or the pod template of a Deployment,
 * StatefulSet, DaemonSet, ReplicaSet, Job or CronJob), read with libyaml.
 *
 * pod_parse() reads the fields that decide the tracing modes: the pod's
 * and the containers' securityContext (capabilities add/drop, runAsUser,
 * runAsGroup, runAsNonRoot, allowPrivilegeEscalation, privileged,
 * seccompProfile), the legacy seccomp annotations, shareProcessNamespace
 * and hostPID.  Other fields are ignored; a field it reads with the wrong
 * type is an error ("spec.containers[1].securityContext.runAsUser:
 * expected an integer").  pod_whatif() turns one container into the
 * what-if options of whatif_report.h, as the chosen runtime would:
 *
 *   kubernetes (default): containerd/CRI.  RuntimeDefault is containerd's
 *     default profile (built-in runtime-default), Unconfined or no
 *     seccompProfile is no filter (the kubelet's default without
 *     --seccomp-default), Localhost is a file under the kubelet's seccomp
 *     root (--seccomp-root, default /var/lib/kubelet/seccomp); Docker's
 *     capability set (CRI's default set is the same 14 capabilities).
 *   podman (--engine podman): `podman kube play` of podman 4.3, which
 *     ignores securityContext.seccompProfile and reads the
 *     seccomp.security.alpha.kubernetes.io annotations instead (no
 *     annotation: podman's default profile); podman's capability set. */
#ifndef CTRACE_CHECK_POD_H
#define CTRACE_CHECK_POD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "check/assess.h"
#include "check/facts.h"
#include "check/whatif_report.h"

#define POD_MAX_CONTAINERS 32
#define POD_MAX_CAPS 48
#define POD_DEFAULT_SECCOMP_ROOT "/var/lib/kubelet/seccomp"

enum pod_seccomp {
	POD_SECCOMP_UNSET,
	POD_SECCOMP_RUNTIME_DEFAULT,
	POD_SECCOMP_UNCONFINED,
	POD_SECCOMP_LOCALHOST,
};

struct pod_container {
	char name[254];
	const char *list;		/* "containers", "initContainers", "ephemeralContainers" */
	char cap_add[POD_MAX_CAPS][40];
	size_t nadd;
	char cap_drop[POD_MAX_CAPS][40];
	size_t ndrop;
	long long run_as_user;		/* -1: not set (pod's value merged in) */
	long long run_as_group;
	int run_as_non_root;		/* -1 unset, 0, 1 */
	int allow_privilege_escalation;	/* -1 unset, 0, 1 */
	bool privileged;
	enum pod_seccomp seccomp;	/* securityContext.seccompProfile */
	const char *seccomp_from;	/* "container" or "pod" */
	char localhost[512];
	enum pod_seccomp annotation;	/* seccomp.security.alpha.kubernetes.io */
	char ann_localhost[512];
	bool ann_docker_default;	/* "docker/default" rather than "runtime/default" */
};

struct pod_spec {
	char kind[64];
	char name[254];
	bool share_process_namespace;
	bool host_pid;
	unsigned n;
	struct pod_container c[POD_MAX_CONTAINERS];
};

/* Parse a manifest (the first YAML document that is a Pod or holds a pod
 * template).  Returns 0 or -EINVAL with a message in err. */
int pod_parse(const char *text, size_t len, struct pod_spec *out, char *err, size_t errsz);
/* Read and parse a file; the message is prefixed with the file name. */
int pod_load(const char *path, struct pod_spec *out, char *err, size_t errsz);

/* The container called name, or with name NULL the only one of
 * "containers" (error when there are several). */
const struct pod_container *pod_container(const struct pod_spec *p, const char *name,
					  char *err, size_t errsz);

/* Fill w (profile, capabilities, user, no_new_privs, engine) for the
 * container c as the runtime would start it, and notes (static strings or
 * strings in pod-owned static buffers) on what was assumed.  A --profile
 * already in w (profile_given) overrides the pod's seccomp settings.
 * Returns 0 or -EINVAL with a message. */
int pod_whatif(const struct pod_spec *p, const struct pod_container *c, bool podman,
	       const char *seccomp_root, struct whatif_opts *w, char *err, size_t errsz);

/* The pod section of the what-if report: which containers' processes the
 * container sees (shareProcessNamespace, hostPID) and whether ctrace in
 * it can attach to each (uids, capabilities, the attach verdicts of r). */
void pod_report_text(FILE *out, const struct whatif_opts *w, const struct check_facts *f,
		     const struct check_report *r);
/* The other containers of the pod (init containers left out) and whether
 * ctrace in w's container, with facts f and report r, can attach to their
 * processes.  Returns how many. */
struct pod_target {
	const struct pod_container *c;
	uid_t uid;
	bool visible;
	enum check_verdict verdict;
	char cause[400];
};
unsigned pod_targets(const struct whatif_opts *w, const struct check_facts *f,
		     const struct check_report *r, struct pod_target out[POD_MAX_CONTAINERS]);

struct json_object;
/* attach_targets as a JSON array */
struct json_object *pod_targets_json(const struct pod_target *t, unsigned n);
struct json_object *pod_report_json(const struct whatif_opts *w, const struct check_facts *f,
				    const struct check_report *r);

#endif
