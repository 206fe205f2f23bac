/* landlock_create_ruleset, landlock_add_rule, landlock_restrict_self
 * decoders (declared in gen/decoders.h). */
#ifndef CTRACE_DECODE_LANDLOCK_H
#define CTRACE_DECODE_LANDLOCK_H

#endif
