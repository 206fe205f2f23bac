/* getsockopt(2) / setsockopt(2) decoders (dec_getsockopt, dec_setsockopt
 * in gen/decoders.h): option names by level, values by option kind. */
#ifndef CTRACE_DECODE_SOCKOPT_H
#define CTRACE_DECODE_SOCKOPT_H

#include "tcb.h"

#endif
