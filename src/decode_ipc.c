/* System V IPC: msgget/msgsnd/msgrcv/msgctl, semget/semop/semtimedop/
 * semctl, shmget/shmat/shmdt/shmctl.  Layouts from <linux/msg.h>,
 * <linux/sem.h>, <linux/shm.h> (the 64-bit "IPC_64" structures that a
 * 64-bit kernel always uses). */
#include "config.h"
#include "decode_ipc.h"

#include <linux/ipc.h>
#include <linux/msg.h>
#include <linux/sem.h>
#include <linux/shm.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>

#include "decode.h"
#include "decode_file.h"
#include "decode_time.h"
#include "gen/decoders.h"
#include "mem.h"
#include "sink.h"

#define IPC_64_FLAG 0x100
#define SHM_HUGE_SHIFT_ 26
#define SHM_HUGE_MASK_ 0x3fU

/* key_t: IPC_PRIVATE (-X aware) or hex */
static void print_ipc_key(struct tcb *tcp, int32_t key)
{
	char buf[64];

	if (key) {
		tprintf(tcp, "%#x", (uint32_t)key);
		return;
	}
	format_xlat_styled(buf, sizeof(buf), "0", "IPC_PRIVATE");
	tprints(tcp, buf);
}

/* The flags of *get: named bits (-X aware), the huge page size of shmget
 * ("21<<SHM_HUGE_SHIFT"), then the permission bits in octal. */
static void print_ipc_get_flags(struct tcb *tcp, const struct xlat *x, uint32_t flags, bool huge_field)
{
	uint32_t mode = flags & 0777, rest = flags & ~0777U, huge = 0;
	char names[256], raw[32], buf[320];

	if (huge_field) {
		huge = (rest >> SHM_HUGE_SHIFT_) & SHM_HUGE_MASK_;
		rest &= ~(SHM_HUGE_MASK_ << SHM_HUGE_SHIFT_);
	}
	if (rest) {
		snprintf(raw, sizeof(raw), "%#x", rest);
		if (flags_known(x, rest)) {
			format_flags(names, sizeof(names), x, rest, NULL);
			format_xlat_styled(buf, sizeof(buf), raw, names);
			tprints(tcp, buf);
		} else {
			tprints(tcp, raw);
		}
		tprints(tcp, "|");
	}
	if (huge) {
		snprintf(raw, sizeof(raw), "%u<<26", huge);
		snprintf(names, sizeof(names), "%u<<SHM_HUGE_SHIFT", huge);
		if (pcfg.xlat_style == XLAT_VERBOSE)
			snprintf(buf, sizeof(buf), "%s /* SHM_HUGE_SHIFT */", raw);
		else
			format_xlat_styled(buf, sizeof(buf), raw, names);
		tprints(tcp, buf);
		tprints(tcp, "|");
	}
	tprintf(tcp, "%#03o", mode);
}

/* A *ctl command: "IPC_64|" when the flag is there, then the command. */
static void print_ipc_cmd(struct tcb *tcp, const struct xlat *x, uint32_t cmd, const char *dflt)
{
	if (cmd & IPC_64_FLAG) {
		char buf[64];

		format_xlat_styled(buf, sizeof(buf), "0x100", "IPC_64");
		tprints(tcp, buf);
		tprints(tcp, "|");
		cmd &= ~(uint32_t)IPC_64_FLAG;
	}
	print_xval(tcp, x, cmd, dflt);
}

static void print_perm(struct tcb *tcp, const struct ipc64_perm *p, bool full)
{
	tprintf(tcp, "{uid=%u, gid=%u, mode=%#o", (unsigned)p->uid, (unsigned)p->gid, (unsigned)p->mode);
	if (full)
		tprintf(tcp, ", key=%u, cuid=%u, cgid=%u", (unsigned)p->key, (unsigned)p->cuid,
			(unsigned)p->cgid);
	tprints(tcp, "}");
}

int dec_msgget(struct tcb *tcp)
{
	print_ipc_key(tcp, (int32_t)tcp->args[0]);
	tprint_arg_next(tcp);
	print_ipc_get_flags(tcp, &xlat_ipc_get_flags, (uint32_t)tcp->args[1], false);
	return DEC_DONE;
}

