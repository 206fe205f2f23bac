/* The new mount API: open_tree, move_mount, fsopen, fsconfig, fsmount,
 * fspick, mount_setattr (decoders declared in gen/decoders.h). */
#ifndef CTRACE_DECODE_MOUNT_H
#define CTRACE_DECODE_MOUNT_H

#endif
