/* Unit tests of the desc family decoders (src/decode_desc.c), driven like
 * test_decode_file.c: a fake tcb with our own pid reads our own memory. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <linux/aio_abi.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/uio.h>
#include <termios.h>
#include <linux/hdreg.h>
#include <linux/input.h>
#include <linux/kd.h>
#include <linux/keyboard.h>
#include <linux/fiemap.h>
#include <linux/seccomp.h>
#include <scsi/sg.h>
#include <sys/time.h>
#include <linux/videodev2.h>
#include <unistd.h>

#include "decode.h"
#include "decode_desc.h"
#include "decode_ioctl.h"
#include "gen/decoders.h"
#include "ioctl_families.h"
#include "mem.h"
#include "sink.h"
#include "syscallent.h"
#include "tcb.h"

#include "fake_tcb.h"


/* ---- pure helpers ---- */

static void test_ioctl_cmd(void **state)
{
	char buf[160];

	(void)state;
	format_ioctl_cmd(buf, sizeof(buf), TCGETS);
	assert_string_equal(buf, "TCGETS");
	format_ioctl_cmd(buf, sizeof(buf), FIONREAD);
	assert_string_equal(buf, "FIONREAD");
	format_ioctl_cmd(buf, sizeof(buf), TCSETS);
	assert_string_equal(buf, "SNDCTL_TMR_START or TCSETS");
	format_ioctl_cmd(buf, sizeof(buf), 0x5603); /* VT_GETSTATE */
	assert_string_equal(buf, "VBG_IOCTL_VMMDEV_REQUEST_BIG or VT_GETSTATE");
	format_ioctl_cmd(buf, sizeof(buf), 0x5601);
	assert_string_equal(buf, "VT_GETMODE");
	format_ioctl_cmd(buf, sizeof(buf), 0x1234);
	assert_string_equal(buf, "_IOC(_IOC_NONE, 0x12, 0x34, 0)");
	format_ioctl_cmd(buf, sizeof(buf), _IOR(0xab, 0x7, int));
	assert_string_equal(buf, "_IOC(_IOC_READ, 0xab, 0x7, 0x4)");
	format_ioctl_cmd(buf, sizeof(buf), _IOWR(0xab, 0x8, long));
	assert_string_equal(buf, "_IOC(_IOC_READ|_IOC_WRITE, 0xab, 0x8, 0x8)");
}

static void test_sigset_fdset(void **state)
{
	unsigned char set[8] = { 0 };
	char buf[512];

	(void)state;
	format_sigmask(buf, sizeof(buf), set, sizeof(set));
	assert_string_equal(buf, "[]");
	set[(SIGINT - 1) / 8] |= 1 << ((SIGINT - 1) % 8);
	set[(SIGTERM - 1) / 8] |= 1 << ((SIGTERM - 1) % 8);
	format_sigmask(buf, sizeof(buf), set, sizeof(set));
	assert_string_equal(buf, "[INT TERM]");
	memset(set, 0xff, sizeof(set));
	format_sigmask(buf, sizeof(buf), set, sizeof(set));
	assert_string_equal(buf, "~[]");
	set[(SIGKILL - 1) / 8] &= (unsigned char)~(1 << ((SIGKILL - 1) % 8));
	format_sigmask(buf, sizeof(buf), set, sizeof(set));
	assert_string_equal(buf, "~[KILL]");
	pcfg.xlat_style = XLAT_VERBOSE;
	memset(set, 0, sizeof(set));
	set[(SIGINT - 1) / 8] |= 1 << ((SIGINT - 1) % 8);
	format_sigmask(buf, sizeof(buf), set, sizeof(set));
	assert_string_equal(buf, "[2 /* INT */]");
	pcfg.xlat_style = XLAT_RAW;
	format_sigmask(buf, sizeof(buf), set, sizeof(set));
	assert_string_equal(buf, "[2]");
	pcfg.xlat_style = XLAT_ABBREV;
	memset(set, 0xff, sizeof(set));
	set[(SIGKILL - 1) / 8] &= (unsigned char)~(1 << ((SIGKILL - 1) % 8));
	/* tiny output buffer: terminated, no overflow */
	format_sigmask(buf, 3, set, sizeof(set));
	assert_int_equal(strlen(buf), 2);

	memset(set, 0, sizeof(set));
	format_fdset(buf, sizeof(buf), set, 64);
	assert_string_equal(buf, "[]");
	set[0] = 0x01 | 0x80;
	set[1] = 0x01;
	format_fdset(buf, sizeof(buf), set, 9);
	assert_string_equal(buf, "[0 7 8]");
	format_fdset(buf, sizeof(buf), set, 8);
	assert_string_equal(buf, "[0 7]");
}

/* ---- the toolkit: print_array, print_int_ref ---- */

static void print_int_elem(struct tcb *tcp, void *elem, unsigned long addr, void *data)
{
	(void)addr;
	(*(int *)data)++;
	tprintf(tcp, "%d", *(int *)elem);
}

