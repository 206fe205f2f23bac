/* Unit tests of the file family decoders (src/decode_file.c).
 *
 * Decoders are driven with a fake tcb whose pid is our own: mem_read()
 * (process_vm_readv) then reads this process's memory, so the arguments
 * are real pointers to local data.  Unreadable memory is exercised with an
 * unmapped address and with a pid that does not exist (ESRCH).  Output
 * goes to an open_memstream() through an outstream. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <fcntl.h>
#include <linux/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "arch.h"
#include "decode.h"
#include "decode_file.h"
#include "gen/decoders.h"
#include "pathtrace.h"
#include "sink.h"
#include "tcb.h"

#include "fake_tcb.h"


/* ---- pure formatters ---- */

static void test_open_flags(void **state)
{
	char buf[256];

	(void)state;
	format_open_flags(buf, sizeof(buf), O_RDONLY);
	assert_string_equal(buf, "O_RDONLY");
	format_open_flags(buf, sizeof(buf), O_WRONLY | O_CREAT | O_TRUNC);
	assert_string_equal(buf, "O_WRONLY|O_CREAT|O_TRUNC");
	format_open_flags(buf, sizeof(buf), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	assert_string_equal(buf, "O_RDONLY|O_NOFOLLOW|O_CLOEXEC");
	/* unknown bit */
	format_open_flags(buf, sizeof(buf), O_RDWR | 0x40000000);
	assert_string_equal(buf, "O_RDWR|0x40000000");
	/* O_TMPFILE contains O_DIRECTORY: printed once */
	format_open_flags(buf, sizeof(buf), O_RDWR | O_TMPFILE);
	assert_string_equal(buf, "O_RDWR|O_TMPFILE");
	/* invalid access mode 3 */
	format_open_flags(buf, sizeof(buf), 3);
	assert_string_equal(buf, "O_ACCMODE");
	format_open_flags(buf, sizeof(buf), 3 | O_CLOEXEC);
	assert_string_equal(buf, "O_ACCMODE|O_CLOEXEC");
	/* truncation keeps the buffer terminated */
	format_open_flags(buf, 5, O_WRONLY | O_CREAT);
	assert_int_equal(strlen(buf), 4);
}

static void test_mode_type(void **state)
{
	char buf[128];

	(void)state;
	format_mode_type(buf, sizeof(buf), S_IFREG | 0644);
	assert_string_equal(buf, "S_IFREG|0644");
	format_mode_type(buf, sizeof(buf), S_IFDIR | S_ISVTX | 0777);
	assert_string_equal(buf, "S_IFDIR|S_ISVTX|0777");
	format_mode_type(buf, sizeof(buf), S_IFREG | S_ISUID | S_ISGID | 0755);
	assert_string_equal(buf, "S_IFREG|S_ISUID|S_ISGID|0755");
	format_mode_type(buf, sizeof(buf), 0640);
	assert_string_equal(buf, "0640");
	format_mode_type(buf, sizeof(buf), 0);
	assert_string_equal(buf, "000");
}

static void test_dev_and_time(void **state)
{
	char buf[128];

	(void)state;
	format_dev(buf, sizeof(buf), makedev(1, 3));
	assert_string_equal(buf, "makedev(0x1, 0x3)");
	format_dev(buf, sizeof(buf), makedev(0xfe, 0));
	assert_string_equal(buf, "makedev(0xfe, 0)");
	format_time_comment(buf, sizeof(buf), 1, 2, 9);
	assert_string_equal(buf, " /* 1970-01-01T00:00:01.000000002+0000 */");
	format_time_comment(buf, sizeof(buf), 1663687647, 0, 9);
	assert_string_equal(buf, " /* 2022-09-20T15:27:27+0000 */");
}

/* ---- decoders ---- */

static void test_openat(void **state)
{
	struct fake f;
	static const char path[] = "a.txt";

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, (unsigned long)AT_FDCWD, (unsigned long)path,
		 O_WRONLY | O_CREAT | O_TRUNC, 0644, 0, 0);
	run(&f.tcb, dec_openat, 3, 0);
	assert_string_equal(fake_text(&f), "AT_FDCWD, \"a.txt\", O_WRONLY|O_CREAT|O_TRUNC, 0644");
	fake_done(&f);

	/* no O_CREAT: no mode; NULL path */
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, 0, O_RDONLY | O_CLOEXEC, 0777, 0, 0);
	run(&f.tcb, dec_openat, -1, 14);
	assert_string_equal(fake_text(&f), "3, NULL, O_RDONLY|O_CLOEXEC");
	fake_done(&f);

	/* open: no O_CREAT, no mode */
	fake_init(&f, getpid());
	set_args(&f.tcb, (unsigned long)path, 0, 0, 0, 0, 0);
	run(&f.tcb, dec_open, 0, 0);
	assert_string_equal(fake_text(&f), "\"a.txt\", O_RDONLY");
	fake_done(&f);

	fake_init(&f, NO_SUCH_PID);
	set_args(&f.tcb, 0x1000, 0, 0, 0, 0, 0);
	run(&f.tcb, dec_open, 0, 0);
	assert_string_equal(fake_text(&f), "0x1000, O_RDONLY");
	fake_done(&f);
}

