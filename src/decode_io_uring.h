/* io_uring_setup, io_uring_enter and io_uring_register decoders (declared in
 * gen/decoders.h). */
#ifndef CTRACE_DECODE_IO_URING_H
#define CTRACE_DECODE_IO_URING_H

#endif