static void test_print_array(void **state)
{
	struct fake f;
	int v[3] = { 1, 2, 3 }, el, calls = 0, ref = 7;
	long page = sysconf(_SC_PAGESIZE);
	char *map, want[128];
	int *tail;

	(void)state;
	fake_init(&f, getpid());
	print_array(&f.tcb, (unsigned long)v, 3, &el, sizeof(el), print_int_elem, &calls, 0);
	assert_string_equal(fake_text(&f), "[1, 2, 3]");
	assert_int_equal(calls, 3);
	fake_done(&f);

	pcfg.max_strlen = 2; /* -s: elements too */
	fake_init(&f, getpid());
	print_array(&f.tcb, (unsigned long)v, 3, &el, sizeof(el), print_int_elem, &calls, 0);
	assert_string_equal(fake_text(&f), "[1, 2, ...]");
	fake_done(&f);
	pcfg.max_strlen = 0; /* as strace: "[...]", no leading ", " */
	fake_init(&f, getpid());
	print_array(&f.tcb, (unsigned long)v, 3, &el, sizeof(el), print_int_elem, &calls, 0);
	assert_string_equal(fake_text(&f), "[...]");
	fake_done(&f);
	pcfg.max_strlen = 32;

	fake_init(&f, getpid());
	print_array(&f.tcb, (unsigned long)v, 0, &el, sizeof(el), print_int_elem, &calls, 0);
	assert_string_equal(fake_text(&f), "[]");
	fake_done(&f);

	/* the third element lies on an unreadable page */
	map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(map != MAP_FAILED);
	assert_int_equal(mprotect(map + page, page, PROT_NONE), 0);
	tail = (int *)(map + page) - 2;
	tail[0] = 4;
	tail[1] = 5;
	fake_init(&f, getpid());
	print_array(&f.tcb, (unsigned long)tail, 3, &el, sizeof(el), print_int_elem, &calls, 0);
	assert_string_equal(fake_text(&f), "[4, 5, ...]");
	fake_done(&f);
	fake_init(&f, getpid());
	print_array(&f.tcb, (unsigned long)tail, 3, &el, sizeof(el), print_int_elem, &calls,
		    PA_FAULT_ADDR);
	snprintf(want, sizeof(want), "[4, 5, ... /* %p */]", (void *)(map + page));
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);
	munmap(map, 2 * page);

	fake_init(&f, getpid());
	print_int_ref(&f.tcb, (unsigned long)&ref);
	tprints(&f.tcb, " ");
	print_int_ref(&f.tcb, 0);
	assert_string_equal(fake_text(&f), "[7] NULL");
	fake_done(&f);
}

/* ---- decoders ---- */

static void test_readv_writev(void **state)
{
	struct fake f;
	char d1[] = "hel", d2[] = "lo\nworld\n";
	struct iovec iov[2] = { { d1, 3 }, { d2, 100 } };
	char want[256];

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, (unsigned long)iov, 2, 0, 0, 0);
	run(&f.tcb, dec_readv, 12, 0);
	assert_string_equal(fake_text(&f), "3, [{iov_base=\"hel\", iov_len=3}, "
			    "{iov_base=\"lo\\nworld\\n\", iov_len=100}], 2");
	fake_done(&f);

	/* writev prints every iov_len at entry */
	iov[1].iov_len = 5;
	fake_init(&f, getpid());
	set_args(&f.tcb, 4, (unsigned long)iov, 2, 0, 0, 0);
	run(&f.tcb, dec_pwritev, 8, 0);
	assert_string_equal(fake_text(&f), "4, [{iov_base=\"hel\", iov_len=3}, "
			    "{iov_base=\"lo\\nwo\", iov_len=5}], 2, 0");
	fake_done(&f);

	/* -s 1 limits the elements too */
	pcfg.max_strlen = 1;
	fake_init(&f, getpid());
	set_args(&f.tcb, 4, (unsigned long)iov, 2, 0, 0, 0);
	run(&f.tcb, dec_writev, 8, 0);
	assert_string_equal(fake_text(&f), "4, [{iov_base=\"h\"..., iov_len=3}, ...], 2");
	fake_done(&f);
	pcfg.max_strlen = 32;

	/* a failed read shows the buffers as addresses; unreadable
	 * vectors print the address */
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, (unsigned long)iov, 2, 0, 0, 0);
	run(&f.tcb, dec_readv, -1, 14);
	snprintf(want, sizeof(want), "3, [{iov_base=%p, iov_len=3}, {iov_base=%p, iov_len=5}], 2",
		 (void *)d1, (void *)d2);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, (unsigned long)iov, 0, 0, 0, 0);
	run(&f.tcb, dec_readv, -1, 22);
	assert_string_equal(fake_text(&f), "3, [], 0");
	fake_done(&f);

	/* a buffer longer than -s whose byte past -s is unreadable: its
	 * address (strace reads -s + 1 bytes) */
	{
		long pg = sysconf(_SC_PAGESIZE);
		char *m = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		struct iovec big;

		assert_true(m != MAP_FAILED);
		assert_int_equal(munmap(m + pg, pg), 0);
		memset(m, 'X', pg);
		big.iov_base = m + pg - 32;
		big.iov_len = (size_t)-1;
		fake_init(&f, getpid());
		set_args(&f.tcb, 3, (unsigned long)&big, 1, 0, 0, 0);
		run(&f.tcb, dec_writev, -1, 9);
		snprintf(want, sizeof(want), "3, [{iov_base=%p, iov_len=%zu}], 1", big.iov_base,
			 (size_t)-1);
		assert_string_equal(fake_text(&f), want);
		fake_done(&f);
		big.iov_base = m + pg - 33;
		fake_init(&f, getpid());
		set_args(&f.tcb, 3, (unsigned long)&big, 1, 0, 0, 0);
		run(&f.tcb, dec_writev, -1, 9);
		snprintf(want, sizeof(want), "3, [{iov_base=\"%.32s\"..., iov_len=%zu}], 1", m,
			 (size_t)-1);
		assert_string_equal(fake_text(&f), want);
		fake_done(&f);
		munmap(m, pg);
	}

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, BAD_ADDR, 1, 0, 0, 0);
	run(&f.tcb, dec_writev, -1, 14);
	assert_string_equal(fake_text(&f), "3, 0x8, 1");
	fake_done(&f);

	/* huge count */
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, (unsigned long)iov, 1UL << 40, 0, 0, 0);
	run(&f.tcb, dec_writev, -1, 22);
	snprintf(want, sizeof(want), "3, %p, %lu", (void *)iov, 1UL << 40);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);

	fake_init(&f, NO_SUCH_PID);
	set_args(&f.tcb, 3, 0x1000, 1, 0, 0, 0);
	run(&f.tcb, dec_writev, 0, 0);
	assert_string_equal(fake_text(&f), "3, 0x1000, 1");
	fake_done(&f);
}

static void test_pipe2(void **state)
{
	struct fake f;
	int fds[2] = { 3, 4 };

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, (unsigned long)fds, O_CLOEXEC | O_NONBLOCK, 0, 0, 0, 0);
	run(&f.tcb, dec_pipe2, 0, 0);
	assert_string_equal(fake_text(&f), "[3, 4], O_NONBLOCK|O_CLOEXEC");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, BAD_ADDR, 0x1, 0, 0, 0, 0);
	run(&f.tcb, dec_pipe2, -1, 14);
	assert_string_equal(fake_text(&f), "0x8, 0x1 /* O_??? */");
	fake_done(&f);
}

