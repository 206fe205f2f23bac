/* Named constants (flag sets and enumerations), generated from
 * syscalls/xlat/NAME.in into gen/xlat.c as `const struct xlat xlat_NAME`. */
#ifndef CTRACE_XLAT_H
#define CTRACE_XLAT_H

#include <stddef.h>
#include <stdint.h>

enum xlat_type {
	XT_ENUM,  /* one value: NAME, else the default format */
	XT_FLAGS, /* OR of bits: A|B|0x40 */
};

struct xlat_item {
	uint64_t val;
	const char *str;
};

struct xlat {
	const struct xlat_item *items;
	unsigned n;
	enum xlat_type type;
	const char *name; /* the set's name, e.g. "open_flags" */
};

/* Exact lookup; NULL when val is not in the set. */
const char *xlat_lookup(const struct xlat *x, uint64_t val);
/* Lookup of a set by its name ("open_flags"); NULL when unknown. */
const struct xlat *xlat_by_name(const char *name);

#include "gen/xlat_sets.h"

#endif
