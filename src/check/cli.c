/* ctrace --check [--json] [-p PID] [-q]: the full diagnosis report. */
#include "config.h"
#include "check/check.h"
#include "check/assess.h"
#include "check/facts.h"
#include "check/probes.h"
#include "check/hostside.h"
#include "check/pidns.h"
#include "check/report.h"
#include "check/whatif_report.h"
#include "check/pod.h"
#include "options.h"
#include "util.h"

#include "check/engine_caps.h"
#include "check/seccomp_query.h"

#include <getopt.h>
#include <json-c/json.h>
#include <limits.h>
#include <string.h>
#include <strings.h>

#define CHECK_PROBE_TIMEOUT_MS 100

/* Options come from the one table of ctrace (options.c); this parser takes
 * the ones --check understands and rejects the others. */

struct check_opts {
	bool json;
	int quiet;
	pid_t pid;
	bool whatif_flags;	/* some what-if option given */
	struct whatif_opts w;
	const char *pod;	/* --pod FILE */
	const char *container;
	const char *seccomp_root;
};

static void check_usage(FILE *out)
{
	fprintf(out,
		"Usage: ctrace --check [--json] [-p PID] [-q]\n"
		"       ctrace --check --profile FILE|unconfined|BUILTIN [--engine-version V]\n"
		"              [--cap-add CAP]... [--cap-drop CAP]...\n"
		"              [--user UID[:GID]] [--no-new-privs] [--engine docker|podman]\n"
		"              [--arch x86_64|aarch64] [--strict] [--json] [-q]\n"
		"       ctrace --check --compare [--profile FILE] [what-if options] [--json]\n"
		"       ctrace --check --profile FILE --write-profile OUT [--for MODE|TOOL,...]\n"
		"              [what-if options]\n"
		"       ctrace --check [--compare] --pod FILE [--container NAME] [--engine podman]\n"
		"              [--seccomp-root DIR] [--profile P] [--json]\n"
		"Report which tracing modes work here, why not, and the fix.\n"
		"  --json      one JSON document (schema: docs/check-json.md)\n"
		"  -p PID      also check attaching to PID (on the host: what works inside\n"
		"              PID's container, from its /proc and its seccomp filters)\n"
		"  -q          only the modes that do not work\n"
		"  --profile   what-if: a container started with this seccomp profile;\n"
		"              built in: docker-default, podman-default, runtime-default\n"
		"              (containerd's RuntimeDefault); --engine-version picks a\n"
		"              version (docker-default: current or 20.10)\n"
		"  --compare   as-is, +SYS_PTRACE, unconfined, narrowest profile change\n"
		"  --write-profile OUT  the profile plus the narrowest change that makes the\n"
		"              --for modes and tools work (gdb, lldb, perf:stat, no-aslr...)\n"
		"  --pod       what-if for a container of a Kubernetes Pod manifest (or a\n"
		"              Deployment's, Job's... pod template), as Kubernetes with\n"
		"              containerd starts it (--engine podman: as podman kube play)\n"
		"Exit status: 0 every mode works, 2 some degraded, 3 some fail, 1 usage.\n");
}

static int parse_pid(const char *s, pid_t *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v <= 0 || v > INT_MAX)
		return -EINVAL;
	*out = (pid_t)v;
	return 0;
}

/* "UID" or "UID:GID" (numbers only: names would be the container's) */
static int parse_user(const char *s, uid_t *uid, gid_t *gid)
{
	char *end;
	unsigned long u, g = 0;

	errno = 0;
	u = strtoul(s, &end, 10);
	if (errno || end == s || (*end && *end != ':') || u > UINT_MAX - 1 || *s == '-')
		return -EINVAL;
	if (*end == ':') {
		const char *gs = end + 1;
		g = strtoul(gs, &end, 10);
		if (errno || end == gs || *end || g > UINT_MAX - 1 || *gs == '-')
			return -EINVAL;
	}
	*uid = (uid_t)u;
	*gid = (gid_t)g;
	return 0;
}