static void test_fcntl(void **state)
{
	struct fake f;
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10 };

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, F_GETFL, 0, 0, 0, 0);
	run(&f.tcb, dec_fcntl, 0x28000, 0);
	assert_string_equal(fake_text(&f), "3, F_GETFL");
	assert_true(f.tcb.rval_hex);
	assert_string_equal(f.tcb.auxstr, "flags O_RDONLY|O_LARGEFILE|O_NOFOLLOW");
	fake_done(&f);

	/* F_GETFD 0: a plain 0, no decoration */
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, F_GETFD, 0, 0, 0, 0);
	run(&f.tcb, dec_fcntl, 0, 0);
	assert_null(f.tcb.auxstr);
	assert_false(f.tcb.rval_hex);
	assert_false(f.tcb.rval_fd);
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, F_GETFD, 0, 0, 0, 0);
	run(&f.tcb, dec_fcntl, 1, 0);
	assert_string_equal(f.tcb.auxstr, "flags FD_CLOEXEC");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 6, F_SETFL, O_RDWR | O_APPEND | O_NONBLOCK, 0, 0, 0);
	run(&f.tcb, dec_fcntl, 0, 0);
	assert_string_equal(fake_text(&f), "6, F_SETFL, O_RDWR|O_APPEND|O_NONBLOCK");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 6, F_SETLK, (unsigned long)&fl, 0, 0, 0);
	run(&f.tcb, dec_fcntl, 0, 0);
	assert_string_equal(fake_text(&f),
			    "6, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=10}");
	fake_done(&f);

	fl.l_type = F_UNLCK;
	fake_init(&f, getpid());
	set_args(&f.tcb, 6, F_GETLK, (unsigned long)&fl, 0, 0, 0);
	run(&f.tcb, dec_fcntl, 0, 0);
	assert_string_equal(fake_text(&f),
			    "6, F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=10, l_pid=0}");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, F_DUPFD_CLOEXEC, 40, 0, 0, 0);
	run(&f.tcb, dec_fcntl, 40, 0);
	assert_string_equal(fake_text(&f), "3, F_DUPFD_CLOEXEC, 40");
	assert_true(f.tcb.rval_fd);
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, 12345, 0, 0, 0, 0);
	run(&f.tcb, dec_fcntl, -1, 22);
	assert_string_equal(fake_text(&f), "3, 0x3039 /* F_??? */, 0");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 6, F_SETLKW, BAD_ADDR, 0, 0, 0);
	run(&f.tcb, dec_fcntl, -1, 14);
	assert_string_equal(fake_text(&f), "6, F_SETLKW, 0x8");
	fake_done(&f);
}

static void test_ioctl(void **state)
{
	struct fake f;
	int n = 4;
	char want[128];

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 8, FIONREAD, (unsigned long)&n, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "8, FIONREAD, [4]");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 0, TCGETS, (unsigned long)&n, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 25);
	snprintf(want, sizeof(want), "0, TCGETS, %p", (void *)&n);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);

	{
		struct {
			uint32_t i, o, c, l;
			uint8_t line, cc[19];
		} t = { ICRNL | IXON, OPOST | ONLCR | CR2, B38400 | CS8 | CREAD,
			ISIG | ICANON | ECHO | IEXTEN | 0x40000000u, 0, { 3, 0x1c } };

		fake_init(&f, getpid());
		set_args(&f.tcb, 0, TCGETS, (unsigned long)&t, 0, 0, 0);
		run(&f.tcb, dec_ioctl, 0, 0);
		assert_string_equal(fake_text(&f), "0, TCGETS, {c_iflag=ICRNL|IXON, "
				    "c_oflag=NL0|CR2|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, "
				    "c_lflag=ISIG|ICANON|ECHO|IEXTEN|0x40000000, ...}");
		fake_done(&f);

		pcfg.verbose = true;
		t.i = 0;
		fake_init(&f, getpid());
		set_args(&f.tcb, 0, TCSETSW, (unsigned long)&t, 0, 0, 0);
		run(&f.tcb, dec_ioctl, 0, 0);
		assert_non_null(strstr(fake_text(&f), "{c_iflag=, "));
		assert_non_null(strstr(fake_text(&f), ", c_line=N_TTY, c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, "
				       "[VERASE]=0, "));
		assert_non_null(strstr(fake_text(&f), "[VEOL2]=0, [17]=0, [18]=0]}"));
		fake_done(&f);
		pcfg.verbose = false;
	}

	/* no third argument */
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, FIOCLEX, 0, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, FIOCLEX");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 0, TCFLSH, TCIOFLUSH, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 25);
	assert_string_equal(fake_text(&f), "0, TCFLSH, TCIOFLUSH");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 0, TCXONC, 9, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 25);
	assert_string_equal(fake_text(&f), "0, TCXONC, 9");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, 0x1234, 0, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 25);
	assert_string_equal(fake_text(&f), "3, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0");
	fake_done(&f);
}

/* SIOCGIFCONF (src/ioctl_sock.c): the length and the buffer's ifreqs;
 * no buffer: the length the kernel sets; a failed call: the address. */
static void test_ioctl_ifconf(void **state)
{
	struct ifreq ifr;
	struct ifconf ifc;
	struct sockaddr_in sin;
	struct fake f;
	char want[256];

	(void)state;
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "lo");
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	memcpy(&ifr.ifr_addr, &sin, sizeof(sin));
	ifc.ifc_len = sizeof(ifr);
	ifc.ifc_buf = (char *)&ifr;

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, SIOCGIFCONF, (unsigned long)&ifc, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, SIOCGIFCONF, {ifc_len=40 /* 1 * sizeof(struct ifreq) */, "
			    "ifc_buf=[{ifr_name=\"lo\", ifr_addr={sa_family=AF_INET, sin_port=htons(0), "
			    "sin_addr=inet_addr(\"127.0.0.1\")}}]}");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, SIOCGIFCONF, (unsigned long)&ifc, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 14);
	snprintf(want, sizeof(want), "3, SIOCGIFCONF, {ifc_len=40 /* 1 * sizeof(struct ifreq) */, "
		 "ifc_buf=%p}", (void *)&ifr);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);

	ifc.ifc_len = 82;
	ifc.ifc_buf = NULL;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, SIOCGIFCONF, (unsigned long)&ifc, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, SIOCGIFCONF, {ifc_len=82, ifc_buf=NULL}");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, SIOCGIFCONF, 0, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 14);
	assert_string_equal(fake_text(&f), "3, SIOCGIFCONF, NULL");
	fake_done(&f);
}

