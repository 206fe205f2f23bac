/* Unit tests of the ioctl families added for strace's ioctl_* tests
 * (src/ioctl_tee.c, ...), driven like test_decode_desc.c: a fake tcb
 * with our own pid reads our own memory. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <unistd.h>
#include <linux/tee.h>
#include <sys/ioctl.h>
#include <linux/userfaultfd.h>
#include <mtd/ubi-user.h>
#include <mtd/mtd-abi.h>
#include <scsi/sg.h>
#include <linux/dm-ioctl.h>
#include <net/if.h>
#include <linux/sockios.h>

#include "decode.h"
#include "decode_ioctl.h"
#include "gen/decoders.h"
#include "sink.h"
#include "syscallent.h"
#include "tcb.h"

#include "fake_tcb.h"

#define SIOCGSTAMP_NEW_CMD 0x80108906u

/* TEE: a plain structure, and a buffer that points to a request and its
 * parameters (left open at entry, ended at exit). */
static void test_tee(void **state)
{
	struct tee_ioctl_shm_alloc_data alloc = { .size = 0x1000, .flags = 0x81 };
	struct {
		struct tee_ioctl_invoke_arg a;
		struct tee_ioctl_param p[2];
	} inv = { { .func = 7, .session = 0xab, .cancel_id = 1, .num_params = 2 },
		  { { .attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT, .a = 1, .b = 2, .c = 3 },
		    { .attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT, .a = 0x10, .b = 0x20,
		      .c = 5 } } };
	struct tee_ioctl_buf_data buf = { .buf_ptr = (uintptr_t)&inv, .buf_len = sizeof(inv) };
	struct fake f;

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, TEE_IOC_SHM_ALLOC, (unsigned long)&alloc, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, TEE_IOC_SHM_ALLOC, {size=0x1000, "
			    "flags=TEE_IOCTL_SHM_MAPPED|0x80}");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, TEE_IOC_INVOKE, (unsigned long)&buf, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, TEE_IOC_INVOKE, {buf_len=88, buf_ptr={func=7, "
			    "session=0xab, cancel_id=1, num_params=2, params=[{attr="
			    "TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT, a=0x1, b=0x2, c=0x3}, {attr="
			    "TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT, shm_offs=0x10, size=0x20, "
			    "shm_id=5}]}}");
	fake_done(&f);

	inv.a.ret = 4;
	inv.a.ret_origin = 3;
	inv.a.num_params = 0;
	buf.buf_len = sizeof(inv.a);
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, TEE_IOC_INVOKE, (unsigned long)&buf, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, TEE_IOC_INVOKE, {buf_len=24, buf_ptr={func=7, "
			    "session=0xab, cancel_id=1, num_params=0, params=[]} => {ret=4, "
			    "ret_origin=TEEC_ORIGIN_TEE, params=[]}}");
	fake_done(&f);

	/* a length the kernel refuses: the buffer alone */
	buf.buf_len = 5;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, TEE_IOC_INVOKE, (unsigned long)&buf, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	char want[128];
	snprintf(want, sizeof(want), "3, TEE_IOC_INVOKE, {buf_len=5, buf_ptr=%p}", (void *)&inv);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);
}

/* userfaultfd: "in => out" in one pair of braces; the features only
 * when the kernel changed them; the ioctls as bit numbers. */
static void test_uffd(void **state)
{
	struct uffdio_api api = { .api = UFFD_API, .features = UFFD_FEATURE_EVENT_FORK,
				  .ioctls = (1ull << _UFFDIO_API) | (1ull << 40) };
	struct uffdio_copy copy = { .dst = 0x1000, .src = 0x2000, .len = 0x1000,
				    .mode = UFFDIO_COPY_MODE_DONTWAKE | 0x10, .copy = 0x1000 };
	struct fake f;

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, UFFDIO_API, (unsigned long)&api, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, UFFDIO_API, {api=0xaa, features=UFFD_FEATURE_EVENT_FORK, "
			    "ioctls=1<<_UFFDIO_API|0x10000000000}");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, UFFDIO_COPY, (unsigned long)&copy, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 22);
	assert_string_equal(fake_text(&f), "3, UFFDIO_COPY, {dst=0x1000, src=0x2000, len=0x1000, "
			    "mode=UFFDIO_COPY_MODE_DONTWAKE|0x10}");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, UFFDIO_COPY, (unsigned long)&copy, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, UFFDIO_COPY, {dst=0x1000, src=0x2000, len=0x1000, "
			    "mode=UFFDIO_COPY_MODE_DONTWAKE|0x10, copy=0x1000}");
	fake_done(&f);
}

/* UBI: a volume name that may lack its NUL, and the new volume's number
 * after a successful UBI_IOCMKVOL. */
