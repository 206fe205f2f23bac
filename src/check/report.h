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

#endif
