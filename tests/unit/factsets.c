/* Fact sets shared by the check tests; see factsets.h. */
#include "config.h"
#include "factsets.h"

#include <errno.h>
#include <string.h>

void fs_probe(struct check_facts *f, enum probe_id id, enum probe_result r, int err, int sig)
{
	f->probes[id].result = r;
	f->probes[id].err = err;
	f->probes[id].sig = sig;
}

void fs_all_allowed(struct check_facts *f)
{
	for (int i = 0; i < PROBE_COUNT; i++)
		fs_probe(f, i, PROBE_ALLOWED, probe_expected(i), 0);
}

void fs_host_root(struct check_facts *f)
{
	check_facts_init(f);
	f->have_status = true;
	f->cap_eff = f->cap_prm = f->cap_bnd = FS_ALL_CAPS;
	f->seccomp_mode = 0;
	f->seccomp_filters = 0;
	f->no_new_privs = 0;
	f->nspid_depth = 1;
	f->yama_scope = 0;
	f->lsm = LSM_APPARMOR;
	f->lsm_confined = false;
	strcpy(f->lsm_label, "unconfined");
	f->userns = 0;
	f->engine = ENGINE_NONE;
	strcpy(f->kernel_release, "6.1.0-18-amd64");
	f->kver_major = 6;
	f->kver_minor = 1;
	f->perf_paranoid = 2;
	f->bpf_unpriv_disabled = 2;
	f->pmu_hw = 1;
	fs_all_allowed(f);
}

void fs_docker_default(struct check_facts *f)
{
	fs_host_root(f);
	f->cap_eff = f->cap_prm = f->cap_bnd = FS_DOCKER_CAPS;
	f->seccomp_mode = 2;
	f->seccomp_filters = 1;
	f->nspid_depth = 2;
	f->engine = ENGINE_DOCKER;
	strcpy(f->engine_hints, "/.dockerenv");
	fs_probe(f, PROBE_VM_READV, PROBE_ERRNO, EPERM, 0);
	fs_probe(f, PROBE_PERSONALITY_NORAND, PROBE_ERRNO, EPERM, 0);
	fs_probe(f, PROBE_KCMP, PROBE_ERRNO, EPERM, 0);
	fs_probe(f, PROBE_PIDFD_GETFD, PROBE_ERRNO, EPERM, 0);
	fs_probe(f, PROBE_CLONE3, PROBE_ERRNO, ENOSYS, 0);
	fs_probe(f, PROBE_PERF_EVENT_OPEN, PROBE_ERRNO, EPERM, 0);
	fs_probe(f, PROBE_PERF_HW, PROBE_ERRNO, EPERM, 0);
	fs_probe(f, PROBE_PERF_SW, PROBE_ERRNO, EPERM, 0);
	fs_probe(f, PROBE_BPF, PROBE_ERRNO, EPERM, 0);
}
