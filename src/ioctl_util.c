/* Helpers shared by the ioctl families (src/ioctl_*.c). */
#include "config.h"

#include <stdio.h>

#include "decode_file.h"
#include "ioctl_families.h"
#include "print.h"

/* "NAME", or for an unknown value "0xe /+ DFLT +/" (abbrev) or "0xe"
 * (inside a verbose comment): an index inside a request's name. */
size_t ioctl_format_index(char *buf, size_t size, const struct xlat *x, unsigned val,
			  const char *dflt)
{
	const char *s = xlat_lookup(x, val);
	int n;

	if (s)
		n = snprintf(buf, size, "%s", s);
	else if (pcfg.xlat_style == XLAT_VERBOSE || !dflt)
		n = snprintf(buf, size, "%#x", val);
	else
		n = snprintf(buf, size, "%#x /* %s */", val, dflt);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

void ioctl_print_cmd_text(struct tcb *tcp, unsigned cmd, const char *names)
{
	char raw[16];

	snprintf(raw, sizeof(raw), "%#x", cmd);
	print_styled_text(tcp, raw, names);
}

