/* Credentials decoders: capget/capset, getresuid/gid,
 * getgroups/setgroups, personality. */
#ifndef CTRACE_DECODE_CREDS_H
#define CTRACE_DECODE_CREDS_H

#include <stddef.h>
#include <stdint.h>

/* A capability set as strace: "1<<CAP_CHOWN|1<<CAP_KILL", "0" (pure). */
size_t format_capset(char *buf, size_t size, uint64_t caps);
/* personality: "PER_LINUX|ADDR_NO_RANDOMIZE", 0xffffffff as hex (pure). */
size_t format_personality(char *buf, size_t size, uint32_t pers);

#endif
