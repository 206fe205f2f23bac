#include "config.h"
#include "filter.h"

#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "print.h"
#include "util.h"

static bool signal_set[65];
static bool signal_set_given;

static const struct {
	const char *name;
	unsigned bit;
} classes[] = {
	{ "file", TC_FILE }, { "desc", TC_DESC }, { "process", TC_PROCESS },
	{ "network", TC_NETWORK }, { "net", TC_NETWORK }, { "signal", TC_SIGNAL },
	{ "ipc", TC_IPC }, { "memory", TC_MEMORY }, { "creds", TC_CREDS },
	{ "clock", TC_CLOCK }, { "stat", TC_STAT }, { "lstat", TC_LSTAT },
	{ "fstat", TC_FSTAT }, { "statfs", TC_STATFS }, { "fstatfs", TC_FSTATFS },
	{ "pure", TC_PURE }, { "%stat", TC_STAT_LIKE }, { "%statfs", TC_STATFS_LIKE },
};

unsigned filter_class(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(classes); i++)
		if (strcmp(classes[i].name, name) == 0)
			return classes[i].bit;
	return 0;
}

static int apply_token(const struct arch_def *a, const char *tok, bool value,
		       bool *set, char *err, size_t errsize)
{
	bool optional = false;
	bool matched = false;

	if (*tok == '?') {
		optional = true;
		tok++;
	}
	if (strcmp(tok, "all") == 0) {
		for (unsigned i = 0; i <= a->nsyscalls; i++)
			set[i] = value;
		return 0;
	}
	if (strcmp(tok, "none") == 0) {
		for (unsigned i = 0; i <= a->nsyscalls; i++)
			set[i] = !value;
		return 0;
	}
	if (*tok == '%') {
		unsigned bit = filter_class(tok + 1);

		if (!bit) {
			if (optional)
				return 0;
			snprintf(err, errsize, "invalid system call '%s'", tok);
			return -EINVAL;
		}
		for (unsigned i = 0; i < a->nsyscalls; i++)
			if (a->table[i].name && (a->table[i].classes & bit))
				set[i] = value;
		return 0;
	}
	if (*tok == '/') {
		regex_t re;

		if (regcomp(&re, tok + 1, REG_EXTENDED | REG_NOSUB) != 0) {
			snprintf(err, errsize, "invalid regular expression '%s'", tok + 1);
			return -EINVAL;
		}
		for (unsigned i = 0; i < a->nsyscalls; i++)
			if (a->table[i].name && regexec(&re, a->table[i].name, 0, NULL, 0) == 0)
				set[i] = value;
		regfree(&re);
		return 0;
	}
	for (unsigned i = 0; i < a->nsyscalls; i++) {
		if (a->table[i].name && strcmp(a->table[i].name, tok) == 0) {
			set[i] = value;
			matched = true;
		}
	}
	if (!matched && !optional) {
		snprintf(err, errsize, "invalid system call '%s'", tok);
		return -EINVAL;
	}
	return 0;
}

int filter_parse_trace(const struct arch_def *a, const char *value, bool *set,
		       char *err, size_t errsize)
{
	_cleanup_free_ char *copy = NULL;
	bool negate = false;
	char *save = NULL;

	if (*value == '!') {
		negate = true;
		value++;
	}
	/* A fresh selection starts empty ("trace=open" traces only open),
	 * a negated one starts full. */
	for (unsigned i = 0; i <= a->nsyscalls; i++)
		set[i] = negate;
	copy = xstrdup(value);
	if (!*copy) {
		snprintf(err, errsize, "invalid system call ''");
		return -EINVAL;
	}
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int ret = apply_token(a, tok, !negate, set, err, errsize);
		if (ret < 0)
			return ret;
	}
	return 0;
}

static int parse_signal_set(const char *value, char *err, size_t errsize)
{
	_cleanup_free_ char *copy = NULL;
	bool negate = false;
	char *save = NULL;

	if (*value == '!') {
		negate = true;
		value++;
	}
	for (int s = 0; s < 65; s++)
		signal_set[s] = negate;
	copy = xstrdup(value);
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int sig = -1;

		if (strcmp(tok, "all") == 0) {
			for (int s = 0; s < 65; s++)
				signal_set[s] = !negate;
			continue;
		}
		if (strcmp(tok, "none") == 0) {
			for (int s = 0; s < 65; s++)
				signal_set[s] = negate;
			continue;
		}
		if (*tok >= '0' && *tok <= '9') {
			char *end;
			long v = strtol(tok, &end, 10);
			if (!*end && v > 0 && v < 65)
				sig = (int)v;
		} else {
			for (int s = 1; s < 65; s++) {
				const char *n = signal_name(s);
				if (n && (strcasecmp(n, tok) == 0 || strcasecmp(n + 3, tok) == 0)) {
					sig = s;
					break;
				}
			}
		}
		if (sig < 0) {
			snprintf(err, errsize, "invalid signal '%s'", tok);
			return -EINVAL;
		}
		signal_set[sig] = !negate;
	}
	signal_set_given = true;
	return 0;
}

int filter_build(const struct arch_def *a, const char *const *exprs, size_t n, bool *set)
{
	char err[256];

	for (unsigned i = 0; i <= a->nsyscalls; i++)
		set[i] = true;
	for (size_t i = 0; i < n; i++) {
		const char *e = exprs[i];
		const char *eq = strchr(e, '=');
		size_t klen = eq ? (size_t)(eq - e) : 0;
		const char *val = eq ? eq + 1 : e;
		int ret;

		if (!eq || (klen == 5 && strncmp(e, "trace", 5) == 0) ||
		    (klen == 1 && e[0] == 't')) {
			ret = filter_parse_trace(a, val, set, err, sizeof(err));
		} else if ((klen == 6 && strncmp(e, "signal", 6) == 0) ||
			   (klen == 7 && strncmp(e, "signals", 7) == 0) ||
			   (klen == 1 && e[0] == 's')) {
			ret = parse_signal_set(val, err, sizeof(err));
		} else {
			snprintf(err, sizeof(err), "invalid filter action '%.*s'", (int)klen, e);
			ret = -EINVAL;
		}
		if (ret < 0) {
			ct_error("%s", err);
			return ret;
		}
	}
	return 0;
}

bool filter_signal_traced(int sig)
{
	if (!signal_set_given || sig <= 0 || sig >= 65)
		return true;
	return signal_set[sig];
}