static int parse_check_args(int argc, char **argv, struct check_opts *o)
{
	int c, li;

	optind = 0;	/* full reinitialisation (GNU) */
	opterr = 0;
	while ((li = -1, c = getopt_long(argc, argv, ctrace_short_options,
					  ctrace_long_options, &li)) != -1) {
		switch (c) {
		case OPT_CHECK:
			break;
		case OPT_JSON:
			o->json = true;
			break;
		case 'p':
			if (o->pid) {
				ct_error("--check takes one -p PID");
				return -EINVAL;
			}
			if (parse_pid(optarg, &o->pid) < 0) {
				ct_error("invalid process id: '%s'", optarg);
				return -EINVAL;
			}
			break;
		case 'q':
			o->quiet++;
			break;
		case OPT_PROFILE:
			if (o->w.profile_given) {
				ct_error("--profile given twice");
				return -EINVAL;
			}
			o->w.profile_given = true;
			o->w.profile = strcmp(optarg, "unconfined") ? optarg : NULL;
			break;
		case OPT_CAP_ADD:
		case OPT_CAP_DROP: {
			bool add = c == OPT_CAP_ADD;
			size_t *n = add ? &o->w.nadd : &o->w.ndrop;
			if (*n >= WHATIF_MAX_CAP_ARGS) {
				ct_error("too many --cap-%s options", add ? "add" : "drop");
				return -EINVAL;
			}
			/* docker accepts "A,B" too: split */
			for (char *tok = strtok(optarg, ","); tok; tok = strtok(NULL, ",")) {
				if (*n >= WHATIF_MAX_CAP_ARGS)
					break;
				if (strcasecmp(tok, "ALL") && caps_from_name(tok) < 0) {
					ct_error("--cap-%s: unknown capability \"%s\"", add ? "add" : "drop", tok);
					return -EINVAL;
				}
				(add ? o->w.cap_add : o->w.cap_drop)[(*n)++] = tok;
			}
			o->whatif_flags = true;
			break;
		}
		case 'u':
			if (parse_user(optarg, &o->w.uid, &o->w.gid) < 0) {
				ct_error("--user: expected UID or UID:GID (numbers), got '%s'", optarg);
				return -EINVAL;
			}
			o->w.user_set = true;
			o->whatif_flags = true;
			break;
		case OPT_NO_NEW_PRIVS:
			o->w.no_new_privs = true;
			o->whatif_flags = true;
			break;
		case OPT_ENGINE:
			if (engine_by_name(optarg) < 0) {
				ct_error("--engine: unknown engine \"%s\" (docker or podman)", optarg);
				return -EINVAL;
			}
			o->w.engine = optarg;
			o->whatif_flags = true;
			break;
		case OPT_ARCH:
			if (!seccomp_query_audit_arch(optarg)) {
				ct_error("--arch: unknown architecture \"%s\" (x86_64 or aarch64)", optarg);
				return -EINVAL;
			}
			o->w.arch = optarg;
			o->whatif_flags = true;
			break;
		case OPT_STRICT:
			o->w.strict = true;
			o->whatif_flags = true;
			break;
		case OPT_COMPARE:
			o->w.compare = true;
			break;
		case OPT_WRITE_PROFILE:
			o->w.write_profile = optarg;
			break;
		case OPT_FOR:
			o->w.for_list = optarg;
			break;
		case OPT_ENGINE_VERSION:
			o->w.engine_version = optarg;
			o->whatif_flags = true;
			break;
		case OPT_POD:
			if (o->pod) {
				ct_error("--pod given twice");
				return -EINVAL;
			}
			o->pod = optarg;
			break;
		case OPT_CONTAINER:
			o->container = optarg;
			break;
		case OPT_SECCOMP_ROOT:
			o->seccomp_root = optarg;
			break;
		case 'h':
			check_usage(stdout);
			return 1;
		case ':':
			ct_error("option '%s' requires an argument", argv[optind - 1]);
			return -EINVAL;
		case '?':
			/* unknown to ctrace altogether */
			if (optopt && optopt < 0x100)
				ct_error("--check does not take option '-%c'", optopt);
			else
				ct_error("--check does not take option '%s'", argv[optind - 1]);
			return -EINVAL;
		default:
			/* a tracing option of the same table */
			if (li >= 0)
				ct_error("--check does not take option '--%s'", ctrace_long_options[li].name);
			else
				ct_error("--check does not take option '-%c'", c);
			return -EINVAL;
		}
	}
	if (optind < argc) {
		ct_error("--check does not run a command (got '%s')", argv[optind]);
		return -EINVAL;
	}
	if ((o->container || o->seccomp_root) && !o->pod) {
		ct_error("--container and --seccomp-root go with --pod FILE");
		return -EINVAL;
	}
	if (o->pod && o->pid) {
		ct_error("-p PID examines a running process; --pod describes a pod to start: "
			 "use one or the other");
		return -EINVAL;
	}
	if (o->pod && (o->w.nadd || o->w.ndrop || o->w.user_set || o->w.no_new_privs)) {
		ct_error("--pod takes the capabilities, the user and no_new_privs from the "
			 "manifest: edit its securityContext instead of --cap-add, --cap-drop, "
			 "--user or --no-new-privs");
		return -EINVAL;
	}
	if (o->pod)
		return 0;	/* the what-if options come from the manifest */
	if ((o->w.profile_given || o->w.compare) && o->pid) {
		ct_error("-p PID examines a running process; --profile and --compare describe "
			 "a container to start: use one or the other");
		return -EINVAL;
	}
	if (o->whatif_flags && !o->w.profile_given && !o->w.compare) {
		ct_error("--cap-add, --cap-drop, --user, --no-new-privs, --engine, --engine-version, "
			 "--arch and --strict describe a what-if: add --profile FILE (or --profile "
			 "unconfined, or a built-in profile such as docker-default)");
		return -EINVAL;
	}
	if (o->w.compare && !o->w.profile_given &&
	    (o->w.nadd || o->w.ndrop || o->w.user_set || o->w.no_new_privs || o->w.arch || o->w.strict ||
	     o->w.engine_version)) {
		ct_error("--compare without --profile compares this process's own situation; "
			 "give --profile FILE to compare a container configuration");
		return -EINVAL;
	}
	if (o->w.for_list && !o->w.write_profile) {
		ct_error("--for names what --write-profile OUT must make work: add --write-profile");
		return -EINVAL;
	}
	if (o->w.write_profile && (!o->w.profile_given || !o->w.profile)) {
		ct_error("--write-profile needs the profile to start from: --profile FILE");
		return -EINVAL;
	}
	if (o->w.write_profile && (o->w.compare || o->json)) {
		ct_error("--write-profile prints its own report: without --compare and --json");
		return -EINVAL;
	}
	o->w.json = o->json;
	o->w.quiet = o->quiet;
	return 0;
}