/* ioctl families (src/ioctl_*.c): a request carrying an index, a bit
 * set cut by the return value, and a structure a failed call closes. */
static void test_ioctl_families(void **state)
{
	struct fake f;
	unsigned long bits = (1ul << EV_ABS) | (1ul << EV_MSC) | (1ul << EV_LED) |
			     (1ul << EV_SND) | (1ul << EV_PWR);
	struct hd_drive_cmd_hdr dc = { 0xca, 0xff, 0xee, 0 };
	char want[160];

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, EVIOCGABS(0xe), 0, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, EVIOCGABS(0xe /* ABS_??? */), NULL");
	fake_done(&f);

	/* rval 2: only the first 16 bits were written */
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, EVIOCGBIT(0, 4), (unsigned long)&bits, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 2, 0);
	assert_string_equal(fake_text(&f), "3, EVIOCGBIT(0, 4), [EV_ABS EV_MSC]");
	fake_done(&f);
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, EVIOCGBIT(0, 4), (unsigned long)&bits, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 4, 0);
	assert_string_equal(fake_text(&f), "3, EVIOCGBIT(0, 4), [EV_ABS EV_MSC EV_LED EV_SND ...]");
	fake_done(&f);
	pcfg.xlat_style = XLAT_VERBOSE;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, EVIOCGBIT(0, 4), (unsigned long)&bits, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 1, 0);
	snprintf(want, sizeof(want), "3, %#lx /* EVIOCGBIT(0, 4) */, [0x3 /* EV_ABS */ 0x4 /* EV_MSC */]"
		 " /* [%#lx] */", (unsigned long)EVIOCGBIT(0, 4), bits);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);
	pcfg.xlat_style = XLAT_ABBREV;

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, HDIO_DRIVE_CMD, (unsigned long)&dc, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, HDIO_DRIVE_CMD, {command=ATA_CMD_WRITE, sector_number=255,"
			    " feature=238, sector_count=0}");
	fake_done(&f);
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, HDIO_DRIVE_CMD, (unsigned long)&dc, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, HDIO_DRIVE_CMD, {command=ATA_CMD_WRITE, sector_number=255,"
			    " feature=238, sector_count=0} => {status=0xca, error=255, nsector=238}");
	fake_done(&f);
}

/* The v4l2 family (src/ioctl_v4l2.c): a control id as CLASS+offset, a
 * value the kernel changed after " => ", a fourcc code with its name. */
static void test_ioctl_v4l2(void **state)
{
	struct v4l2_control c = { .id = 0xa31234, .value = 7 };
	struct v4l2_frmsizeenum fs = { .index = 2, .pixel_format = V4L2_PIX_FMT_YUYV };
	char want[160];
	struct fake f;

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, VIDIOC_S_CTRL, (unsigned long)&c, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, VIDIOC_S_CTRL, {id=V4L2_CTRL_CLASS_DETECT+0x1234, value=7}");
	fake_done(&f);
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, VIDIOC_S_CTRL, (unsigned long)&c, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f),
			    "3, VIDIOC_S_CTRL, {id=V4L2_CTRL_CLASS_DETECT+0x1234, value=7 => 7}");
	fake_done(&f);
	pcfg.xlat_style = XLAT_VERBOSE;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, VIDIOC_ENUM_FRAMESIZES, (unsigned long)&fs, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 22);
	snprintf(want, sizeof(want), "3, %#x /* VIDIOC_ENUM_FRAMESIZES */, {index=2, pixel_format="
		 "v4l2_fourcc('Y', 'U', 'Y', 'V') /* V4L2_PIX_FMT_YUYV */}",
		 (unsigned)VIDIOC_ENUM_FRAMESIZES);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);
	pcfg.xlat_style = XLAT_ABBREV;
	/* a name with no NUL: all but its last byte, then "..." */
	{
		struct v4l2_standard std = { .index = 1, .frameperiod = { 1, 25 }, .framelines = 625 };

		memset(std.name, 'a', sizeof(std.name));
		fake_init(&f, getpid());
		set_args(&f.tcb, 3, VIDIOC_ENUMSTD, (unsigned long)&std, 0, 0, 0);
		run(&f.tcb, dec_ioctl, 0, 0);
		assert_string_equal(fake_text(&f), "3, VIDIOC_ENUMSTD, {index=1, "
				    "name=\"aaaaaaaaaaaaaaaaaaaaaaa\"..., frameperiod=1/25, framelines=625}");
		fake_done(&f);
	}
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, VIDIOC_G_STD, 0, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, VIDIOC_G_STD, NULL");
	fake_done(&f);
}

/* Families of src/ioctl_*.c: an "in => out" structure (IOCTL_MORE_ALWAYS)
 * prints nothing more when the call failed, and its exit when it did not. */
static void test_ioctl_families_b(void **state)
{
	struct {
		struct fiemap fm;
		struct fiemap_extent fe[1];
	} m = { { .fm_length = 4096, .fm_flags = FIEMAP_FLAG_SYNC, .fm_extent_count = 1,
		  .fm_mapped_extents = 1 },
		{ { .fe_physical = 8192, .fe_length = 4096, .fe_flags = FIEMAP_EXTENT_LAST } } };
	struct seccomp_notif notif;
	int reset = SG_SCSI_RESET_DEVICE | 0x100;
	char want[128];
	struct fake f;
	(void)state;

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, 0xc020660b /* FS_IOC_FIEMAP */, (unsigned long)&m, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, FS_IOC_FIEMAP, {fm_start=0, fm_length=4096, "
			    "fm_flags=FIEMAP_FLAG_SYNC, fm_extent_count=1}");
	fake_done(&f);

	pcfg.verbose = true;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, 0xc020660b, (unsigned long)&m, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, FS_IOC_FIEMAP, {fm_start=0, fm_length=4096, "
			    "fm_flags=FIEMAP_FLAG_SYNC, fm_extent_count=1} => {fm_flags=FIEMAP_FLAG_SYNC, "
			    "fm_mapped_extents=1, fm_extents=[{fe_logical=0, fe_physical=8192, "
			    "fe_length=4096, fe_flags=FIEMAP_EXTENT_LAST}]}");
	fake_done(&f);
	pcfg.verbose = false;

	/* all zeros: nothing at entry, the address when the call failed */
	memset(&notif, 0, sizeof(notif));
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, SECCOMP_IOCTL_NOTIF_RECV, (unsigned long)&notif, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	snprintf(want, sizeof(want), "3, SECCOMP_IOCTL_NOTIF_RECV, %p", (void *)&notif);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, SG_SCSI_RESET, (unsigned long)&reset, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f),
			    "3, SG_SCSI_RESET, [SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_DEVICE]");
	fake_done(&f);
}

