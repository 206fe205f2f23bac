/* Unit tests of the quotactl/quotactl_fd decoder (src/decode_quota.c),
 * driven with the fake tracee of tests/unit/fake_tcb.[ch]: this test
 * process, whose memory holds the structures the decoder reads. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <linux/dqblk_xfs.h>
#include <linux/quota.h>

#include "fake_tcb.h"
#include "gen/decoders.h"
#include "sink.h"
#include "tcb.h"

static const char *drive(struct fake *f, decoder_fn d, long rval, int err, unsigned long a0,
			 unsigned long a1, unsigned long a2, unsigned long a3)
{
	return fake_drive(f, d, rval, err, a0, a1, a2, a3, 0, 0);
}

/* glibc's QCMD shifts an int: Q_SYNC (0x800001) << 8 overflows it
 * (UBSan); the command word computed unsigned, as the kernel sees it */
#define UQCMD(cmd, type) ((unsigned long)((unsigned)(cmd) << 8 | ((unsigned)(type) & 0xff)))

/* The command word: QCMD(cmd, type), unknown parts in hex, -X styles. */
static void test_qcmd(void **state)
{
	struct fake f;

	(void)state;
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, dec_quotactl, 0, EINVAL, 0xffffffffbadc0dedul, 0, 5, 0),
			    "QCMD(0xbadc0d /* Q_??? */, 0xed /* ???QUOTA */), NULL, 5, NULL");
	assert_string_equal(drive(&f, dec_quotactl, 0, EINVAL, UQCMD(Q_SYNC, 0xff), 0, 0, 0),
			    "QCMD(Q_SYNC, 0xff /* ???QUOTA */), NULL");
	pcfg.xlat_style = XLAT_RAW;
	assert_string_equal(drive(&f, dec_quotactl, 0, EINVAL, UQCMD(Q_QUOTAON, USRQUOTA), 0,
				  QFMT_VFS_OLD, 0),
			    "2147484160, NULL, 0x1, NULL");
	pcfg.xlat_style = XLAT_VERBOSE;
	assert_string_equal(drive(&f, dec_quotactl, 0, EINVAL, UQCMD(Q_QUOTAOFF, PRJQUOTA), 0, 0, 0),
			    "2147484418 /* QCMD(Q_QUOTAOFF, PRJQUOTA) */, NULL");
	pcfg.xlat_style = XLAT_ABBREV;
	fake_done(&f);
}

/* Output structures at exit (the address when the call failed), input
 * ones at entry; -v prints the fields the short form leaves out. */
