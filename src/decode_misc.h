/* Small decoders of src/decode_misc.c (keys, syslog, ustat, ...). */
#ifndef CTRACE_DECODE_MISC_H
#define CTRACE_DECODE_MISC_H

#include <stdint.h>

struct tcb;
/* A key serial: KEY_SPEC_* by name, else decimal. */
void print_key_serial(struct tcb *tcp, int32_t id);

#endif
