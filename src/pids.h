/* -Y / --decode-pids=comm,pidns: process ids with their command name
 * and their id in ctrace's pid namespace. */
#ifndef CTRACE_PIDS_H
#define CTRACE_PIDS_H

#include "tcb.h"

/* PIDS_* bits (the options' DECODE_PID_*); 0: plain numbers. */
enum { PIDS_COMM = 1u << 0, PIDS_PIDNS = 1u << 1 };
extern unsigned pids_mode;

/* The kinds of ids, as /proc/PID/status names them. */
enum pid_type { PT_TID, PT_TGID, PT_PGID, PT_SID };

/* "1234", "1234<comm>", "12 /+ 1234 in strace's PID NS +/" for an id
 * of type t as tcp sees it. */
void print_pid(struct tcb *tcp, int pid, enum pid_type t);
/* A kill()-style id: > 0 a process, < -1 a process group. */
void print_pid_tgid_pgid(struct tcb *tcp, int pid);
/* The process id in ctrace's pid namespace of process id in tcp's
 * (kcmp's pids, to read their descriptors); 0 when unknown. */
int pids_to_ours(struct tcb *tcp, int id);
/* The /proc entry of process pid of ctrace's namespace: pid itself,
 * or, when /proc was mounted in an outer namespace (ctrace run under
 * unshare -p), its id there; 0 when not found. */
pid_t pids_proc_pid(pid_t pid);
/* Refresh tcp->comm from /proc (kept when it cannot be read). */
const char *pids_comm(struct tcb *tcp);
/* "<comm>" of tcp's last known name (nothing when unknown). */
void pids_print_comm(struct tcb *tcp);

#endif
