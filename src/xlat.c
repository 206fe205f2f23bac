#include "config.h"
#include "xlat.h"

const char *xlat_lookup(const struct xlat *x, uint64_t val)
{
	for (unsigned i = 0; i < x->n; i++)
		if (x->items[i].val == val)
			return xlat_str(x, i);
	return NULL;
}
