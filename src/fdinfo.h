/* -yy: what a descriptor is, in detail: sockets as
 * TCP:[127.0.0.1:5000->127.0.0.1:40000], UNIX-STREAM:[ino->peer,"path"],
 * NETLINK:[ROUTE:portid]; devices as /dev/null<char 1:3>. */
#ifndef CTRACE_FDINFO_H
#define CTRACE_FDINFO_H

#include <stddef.h>
#include <sys/types.h>

/* Describe fd of pid whose /proc link target is target (e.g.
 * "socket:[123]"), if it is of one of the kinds (DECODE_FD_SOCKET,
 * DECODE_FD_DEV, DECODE_FD_PIDFD bits of src/options.h).  Writes the text to put between < and > into buf and
 * returns its length, or 0 when there is nothing better than target.
 * Names from the tracee (a unix socket's path, a device's file name) are
 * escaped with the QUOTE_* flags qflags (-x / -xx), as strace does. */
size_t fdinfo_describe(pid_t pid, int fd, const char *target, unsigned kinds, unsigned qflags,
		       char *buf, size_t size);

/* The process a pidfd (fd of pid) refers to, from its fdinfo "Pid:"
 * line (-1: the process is gone); a negative errno when fd is not a
 * pidfd (-ENOENT) or cannot be read. */
int fdinfo_pidfd_pid(pid_t pid, int fd);

/* Pure helpers (unit-tested). */
/* Find inode in a /proc/net/{tcp,udp}{,6} table; format "L" or "L->R"
 * into buf.  Returns the length, or 0 when the inode is not there. */
size_t fdinfo_inet_lookup(const char *table, unsigned long inode, int v6, char *buf, size_t size);
/* Find inode in /proc/net/netlink; format "ROUTE:portid".  0 when absent
 * or not bound (portid 0). */
size_t fdinfo_netlink_lookup(const char *table, unsigned long inode, char *buf, size_t size);
/* The protocol (NETLINK_ROUTE...) of the socket inode in a
 * /proc/net/netlink table, bound or not; -1 when absent. */
int fdinfo_netlink_protocol(const char *table, unsigned long inode);

#endif