static void test_openat2(void **state)
{
	struct fake f;
	static const char path[] = "c.txt";
	uint64_t how[3] = { O_WRONLY | O_CREAT, 0640, 0 };

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, (unsigned long)AT_FDCWD, (unsigned long)path, (unsigned long)how,
		 sizeof(how), 0, 0);
	run(&f.tcb, dec_openat2, 3, 0);
	assert_string_equal(fake_text(&f),
			    "AT_FDCWD, \"c.txt\", {flags=O_WRONLY|O_CREAT, mode=0640, resolve=0}, 24");
	fake_done(&f);

	how[0] = O_RDONLY | O_CLOEXEC; how[1] = 0; how[2] = 0x04 | 0x100;
	fake_init(&f, getpid());
	set_args(&f.tcb, 5, (unsigned long)path, (unsigned long)how, sizeof(how), 0, 0);
	run(&f.tcb, dec_openat2, 3, 0);
	assert_string_equal(fake_text(&f),
			    "5, \"c.txt\", {flags=O_RDONLY|O_CLOEXEC, resolve=RESOLVE_NO_SYMLINKS|0x100}, 24");
	fake_done(&f);

	/* size too small: the address */
	fake_init(&f, getpid());
	set_args(&f.tcb, 5, (unsigned long)path, BAD_ADDR, 8, 0, 0);
	run(&f.tcb, dec_openat2, -1, 22);
	assert_string_equal(fake_text(&f), "5, \"c.txt\", 0x8, 8");
	fake_done(&f);
}

