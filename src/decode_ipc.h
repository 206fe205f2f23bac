/* System V IPC decoders (src/decode_ipc.c). */
#ifndef CTRACE_DECODE_IPC_H
#define CTRACE_DECODE_IPC_H
#endif
