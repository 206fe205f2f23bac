/* ptrace(2) decoder. */
#ifndef CTRACE_DECODE_PTRACE_H
#define CTRACE_DECODE_PTRACE_H

#include "decode_seccomp.h" /* print_bpf_fprog */

#endif
