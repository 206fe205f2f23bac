/* bpf(2) decoder (dec_bpf, declared in gen/decoders.h). */
#ifndef CTRACE_DECODE_BPF_H
#define CTRACE_DECODE_BPF_H

#endif