/* The console family (src/ioctl_kd.c): keysyms, LED nibbles, a request
 * without an argument, an "in => out" key code, a font operation. */
static void test_ioctl_kd(void **state)
{
	struct kbentry kbe = { .kb_table = 0xa8, .kb_index = 7, .kb_value = 0xb40 };
	struct kbkeycode kc = { 0x1e, 0x30 };
	unsigned char leds = 0xfe;
	char font[] = "lat9w-16";
	struct console_font_op op = { .op = KD_FONT_OP_SET_DEFAULT, .width = 8, .height = 16,
				      .data = (unsigned char *)font };
	char buf[64];
	struct fake f;

	(void)state;
	kd_format_keysym(buf, sizeof(buf), K_F1);
	assert_string_equal(buf, "K_F1");
	kd_format_keysym(buf, sizeof(buf), 0xd5c);
	assert_string_equal(buf, "K(KT_DEAD2, '\\\\')");
	kd_format_keysym(buf, sizeof(buf), 0x27d);
	assert_string_equal(buf, "K(KT_SPEC, 0x7d)");
	kd_format_keysym(buf, sizeof(buf), 0xf00);
	assert_string_equal(buf, "K(0xf, 0)");
	assert_int_equal(kd_format_leds(buf, sizeof(buf), 0x80, true), 0);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, KDGKBLED, (unsigned long)&leds, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, KDGKBLED, [LED_NUM|LED_CAP|LED_SCR<<4|LED_NUM<<4"
			    "|LED_CAP<<4|0x88]");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, KIOCSOUND, 440, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, KIOCSOUND, 440 /* 2711 Hz */");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, KDMKTONE, 0x1ffff, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, KDMKTONE, 1<<16|65535 /* 18 Hz, 1 ms */");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, KDENABIO, 0xdeadface, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, KDENABIO");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, KDGKBENT, (unsigned long)&kbe, 0, 0, 0);
	run(&f.tcb, dec_ioctl, -1, 9);
	assert_string_equal(fake_text(&f), "3, KDGKBENT, {kb_table=1<<KG_ALT|1<<KG_SHIFTR|1<<KG_CTRLR, "
			    "kb_index=7}");
	fake_done(&f);
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, KDGKBENT, (unsigned long)&kbe, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, KDGKBENT, {kb_table=1<<KG_ALT|1<<KG_SHIFTR|1<<KG_CTRLR, "
			    "kb_index=7, kb_value=0xb40 /* K(KT_LETTER, '@') */}");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, KDGETKEYCODE, (unsigned long)&kc, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, KDGETKEYCODE, {scancode=0x1e, keycode=0x30 => 0x30}");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, KDFONTOP, (unsigned long)&op, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, KDFONTOP, {op=KD_FONT_OP_SET_DEFAULT, width=8, "
			    "height=16, data=\"lat9w-16\"} => {width=8, height=16}");
	fake_done(&f);

	/* a font name without its NUL in 32 bytes: 31 shown, then "..." */
	{
		char name[40];

		memset(name, 'a', 32);
		strcpy(name + 32, "bcdefg");
		op.data = (unsigned char *)name;
		fake_init(&f, getpid());
		set_args(&f.tcb, 3, KDFONTOP, (unsigned long)&op, 0, 0, 0);
		run(&f.tcb, dec_ioctl, -1, 9);
		assert_string_equal(fake_text(&f), "3, KDFONTOP, {op=KD_FONT_OP_SET_DEFAULT, width=8, "
				    "height=16, data=\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"...}");
		fake_done(&f);
	}
}

/* The old struct termio (16-bit flags, c_cc[8]), struct termios2 (the
 * speeds), XTABS, an unknown line discipline, and flags of 0 printed as
 * nothing, as strace does. */
static void test_ioctl_termio(void **state)
{
	struct {
		uint16_t i, o, c, l;
		uint8_t line, cc[8];
	} tio = { IGNBRK, OPOST | 0x1800 /* XTABS */, B75 | CS6 | CSTOPB, ISIG, 234,
		  { [VTIME] = 0xa0 } };
	struct {
		uint32_t i, o, c, l;
		uint8_t line, cc[19];
		uint32_t ispeed, ospeed;
	} t2 = { 0, 0, B38400 | CS8, 0, 0, { 0 }, 3141592653u, 2718281828u };
	struct fake f;

	(void)state;
	pcfg.verbose = true;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, TCSETA, (unsigned long)&tio, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_string_equal(fake_text(&f), "3, TCSETA, {c_iflag=IGNBRK, c_oflag=NL0|CR0|XTABS|BS0|VT0|FF0"
			    "|OPOST, c_cflag=B75|CS6|CSTOPB, c_lflag=ISIG, c_line=0xea /* N_??? */, "
			    "c_cc=[[VINTR]=0, [VQUIT]=0, [VERASE]=0, [VKILL]=0, [VEOF]=0, [VTIME]=0xa0, "
			    "[VMIN]=0, [VSWTC]=0]}");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, 0x802c542a /* TCGETS2 */, (unsigned long)&t2, 0, 0, 0);
	run(&f.tcb, dec_ioctl, 0, 0);
	assert_non_null(strstr(fake_text(&f), "3, TCGETS2, {c_iflag=, "));
	assert_non_null(strstr(fake_text(&f), "[18]=0], c_ispeed=3141592653, c_ospeed=2718281828}"));
	fake_done(&f);
	pcfg.verbose = false;
}