static void test_structs(void **state)
{
	struct if_dqblk dq = { .dqb_bhardlimit = 1, .dqb_curinodes = 6, .dqb_btime = 7,
			       .dqb_valid = QIF_BLIMITS | 0x100 };
	struct if_dqinfo di = { .dqi_bgrace = 9, .dqi_flags = 0x10001, .dqi_valid = 0 };
	struct fs_disk_quota xd = { .d_version = -1, .d_flags = (int8_t)0x85, .d_fieldmask = 0x10,
				    .d_id = 3 };
	uint32_t fmt = QFMT_VFS_V1, flags = 0xdeadbeef;
	char want[128];
	struct fake f;

	(void)state;
	fake_init(&f, getpid());
	snprintf(want, sizeof(want), "QCMD(Q_GETQUOTA, USRQUOTA), NULL, -1, %p", (void *)&dq);
	assert_string_equal(drive(&f, dec_quotactl, 0, ENOENT, UQCMD(Q_GETQUOTA, USRQUOTA), 0,
				  (unsigned long)-1, (unsigned long)&dq), want);
	assert_string_equal(drive(&f, dec_quotactl, 42, 0, UQCMD(Q_GETQUOTA, GRPQUOTA), 0, 1000,
				  (unsigned long)&dq),
			    "QCMD(Q_GETQUOTA, GRPQUOTA), NULL, 1000, {dqb_bhardlimit=1, dqb_bsoftlimit=0, "
			    "dqb_curspace=0, dqb_ihardlimit=0, dqb_isoftlimit=0, dqb_curinodes=6, ...}");
	pcfg.verbose = true;
	assert_string_equal(drive(&f, dec_quotactl, 0, EPERM, UQCMD(Q_SETQUOTA, PRJQUOTA), 0, 2,
				  (unsigned long)&dq),
			    "QCMD(Q_SETQUOTA, PRJQUOTA), NULL, 2, {dqb_bhardlimit=1, dqb_bsoftlimit=0, "
			    "dqb_curspace=0, dqb_ihardlimit=0, dqb_isoftlimit=0, dqb_curinodes=6, "
			    "dqb_btime=7, dqb_itime=0, dqb_valid=QIF_BLIMITS|0x100}");
	assert_string_equal(drive(&f, dec_quotactl, 0, EPERM, UQCMD(Q_XSETQLIM, PRJQUOTA), 0, 2,
				  (unsigned long)&xd),
			    "QCMD(Q_XSETQLIM, PRJQUOTA), NULL, 2, {d_version=-1, "
			    "d_flags=FS_USER_QUOTA|FS_GROUP_QUOTA|0x80, d_fieldmask=0x10, d_id=3, "
			    "d_blk_hardlimit=0, d_blk_softlimit=0, d_ino_hardlimit=0, d_ino_softlimit=0, "
			    "d_bcount=0, d_icount=0, d_itimer=0, d_btimer=0, d_iwarns=0, d_bwarns=0, "
			    "d_rtb_hardlimit=0, d_rtb_softlimit=0, d_rtbcount=0, d_rtbtimer=0, d_rtbwarns=0}");
	pcfg.verbose = false;
	assert_string_equal(drive(&f, dec_quotactl, 0, EPERM, UQCMD(Q_SETINFO, USRQUOTA), 0, 0,
				  (unsigned long)&di),
			    "QCMD(Q_SETINFO, USRQUOTA), NULL, {dqi_bgrace=9, dqi_igrace=0, "
			    "dqi_flags=DQF_ROOT_SQUASH|DQF_SYS_FILE, dqi_valid=0}");
	assert_string_equal(drive(&f, dec_quotactl_fd, 0, 0, 0xdefaced00000003ul,
				  UQCMD(Q_GETFMT, USRQUOTA), 0, (unsigned long)&fmt),
			    "3, QCMD(Q_GETFMT, USRQUOTA), [QFMT_VFS_V1]");
	assert_string_equal(drive(&f, dec_quotactl, 0, EPERM, UQCMD(Q_XQUOTARM, GRPQUOTA), 0, 0,
				  (unsigned long)&flags),
			    "QCMD(Q_XQUOTARM, GRPQUOTA), NULL, [FS_USER_QUOTA|FS_PROJ_QUOTA|"
			    "FS_GROUP_QUOTA|0xdeadbee8]");
	assert_string_equal(drive(&f, dec_quotactl, 0, EPERM, UQCMD(Q_XQUOTAON, USRQUOTA), 0, 0,
				  (unsigned long)&flags),
			    "QCMD(Q_XQUOTAON, USRQUOTA), NULL, [FS_QUOTA_UDQ_ACCT|FS_QUOTA_UDQ_ENFD|"
			    "FS_QUOTA_GDQ_ACCT|FS_QUOTA_GDQ_ENFD|FS_QUOTA_PDQ_ENFD|0xdeadbec0]");
	fake_done(&f);
}

/* Q_GETNEXTQUOTA: if_dqblk's fields and the id found, kept in the short
 * form too */
static void test_nextdqblk(void **state)
{
	struct if_nextdqblk n = { .dqb_bhardlimit = 1, .dqb_curinodes = 6, .dqb_itime = 8,
				  .dqb_valid = QIF_ITIME, .dqb_id = 77 };
	struct fake f;

	(void)state;
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, dec_quotactl, 0, 0, UQCMD(Q_GETNEXTQUOTA, USRQUOTA), 0, 5,
				  (unsigned long)&n),
			    "QCMD(Q_GETNEXTQUOTA, USRQUOTA), NULL, 5, {dqb_bhardlimit=1, dqb_bsoftlimit=0, "
			    "dqb_curspace=0, dqb_ihardlimit=0, dqb_isoftlimit=0, dqb_curinodes=6, "
			    "dqb_id=77, ...}");
	pcfg.verbose = true;
	assert_string_equal(drive(&f, dec_quotactl, 0, 0, UQCMD(Q_GETNEXTQUOTA, USRQUOTA), 0, 5,
				  (unsigned long)&n),
			    "QCMD(Q_GETNEXTQUOTA, USRQUOTA), NULL, 5, {dqb_bhardlimit=1, dqb_bsoftlimit=0, "
			    "dqb_curspace=0, dqb_ihardlimit=0, dqb_isoftlimit=0, dqb_curinodes=6, "
			    "dqb_btime=0, dqb_itime=8, dqb_valid=QIF_ITIME, dqb_id=77}");
	pcfg.verbose = false;
	fake_done(&f);
}