static void test_ubi(void **state)
{
	struct ubi_mkvol_req mk = { .vol_id = 1, .alignment = 2, .bytes = -3,
				    .vol_type = UBI_STATIC_VOLUME, .flags = 0x3, .name_len = 2,
				    .name = "abc" };
	int64_t sz = -5;
	struct fake f;

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, UBI_IOCMKVOL, (unsigned long)&mk, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, UBI_IOCMKVOL, {vol_id=1, alignment=2, bytes=-3, "
			    "vol_type=UBI_STATIC_VOLUME, flags=UBI_VOL_SKIP_CRC_CHECK_FLG|0x2, "
			    "name_len=2, name=\"ab\"...}");
	fake_done(&f);

	mk.name_len = 3;
	mk.vol_id = 7;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, UBI_IOCMKVOL, (unsigned long)&mk, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, UBI_IOCMKVOL, {vol_id=7, alignment=2, bytes=-3, "
			    "vol_type=UBI_STATIC_VOLUME, flags=UBI_VOL_SKIP_CRC_CHECK_FLG|0x2, "
			    "name_len=3, name=\"abc\"} => [7]");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, UBI_IOCVOLUP, (unsigned long)&sz, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, UBI_IOCVOLUP, [-5]");
	fake_done(&f);
}

/* MTD: type 'M' is the OSS mixer's too, hence "MIXER_READ(n) or NAME";
 * an "in => out" region in one pair of braces. */
static void test_mtd(void **state)
{
	struct region_info_user r = { .offset = 0x10, .erasesize = 0x20, .numblocks = 3,
				      .regionindex = 1 };
	unsigned otp = MTD_OTP_USER;
	struct fake f;

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, OTPSELECT, (unsigned long)&otp, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, MIXER_READ(13) or OTPSELECT, [MTD_OTP_USER]");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, MEMGETREGIONINFO, (unsigned long)&r, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, MEMGETREGIONINFO, {regionindex=0x1, offset=0x10, "
			    "erasesize=0x20, numblocks=0x3}");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, _IOR('M', 0x63, int), 0, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, MIXER_READ(99), 0");
	fake_done(&f);
}

/* Names of requests ctrace does not decode: the common set (MMTIMER,
 * OpenZFS), the block family (BLKZNAME) and the HID family with its
 * sized requests and the code that has two names. */
static void test_ioctl_names(void **state)
{
	char buf[128];
	struct fake f;

	(void)state;
	format_ioctl_cmd(buf, sizeof(buf), 0x80086d01);
	assert_string_equal(buf, "MMTIMER_GETRES");
	format_ioctl_cmd(buf, sizeof(buf), 0x5a41);
	assert_string_equal(buf, "ZFS_IOC_SEND_SPACE");

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, 0x8100127d, 0, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, BLKZNAME, 0");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, 0x80044801, 0, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, HIDIOCGRDESCSIZE or HIDIOCGVERSION, 0");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, _IOC(_IOC_READ, 'H', 0x12, 8), 0, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, HIDIOCGPHYS(8), 0");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, 0x80084803, 0, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, HIDIOCGRAWINFO, 0");
	fake_done(&f);
}

/* MTD: requests printed at entry (what the call reads) or after a
 * successful call (what it writes, the address after a failed one), and
 * MEMGETREGIONINFO's "in => out" ended after a failure. */
static void test_mtd_entry_exit(void **state)
{
	struct erase_info_user e = { .start = 0x10, .length = 0x20 };
	struct mtd_info_user m = { .type = MTD_NANDFLASH, .flags = MTD_WRITEABLE, .size = 0x100,
				   .erasesize = 0x10, .writesize = 0x8, .oobsize = 0x4 };
	struct region_info_user r = { .regionindex = 1 };
	unsigned count = 5;
	char want[128];
	struct fake f;

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, MEMERASE, (unsigned long)&e, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, MIXER_WRITE(2) or MEMERASE, {start=0x10, length=0x20}");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, MEMGETINFO, (unsigned long)&m, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, MIXER_READ(1) or MEMGETINFO, {type=MTD_NANDFLASH, "
			    "flags=MTD_WRITEABLE, size=0x100, erasesize=0x10, writesize=0x8, "
			    "oobsize=0x4, padding=0}");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, MEMGETINFO, (unsigned long)&m, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	snprintf(want, sizeof(want), "3, MIXER_READ(1) or MEMGETINFO, %p", (void *)&m);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, OTPGETREGIONCOUNT, (unsigned long)&count, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, MIXER_WRITE(14) or OTPGETREGIONCOUNT, [5]");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, MEMGETREGIONINFO, (unsigned long)&r, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, MEMGETREGIONINFO, {regionindex=0x1}");
	fake_done(&f);
}

/* SG_IO v3: the request at entry, the response at exit (even after a
 * failure), buffers in hex; an unknown interface id as a number. */
