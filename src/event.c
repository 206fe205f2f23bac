#include "config.h"
#include "event.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "decode.h"
#include "filter.h"
#include "sink.h"
#include "quote.h"
#include "signals.h"
#include "stacktrace.h"
#include "util.h"

/* ---- JSON helpers ---- */

static double now_epoch(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A double printed with a fixed number of decimals. */
static json_object *json_fixed(double v, int decimals)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%.*f", decimals, v);
	return json_object_new_double_s(v, buf);
}

static json_object *json_event(struct tcb *tcp, const char *type)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "type", json_object_new_string(type));
	json_object_object_add(o, "pid", json_object_new_int(tcp->pid));
	if (tcp->ns_pid)
		json_object_object_add(o, "ns_pid", json_object_new_int(tcp->ns_pid));
	json_object_object_add(o, "time", json_fixed(now_epoch(), 6));
	return o;
}

static void json_emit(struct outstream *os, json_object *o)
{
	size_t n;
	const char *s = json_object_to_json_string_length(o, JSON_C_TO_STRING_PLAIN |
							  JSON_C_TO_STRING_NOSLASHESCAPE, &n);

	sink_write(os, s, n);
	sink_write(os, "\n", 1);
	if (os->flush_lines)
		sink_flush(os);
	json_object_put(o);
}

/* Capture what printers write for tcp into a memory buffer. */
static void capture_begin(struct tcb *tcp, struct mem_sink *m)
{
	if (mem_sink_push(tcp, m) < 0)
		ct_die("out of memory");
}

/* The JSON args: the text cut where the decoders marked a boundary
 * (tprint_arg_next() writes ", " and marks the offset after it). */
json_object *ev_args_from_marks(const char *text, size_t len, const struct arg_marks *am)
{
	json_object *args = json_object_new_array();
	size_t start = 0;

	if (len == 0)
		return args;
	for (unsigned i = 0; i < am->n && am->off[i] <= len; i++) {
		json_object_array_add(args, json_bytes(text + start, am->off[i] - 2 - start));
		start = am->off[i];
	}
	json_object_array_add(args, json_bytes(text + start, len - start));
	return args;
}

/* The tracee's JSON sink: its argument text, kept from entry to exit. */
static void json_args_push(struct tcb *tcp)
{
	sink_push(tcp, tcp->json_os);
}


/* ---- syscalls ---- */

void ev_syscall_entry_json(struct tcb *tcp)
{
	/* JSON: the argument text accumulates in the tracee's own buffer
	 * from entry to exit; one object is written at exit. */
	if (!tcp->json_os) {
		tcp->json_os = outstream_mem_new();
		tcp->json_os->marks = xcalloc(1, sizeof(*tcp->json_os->marks));
	}
	tcp->json_os->len = 0;
	tcp->json_os->marks->n = 0;
	json_args_push(tcp);
	syscall_decode_args(tcp);
	sink_pop(tcp);
	clock_gettime(CLOCK_MONOTONIC, &tcp->stime);
}

static void json_syscall_emit(struct tcb *tcp, bool finished, bool detached);

static void json_syscall(struct tcb *tcp, bool finished, bool detached)
{
	unsigned status = !finished ? (detached ? FS_DETACHED : FS_UNFINISHED)
				    : tcp->err ? FS_FAILED : FS_SUCCESSFUL;

	/* -e status= / -z / -Z: the event is dropped whole */
	if (filter_status_active() && !filter_status_selected(status))
		return;
	json_syscall_emit(tcp, finished, detached);
}
/* -k: the frames as "stack", each as the text line would show it
 * (alive: unwind now when nothing was captured at the entry) */
static void json_add_stack(struct tcb *tcp, json_object *o, bool alive)
{
	struct mem_sink c;
	json_object *frames = json_object_new_array();
	char *text, *line, *save = NULL;

	capture_begin(tcp, &c);
	stacktrace_print(tcp, alive);
	text = mem_sink_pop(tcp, &c);
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		json_object_array_add(frames, json_str(strncmp(line, " > ", 3) == 0 ? line + 3 : line));
	json_object_object_add(o, "stack", frames);
	free(text);
}


static void json_syscall_emit(struct tcb *tcp, bool finished, bool detached)
{
	json_object *o = json_event(tcp, "syscall");
	json_object *args;
	json_object *raw = json_object_new_array();
	char name[32];
	unsigned nargs = tcp->ent ? tcp->ent->nargs : 6;
	struct timespec now;
	double dur;

	if (finished) {
		json_args_push(tcp);
		syscall_decode_args(tcp);
		sink_pop(tcp);
	}
	args = ev_args_from_marks(tcp->json_os->buf, tcp->json_os->len, tcp->json_os->marks);

	json_object_object_add(o, "name", json_object_new_string(syscall_name(tcp, name, sizeof(name))));
	json_object_object_add(o, "nr", json_object_new_int64(tcp->scno));
	if (tcp->arch)
		json_object_object_add(o, "arch", json_object_new_string(tcp->arch->name));
	json_object_object_add(o, "args", args);
	for (unsigned i = 0; i < nargs; i++)
		json_object_array_add(raw, json_object_new_uint64(tcp->args[i]));
	json_object_object_add(o, "raw_args", raw);

	if (finished) {
		struct mem_sink c;
		char *text, *p;

		capture_begin(tcp, &c);
		tcp->curcol = 100; /* no padding before " = " */
		syscall_print_retval(tcp);
		text = mem_sink_pop(tcp, &c);
		p = strstr(text, " = ");
		p = p ? p + 3 : text;
		json_object_object_add(o, "retval", json_object_new_int64(tcp->rval));
		json_object_object_add(o, "return", json_str(p));
		if (tcp->err) {
			const char *en = errno_name(tcp->err);
			json_object_object_add(o, "errno", en ? json_object_new_string(en)
							       : json_object_new_int(tcp->err));
			json_object_object_add(o, "error", json_object_new_string(strerror(tcp->err)));
		}
		free(text);
	} else {
		bool noreturn = tcp->ent && tcp->ent->rval == RV_NONE && !detached;

		/* exit_group and friends never return: "= ?" in text */
		json_object_object_add(o, "retval", NULL);
		if (!noreturn)
			json_object_object_add(o, "unfinished", json_object_new_boolean(1));
		if (detached)
			json_object_object_add(o, "detached", json_object_new_boolean(1));
	}
	if (pcfg.stack)
		json_add_stack(tcp, o, finished);
	clock_gettime(CLOCK_MONOTONIC, &now);
	dur = (double)(now.tv_sec - tcp->stime.tv_sec) + (double)(now.tv_nsec - tcp->stime.tv_nsec) / 1e9;
	json_object_object_add(o, "duration", json_fixed(dur, 9));
	json_emit(tcp->out, o);
}

