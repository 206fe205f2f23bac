/* Credentials and scheduling decoders: capget/capset, getresuid/gid,
 * getgroups/setgroups, personality, sched_* (affinity, policy, param). */
#ifndef CTRACE_DECODE_CREDS_H
#define CTRACE_DECODE_CREDS_H

#include <stddef.h>
#include <stdint.h>

/* A capability set as strace: "1<<CAP_CHOWN|1<<CAP_KILL", "0" (pure). */
size_t format_capset(char *buf, size_t size, uint64_t caps);
/* personality: "PER_LINUX|ADDR_NO_RANDOMIZE", 0xffffffff as hex (pure). */
size_t format_personality(char *buf, size_t size, uint32_t pers);
/* A CPU set of len bytes as "[0 1 5]" (pure). */
size_t format_cpuset(char *buf, size_t size, const unsigned char *set, size_t len);

#endif