static void test_poll(void **state)
{
	struct fake f;
	struct pollfd pfd[2] = { { 8, POLLIN, POLLIN }, { 9, POLLOUT | POLLERR, 0 } };

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, (unsigned long)pfd, 2, 0, 0, 0, 0);
	run(&f.tcb, dec_poll, 1, 0);
	assert_string_equal(fake_text(&f),
			    "[{fd=8, events=POLLIN}, {fd=9, events=POLLOUT|POLLERR}], 2, 0");
	assert_string_equal(f.tcb.auxstr, "[{fd=8, revents=POLLIN}]");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, (unsigned long)pfd, 1, 10, 0, 0, 0);
	run(&f.tcb, dec_poll, 0, 0);
	assert_string_equal(f.tcb.auxstr, "Timeout");
	fake_done(&f);

	/* zero events, unknown bits */
	pfd[0].events = 0;
	pfd[1].events = (short)0x4000;
	fake_init(&f, getpid());
	set_args(&f.tcb, (unsigned long)pfd, 2, (unsigned long)-1, 0, 0, 0);
	run(&f.tcb, dec_poll, -1, 4);
	assert_string_equal(fake_text(&f), "[{fd=8, events=0}, {fd=9, events=0x4000}], 2, -1");
	assert_null(f.tcb.auxstr);
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, BAD_ADDR, 1, 0, 0, 0, 0);
	run(&f.tcb, dec_poll, -1, 14);
	assert_string_equal(fake_text(&f), "0x8, 1, 0");
	fake_done(&f);
}

static void test_select(void **state)
{
	struct fake f;
	fd_set r, w;
	struct { int64_t s, ns; } ts = { 0, 1000 };

	(void)state;
	FD_ZERO(&r); FD_ZERO(&w);
	FD_SET(0, &r); FD_SET(8, &r); FD_SET(9, &w);
	fake_init(&f, getpid());
	set_args(&f.tcb, 10, (unsigned long)&r, (unsigned long)&w, 0, (unsigned long)&ts, 0);
	run(&f.tcb, dec_pselect6, 3, 0);
	assert_string_equal(fake_text(&f), "10, [0 8], [9], NULL, {tv_sec=0, tv_nsec=1000}, NULL");
	assert_string_equal(f.tcb.auxstr, "in [0 8], out [9], left {tv_sec=0, tv_nsec=1000}");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 10, (unsigned long)&r, 0, 0, 0, 0);
	run(&f.tcb, dec_select, 0, 0);
	assert_string_equal(fake_text(&f), "10, [0 8], NULL, NULL, NULL");
	assert_string_equal(f.tcb.auxstr, "Timeout");
	fake_done(&f);
}

static void test_epoll(void **state)
{
	struct fake f;
	char want[128];
	struct epoll_event ev[2] = { { .events = EPOLLIN | EPOLLET, .data.u64 = 7 },
				     { .events = EPOLLOUT, .data.u64 = 0x100000001ull } };

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 11, EPOLL_CTL_ADD, 8, (unsigned long)ev, 0, 0);
	run(&f.tcb, dec_epoll_ctl, 0, 0);
	assert_string_equal(fake_text(&f),
			    "11, EPOLL_CTL_ADD, 8, {events=EPOLLIN|EPOLLET, data={u32=7, u64=7}}");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 11, (unsigned long)ev, 4, 0, 0, 0);
	run(&f.tcb, dec_epoll_wait, 2, 0);
	assert_string_equal(fake_text(&f),
			    "11, [{events=EPOLLIN|EPOLLET, data={u32=7, u64=7}}, "
			    "{events=EPOLLOUT, data={u32=1, u64=4294967297}}], 4, 0");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 11, EPOLL_CTL_DEL, 8, (unsigned long)ev, 0, 0);
	run(&f.tcb, dec_epoll_ctl, 0, 0);
	snprintf(want, sizeof(want), "11, EPOLL_CTL_DEL, 8, %p", (void *)ev);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 11, 99, 8, 0, 0, 0);
	run(&f.tcb, dec_epoll_ctl, -1, 22);
	assert_string_equal(fake_text(&f), "11, 0x63 /* EPOLL_CTL_??? */, 8, NULL");
	fake_done(&f);
}

static void test_sendfile(void **state)
{
	struct fake f;
	int64_t off = 0;

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 11, 3, (unsigned long)&off, 5, 0, 0);
	f.tcb.exiting = false;
	assert_int_equal(dec_sendfile(&f.tcb), DEC_MORE);
	off = 5;
	mem_cache_drop(); /* the call ran */
	f.tcb.exiting = true;
	f.tcb.rval = 5;
	dec_sendfile(&f.tcb);
	assert_string_equal(fake_text(&f), "11, 3, [0] => [5], 5");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 11, 3, 0, 5, 0, 0);
	run(&f.tcb, dec_sendfile, 0, 0);
	assert_string_equal(fake_text(&f), "11, 3, NULL, 5");
	fake_done(&f);
}

/* fanotify_init: the class, then the flags; fanotify_mark: 64-bit mask,
 * FAN_NOFD, -X styles */
