/* Unit tests of bpf(2)'s decoder (src/decode_bpf.c), driven with the fake
 * tracee of tests/unit/fake_tcb.[ch]: this test process, whose memory
 * holds the attributes the decoder reads. */
#include "config.h"

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <cmocka.h>

#include <linux/bpf.h>

#include "fake_tcb.h"
#include "gen/decoders.h"
#include "sink.h"
#include "tcb.h"

static const char *drive(struct fake *f, long rval, int err, unsigned long a0, unsigned long a1,
			 unsigned long a2)
{
	return fake_drive(f, dec_bpf, rval, err, a0, a1, a2, 0, 0, 0);
}

/* BPF_MAP_CREATE: the first four fields always, the others while they
 * start within the size; numa_node only with BPF_F_NUMA_NODE; a name
 * cut by the size; the result is a descriptor. */
static void test_bpf_map_create(void **state)
{
	union bpf_attr a;
	struct fake f;

	(void)state;
	memset(&a, 0, sizeof(a));
	a.map_type = BPF_MAP_TYPE_ARRAY;
	a.key_size = 4;
	a.map_flags = BPF_F_NUMA_NODE | 0x100000;
	a.inner_map_fd = (uint32_t)-1;
	a.numa_node = (uint32_t)-1;
	memcpy(a.map_name, "0123456789abcdef", 16);
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, -1, EINVAL, BPF_MAP_CREATE, (unsigned long)&a, 4),
			    "BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=0, value_size=0, "
			    "max_entries=0}, 4");
	assert_string_equal(drive(&f, -1, EINVAL, BPF_MAP_CREATE, (unsigned long)&a, 36),
			    "BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, value_size=0, "
			    "max_entries=0, map_flags=BPF_F_NUMA_NODE|0x100000, inner_map_fd=-1, "
			    "numa_node=4294967295 /* NUMA_NO_NODE */, map_name=\"0123456\"...}, 36");
	a.map_flags = 0;
	a.map_name[15] = 0;
	drive(&f, 3, 0, BPF_MAP_CREATE, (unsigned long)&a, sizeof(a));
	assert_true(f.tcb.rval_fd);
	assert_non_null(strstr(fake_text(&f), ", map_flags=0, inner_map_fd=-1, "
					       "map_name=\"0123456789abcde\", map_ifindex=0, btf_fd=0, "));
	fake_done(&f);
}

/* BPF_OBJ_GET_INFO_BY_FD: the length the kernel wrote back after " => " */
static void test_bpf_obj_get_info(void **state)
{
	union bpf_attr a;
	struct fake f;
	char want[160];

	(void)state;
	memset(&a, 0, sizeof(a));
	a.info.bpf_fd = 7;
	a.info.info_len = 80;
	a.info.info = 0xbadc0ded;
	fake_init(&f, getpid());
	snprintf(want, sizeof(want), "BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=7, info_len=80, info=%#x}}, 16",
		 0xbadc0ded);
	assert_string_equal(drive(&f, 0, 0, BPF_OBJ_GET_INFO_BY_FD, (unsigned long)&a, 16), want);
	assert_false(f.tcb.rval_fd);
	fake_done(&f);
}

/* -v: a map's struct bpf_map_info after a successful call, its fields
 * while they start within the info_len the kernel wrote back; the
 * descriptor tells a map (skipped where bpf(2) is not allowed) */
static void test_bpf_map_info(void **state)
{
	union bpf_attr a, c;
	struct bpf_map_info mi;
	struct fake f;
	int fd;

	(void)state;
	memset(&c, 0, sizeof(c));
	c.map_type = BPF_MAP_TYPE_ARRAY;
	c.key_size = 4;
	c.value_size = 8;
	c.max_entries = 1;
	fd = (int)syscall(__NR_bpf, BPF_MAP_CREATE, &c, sizeof(c));
	if (fd < 0)
		skip();
	memset(&mi, 0, sizeof(mi));
	mi.type = BPF_MAP_TYPE_HASH;
	mi.id = 9;
	mi.map_flags = BPF_F_RDONLY;
	strcpy(mi.name, "m");
	mi.netns_dev = makedev(8, 1);
	memset(&a, 0, sizeof(a));
	a.info.bpf_fd = (uint32_t)fd;
	a.info.info_len = offsetof(struct bpf_map_info, netns_ino);
	a.info.info = (uintptr_t)&mi;
	pcfg.verbose = true;
	fake_init(&f, getpid());
	assert_non_null(strstr(drive(&f, 0, 0, BPF_OBJ_GET_INFO_BY_FD, (unsigned long)&a, 16),
			       ", info_len=56, info={type=BPF_MAP_TYPE_HASH, id=9, key_size=0, "
			       "value_size=0, max_entries=0, map_flags=BPF_F_RDONLY, name=\"m\", "
			       "ifindex=0, btf_vmlinux_value_type_id=0, netns_dev=makedev(0x8, 0x1)}}}, 16"));
	pcfg.verbose = false;
	fake_done(&f);
	close(fd);
}