static void test_newfstatat(void **state)
{
	struct fake f;
	struct stat st;
	static const char path[] = "x";
	char want[512];

	(void)state;
	memset(&st, 0, sizeof(st));
	st.st_mode = S_IFREG | 0644;
	st.st_size = 12;
	st.st_dev = makedev(0xfe, 0);
	st.st_ino = 42;
	st.st_nlink = 1;
	st.st_blksize = 4096;
	st.st_blocks = 8;
	st.st_atim.tv_sec = 1; st.st_atim.tv_nsec = 2;

	fake_init(&f, getpid());
	set_args(&f.tcb, (unsigned long)AT_FDCWD, (unsigned long)path, (unsigned long)&st,
		 AT_SYMLINK_NOFOLLOW, 0, 0);
	run(&f.tcb, dec_newfstatat, 0, 0);
	assert_string_equal(fake_text(&f),
			    "AT_FDCWD, \"x\", {st_mode=S_IFREG|0644, st_size=12, ...}, AT_SYMLINK_NOFOLLOW");
	fake_done(&f);

	/* device: st_rdev instead of st_size */
	st.st_mode = S_IFCHR | 0666;
	st.st_rdev = makedev(1, 3);
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, (unsigned long)"", (unsigned long)&st, AT_EMPTY_PATH, 0, 0);
	run(&f.tcb, dec_newfstatat, 0, 0);
	assert_string_equal(fake_text(&f),
			    "3, \"\", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}, AT_EMPTY_PATH");
	fake_done(&f);

	/* verbose */
	st.st_mode = S_IFREG | 0600;
	pcfg.verbose = true;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, (unsigned long)"", (unsigned long)&st, 0, 0, 0);
	run(&f.tcb, dec_newfstatat, 0, 0);
	snprintf(want, sizeof(want), "3, \"\", {st_dev=makedev(0xfe, 0), st_ino=42, st_mode=S_IFREG|0600, "
		 "st_nlink=1, st_uid=0, st_gid=0, st_blksize=4096, st_blocks=8, st_size=12, "
		 "st_atime=1 /* 1970-01-01T00:00:01.000000002+0000 */, st_atime_nsec=2, "
		 "st_mtime=0 /* 1970-01-01T00:00:00+0000 */, st_mtime_nsec=0, "
		 "st_ctime=0 /* 1970-01-01T00:00:00+0000 */, st_ctime_nsec=0}, 0");
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);
	pcfg.verbose = false;

	/* failed syscall: the address, not the contents */
	fake_init(&f, getpid());
	set_args(&f.tcb, (unsigned long)AT_FDCWD, (unsigned long)path, (unsigned long)&st, 0, 0, 0);
	run(&f.tcb, dec_newfstatat, -1, 2);
	snprintf(want, sizeof(want), "AT_FDCWD, \"x\", %p, 0", (void *)&st);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);

	/* unreadable buffer */
	fake_init(&f, getpid());
	set_args(&f.tcb, (unsigned long)AT_FDCWD, (unsigned long)path, BAD_ADDR, 0, 0, 0);
	run(&f.tcb, dec_newfstatat, 0, 0);
	assert_string_equal(fake_text(&f), "AT_FDCWD, \"x\", 0x8, 0");
	fake_done(&f);

	/* vanished tracee (ESRCH): addresses */
	fake_init(&f, NO_SUCH_PID);
	set_args(&f.tcb, 0x1000, 0x2000, 0x3000, 0, 0, 0);
	run(&f.tcb, dec_newfstatat, 0, 0);
	assert_string_equal(fake_text(&f), "4096, 0x2000, 0x3000, 0");
	fake_done(&f);

	/* fstat through the table row (print_arg) */
	fake_init(&f, getpid());
	f.tcb.ent = arch_syscall(arch_native, arch_syscall_number(arch_native, "fstat"));
	assert_non_null(f.tcb.ent);
	set_args(&f.tcb, 3, (unsigned long)&st, 0, 0, 0, 0);
	run(&f.tcb, dec_stat, 0, 0);
	assert_string_equal(fake_text(&f), "3, {st_mode=S_IFREG|0600, st_size=12, ...}");
	fake_done(&f);
}

static void test_statx(void **state)
{
	struct fake f;
	struct statx stx;

	(void)state;
	memset(&stx, 0, sizeof(stx));
	stx.stx_mask = STATX_BASIC_STATS | STATX_MNT_ID;
	stx.stx_mode = S_IFDIR | 0755;
	stx.stx_size = 4096;
	fake_init(&f, getpid());
	set_args(&f.tcb, (unsigned long)AT_FDCWD, (unsigned long)"d",
		 AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT, STATX_MODE | STATX_SIZE,
		 (unsigned long)&stx, 0);
	run(&f.tcb, dec_statx, 0, 0);
	assert_string_equal(fake_text(&f),
			    "AT_FDCWD, \"d\", AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT, "
			    "STATX_MODE|STATX_SIZE, {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, "
			    "stx_attributes=0, stx_mode=S_IFDIR|0755, stx_size=4096, ...}");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, 3, (unsigned long)"", AT_EMPTY_PATH | AT_STATX_DONT_SYNC, 0x80000000u,
		 BAD_ADDR, 0);
	run(&f.tcb, dec_statx, 0, 0);
	assert_string_equal(fake_text(&f),
			    "3, \"\", AT_STATX_DONT_SYNC|AT_EMPTY_PATH, 0x80000000 /* STATX_??? */, 0x8");
	fake_done(&f);

	/* both sync bits print as flags; only the fields in stx_mask print */
	memset(&stx, 0, sizeof(stx));
	stx.stx_mask = STATX_TYPE | STATX_MODE | STATX_MTIME;
	stx.stx_mode = S_IFREG | 0600;
	stx.stx_size = 7;
	pcfg.verbose = true;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, (unsigned long)"", AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC, 0,
		 (unsigned long)&stx, 0);
	run(&f.tcb, dec_statx, 0, 0);
	assert_string_equal(fake_text(&f),
			    "3, \"\", AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC, 0, "
			    "{stx_mask=STATX_TYPE|STATX_MODE|STATX_MTIME, stx_blksize=0, stx_attributes=0, "
			    "stx_mode=S_IFREG|0600, stx_attributes_mask=0, "
			    "stx_mtime={tv_sec=0, tv_nsec=0} /* 1970-01-01T00:00:00+0000 */, "
			    "stx_rdev_major=0, stx_rdev_minor=0, stx_dev_major=0, stx_dev_minor=0}");
	fake_done(&f);
	pcfg.verbose = false;
}

