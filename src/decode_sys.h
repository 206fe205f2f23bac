/* Kernel modules, kexec and userfaultfd decoders (declared in
 * gen/decoders.h). */
#ifndef CTRACE_DECODE_SYS_H
#define CTRACE_DECODE_SYS_H

#endif
