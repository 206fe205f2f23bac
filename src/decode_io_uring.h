/* io_uring_setup and io_uring_enter decoders (declared in
 * gen/decoders.h). */
#ifndef CTRACE_DECODE_IO_URING_H
#define CTRACE_DECODE_IO_URING_H

#endif
