/* ioctl(2): the request is named from the xlat sets, then its argument is
 * decoded by the family that owns the request's type byte (_IOC_TYPE).
 *
 * A family lives in its own file (src/ioctl_NAME.c), defines one
 * struct ioctl_family and is listed once in ioctl_families[] in
 * src/decode_ioctl.c.  Several families may share a type byte: they are
 * tried in list order until one handles the request. */
#ifndef CTRACE_DECODE_IOCTL_H
#define CTRACE_DECODE_IOCTL_H

#include <stdbool.h>
#include <stddef.h>

#include "tcb.h"
#include "xlat.h"

/* A family's decode() at entry: it handled nothing and printed nothing;
 * the generic decoder prints the argument (distinct from DEC_MORE and
 * DEC_DONE). */
enum { IOCTL_UNHANDLED = 2 };
/* A family's decode() at entry: call me again at exit whatever the call
 * returned (an "in => out" structure prints nothing more when the call
 * failed; decode() checks ioctl_failed() itself). */
enum { IOCTL_MORE_ALWAYS = 3 };

/* The call failed (at exit). */
static inline bool ioctl_failed(const struct tcb *tcp)
{
	return tcp->err || tcp->rval < 0;
}

struct ioctl_family {
	const char *name;
	/* The _IOC_TYPE bytes the family owns; unused slots are 0 (no
	 * family owns type 0). */
	unsigned char types[8];
	/* Request names looked up before the common ioctl_cmds set; NULL: none. */
	const struct xlat *cmds;
	/* Prints the request itself (EVIOCGNAME(64) and other requests that
	 * carry a size or an index); false: print it from the names.  NULL: none. */
	bool (*print_cmd)(struct tcb *tcp, unsigned cmd);
	/* Decodes the argument: prints ", " and the argument (tprint_arg_next),
	 * or nothing for a request without one.  At entry (tcp->exiting false)
	 * it returns DEC_DONE, DEC_MORE (call me again at exit),
	 * IOCTL_MORE_ALWAYS or IOCTL_UNHANDLED; at exit, which comes after
	 * DEC_MORE only when the call succeeded (a failed call prints the
	 * address) and after IOCTL_MORE_ALWAYS always, DEC_DONE. */
	int (*decode)(struct tcb *tcp, unsigned cmd, unsigned long arg);
	/* True for a request whose decode() is called at exit even when the
	 * call failed (it printed the start of a structure at entry and ends
	 * it then).  NULL: none. */
	bool (*exit_on_error)(unsigned cmd);
};

/* ioctl request: "TCGETS", "SNDCTL_TMR_START or TCSETS", or
 * "_IOC(_IOC_READ, 0x54, 0x1, 0x8)" for unknown codes. */
size_t format_ioctl_cmd(char *buf, size_t size, unsigned cmd);

#endif