/* Build a linux_dirent64 record. */
static size_t put_dirent64(unsigned char *p, uint64_t ino, int64_t off, unsigned char type,
			   const char *name)
{
	size_t reclen = (19 + strlen(name) + 1 + 7) & ~(size_t)7;
	uint16_t r = (uint16_t)reclen;

	memset(p, 0, reclen);
	memcpy(p, &ino, 8);
	memcpy(p + 8, &off, 8);
	memcpy(p + 16, &r, 2);
	p[18] = type;
	memcpy(p + 19, name, strlen(name));
	return reclen;
}

static void test_getdents64(void **state)
{
	struct fake f;
	unsigned char buf[256];
	size_t len = 0;
	char want[256];

	(void)state;
	len += put_dirent64(buf + len, 7, 1, 4 /* DT_DIR */, ".");
	len += put_dirent64(buf + len, 8, 2, 8 /* DT_REG */, "a\"b");
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, (unsigned long)buf, sizeof(buf), 0, 0, 0);
	run(&f.tcb, dec_getdents64, (long)len, 0);
	snprintf(want, sizeof(want), "3, %p /* 2 entries */, 256", (void *)buf);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);

	pcfg.verbose = true;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, (unsigned long)buf, sizeof(buf), 0, 0, 0);
	run(&f.tcb, dec_getdents64, (long)len, 0);
	assert_string_equal(fake_text(&f),
			    "3, [{d_ino=7, d_off=1, d_reclen=24, d_type=DT_DIR, d_name=\".\"}, "
			    "{d_ino=8, d_off=2, d_reclen=24, d_type=DT_REG, d_name=\"a\\\"b\"}], 256");
	fake_done(&f);

	/* end of directory */
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, (unsigned long)buf, sizeof(buf), 0, 0, 0);
	run(&f.tcb, dec_getdents64, 0, 0);
	assert_string_equal(fake_text(&f), "3, [], 256");
	fake_done(&f);
	pcfg.verbose = false;

	/* a corrupt record length stops the walk without reading past len */
	buf[16] = 3; buf[17] = 0;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, (unsigned long)buf, sizeof(buf), 0, 0, 0);
	run(&f.tcb, dec_getdents64, (long)len, 0);
	snprintf(want, sizeof(want), "3, %p /* 0 entries */, 256", (void *)buf);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);

	/* old getdents: d_reclen 18 has no room for the type byte; the name
	 * length (reclen - 19) must not wrap into a read past the buffer */
	{
		unsigned char *old = malloc(18 + 18);

		memset(old, 'x', 36);
		old[16] = 18; old[17] = 0;
		fake_init(&f, getpid());
		print_dirents(&f.tcb, 0x1000, old, 36, 0, 1);
		assert_string_equal(fake_text(&f), "[]");
		fake_done(&f);
		free(old);
	}

	/* error, and a return value larger than the buffer (huge length) */
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, BAD_ADDR, 4096, 0, 0, 0);
	run(&f.tcb, dec_getdents64, -1, 14);
	assert_string_equal(fake_text(&f), "3, 0x8, 4096");
	fake_done(&f);
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, (unsigned long)buf, 16, 0, 0, 0);
	run(&f.tcb, dec_getdents64, 1L << 40, 0);
	snprintf(want, sizeof(want), "3, %p, 16", (void *)buf);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);
}

