/* ctrace --check [--json] [-p PID] [-q]: the full diagnosis report. */
#include "config.h"
#include "check/check.h"
#include "check/assess.h"
#include "check/facts.h"
#include "check/probes.h"
#include "check/report.h"
#include "util.h"

#include <getopt.h>
#include <json-c/json.h>
#include <limits.h>
#include <string.h>

#define CHECK_PROBE_TIMEOUT_MS 100

/* Long options of --check.  What-if options (--profile, --cap-add, ...) are
 * added here, each with its own OPT_ value and a case in check_cli(). */
enum {
	OPT_CHECK = 0x100,
	OPT_JSON,
	OPT_HELP,
};

static const struct option check_options[] = {
	{ "check", no_argument, NULL, OPT_CHECK },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "attach", required_argument, NULL, 'p' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "help", no_argument, NULL, OPT_HELP },
	{ NULL, 0, NULL, 0 },
};
static const char check_shortopts[] = "+:p:qh";

struct check_opts {
	bool json;
	int quiet;
	pid_t pid;
};

static void check_usage(FILE *out)
{
	fprintf(out,
		"Usage: ctrace --check [--json] [-p PID] [-q]\n"
		"Report which tracing modes work here, why not, and the fix.\n"
		"  --json      one JSON document (schema: docs/check-json.md)\n"
		"  -p PID      also check attaching to PID\n"
		"  -q          only the modes that do not work\n"
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

static int parse_check_args(int argc, char **argv, struct check_opts *o)
{
	int c;

	optind = 0;	/* full reinitialisation (GNU) */
	opterr = 0;
	while ((c = getopt_long(argc, argv, check_shortopts, check_options, NULL)) != -1) {
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
		case 'h':
		case OPT_HELP:
			check_usage(stdout);
			return 1;
		case ':':
			ct_error("option '%s' requires an argument", argv[optind - 1]);
			return -EINVAL;
		default:
			if (optopt && optopt < 0x100)
				ct_error("--check does not take option '-%c'", optopt);
			else
				ct_error("--check does not take option '%s'", argv[optind - 1]);
			return -EINVAL;
		}
	}
	if (optind < argc) {
		ct_error("--check does not run a command (got '%s')", argv[optind]);
		return -EINVAL;
	}
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
	check_gather_facts(&f, o.pid);
	rc = probes_run(PROBE_ALL, CHECK_PROBE_TIMEOUT_MS, f.probes);
	if (rc < 0)
		ct_warn("could not run the probes (%s); the report uses facts only",
			strerror(-rc));
	check_assess(&f, &r);
	status = exit_status(&r);
	if (o.json) {
		struct json_object *doc = check_report_json(&f, &r, status);
		puts(json_object_to_json_string_ext(doc, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
						    JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(doc);
	} else if (o.quiet) {
		quiet_text(stdout, &r);
	} else {
		check_report_text(stdout, &f, &r);
	}
	if (fflush(stdout) != 0) {
		ct_error("writing the report: %s", strerror(errno));
		return CHECK_EXIT_USAGE;
	}
	return status;
}