/* Q_XGETQSTAT and Q_XGETQSTATV: the same fields in two layouts (statv has
 * qs_incoredqs first and a third file); the short form stops after the
 * version. */
static void test_qstat(void **state)
{
	struct fs_quota_stat st = { .qs_version = 1, .qs_flags = FS_QUOTA_UDQ_ACCT,
				    .qs_uquota = { 11, 12, 13 }, .qs_gquota = { 21, 22, 23 },
				    .qs_incoredqs = 4, .qs_btimelimit = 5, .qs_itimelimit = 6,
				    .qs_rtbtimelimit = 7, .qs_bwarnlimit = 8, .qs_iwarnlimit = 9 };
	struct fs_quota_statv sv = { .qs_version = 2, .qs_flags = FS_QUOTA_PDQ_ENFD,
				     .qs_incoredqs = 4, .qs_uquota = { 11, 12, 13 },
				     .qs_gquota = { 21, 22, 23 }, .qs_pquota = { 31, 32, 33 },
				     .qs_btimelimit = 5, .qs_itimelimit = 6, .qs_rtbtimelimit = 7,
				     .qs_bwarnlimit = 8, .qs_iwarnlimit = 9 };
	struct fake f;

	(void)state;
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, dec_quotactl, 0, 0, UQCMD(Q_XGETQSTAT, USRQUOTA), 0, 0,
				  (unsigned long)&st),
			    "QCMD(Q_XGETQSTAT, USRQUOTA), NULL, {qs_version=1, ...}");
	pcfg.verbose = true;
	assert_string_equal(drive(&f, dec_quotactl, 0, 0, UQCMD(Q_XGETQSTAT, USRQUOTA), 0, 0,
				  (unsigned long)&st),
			    "QCMD(Q_XGETQSTAT, USRQUOTA), NULL, {qs_version=1, qs_flags=FS_QUOTA_UDQ_ACCT, "
			    "qs_uquota={qfs_ino=11, qfs_nblks=12, qfs_nextents=13}, "
			    "qs_gquota={qfs_ino=21, qfs_nblks=22, qfs_nextents=23}, qs_incoredqs=4, "
			    "qs_btimelimit=5, qs_itimelimit=6, qs_rtbtimelimit=7, qs_bwarnlimit=8, "
			    "qs_iwarnlimit=9}");
	assert_string_equal(drive(&f, dec_quotactl, 0, 0, UQCMD(Q_XGETQSTATV, PRJQUOTA), 0, 0,
				  (unsigned long)&sv),
			    "QCMD(Q_XGETQSTATV, PRJQUOTA), NULL, {qs_version=2, qs_flags=FS_QUOTA_PDQ_ENFD, "
			    "qs_incoredqs=4, qs_uquota={qfs_ino=11, qfs_nblks=12, qfs_nextents=13}, "
			    "qs_gquota={qfs_ino=21, qfs_nblks=22, qfs_nextents=23}, "
			    "qs_pquota={qfs_ino=31, qfs_nblks=32, qfs_nextents=33}, qs_btimelimit=5, "
			    "qs_itimelimit=6, qs_rtbtimelimit=7, qs_bwarnlimit=8, qs_iwarnlimit=9}");
	pcfg.verbose = false;
	fake_done(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_qcmd),
		cmocka_unit_test(test_structs),
		cmocka_unit_test(test_nextdqblk),
		cmocka_unit_test(test_qstat),
	};

	return cmocka_run_group_tests(tests, fake_setup, NULL);
}