static void test_utimensat_mknod(void **state)
{
	struct fake f;
	struct { int64_t s, ns; } ts[2] = { { 1, 2 }, { 0, (1 << 30) - 1 } };

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, (unsigned long)AT_FDCWD, (unsigned long)"a", (unsigned long)ts, 0, 0, 0);
	run(&f.tcb, dec_utimensat, 0, 0);
	assert_string_equal(fake_text(&f), "AT_FDCWD, \"a\", [{tv_sec=1, tv_nsec=2} "
			    "/* 1970-01-01T00:00:01.000000002+0000 */, UTIME_NOW], 0");
	fake_done(&f);

	ts[0].ns = (1 << 30) - 2;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, 0, (unsigned long)ts, AT_SYMLINK_NOFOLLOW, 0, 0);
	run(&f.tcb, dec_utimensat, 0, 0);
	assert_string_equal(fake_text(&f), "3, NULL, [UTIME_OMIT, UTIME_NOW], AT_SYMLINK_NOFOLLOW");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, (unsigned long)AT_FDCWD, (unsigned long)"c", S_IFCHR | 0600,
		 makedev(1, 3), 0, 0);
	run(&f.tcb, dec_mknodat, 0, 0);
	assert_string_equal(fake_text(&f), "AT_FDCWD, \"c\", S_IFCHR|0600, makedev(0x1, 0x3)");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, (unsigned long)"p", S_IFIFO | 0644, 0, 0, 0, 0);
	run(&f.tcb, dec_mknod, 0, 0);
	assert_string_equal(fake_text(&f), "\"p\", S_IFIFO|0644");
	fake_done(&f);
}

static void test_getcwd(void **state)
{
	struct fake f;
	static const char cwd[] = "/tmp/fo1";

	(void)state;
	fake_init(&f, getpid());
	set_args(&f.tcb, (unsigned long)cwd, 4096, 0, 0, 0, 0);
	run(&f.tcb, dec_getcwd, sizeof(cwd), 0);
	assert_string_equal(fake_text(&f), "\"/tmp/fo1\", 4096");
	fake_done(&f);

	fake_init(&f, getpid());
	set_args(&f.tcb, BAD_ADDR, 1, 0, 0, 0, 0);
	run(&f.tcb, dec_getcwd, -1, 34);
	assert_string_equal(fake_text(&f), "0x8, 1");
	fake_done(&f);
}

static void test_xattr(void **state)
{
	struct fake f;
	char val[] = "val", list[] = "user.x\0";
	char want[128];

	(void)state;
	fake_init(&f, getpid());
	f.tcb.ent = arch_syscall(arch_native, arch_syscall_number(arch_native, "fgetxattr"));
	set_args(&f.tcb, 3, (unsigned long)"user.x", (unsigned long)val, 256, 0, 0);
	run(&f.tcb, dec_getxattr, 3, 0);
	assert_string_equal(fake_text(&f), "3, \"user.x\", \"val\", 256");
	fake_done(&f);

	/* size 0 asks for the length only: the address, not "" */
	fake_init(&f, getpid());
	f.tcb.ent = arch_syscall(arch_native, arch_syscall_number(arch_native, "fgetxattr"));
	set_args(&f.tcb, 3, (unsigned long)"user.x", (unsigned long)val, 0, 0, 0);
	run(&f.tcb, dec_getxattr, 3, 0);
	snprintf(want, sizeof(want), "3, \"user.x\", %p, 0", (void *)val);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);

	fake_init(&f, getpid());
	f.tcb.ent = arch_syscall(arch_native, arch_syscall_number(arch_native, "flistxattr"));
	set_args(&f.tcb, 3, (unsigned long)list, 256, 0, 0, 0);
	run(&f.tcb, dec_listxattr, 7, 0);
	assert_string_equal(fake_text(&f), "3, \"user.x\\0\", 256");
	fake_done(&f);

	fake_init(&f, getpid());
	f.tcb.ent = arch_syscall(arch_native, arch_syscall_number(arch_native, "flistxattr"));
	set_args(&f.tcb, 3, 0, 0, 0, 0, 0);
	run(&f.tcb, dec_listxattr, 7, 0);
	assert_string_equal(fake_text(&f), "3, NULL, 0");
	fake_done(&f);
}