static void test_fanotify(void **state)
{
	struct fake f;

	(void)state;
	fake_init(&f, NO_SUCH_PID);
	set_args(&f.tcb, 0xdec0deddeface004ul, 0xdeadbeef80000001ul, 0, 0, 0, 0);
	run(&f.tcb, dec_fanotify_init, -1, 22);
	assert_string_equal(fake_text(&f),
			    "FAN_CLASS_CONTENT|0xeface000 /* FAN_??? */, O_WRONLY|0x80000000");
	fake_done(&f);

	fake_init(&f, NO_SUCH_PID);
	set_args(&f.tcb, 0xffffffff0000000dul, 0, 0, 0, 0, 0);
	run(&f.tcb, dec_fanotify_init, -1, 22);
	assert_string_equal(fake_text(&f), "0xc /* FAN_CLASS_??? */|FAN_CLOEXEC, O_RDONLY");
	fake_done(&f);

	fake_init(&f, NO_SUCH_PID);
	set_args(&f.tcb, 0xdeadfeed12345678ul, 0xda7a105700000040ul, 0xffffffffa7f02000ul,
		 0xdec0ded0fffffffful, 0, 0);
	run(&f.tcb, dec_fanotify_mark, -1, 22);
	assert_string_equal(fake_text(&f), "305419896, FAN_MARK_IGNORED_SURV_MODIFY, "
			    "0xffffffffa7f02000 /* FAN_??? */, FAN_NOFD, NULL");
	fake_done(&f);

	pcfg.xlat_style = XLAT_VERBOSE;
	fake_init(&f, NO_SUCH_PID);
	set_args(&f.tcb, 0xfffffffful, 1, 0x40080002ul, (unsigned long)-100, 0, 0);
	run(&f.tcb, dec_fanotify_mark, -1, 22);
	assert_string_equal(fake_text(&f), "-1, 0x1 /* FAN_MARK_ADD */, "
			    "0x40080002 /* FAN_MODIFY|FAN_DIR_MODIFY|FAN_ONDIR */, -100 /* AT_FDCWD */, NULL");
	fake_done(&f);
	pcfg.xlat_style = XLAT_ABBREV;
}

/* io_submit: an array of iocb pointers (NULL, unreadable: hex), the
 * header fields, aio_reqprio as an ioprio with IOCB_FLAG_IOPRIO */
static void test_aio(void **state)
{
	struct fake f;
	struct iocb cb[2] = {
		{ .aio_data = 0xbadfacedc0ffeeedull, .aio_key = 5, .aio_lio_opcode = 0xf00d, .aio_fildes = 3 },
		{ .aio_lio_opcode = 1, .aio_reqprio = (int16_t)0xbeef, .aio_fildes = 3,
		  .aio_buf = (unsigned long)"ab", .aio_nbytes = 2, .aio_offset = -1, .aio_flags = 3,
		  .aio_resfd = 4 },
	};
	unsigned long ptrs[4] = { (unsigned long)&cb[0], (unsigned long)&cb[1], 0, ~0ul };

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 0x1000, 4, (unsigned long)ptrs, 0, 0, 0);
	run(&f.tcb, dec_io_submit, -1, 9);
	assert_string_equal(fake_text(&f), "0x1000, 4, [{aio_data=0xbadfacedc0ffeeed, aio_key=5, "
			    "aio_lio_opcode=61453 /* IOCB_CMD_??? */, aio_fildes=3}, "
			    "{aio_data=0, aio_lio_opcode=IOCB_CMD_PWRITE, "
			    "aio_reqprio=IOPRIO_PRIO_VALUE(0x5 /* IOPRIO_CLASS_??? */, 7919), aio_fildes=3, "
			    "aio_buf=\"ab\", aio_nbytes=2, aio_offset=-1, "
			    "aio_flags=IOCB_FLAG_RESFD|IOCB_FLAG_IOPRIO, aio_resfd=4}, NULL, 0xffffffffffffffff]");
	fake_done(&f);

	/* a vector command with a byte count no kernel takes: buffer and
	 * count as numbers */
	{
		struct iocb v = { .aio_lio_opcode = IOCB_CMD_PWRITEV, .aio_fildes = 3,
				  .aio_nbytes = 0x8090a0b0c0d0e0f0ull };
		unsigned long vp = (unsigned long)&v;

		fake_init(&f, getpid());
		set_args(&f.tcb, 0x1000, 1, (unsigned long)&vp, 0, 0, 0);
		run(&f.tcb, dec_io_submit, -1, 9);
		assert_string_equal(fake_text(&f), "0x1000, 1, [{aio_data=0, aio_lio_opcode=IOCB_CMD_PWRITEV, "
				    "aio_fildes=3, aio_buf=0, aio_nbytes=9264081114510713072, aio_offset=0}]");
		fake_done(&f);
	}

	fake_init(&f, getpid());
	set_args(&f.tcb, 0x1000, (unsigned long)-1, (unsigned long)ptrs, 0, 0, 0);
	run(&f.tcb, dec_io_submit, -1, 22);
	assert_int_equal(strncmp(fake_text(&f), "0x1000, -1, 0x", 14), 0);   /* the address */
	fake_done(&f);

	/* io_pgetevents: the __aio_sigset after the timeout */
	{
		uint64_t mask = 1ull << (SIGSYS - 1);
		struct { uint64_t m, sz; } ss = { (unsigned long)&mask, 8 };

		fake_init(&f, getpid());
		set_args(&f.tcb, 0x1000, 0, 0, 0, 0, (unsigned long)&ss);
		run(&f.tcb, dec_io_pgetevents, -1, 22);
		assert_string_equal(fake_text(&f), "0x1000, 0, 0, NULL, NULL, {sigmask=[SYS], sigsetsize=8}");
		fake_done(&f);
	}
}

