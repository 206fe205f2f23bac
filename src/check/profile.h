/* Docker / OCI seccomp profiles (the JSON that docker, podman and runc
 * read): parse and validate, then build the BPF filter an engine would
 * install for a given architecture, capability set and kernel.
 *
 * Parsing checks everything that does not depend on the target: JSON
 * syntax, types, actions, operators, argument indexes, minKernel syntax.
 * Errors are negative errnos with a message "PATH: what" in the caller's
 * buffer, PATH being a JSON path such as syscalls[3].action.
 *
 * Building follows moby's profiles/seccomp setupSeccomp() for the
 * includes/excludes selection (caps are the configured capability set,
 * i.e. the bounding set, not the effective one; arches use Go's names
 * amd64/arm64; minKernel is compared as major.minor) and runc's
 * libcontainer/seccomp for the libseccomp calls (default errno EPERM for
 * SCMP_ACT_ERRNO/TRACE without errnoRet, rules whose action equals the
 * default action skipped, several conditions on one argument index added
 * as separate one-condition rules).
 *
 * Syscall names unknown to libseccomp are skipped, as runc does ("unknown
 * seccomp syscall ignored"): profiles list syscalls newer than the
 * library.  They are counted and named in `warnings`; with strict_names
 * they are an error instead.  Names that libseccomp knows but that do not
 * exist on the target architecture (access on aarch64) are skipped too
 * (counted in absent_names): they cannot change the target's answers.
 *
 * Not modelled: runc's patchbpf stub that makes syscalls newer than every
 * syscall of the profile fail with ENOSYS, listenerPath / flags, and the
 * other architectures of a multi-arch filter (the filter holds the target
 * architecture only; the answers for that architecture are the same). */
#ifndef CTRACE_CHECK_PROFILE_H
#define CTRACE_CHECK_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/filter.h>

struct seccomp_profile;

/* Parse a profile from memory (text need not be NUL-terminated). */
int profile_parse(const char *text, size_t len, struct seccomp_profile **out,
		  char *err, size_t errsz);
/* Read and parse a file; the message is prefixed with the file name. */
int profile_load(const char *path, struct seccomp_profile **out,
		 char *err, size_t errsz);
void profile_free(struct seccomp_profile *p);

struct profile_target {
	const char *arch;            /* "x86_64" or "aarch64" */
	uint64_t caps;               /* configured capability set (engine_caps.h) */
	unsigned kernel_major;       /* for minKernel; 0 and 0: uname() */
	unsigned kernel_minor;
	bool strict_names;           /* unknown syscall names are an error */
	unsigned timeout_ms;         /* 0: PROFILE_BUILD_TIMEOUT_MS */
};

#define PROFILE_BUILD_TIMEOUT_MS 10000

struct profile_filter {
	struct sock_filter *insns;   /* malloc'd, len instructions */
	unsigned len;
	uint32_t audit_arch;         /* AUDIT_ARCH_* of the target */
	unsigned rules;              /* libseccomp rules added */
	unsigned skipped_entries;    /* syscalls[] entries left out by includes/excludes */
	unsigned ignored_names;      /* names unknown to libseccomp */
	unsigned absent_names;       /* names not on the target architecture */
	char warnings[512];          /* "syscalls[0].names[3] \"foo\", ..." */
};

/* Build the filter.  Returns 0, or a negative errno with a message
 * (-ETIME when libseccomp did not finish within the timeout: the build
 * runs in a forked child, see profile.c). */
int profile_build(const struct seccomp_profile *p, const struct profile_target *t,
		  struct profile_filter *out, char *err, size_t errsz);
void profile_filter_release(struct profile_filter *f);

/* Running kernel's major.minor from uname(); 0 or -errno. */
int profile_host_kernel(unsigned *major, unsigned *minor);

#endif