/* -y: paths are escaped, "<" and ">" in octal, "(deleted)" after ">" */
static void test_fd_paths(void **state)
{
	struct fake f;
	char dir[] = "/tmp/ctrace-test-XXXXXX", path[128], want[256];
	int fd;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/a>b<c\nd\"e", dir);
	fd = open(path, O_CREAT | O_RDWR, 0600);
	assert_true(fd >= 0);
	pcfg.decode_fds = DECODE_FD_PATH;
	fake_init(&f, getpid());
	print_fd(&f.tcb, fd);
	snprintf(want, sizeof(want), "%d<%s/a\\76b\\74c\\nd\\\"e>", fd, dir);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);

	unlink(path);
	fake_init(&f, getpid());
	print_fd(&f.tcb, fd);
	snprintf(want, sizeof(want), "%d<%s/a\\76b\\74c\\nd\\\"e>(deleted)", fd, dir);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);
	close(fd);

	/* a live file whose name ends in " (deleted)" is not deleted */
	snprintf(path, sizeof(path), "%s/x (deleted)", dir);
	fd = open(path, O_CREAT | O_RDWR, 0600);
	assert_true(fd >= 0);
	fake_init(&f, getpid());
	print_fd(&f.tcb, fd);
	snprintf(want, sizeof(want), "%d<%s/x (deleted)>", fd, dir);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);
	unlink(path);

	/* AT_FDCWD: the cwd; a closed fd: the number alone */
	fake_init(&f, getpid());
	print_dirfd(&f.tcb, AT_FDCWD);
	assert_non_null(strstr(fake_text(&f), "AT_FDCWD</"));
	fake_done(&f);
	close(fd);
	fake_init(&f, getpid());
	print_fd(&f.tcb, fd);
	snprintf(want, sizeof(want), "%d", fd);
	assert_string_equal(fake_text(&f), want);
	fake_done(&f);
	pcfg.decode_fds = 0;
	rmdir(dir);
}

/* -X raw / verbose on the hand-formatted values */
static void test_xlat_styles(void **state)
{
	struct fake f;
	struct stat st;
	struct { int64_t s, ns; } ts[2] = { { 0, (1 << 30) - 1 }, { 0, (1 << 30) - 2 } };

	(void)state;
	memset(&st, 0, sizeof(st));
	st.st_mode = S_IFCHR | 0666;
	st.st_rdev = makedev(1, 3);

	pcfg.xlat_style = XLAT_RAW;
	fake_init(&f, getpid());
	set_args(&f.tcb, (unsigned long)AT_FDCWD, (unsigned long)"a", O_RDONLY | O_CLOEXEC, 0, 0, 0);
	run(&f.tcb, dec_openat, 3, 0);
	assert_string_equal(fake_text(&f), "-100, \"a\", 0x80000");
	fake_done(&f);
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, (unsigned long)"", (unsigned long)&st, AT_EMPTY_PATH, 0, 0);
	run(&f.tcb, dec_newfstatat, 0, 0);
	assert_string_equal(fake_text(&f), "3, \"\", {st_mode=020666, st_rdev=0x103, ...}, 0x1000");
	fake_done(&f);

	pcfg.xlat_style = XLAT_VERBOSE;
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, (unsigned long)"a", O_RDONLY, 0, 0, 0);
	run(&f.tcb, dec_openat, 3, 0);
	assert_string_equal(fake_text(&f), "3, \"a\", 0 /* O_RDONLY */");
	fake_done(&f);
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, 0, (unsigned long)ts, 0, 0, 0);
	run(&f.tcb, dec_utimensat, 0, 0);
	assert_string_equal(fake_text(&f), "3, NULL, [{tv_sec=0, tv_nsec=1073741823} /* UTIME_NOW */, "
			    "{tv_sec=0, tv_nsec=1073741822} /* UTIME_OMIT */], 0");
	fake_done(&f);
	fake_init(&f, getpid());
	set_args(&f.tcb, 3, (unsigned long)"", (unsigned long)&st, 0, 0, 0);
	run(&f.tcb, dec_newfstatat, 0, 0);
	assert_string_equal(fake_text(&f), "3, \"\", {st_mode=020666 /* S_IFCHR|0666 */, "
			    "st_rdev=0x103 /* makedev(0x1, 0x3) */, ...}, 0");
	fake_done(&f);
	pcfg.xlat_style = XLAT_ABBREV;
}