/* io_uring_register: the registered objects by opcode */
static void test_io_uring_register(void **state)
{
	struct fake f;
	int fds[3] = { -1, -2, -3 };
	struct { uint32_t offset, resv; uint64_t fds; } upd = { 7, 0, (unsigned long)fds };
	struct { uint16_t opcode; uint8_t op, resv; uint32_t resv2[3]; } r[2] = {
		{ 1, 1, 0, { 0 } }, { 2, 0x41, 5, { 0 } },
	};
	struct { uint8_t last_op, ops_len; uint16_t resv; uint32_t resv2[3];
		 struct { uint8_t op, resv; uint16_t flags; uint32_t resv2; } ops[2]; } probe;
	uint32_t maxw[2] = { 4, 8 };

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, 5, 0xbadc0ded, 0x1000, 1, 0, 0);
	run(&f.tcb, dec_io_uring_register, -1, 22);
	assert_string_equal(fake_text(&f), "5, 0xbadc0ded /* IORING_REGISTER_??? */, 0x1000, 1");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 5, 6, (unsigned long)&upd, 3, 0, 0);
	run(&f.tcb, dec_io_uring_register, -1, 95);
	assert_string_equal(fake_text(&f), "5, IORING_REGISTER_FILES_UPDATE, {offset=7, fds=[-1, "
			    "IORING_REGISTER_FILES_SKIP, -3]}, 3");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 5, 11, (unsigned long)r, 2, 0, 0);
	run(&f.tcb, dec_io_uring_register, -1, 95);
	assert_string_equal(fake_text(&f), "5, IORING_REGISTER_RESTRICTIONS, [{opcode=IORING_RESTRICTION_SQE_OP, "
			    "sqe_op=IORING_OP_READV}, {opcode=IORING_RESTRICTION_SQE_FLAGS_ALLOWED, "
			    "sqe_flags=IOSQE_FIXED_FILE|IOSQE_CQE_SKIP_SUCCESS, resv=0x5}], 2");
	fake_done(&f);

	/* an all-zero probe is shown at exit, as the kernel filled it */
	memset(&probe, 0, sizeof(probe));
	fake_init(&f, getpid());
	set_args(&f.tcb, 5, 8, (unsigned long)&probe, 2, 0, 0);
	f.tcb.exiting = 0;
	assert_int_equal(dec_io_uring_register(&f.tcb), DEC_MORE);
	probe.last_op = 47;
	probe.ops_len = 3;
	probe.ops[1].op = 1;
	probe.ops[1].flags = 1;
	mem_cache_drop(); /* the kernel wrote the probe: a new stop */
	f.tcb.exiting = 1;
	f.tcb.rval = 0;
	f.tcb.err = 0;
	assert_int_equal(dec_io_uring_register(&f.tcb), DEC_DONE);
	assert_string_equal(fake_text(&f), "5, IORING_REGISTER_PROBE, {last_op=47 /* IORING_OP_??? */, "
			    "ops_len=3, ops=[{op=IORING_OP_NOP, flags=0}, {op=IORING_OP_READV, "
			    "flags=IO_URING_OP_SUPPORTED}, ...]}, 2");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 5, 19, (unsigned long)maxw, 2, 0, 0);
	run(&f.tcb, dec_io_uring_register, 0, 0);
	assert_string_equal(fake_text(&f), "5, IORING_REGISTER_IOWQ_MAX_WORKERS, [[IO_WQ_BOUND]=4, "
			    "[IO_WQ_UNBOUND]=8] => [[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=8], 2");
	fake_done(&f);
}

/* A buffer longer than -s is read one byte past what prints: when that
 * byte is on an unreadable page the buffer prints as its address. */
static void test_buf_edge(void **state)
{
	struct fake f;
	long page = sysconf(_SC_PAGESIZE);
	char *map, *p, want[64];

	(void)state;
	map = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(map != MAP_FAILED);
	assert_int_equal(mprotect(map + page, (size_t)page, PROT_NONE), 0);
	p = map + page - 4;
	memcpy(p, "abcd", 4);
	pcfg.max_strlen = 4;
	fake_init(&f, getpid());
	print_buf(&f.tcb, (unsigned long)p, 4);
	assert_string_equal(fake_text(&f), "\"abcd\"");
	fake_done(&f);
	fake_init(&f, getpid());
	print_buf(&f.tcb, (unsigned long)p, 5);
	snprintf(want, sizeof(want), "%p", (void *)p);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);
	fake_init(&f, getpid());
	print_buf(&f.tcb, (unsigned long)(p - 1), 5);
	assert_string_equal(fake_text(&f), "\"\\0abc\"...");
	fake_done(&f);
	pcfg.max_strlen = 32;
	munmap(map, (size_t)page * 2);
}

/* Reads at one stop are served from the pages read before: a change of
 * the memory shows only once the cache is dropped (the tracee ran). */
static void test_mem_page_cache(void **state)
{
	long page = sysconf(_SC_PAGESIZE);
	char *map, got[8];

	(void)state;
	map = mmap(NULL, (size_t)page * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(map != MAP_FAILED);
	assert_int_equal(mprotect(map + page, (size_t)page, PROT_NONE), 0);
	memcpy(map + 8, "abcd", 4);
	mem_cache_drop();
	assert_int_equal(mem_read(getpid(), (unsigned long)(map + 8), got, 4), 0);
	assert_memory_equal(got, "abcd", 4);
	memcpy(map + 8, "wxyz", 4);
	assert_int_equal(mem_read(getpid(), (unsigned long)(map + 10), got, 2), 0);
	assert_memory_equal(got, "cd", 2);
	mem_cache_drop();
	assert_int_equal(mem_read(getpid(), (unsigned long)(map + 8), got, 4), 0);
	assert_memory_equal(got, "wxyz", 4);
	/* across into the unreadable page: all or nothing, or the readable part */
	assert_int_equal(mem_read(getpid(), (unsigned long)(map + page - 2), got, 4), -EFAULT);
	assert_int_equal(mem_read_partial(getpid(), (unsigned long)(map + page - 2), got, 4), 2);
	mem_cache_drop();
	munmap(map, (size_t)page * 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_ioctl_cmd, fake_setup),
		cmocka_unit_test_setup(test_io_uring_register, fake_setup),
		cmocka_unit_test_setup(test_sigset_fdset, fake_setup),
		cmocka_unit_test_setup(test_print_array, fake_setup),
		cmocka_unit_test_setup(test_readv_writev, fake_setup),
		cmocka_unit_test_setup(test_pipe2, fake_setup),
		cmocka_unit_test_setup(test_fcntl, fake_setup),
		cmocka_unit_test_setup(test_ioctl, fake_setup),
		cmocka_unit_test_setup(test_ioctl_ifconf, fake_setup),
		cmocka_unit_test_setup(test_ioctl_families, fake_setup),
		cmocka_unit_test_setup(test_ioctl_families_b, fake_setup),
		cmocka_unit_test_setup(test_ioctl_kd, fake_setup),
		cmocka_unit_test_setup(test_ioctl_termio, fake_setup),
		cmocka_unit_test_setup(test_ioctl_v4l2, fake_setup),
		cmocka_unit_test_setup(test_poll, fake_setup),
		cmocka_unit_test_setup(test_select, fake_setup),
		cmocka_unit_test_setup(test_epoll, fake_setup),
		cmocka_unit_test_setup(test_sendfile, fake_setup),
		cmocka_unit_test_setup(test_fanotify, fake_setup),
		cmocka_unit_test_setup(test_aio, fake_setup),
		cmocka_unit_test_setup(test_buf_edge, fake_setup),
		cmocka_unit_test_setup(test_mem_page_cache, fake_setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
