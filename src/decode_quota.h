/* quotactl, quotactl_fd decoders (declared in gen/decoders.h). */
#ifndef CTRACE_DECODE_QUOTA_H
#define CTRACE_DECODE_QUOTA_H

#endif
