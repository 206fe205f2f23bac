/* The ioctl families that live in their own files (src/ioctl_NAME.c),
 * listed in ioctl_families[] (src/decode_ioctl.c), and the helpers they
 * share (src/ioctl_util.c). */
#ifndef CTRACE_IOCTL_FAMILIES_H
#define CTRACE_IOCTL_FAMILIES_H

#include <stddef.h>

#include "decode_ioctl.h"

extern const struct ioctl_family ioctl_family_evdev;
extern const struct ioctl_family ioctl_family_hdio;

/* "NAME", or for an unknown value "0xe /+ DFLT +/" (-X abbrev) or "0xe"
 * (-X verbose, where it is inside a comment): an index inside a
 * request's name, as in EVIOCGABS(ABS_X).  Returns the length. */
size_t ioctl_format_index(char *buf, size_t size, const struct xlat *x, unsigned val,
			  const char *dflt);
/* A request printed by a family: names ("EVIOCGABS(ABS_X)") in the -X
 * style, with the request's hex value for raw and verbose. */
void ioctl_print_cmd_text(struct tcb *tcp, unsigned cmd, const char *names);

#endif
