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

/* An item's name is at off in its set's strings (xlat_str()): the items
 * hold no pointers, so the loader relocates none of them at start-up and
 * their pages are only read when used. */
struct xlat_item {
	uint64_t val;
	uint32_t off;
};

struct xlat {
	const struct xlat_item *items;
	unsigned n;
	enum xlat_type type;
	const char *name; /* the set's name, e.g. "open_flags" */
	const char *strings; /* the items' names, "NAME\0" after "NAME\0" */
};

/* the name of item i of x */
static inline const char *xlat_str(const struct xlat *x, unsigned i)
{
	return x->strings + x->items[i].off;
}

/* Exact lookup; NULL when val is not in the set. */
const char *xlat_lookup(const struct xlat *x, uint64_t val);
/* Lookup of a set by its name ("open_flags"); NULL when unknown. */
const struct xlat *xlat_by_name(const char *name);

#include "gen/xlat_sets.h"

#endif
