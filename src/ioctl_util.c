/* Helpers shared by the ioctl families (src/ioctl_*.c). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "decode_file.h"
#include "ioctl_families.h"
#include "sink.h"
#include "quote.h"

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


void ioctl_print_cstr(struct tcb *tcp, const char *s, size_t size)
{
	size_t len = strnlen(s, size), n = len < pcfg.max_strlen ? len : pcfg.max_strlen;
	char out[QUOTE_SIZE(256)];

	if (n > 256)
		n = 256;
	tprintn(tcp, out, quote_string(s, n, ioctl_quote_flags(), out));
	if (n < len || len == size)
		tprints(tcp, "...");
}

unsigned ioctl_quote_flags(void)
{
	return pcfg.xflag >= 2 ? QUOTE_HEX_ALL : pcfg.xflag ? QUOTE_HEX_NONPRINT :
	       pcfg.hex_escapes ? QUOTE_HEX_ESCAPES : 0;
}

void ioctl_print_uints(struct tcb *tcp, const void *a, size_t elsize, size_t n, bool hex)
{
	tprints(tcp, "[");
	for (size_t i = 0; i < n; i++) {
		unsigned long long v = elsize == 1 ? ((const uint8_t *)a)[i] :
				       elsize == 2 ? ((const uint16_t *)a)[i] :
				       elsize == 4 ? ((const uint32_t *)a)[i] : ((const uint64_t *)a)[i];

		if (i)
			tprints(tcp, ", ");
		if (!pcfg.verbose && i >= pcfg.max_strlen) {
			tprints(tcp, "...");
			break;
		}
		tprintf(tcp, hex && v ? "%#llx" : "%llu", v);
	}
	tprints(tcp, "]");
}

bool ioctl_all_zero(const void *p, size_t size)
{
	for (size_t i = 0; i < size; i++)
		if (((const unsigned char *)p)[i])
			return false;
	return true;
}

void ioctl_print_bit_flags(struct tcb *tcp, const struct xlat *x, uint64_t v, const char *prefix,
			   const char *dflt)
{
	char buf[1024];
	size_t len = 0;
	uint64_t left = v;
	bool known = false;

	buf[0] = '\0';
	for (unsigned i = 0; i < x->n && x->items[i].val < 64; i++) {
		uint64_t bit = 1ull << x->items[i].val;

		if ((left & bit) && len < sizeof(buf)) {
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s%s",
						len ? "|" : "", prefix, xlat_str(x, i));
			left &= ~bit;
			known = true;
		}
	}
	if ((left || !v) && len < sizeof(buf))
		snprintf(buf + len, sizeof(buf) - len, "%s%#llx", len ? "|" : "",
			 (unsigned long long)left);
	if (!v)
		tprints(tcp, "0");
	else if (pcfg.xlat_style == XLAT_RAW)
		tprintf(tcp, "%#llx", (unsigned long long)v);
	else if (!known && dflt)
		tprintf(tcp, "%#llx /* %s */", (unsigned long long)v, dflt);
	else if (pcfg.xlat_style == XLAT_VERBOSE)
		tprintf(tcp, "%#llx /* %s */", (unsigned long long)v, buf);
	else
		tprints(tcp, buf);
}