/* BPF_PROG_LOAD: the log buffer as a string of at most log_size bytes */
static void test_bpf_prog_load_log(void **state)
{
	union bpf_attr a;
	char log[8] = "log text";
	struct fake f;

	(void)state;
	memset(&a, 0, sizeof(a));
	a.log_size = 4;
	a.log_buf = (uintptr_t)log;
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, -1, EINVAL, BPF_PROG_LOAD, (unsigned long)&a,
				  offsetof(union bpf_attr, log_buf) + 8),
			    "BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_UNSPEC, insn_cnt=0, insns=NULL, "
			    "license=NULL, log_level=0, log_size=4, log_buf=\"log \"...}, 40");
	fake_done(&f);
}

/* The other commands from their field tables: the fields always
 * printed whatever the size, a nested structure, nonzero bytes past the
 * known structure as "..." (the hex bytes under -v) */
static void test_bpf_cmd_table(void **state)
{
	static char buf[256];
	union bpf_attr *a = (union bpf_attr *)buf;
	char want[512];
	struct fake f;
	size_t n;

	(void)state;
	memset(buf, 0, sizeof(buf));
	a->map_fd = (uint32_t)-1;
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, -1, EBADF, BPF_MAP_LOOKUP_ELEM, (unsigned long)buf, 4),
			    "BPF_MAP_LOOKUP_ELEM, {map_fd=-1, key=NULL, value=NULL}, 4");
	a->flags = BPF_EXIST;
	assert_string_equal(drive(&f, -1, EBADF, BPF_MAP_UPDATE_ELEM, (unsigned long)buf, 32),
			    "BPF_MAP_UPDATE_ELEM, {map_fd=-1, key=NULL, value=NULL, flags=BPF_EXIST}, 32");
	buf[100] = 1;
	assert_string_equal(drive(&f, -1, E2BIG, BPF_MAP_DELETE_ELEM, (unsigned long)buf, 128),
			    "BPF_MAP_DELETE_ELEM, {map_fd=-1, key=NULL, ...}, 128");
	a->flags = 0;
	pcfg.verbose = true;
	n = (size_t)snprintf(want, sizeof(want), "BPF_MAP_FREEZE, {map_fd=-1, extra_data=\"");
	for (size_t i = 4; i < 102; i++)
		n += (size_t)snprintf(want + n, sizeof(want) - n, "\\x%02x", buf[i]);
	snprintf(want + n, sizeof(want) - n, "\" /* bytes 4..101 */}, 102");
	assert_string_equal(drive(&f, -1, E2BIG, BPF_MAP_FREEZE, (unsigned long)buf, 102), want);
	pcfg.verbose = false;
	memset(buf, 0, sizeof(buf));
	a->test.prog_fd = (uint32_t)-1;
	a->test.flags = BPF_F_TEST_RUN_ON_CPU;
	assert_string_equal(drive(&f, -1, EBADF, BPF_PROG_TEST_RUN, (unsigned long)buf, 4),
			    "BPF_PROG_TEST_RUN, {test={prog_fd=-1, retval=0, data_size_in=0, "
			    "data_size_out=0, data_in=NULL, data_out=NULL, repeat=0, duration=0}}, 4");
	assert_non_null(strstr(drive(&f, -1, EBADF, BPF_PROG_TEST_RUN, (unsigned long)buf, 72),
			       ", ctx_in=NULL, ctx_out=NULL, flags=BPF_F_TEST_RUN_ON_CPU, cpu=0}}, 72"));
	fake_done(&f);
}

/* BPF_LINK_CREATE by attach type; BPF_PROG_QUERY's program ids at
 * exit: the array after a success, its address after a failure */