int dec_semget(struct tcb *tcp)
{
	print_ipc_key(tcp, (int32_t)tcp->args[0]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%d", (int)tcp->args[1]);
	tprint_arg_next(tcp);
	print_ipc_get_flags(tcp, &xlat_ipc_get_flags, (uint32_t)tcp->args[2], false);
	return DEC_DONE;
}

int dec_shmget(struct tcb *tcp)
{
	print_ipc_key(tcp, (int32_t)tcp->args[0]);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[1]);
	tprint_arg_next(tcp);
	print_ipc_get_flags(tcp, &xlat_shmget_flags, (uint32_t)tcp->args[2], true);
	return DEC_DONE;
}

/* {mtype=N, mtext="..."} of a message whose text is len bytes */
static void print_msgbuf(struct tcb *tcp, unsigned long addr, unsigned long len)
{
	unsigned long mtype;

	if (!fetch_or_print_addr(tcp, addr, &mtype, sizeof(mtype)))
		return;
	tprintf(tcp, "{mtype=%lu, mtext=", mtype);
	print_buf(tcp, addr + sizeof(mtype), len);
	tprints(tcp, "}");
}

/* msgsnd(msqid, msgp, msgsz, msgflg) */
int dec_msgsnd(struct tcb *tcp)
{
	tprintf(tcp, "%d", (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_msgbuf(tcp, tcp->args[1], tcp->args[2]);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	print_flags(tcp, &xlat_ipc_get_flags, (uint32_t)tcp->args[3], NULL);
	return DEC_DONE;
}

/* msgrcv(msqid, msgp, msgsz, msgtyp, msgflg): the message at exit */
int dec_msgrcv(struct tcb *tcp)
{
	if (!tcp->exiting) {
		tprintf(tcp, "%d", (int)tcp->args[0]);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (tcp->err || tcp->rval < 0)
		print_addr(tcp, tcp->args[1]);
	else
		print_msgbuf(tcp, tcp->args[1], (unsigned long)tcp->rval);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	print_dec(tcp, (long)tcp->args[3]);
	tprint_arg_next(tcp);
	print_flags(tcp, &xlat_msgrcv_flags, (uint32_t)tcp->args[4], NULL);
	return DEC_DONE;
}

enum { STAT_SET = 1, STAT_GET, STAT_INFO, STAT_SHM_INFO };

/* What a *ctl command reads or writes through its buffer. */
static int ctl_kind(uint32_t cmd)
{
	switch (cmd & ~(uint32_t)IPC_64_FLAG) {
	case IPC_SET: return STAT_SET;
	case IPC_STAT: case MSG_STAT: case MSG_STAT_ANY: return STAT_GET; /* == SEM_STAT(_ANY), SHM_STAT(_ANY) - 0/+ */
	case IPC_INFO: case MSG_INFO: return STAT_INFO;                   /* MSG_INFO == SEM_INFO - 7 */
	}
	return 0;
}

static void print_msqid(struct tcb *tcp, unsigned long addr, bool set)
{
	struct msqid64_ds m;

	if (!fetch_or_print_addr(tcp, addr, &m, sizeof(m)))
		return;
	tprints(tcp, "{msg_perm=");
	print_perm(tcp, &m.msg_perm, !set);
	if (set) {
		tprintf(tcp, ", msg_qbytes=%lu}", (unsigned long)m.msg_qbytes);
		return;
	}
	tprintf(tcp, ", msg_stime=%lld, msg_rtime=%lld, msg_ctime=%lld, msg_qnum=%lu, msg_qbytes=%lu, "
		"msg_lspid=%d, msg_lrpid=%d}",
		(long long)m.msg_stime, (long long)m.msg_rtime, (long long)m.msg_ctime,
		(unsigned long)m.msg_qnum, (unsigned long)m.msg_qbytes, (int)m.msg_lspid, (int)m.msg_lrpid);
}

static void print_msginfo(struct tcb *tcp, unsigned long addr)
{
	struct msginfo i;

	if (!fetch_or_print_addr(tcp, addr, &i, sizeof(i)))
		return;
	tprintf(tcp, "{msgpool=%d, msgmap=%d, msgmax=%d, msgmnb=%d, msgmni=%d, msgssz=%d, msgtql=%d, msgseg=%u}",
		i.msgpool, i.msgmap, i.msgmax, i.msgmnb, i.msgmni, i.msgssz, i.msgtql, (unsigned)i.msgseg);
}

/* The buffer of msgctl/semctl/shmctl: IPC_SET's at entry, the others at
 * exit (the address when the call failed). */
static int ctl_buf(struct tcb *tcp, uint32_t cmd, unsigned long addr,
		   void (*ds)(struct tcb *, unsigned long, bool), void (*info)(struct tcb *, unsigned long, uint32_t))
{
	int kind = ctl_kind(cmd);

	if (!tcp->exiting) {
		if (kind == STAT_SET)
			ds(tcp, addr, true);
		else if (!kind)
			print_addr(tcp, addr);
		return kind && kind != STAT_SET ? DEC_MORE : DEC_DONE;
	}
	if (tcp->err || tcp->rval < 0)
		print_addr(tcp, addr);
	else if (kind == STAT_GET)
		ds(tcp, addr, false);
	else
		info(tcp, addr, cmd & ~(uint32_t)IPC_64_FLAG);
	return DEC_DONE;
}

static void msg_info(struct tcb *tcp, unsigned long addr, uint32_t cmd)
{
	(void)cmd;
	print_msginfo(tcp, addr);
}

/* msgctl(msqid, cmd, buf) */
int dec_msgctl(struct tcb *tcp)
{
	uint32_t cmd = (uint32_t)tcp->args[1];

	if (!tcp->exiting) {
		tprintf(tcp, "%d", (int)tcp->args[0]);
		tprint_arg_next(tcp);
		print_ipc_cmd(tcp, &xlat_msgctl_cmds, cmd, "MSG_???");
		tprint_arg_next(tcp);
	}
	return ctl_buf(tcp, cmd, tcp->args[2], print_msqid, msg_info);
}

static void print_semid(struct tcb *tcp, unsigned long addr, bool set)
{
	struct semid64_ds s;

	if (!fetch_or_print_addr(tcp, addr, &s, sizeof(s)))
		return;
	tprints(tcp, "{sem_perm=");
	print_perm(tcp, &s.sem_perm, !set);
	if (set) {
		tprints(tcp, "}");
		return;
	}
	tprintf(tcp, ", sem_otime=%lld, sem_ctime=%lld, sem_nsems=%lu}",
		(long long)s.sem_otime, (long long)s.sem_ctime, (unsigned long)s.sem_nsems);
}

static void sem_info(struct tcb *tcp, unsigned long addr, uint32_t cmd)
{
	struct seminfo i;

	(void)cmd;
	if (!fetch_or_print_addr(tcp, addr, &i, sizeof(i)))
		return;
	tprintf(tcp, "{semmap=%d, semmni=%d, semmns=%d, semmnu=%d, semmsl=%d, semopm=%d, semume=%d, "
		"semusz=%d, semvmx=%d, semaem=%d}", i.semmap, i.semmni, i.semmns, i.semmnu, i.semmsl,
		i.semopm, i.semume, i.semusz, i.semvmx, i.semaem);
}

/* semctl(semid, semnum, cmd, arg): arg is a union passed by value, a
 * pointer for the commands with a buffer. */
int dec_semctl(struct tcb *tcp)
{
	uint32_t cmd = (uint32_t)tcp->args[2], c = cmd & ~(uint32_t)IPC_64_FLAG;

	if (!tcp->exiting) {
		tprintf(tcp, "%d", (int)tcp->args[0]);
		tprint_arg_next(tcp);
		tprintf(tcp, "%d", (int)tcp->args[1]);
		tprint_arg_next(tcp);
		print_ipc_cmd(tcp, &xlat_semctl_cmds, cmd, "SEM_???");
		tprint_arg_next(tcp);
	}
	if (c == SEM_STAT || c == SEM_STAT_ANY)
		cmd = IPC_STAT;
	else if (c == SEM_INFO)
		cmd = IPC_INFO;
	else if (c == IPC_RMID) {
		print_addr(tcp, tcp->args[3]);
		return DEC_DONE;
	} else if (c != IPC_STAT && c != IPC_SET && c != IPC_INFO) {
		print_hex(tcp, tcp->args[3]);
		return DEC_DONE;
	}
	return ctl_buf(tcp, cmd, tcp->args[3], print_semid, sem_info);
}

static void print_sembuf(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	const struct sembuf *b = elem;

	(void)addr;
	(void)data;
	tprintf(tcp, "{sem_num=%hu, sem_op=%hd, sem_flg=", b->sem_num, b->sem_op);
	print_flags(tcp, &xlat_semop_flags, (uint16_t)b->sem_flg, NULL);
	tprints(tcp, "}");
}

static void print_sops(struct tcb *tcp, unsigned long addr, unsigned nsops)
{
	struct sembuf b;

	if (!nsops || !fetch_or_print_addr(tcp, addr, &b, sizeof(b))) {
		if (!nsops)
			print_addr(tcp, addr);
		return;
	}
	print_array(tcp, addr, nsops, &b, sizeof(b), print_sembuf, NULL, PA_FAULT_ADDR);
}

/* semop(semid, sops, nsops) */
int dec_semop(struct tcb *tcp)
{
	tprintf(tcp, "%d", (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_sops(tcp, tcp->args[1], (unsigned)tcp->args[2]);
	tprint_arg_next(tcp);
	tprintf(tcp, "%u", (unsigned)tcp->args[2]);
	return DEC_DONE;
}

/* semtimedop(semid, sops, nsops, timeout) */
int dec_semtimedop(struct tcb *tcp)
{
	dec_semop(tcp);
	tprint_arg_next(tcp);
	print_timespec(tcp, tcp->args[3]);
	return DEC_DONE;
}

static void print_shmid(struct tcb *tcp, unsigned long addr, bool set)
{
	struct shmid64_ds s;

	if (!fetch_or_print_addr(tcp, addr, &s, sizeof(s)))
		return;
	tprints(tcp, "{shm_perm=");
	print_perm(tcp, &s.shm_perm, !set);
	if (set) {
		tprints(tcp, "}");
		return;
	}
	tprintf(tcp, ", shm_segsz=%lu, shm_cpid=%d, shm_lpid=%d, shm_nattch=%lu, shm_atime=%lld, "
		"shm_dtime=%lld, shm_ctime=%lld}", (unsigned long)s.shm_segsz, (int)s.shm_cpid,
		(int)s.shm_lpid, (unsigned long)s.shm_nattch, (long long)s.shm_atime,
		(long long)s.shm_dtime, (long long)s.shm_ctime);
}

static void shm_info(struct tcb *tcp, unsigned long addr, uint32_t cmd)
{
	if (cmd == SHM_INFO) {
		struct shm_info i;

		if (!fetch_or_print_addr(tcp, addr, &i, sizeof(i)))
			return;
		tprintf(tcp, "{used_ids=%d, shm_tot=%lu, shm_rss=%lu, shm_swp=%lu, swap_attempts=%lu, "
			"swap_successes=%lu}", i.used_ids, (unsigned long)i.shm_tot, (unsigned long)i.shm_rss,
			(unsigned long)i.shm_swp, (unsigned long)i.swap_attempts,
			(unsigned long)i.swap_successes);
	} else {
		struct shminfo64 i;

		if (!fetch_or_print_addr(tcp, addr, &i, sizeof(i)))
			return;
		tprintf(tcp, "{shmmax=%lu, shmmin=%lu, shmmni=%lu, shmseg=%lu, shmall=%lu}",
			(unsigned long)i.shmmax, (unsigned long)i.shmmin, (unsigned long)i.shmmni,
			(unsigned long)i.shmseg, (unsigned long)i.shmall);
	}
}

/* shmctl(shmid, cmd, buf) */
int dec_shmctl(struct tcb *tcp)
{
	uint32_t cmd = (uint32_t)tcp->args[1], c = cmd & ~(uint32_t)IPC_64_FLAG;

	if (!tcp->exiting) {
		tprintf(tcp, "%d", (int)tcp->args[0]);
		tprint_arg_next(tcp);
		print_ipc_cmd(tcp, &xlat_shmctl_cmds, cmd, "SHM_???");
		tprint_arg_next(tcp);
	}
	if (c == SHM_STAT || c == SHM_STAT_ANY)
		return ctl_buf(tcp, IPC_STAT, tcp->args[2], print_shmid, shm_info);
	if (c == SHM_INFO) {
		if (!tcp->exiting)
			return DEC_MORE;
		if (tcp->err || tcp->rval < 0)
			print_addr(tcp, tcp->args[2]);
		else
			shm_info(tcp, tcp->args[2], SHM_INFO);
		return DEC_DONE;
	}
	return ctl_buf(tcp, cmd, tcp->args[2], print_shmid, shm_info);
}

/* shmat(shmid, shmaddr, shmflg) */
int dec_shmat(struct tcb *tcp)
{
	tprintf(tcp, "%d", (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_addr(tcp, tcp->args[1]);
	tprint_arg_next(tcp);
	print_flags_arg(tcp, &xlat_shmat_flags, (uint32_t)tcp->args[2]);
	return DEC_DONE;
}

/* ---- POSIX message queues ----------------------------------------------- */

/* struct mq_attr: four longs and four reserved ones */
struct k_mq_attr {
	int64_t flags, maxmsg, msgsize, curmsgs;
	int64_t reserved[4];
};

/* mq_flags as flags (mq_getsetattr) or in hex (mq_open, which ignores
 * them) */
static void print_mq_attr(struct tcb *tcp, unsigned long addr, bool decode_flags)
{
	struct k_mq_attr a;

	if (!fetch_or_print_addr(tcp, addr, &a, sizeof(a)))
		return;
	tprints(tcp, "{mq_flags=");
	if (decode_flags)
		print_flags(tcp, &xlat_mq_attr_flags, (uint64_t)a.flags, "O_???");
	else
		tprintf(tcp, a.flags ? "%#llx" : "0", (unsigned long long)a.flags);
	tprintf(tcp, ", mq_maxmsg=%lld, mq_msgsize=%lld, mq_curmsgs=%lld}",
		(long long)a.maxmsg, (long long)a.msgsize, (long long)a.curmsgs);
}

/* mq_open(name, oflag[, mode, attr]): mode and attr with O_CREAT only */
int dec_mq_open(struct tcb *tcp)
{
	uint32_t oflag = (uint32_t)tcp->args[1];

	print_path(tcp, tcp->args[0]);
	tprint_arg_next(tcp);
	print_open_flags(tcp, oflag);
	if (oflag & O_CREAT) {
		tprint_arg_next(tcp);
		print_mode(tcp, (uint16_t)tcp->args[2]);
		tprint_arg_next(tcp);
		print_mq_attr(tcp, tcp->args[3], false);
	}
	return DEC_DONE;
}

/* mq_timedsend(mqdes, msg, len, prio, timeout) */
int dec_mq_timedsend(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_buf(tcp, tcp->args[1], tcp->args[2]);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	print_udec(tcp, (uint32_t)tcp->args[3]);
	tprint_arg_next(tcp);
	print_timespec(tcp, tcp->args[4]);
	return DEC_DONE;
}

/* mq_timedreceive(mqdes, msg, len, prio, timeout): the message and its
 * priority at exit */
int dec_mq_timedreceive(struct tcb *tcp)
{
	if (print_fd_at_entry(tcp))
		return DEC_MORE;
	if (syscall_failed(tcp))
		print_addr(tcp, tcp->args[1]);
	else
		print_buf(tcp, tcp->args[1], (unsigned long)tcp->rval);
	tprint_arg_next(tcp);
	print_udec(tcp, tcp->args[2]);
	tprint_arg_next(tcp);
	print_out_arg(tcp, tcp->args[3], print_uint_ref);
	tprint_arg_next(tcp);
	print_timespec(tcp, tcp->args[4]);
	return DEC_DONE;
}

/* mq_notify(mqdes, sevp) */
int dec_mq_notify(struct tcb *tcp)
{
	print_fd(tcp, (int)tcp->args[0]);
	tprint_arg_next(tcp);
	print_sigevent(tcp, tcp->args[1]);
	return DEC_DONE;
}

/* mq_getsetattr(mqdes, newattr, oldattr): oldattr at exit */
int dec_mq_getsetattr(struct tcb *tcp)
{
	if (!tcp->exiting) {
		print_fd(tcp, (int)tcp->args[0]);
		tprint_arg_next(tcp);
		print_mq_attr(tcp, tcp->args[1], true);
		tprint_arg_next(tcp);
		return DEC_MORE;
	}
	if (syscall_failed(tcp))
		print_addr(tcp, tcp->args[2]);
	else
		print_mq_attr(tcp, tcp->args[2], true);
	return DEC_DONE;
}

/* mq_unlink(name): the name as a path (strace reads PATH_MAX bytes) */
int dec_mq_unlink(struct tcb *tcp)
{
	print_path(tcp, tcp->args[0]);
	return DEC_DONE;
}