void ev_syscall_exit_json(struct tcb *tcp)
{
	json_syscall(tcp, true, false);
}

void ev_syscall_unfinished(struct tcb *tcp, bool detached)
{
	if (!pcfg.json) {
		if (detached) {
			if (tcp->out->curline == tcp) {
				tprints(tcp, " <detached ...>");
				line_end(tcp);
			}
		} else {
			syscall_print_unfinished_exit(tcp);
		}
		return;
	}
	if (tcp->json_os)
		json_syscall(tcp, false, detached);
}

/* ---- other events ---- */

void ev_exit(struct tcb *tcp, int status)
{
	if (!pcfg.json) {
		if (WIFEXITED(status)) {
			print_event_line(tcp, "+++ exited with %d +++", WEXITSTATUS(status));
		} else if (WIFSIGNALED(status)) {
			const char *name = signal_name(WTERMSIG(status));
			char num[16];

			if (!name) {
				snprintf(num, sizeof(num), "%d", WTERMSIG(status));
				name = num;
			}
			print_event_line(tcp, "+++ killed by %s%s +++", name,
					 WCOREDUMP(status) ? " (core dumped)" : "");
		}
		return;
	}
	if (WIFEXITED(status)) {
		json_object *o = json_event(tcp, "exit");

		json_object_object_add(o, "status", json_object_new_int(WEXITSTATUS(status)));
		json_emit(tcp->out, o);
	} else if (WIFSIGNALED(status)) {
		json_object *o = json_event(tcp, "killed");
		const char *name = signal_name(WTERMSIG(status));

		json_object_object_add(o, "signal", name ? json_object_new_string(name)
						      : json_object_new_int(WTERMSIG(status)));
		json_object_object_add(o, "core_dumped", json_object_new_boolean(WCOREDUMP(status)));
		json_emit(tcp->out, o);
	}
}

void ev_signal(struct tcb *tcp, int sig, const siginfo_t *si)
{
	json_object *o;
	struct mem_sink c;
	const char *name;
	char *text;

	if (!pcfg.json) {
		print_signal_line(tcp, sig, si);
		/* -k: where the signal was delivered, as strace shows it */
		if (pcfg.stack)
			stacktrace_print(tcp, true);
		return;
	}
	o = json_event(tcp, "signal");
	name = signal_name(sig);
	json_object_object_add(o, "signal", name ? json_object_new_string(name) : json_object_new_int(sig));
	json_object_object_add(o, "signo", json_object_new_int(sig));
	if (si) {
		capture_begin(tcp, &c);
		print_siginfo(tcp, si);
		text = mem_sink_pop(tcp, &c);
		json_object_object_add(o, "siginfo", json_str(text));
		free(text);
	}
	if (pcfg.stack)
		json_add_stack(tcp, o, true);
	json_emit(tcp->out, o);
}

void ev_stopped(struct tcb *tcp, int sig)
{
	json_object *o;
	const char *name = signal_name(sig);

	if (!pcfg.json) {
		line_begin(tcp);
		tprints(tcp, "--- stopped by ");
		print_signame(tcp, sig); /* the name even with -X raw, as strace */
		tprints(tcp, " ---");
		line_end(tcp);
		return;
	}
	o = json_event(tcp, "stopped");
	json_object_object_add(o, "signal", name ? json_object_new_string(name) : json_object_new_int(sig));
	json_emit(tcp->out, o);
}

void ev_superseded(struct tcb *tcp, long old_pid)
{
	json_object *o;

	if (!pcfg.json) {
		print_event_line(tcp, "+++ superseded by execve in pid %ld +++", old_pid);
		return;
	}
	o = json_event(tcp, "superseded");
	json_object_object_add(o, "by_pid", json_object_new_int64(old_pid));
	json_emit(tcp->out, o);
}

void ev_personality(struct tcb *tcp, const char *mode)
{
	json_object *o;

	if (!pcfg.json) {
		print_raw_line(tcp, "[ Process PID=%d runs in %s mode. ]", tcp->pid, mode);
		return;
	}
	o = json_event(tcp, "personality");
	json_object_object_add(o, "mode", json_object_new_string(mode));
	json_emit(tcp->out, o);
}
