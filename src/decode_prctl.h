/* prctl(2) decoder (dec_prctl, declared in gen/decoders.h). */
#ifndef CTRACE_DECODE_PRCTL_H
#define CTRACE_DECODE_PRCTL_H

#endif