static int exit_status(const struct check_report *r)
{
	switch (check_report_worst(r)) {
	case VERDICT_OK: return CHECK_EXIT_OK;
	case VERDICT_DEGRADED: return CHECK_EXIT_DEGRADED;
	default: return CHECK_EXIT_FAILS;
	}
}

static void quiet_text(FILE *out, const struct check_report *r)
{
	for (int m = 0; m < MODE_COUNT; m++) {
		const struct check_mode_result *mr = &r->modes[m];
		if (!mr->present || mr->verdict == VERDICT_OK)
			continue;
		fprintf(out, "%s: %s: %s%s%s\n", check_mode_name(m),
			check_verdict_name(mr->verdict), mr->cause,
			mr->fix[0] ? ". Fix: " : "", mr->fix);
	}
}

int check_cli(int argc, char **argv)
{
	struct check_opts o = { 0 };
	struct check_facts f;
	struct check_report r;
	int rc, status;

	rc = parse_check_args(argc, argv, &o);
	if (rc < 0)
		return CHECK_EXIT_USAGE;
	if (rc > 0)
		return 0;
	if (o.pod) {
		static struct pod_spec pod;
		const struct pod_container *c;
		char err[1024];
		bool podman = o.w.engine && !strcmp(o.w.engine, "podman");

		if (pod_load(o.pod, &pod, err, sizeof(err)) < 0 ||
		    !(c = pod_container(&pod, o.container, err, sizeof(err))) ||
		    pod_whatif(&pod, c, podman, o.seccomp_root, &o.w, err, sizeof(err)) < 0) {
			ct_error("%s", err);
			return CHECK_EXIT_USAGE;
		}
		o.w.json = o.json;
		o.w.quiet = o.quiet;
	}
	if (o.w.write_profile)
		return write_profile_run(&o.w);
	if (o.w.compare)
		return compare_run(&o.w);
	if (o.w.profile_given)
		return whatif_run(&o.w);
	check_gather_facts(&f, o.pid);
	rc = probes_run(PROBE_ALL, CHECK_PROBE_TIMEOUT_MS, f.probes);
	if (rc < 0)
		ct_warn("could not run the probes (%s); the report uses facts only",
			strerror(-rc));
	check_assess(&f, &r);
	status = exit_status(&r);
	/* Host side: the target lives in another container. */
	static struct hostside h;
	static struct check_report hr;
	bool inside = false;
	if (o.pid && f.target.exists == 1 && !f.target.is_self && hostside_is_container(o.pid)) {
		if (hostside_inspect(o.pid, &f, &h) == 0 && h.container) {
			check_assess(&h.facts, &hr);
			inside = true;
		}
	}
	static struct pidns_view pv;
	pidns_survey(&f, &pv);
	if (o.json) {
		struct json_object *doc = check_report_json(&f, &r, status);
		json_object_object_add(doc, "pid_namespace", pidns_report_json(&pv));
		if (o.pid)
			json_object_object_add(doc, "inside", inside ? hostside_report_json(&h, &hr) : NULL);
		puts(json_object_to_json_string_ext(doc, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
						    JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(doc);
	} else if (o.quiet) {
		quiet_text(stdout, &r);
	} else {
		check_report_text(stdout, &f, &r);
		pidns_report_text(stdout, &pv);
		if (inside)
			hostside_report_text(stdout, &h, &hr);
	}
	hostside_release(&h);
	if (fflush(stdout) != 0) {
		ct_error("writing the report: %s", strerror(errno));
		return CHECK_EXIT_USAGE;
	}
	return status;
}
