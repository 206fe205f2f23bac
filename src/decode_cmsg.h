/* Data of control messages (sendmsg/recvmsg msg_control) beyond
 * SCM_RIGHTS and SCM_CREDENTIALS: IP_* messages and socket timestamps. */
#ifndef CTRACE_DECODE_CMSG_H
#define CTRACE_DECODE_CMSG_H

#include <stdbool.h>
#include <stddef.h>

#include "tcb.h"

/* ", cmsg_data=..." of a message of level/type with dlen bytes of data;
 * false (nothing printed) when ctrace has no decoder for it. */
bool print_cmsg_data_more(struct tcb *tcp, int level, int type, const unsigned char *data,
			  size_t dlen);

#endif