/* generic flags: no known bit -> "0x4000 / * AT_??? * /" like strace */
static void test_flags_unknown(void **state)
{
	struct fake f;

	(void)state;
	fake_init(&f, getpid());
	print_flags_arg(&f.tcb, &xlat_at_flags, 0x4000);
	assert_string_equal(fake_text(&f), "0x4000 /* AT_??? */");
	fake_done(&f);

	fake_init(&f, getpid());
	print_flags_arg(&f.tcb, &xlat_at_flags, 0x4000 | AT_REMOVEDIR);
	assert_string_equal(fake_text(&f), "AT_REMOVEDIR|0x4000");
	fake_done(&f);

	fake_init(&f, getpid());
	print_flags_arg(&f.tcb, &xlat_at_flags, 0);
	assert_string_equal(fake_text(&f), "0");
	fake_done(&f);

	fake_init(&f, getpid());
	print_flags_arg(&f.tcb, &xlat_renameat2_flags, 0x8);
	assert_string_equal(fake_text(&f), "0x8 /* RENAME_?? */");
	fake_done(&f);

	fake_init(&f, getpid());
	print_flags_arg(&f.tcb, &xlat_open_flags, 0x1);
	assert_string_equal(fake_text(&f), "0x1 /* O_??? */");
	fake_done(&f);

	pcfg.xlat_style = XLAT_RAW;
	fake_init(&f, getpid());
	print_flags_arg(&f.tcb, &xlat_at_flags, 0x4000);
	assert_string_equal(fake_text(&f), "0x4000");
	fake_done(&f);
	pcfg.xlat_style = XLAT_ABBREV;

	/* a set whose items share no prefix: plain hex */
	fake_init(&f, getpid());
	print_flags_arg(&f.tcb, &xlat_access_modes, 0x10);
	assert_string_equal(fake_text(&f), "0x10");
	fake_done(&f);
}

/* -P and fsconfig: the path is the value of FSCONFIG_SET_PATH*, the
 * descriptor their aux and FSCONFIG_SET_FD's; never the context fd */
static void test_pathtrace_fsconfig(void **state)
{
	struct fake f;
	int fd = open("/dev/null", O_RDONLY);
	const char *other = "/nonexistent";

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(pathtrace_add("/dev/null", true), 0);
	fake_init(&f, getpid());
	f.tcb.arch = arch_native;
	f.tcb.ent = arch_syscall(arch_native, arch_syscall_number(arch_native, "fsconfig"));
	assert_non_null(f.tcb.ent);
	set_args(&f.tcb, fd, FSCONFIG_SET_FLAG, (unsigned long)"/dev/null", 0, fd, 0);
	assert_false(pathtrace_match(&f.tcb));
	set_args(&f.tcb, fd, FSCONFIG_SET_STRING, 0, (unsigned long)"/dev/null", fd, 0);
	assert_false(pathtrace_match(&f.tcb));
	set_args(&f.tcb, -1, FSCONFIG_SET_PATH, 0, (unsigned long)"/dev/null", AT_FDCWD, 0);
	assert_true(pathtrace_match(&f.tcb));
	set_args(&f.tcb, -1, FSCONFIG_SET_PATH_EMPTY, 0, (unsigned long)other, fd, 0);
	assert_true(pathtrace_match(&f.tcb));
	set_args(&f.tcb, -1, FSCONFIG_SET_PATH, 0, (unsigned long)other, AT_FDCWD, 0);
	assert_false(pathtrace_match(&f.tcb));
	set_args(&f.tcb, -1, FSCONFIG_SET_FD, 0, 0, fd, 0);
	assert_true(pathtrace_match(&f.tcb));
	fake_done(&f);
	close(fd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_open_flags, fake_setup),
		cmocka_unit_test_setup(test_mode_type, fake_setup),
		cmocka_unit_test_setup(test_dev_and_time, fake_setup),
		cmocka_unit_test_setup(test_openat, fake_setup),
		cmocka_unit_test_setup(test_openat2, fake_setup),
		cmocka_unit_test_setup(test_newfstatat, fake_setup),
		cmocka_unit_test_setup(test_statx, fake_setup),
		cmocka_unit_test_setup(test_getdents64, fake_setup),
		cmocka_unit_test_setup(test_utimensat_mknod, fake_setup),
		cmocka_unit_test_setup(test_getcwd, fake_setup),
		cmocka_unit_test_setup(test_xattr, fake_setup),
		cmocka_unit_test_setup(test_fd_paths, fake_setup),
		cmocka_unit_test_setup(test_xlat_styles, fake_setup),
		cmocka_unit_test_setup(test_flags_unknown, fake_setup),
		cmocka_unit_test_setup(test_pathtrace_fsconfig, fake_setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
