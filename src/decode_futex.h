/* futex(2) decoder. */
#ifndef CTRACE_DECODE_FUTEX_H
#define CTRACE_DECODE_FUTEX_H

#include <stddef.h>
#include <stdint.h>

/* futex op: "FUTEX_WAIT_PRIVATE", "FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME" (pure). */
size_t format_futex_op(char *buf, size_t size, uint32_t op);
/* FUTEX_WAKE_OP's val3: "FUTEX_OP_SET<<28|0<<12|FUTEX_OP_CMP_GT<<24|0x1". */
size_t format_futex_wake_op(char *buf, size_t size, uint32_t val3);

#endif