static void test_bpf_link_create_prog_query(void **state)
{
	static char buf[256];
	static uint32_t ids[2] = { 7, 9 };
	union bpf_attr *a = (union bpf_attr *)buf;
	char want[256];
	struct fake f;

	(void)state;
	memset(buf, 0, sizeof(buf));
	a->link_create.prog_fd = (uint32_t)-1;
	a->link_create.attach_type = BPF_PERF_EVENT;
	a->link_create.flags = 4;
	a->link_create.perf_event.bpf_cookie = 0xdeadc0de00000000ULL;
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, -1, EINVAL, BPF_LINK_CREATE, (unsigned long)buf, 24),
			    "BPF_LINK_CREATE, {link_create={prog_fd=-1, target_fd=0, "
			    "attach_type=BPF_PERF_EVENT, flags=0x4, perf_event={bpf_cookie=0xdeadc0de00000000}}}, 24");
	a->link_create.attach_type = BPF_CGROUP_INET_EGRESS;
	assert_string_equal(drive(&f, -1, EINVAL, BPF_LINK_CREATE, (unsigned long)buf, 24),
			    "BPF_LINK_CREATE, {link_create={prog_fd=-1, target_fd=0, "
			    "attach_type=BPF_CGROUP_INET_EGRESS, flags=0x4}, ...}, 24");
	memset(buf, 0, sizeof(buf));
	a->query.target_fd = (uint32_t)-1;
	a->query.prog_ids = (uintptr_t)ids;
	a->query.prog_cnt = 2;
	assert_string_equal(drive(&f, 0, 0, BPF_PROG_QUERY, (unsigned long)buf, 40),
			    "BPF_PROG_QUERY, {query={target_fd=-1, attach_type=BPF_CGROUP_INET_INGRESS, "
			    "query_flags=0, attach_flags=0, prog_ids=[7, 9], prog_cnt=2}}, 40");
	snprintf(want, sizeof(want), "BPF_PROG_QUERY, {query={target_fd=-1, "
		 "attach_type=BPF_CGROUP_INET_INGRESS, query_flags=0, attach_flags=0, "
		 "prog_ids=%p, prog_cnt=2}}, 40", (void *)ids);
	assert_string_equal(drive(&f, -1, EINVAL, BPF_PROG_QUERY, (unsigned long)buf, 40), want);
	fake_done(&f);
}

/* -v: BPF_PROG_LOAD's eBPF instructions, code by its parts */
static void test_bpf_prog_load_insns(void **state)
{
	static const struct bpf_insn insns[2] = {
		{ .code = BPF_ALU64 | BPF_K | BPF_MOV, .dst_reg = 1, .imm = 0 },
		{ .code = BPF_JMP | BPF_K | BPF_EXIT, .dst_reg = 10, .src_reg = 11, .off = -8,
		  .imm = 0x2a },
	};
	union bpf_attr a;
	struct fake f;

	(void)state;
	memset(&a, 0, sizeof(a));
	a.insn_cnt = 2;
	a.insns = (uintptr_t)insns;
	pcfg.verbose = true;
	fake_init(&f, getpid());
	assert_string_equal(drive(&f, -1, EINVAL, BPF_PROG_LOAD, (unsigned long)&a, 24),
			    "BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_UNSPEC, insn_cnt=2, insns=["
			    "{code=BPF_ALU64|BPF_K|BPF_MOV, dst_reg=BPF_REG_1, src_reg=BPF_REG_0, off=0, imm=0}, "
			    "{code=BPF_JMP|BPF_K|BPF_EXIT, dst_reg=BPF_REG_10, src_reg=0xb /* BPF_REG_??? */, "
			    "off=-8, imm=0x2a}], license=NULL}, 24");
	pcfg.verbose = false;
	fake_done(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bpf_map_create),
		cmocka_unit_test(test_bpf_cmd_table),
		cmocka_unit_test(test_bpf_prog_load_insns),
		cmocka_unit_test(test_bpf_link_create_prog_query),
		cmocka_unit_test(test_bpf_obj_get_info),
		cmocka_unit_test(test_bpf_map_info),
		cmocka_unit_test(test_bpf_prog_load_log),
	};

	return cmocka_run_group_tests(tests, fake_setup, NULL);
}
