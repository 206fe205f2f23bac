/* Output of --check: the text report and the JSON document
 * (schema: docs/check-json.md, docs/check.schema.json). */
#ifndef CTRACE_CHECK_REPORT_H
#define CTRACE_CHECK_REPORT_H

#include <stdio.h>
#include <stdint.h>

#include "check/assess.h"

struct json_object;

/* "cap_chown,cap_kill" (libcap names), "" for none; malloc'd. */
char *check_cap_names(uint64_t set);

void check_report_text(FILE *out, const struct check_facts *f,
		       const struct check_report *r);
/* The JSON document (caller json_object_put()s it). */
struct json_object *check_report_json(const struct check_facts *f,
				      const struct check_report *r, int exit_status);

/* Pieces of the report, for the what-if, host-side and compare reports
 * (same wording and same JSON objects as --check). */
void check_report_text_env(FILE *out, const struct check_facts *f);
void check_report_text_modes(FILE *out, const struct check_report *r);
void check_report_text_probes(FILE *out, const struct check_facts *f);
/* The "Tools" section: one line per tool action (and its fix). */
void check_report_text_tools(FILE *out, const struct check_report *r);
/* "tools": [{name, action, verdict, cause, fix}] */
struct json_object *check_report_json_tools(const struct check_report *r);
const char *check_report_verdict_line(enum check_verdict worst);
struct json_object *check_report_json_env(const struct check_facts *f);
struct json_object *check_report_json_modes(const struct check_facts *f,
					    const struct check_report *r);
struct json_object *check_report_json_probes(const struct check_facts *f);
struct json_object *check_report_json_summary(const struct check_report *r, int exit_status);

#endif
