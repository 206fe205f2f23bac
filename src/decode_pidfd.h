/* pidfd_*, process_madvise/mrelease/vm_readv/vm_writev and kcmp
 * decoders (declared in gen/decoders.h). */
#ifndef CTRACE_DECODE_PIDFD_H
#define CTRACE_DECODE_PIDFD_H

#endif