static void test_sg_io(void **state)
{
	unsigned char cdb[2] = { 0x12, 0x34 }, data[3] = { 0xab, 0xcd, 0xef }, sense[1] = { 0x70 };
	struct sg_io_hdr h = { .interface_id = 'S', .dxfer_direction = SG_DXFER_FROM_DEV,
			       .cmd_len = 2, .cmdp = cdb, .mx_sb_len = 1, .dxfer_len = 3,
			       .dxferp = data, .sbp = sense, .sb_len_wr = 1, .resid = 1,
			       .timeout = 5, .flags = SG_FLAG_DIRECT_IO, .info = SG_INFO_CHECK };
	int bad = 'X';
	struct fake f;

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, SG_IO, (unsigned long)&h, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 5);
	assert_string_equal(fake_text(&f), "3, SG_IO, {interface_id='S', dxfer_direction="
			    "SG_DXFER_FROM_DEV, cmd_len=2, cmdp=\"\\x12\\x34\", mx_sb_len=1, "
			    "iovec_count=0, dxfer_len=3, timeout=5, flags=SG_FLAG_DIRECT_IO, "
			    "dxferp=\"\\xab\\xcd\", status=0, masked_status=0, msg_status=0, "
			    "sb_len_wr=1, sbp=\"\\x70\", host_status=0, driver_status=0, resid=1, "
			    "duration=0, info=SG_INFO_CHECK}");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, SG_IO, (unsigned long)&bad, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, SG_IO, [88]");
	fake_done(&f);
}

/* Device mapper: the header with the fields of the request, the payload
 * as "..." without -v, the header again when the call succeeded. */
static void test_dm(void **state)
{
	struct {
		struct dm_ioctl d;
		char msg[16];
	} m = { { .version = { 4, 1, 2 }, .data_size = sizeof(m), .data_start = sizeof(m.d),
		  .flags = DM_READONLY_FLAG, .name = "vg0", .event_nr = 3 } };
	struct fake f;

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, DM_DEV_RENAME, (unsigned long)&m, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, DM_DEV_RENAME, [{version=[4, 1, 2], data_size=328, "
			    "data_start=312, name=\"vg0\", event_nr=3, flags=DM_READONLY_FLAG}, ...]");
	fake_done(&f);

	m.d.open_count = 1;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, DM_DEV_STATUS, (unsigned long)&m, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, DM_DEV_STATUS, [{version=[4, 1, 2], data_size=328, "
			    "name=\"vg0\", flags=DM_READONLY_FLAG}] => [{version=[4, 1, 2], "
			    "data_size=328, name=\"vg0\", target_count=0, open_count=1, event_nr=3, "
			    "flags=DM_READONLY_FLAG}]");
	fake_done(&f);
}

/* Socket requests: [int] in or out, a bridge name, struct ifreq with
 * the name and one field (at exit for the G requests), NULL for a known
 * request whose argument is not decoded. */
static void test_sock(void **state)
{
	struct ifreq ifr;
	int v = 42;
	char br[IFNAMSIZ];
	struct fake f;

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, FIOSETOWN, (unsigned long)&v, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, FIOSETOWN, [42]");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, SIOCGPGRP, (unsigned long)&v, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, SIOCGPGRP, [42]");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, SIOCGSTAMP_NEW_CMD, 0, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, SIOCGSTAMP_NEW, NULL");
	fake_done(&f);

	memset(br, 'b', sizeof(br));
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, 0x89a0, (unsigned long)br, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, SIOCBRADDBR, \"bbbbbbbbbbbbbbbb\"...");
	fake_done(&f);

	memset(&ifr, 0, sizeof(ifr));
	memset(ifr.ifr_name, 'a', sizeof(ifr.ifr_name));
	ifr.ifr_flags = IFF_UP | IFF_LOOPBACK;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, SIOCSIFFLAGS, (unsigned long)&ifr, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, SIOCSIFFLAGS, {ifr_name=\"aaaaaaaaaaaaaaa\"..., "
			    "ifr_flags=IFF_UP|IFF_LOOPBACK}");
	fake_done(&f);

	strcpy(ifr.ifr_name, "eth0");
	ifr.ifr_hwaddr.sa_family = 1;
	memcpy(ifr.ifr_hwaddr.sa_data, "\x02\x00\x00\x00\x00\xff", 6);
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, SIOCGIFHWADDR, (unsigned long)&ifr, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, SIOCGIFHWADDR, {ifr_name=\"eth0\", "
			    "ifr_hwaddr={sa_family=ARPHRD_ETHER, sa_data=02:00:00:00:00:ff}}");
	fake_done(&f);

	/* a failed G request: the name alone */
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, SIOCGIFMTU, (unsigned long)&ifr, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 19);
	assert_string_equal(fake_text(&f), "3, SIOCGIFMTU, {ifr_name=\"eth0\"}");
	fake_done(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_tee, fake_setup),
		cmocka_unit_test_setup(test_mtd_entry_exit, fake_setup),
		cmocka_unit_test_setup(test_uffd, fake_setup),
		cmocka_unit_test_setup(test_ubi, fake_setup),
		cmocka_unit_test_setup(test_mtd, fake_setup),
		cmocka_unit_test_setup(test_ioctl_names, fake_setup),
		cmocka_unit_test_setup(test_sg_io, fake_setup),
		cmocka_unit_test_setup(test_dm, fake_setup),
		cmocka_unit_test_setup(test_sock, fake_setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
