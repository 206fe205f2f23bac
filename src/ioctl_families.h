/* The ioctl families that live in their own files (src/ioctl_NAME.c),
 * listed in ioctl_families[] (src/decode_ioctl.c), and the helpers they
 * share (src/ioctl_util.c). */
#ifndef CTRACE_IOCTL_FAMILIES_H
#define CTRACE_IOCTL_FAMILIES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "decode_ioctl.h"

extern const struct ioctl_family ioctl_family_evdev;
extern const struct ioctl_family ioctl_family_hdio;
extern const struct ioctl_family ioctl_family_gpio;
extern const struct ioctl_family ioctl_family_counter;
extern const struct ioctl_family ioctl_family_watchdog;
extern const struct ioctl_family ioctl_family_random;
extern const struct ioctl_family ioctl_family_inotify;
extern const struct ioctl_family ioctl_family_tiocm;
extern const struct ioctl_family ioctl_family_ptp;
extern const struct ioctl_family ioctl_family_rtc;
extern const struct ioctl_family ioctl_family_lirc;
extern const struct ioctl_family ioctl_family_nsfs;
extern const struct ioctl_family ioctl_family_kd;
extern const struct ioctl_family ioctl_family_perf;
extern const struct ioctl_family ioctl_family_tee;
extern const struct ioctl_family ioctl_family_uffd;
extern const struct ioctl_family ioctl_family_ubi;
extern const struct ioctl_family ioctl_family_mtd;
extern const struct ioctl_family ioctl_family_hid;
extern const struct ioctl_family ioctl_family_dm;

/* kd family (src/ioctl_kd.c), pure formatters: a keysym as strace's
 * comment shows it ("K_F1", "K(KT_LATIN, 'a')", "K(0xf, 0)"), and LED
 * flags ("LED_NUM|LED_CAP<<4|0x80" with kb, KDGKBLED's two nibbles; 0
 * when no bit is known).  Return the length. */
size_t kd_format_keysym(char *buf, size_t size, unsigned v);
size_t kd_format_leds(char *buf, size_t size, unsigned v, bool kb);
extern const struct ioctl_family ioctl_family_v4l2;

/* "NAME", or for an unknown value "0xe /+ DFLT +/" (-X abbrev) or "0xe"
 * (-X verbose, where it is inside a comment): an index inside a
 * request's name, as in EVIOCGABS(ABS_X).  Returns the length. */
size_t ioctl_format_index(char *buf, size_t size, const struct xlat *x, unsigned val,
			  const char *dflt);
/* A request printed by a family: names ("EVIOCGABS(ABS_X)") in the -X
 * style, with the request's hex value for raw and verbose. */
void ioctl_print_cmd_text(struct tcb *tcp, unsigned cmd, const char *names);
/* A char array of size bytes already read: quoted up to its NUL and -s,
 * "..." when cut or when it has no NUL. */
void ioctl_print_cstr(struct tcb *tcp, const char *s, size_t size);
/* The quote_string() flags of -x/-xx. */
unsigned ioctl_quote_flags(void);
/* "[1, 2, ...]": n unsigned elements of elsize bytes (1, 2, 4, 8), in
 * hex when hex (0 as "0"); cut at -s elements unless -v. */
void ioctl_print_uints(struct tcb *tcp, const void *a, size_t elsize, size_t n, bool hex);
/* Flags whose set holds bit numbers: "1<<A|1<<B|0x40" with prefix
 * "1<<" (RTC features) or "1 << " (IDE nice flags); "0xf0 /+ DFLT +/"
 * when no bit is known; in the -X style. */
void ioctl_print_bit_flags(struct tcb *tcp, const struct xlat *x, uint64_t v, const char *prefix,
			   const char *dflt);
/* True when size bytes at p are all 0 (reserved fields, padding). */
bool ioctl_all_zero(const void *p, size_t size);

#endif
