/* Fact sets shared by the cmocka tests of check_assess() (test_assess.c)
 * and of the tools table (test_tools.c): a bare-metal root host and Docker
 * 20.10's default container, as measured (see /work GUIDE and the
 * container tests). */
#ifndef CTRACE_TEST_FACTSETS_H
#define CTRACE_TEST_FACTSETS_H

#include <stdint.h>

#include "check/facts.h"

#define B(c) (UINT64_C(1) << (c))

/* Docker's default capabilities (CAP_CHOWN ... CAP_SETFCAP). */
#define FS_DOCKER_CAPS UINT64_C(0xa80425fb)
#define FS_ALL_CAPS (B(41) - 1)

void fs_probe(struct check_facts *f, enum probe_id id, enum probe_result r, int err, int sig);
/* Every probe answered as the kernel does without any filter. */
void fs_all_allowed(struct check_facts *f);
/* A bare-metal host, root, kernel 6.1, a hardware PMU, no filter. */
void fs_host_root(struct check_facts *f);
/* Docker 20.10's default profile and capabilities, as root: the probes its
 * filter refuses (EPERM; clone3 ENOSYS). */
void fs_docker_default(struct check_facts *f);

#endif
