/* Unit tests: --json args are cut where the decoders marked argument
 * boundaries (tprint_arg_next()), never by parsing the text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <json-c/json.h>
#include <string.h>

#include "event.h"
#include "sink.h"

static const char *arg(json_object *a, size_t i)
{
	return json_object_get_string(json_object_array_get_idx(a, i));
}

static void test_marks(void **state)
{
	/* openat(AT_FDCWD, "/etc/passwd", O_RDONLY) */
	const char *t = "AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC";
	struct arg_marks am = { 2, { 10, 25 } };
	json_object *a;

	(void)state;
	a = ev_args_from_marks(t, strlen(t), &am);
	assert_int_equal(json_object_array_length(a), 3);
	assert_string_equal(arg(a, 0), "AT_FDCWD");
	assert_string_equal(arg(a, 1), "\"/etc/passwd\"");
	assert_string_equal(arg(a, 2), "O_RDONLY|O_CLOEXEC");
	json_object_put(a);

	am.n = 0;
	a = ev_args_from_marks("", 0, &am);
	assert_int_equal(json_object_array_length(a), 0);
	json_object_put(a);
	a = ev_args_from_marks("0", 1, &am);
	assert_int_equal(json_object_array_length(a), 1);
	json_object_put(a);
}

/* Text a tracee controls cannot move a boundary: only the marks count. */
static void test_hostile_text(void **state)
{
	/* read(3</tmp/a, 99, "x>, ..., 4): one mark after the fd, one after the buffer */
	const char *t = "3</tmp/a, 99, \"x>, \"b[x(\", 4";
	struct arg_marks am = { 2, { 0, 0 } };
	json_object *a;

	(void)state;
	am.off[0] = strlen("3</tmp/a, 99, \"x>, ");
	am.off[1] = strlen("3</tmp/a, 99, \"x>, \"b[x(\", ");
	a = ev_args_from_marks(t, strlen(t), &am);
	assert_int_equal(json_object_array_length(a), 3);
	assert_string_equal(arg(a, 0), "3</tmp/a, 99, \"x>");
	assert_string_equal(arg(a, 1), "\"b[x(\"");
	assert_string_equal(arg(a, 2), "4");
	json_object_put(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_hostile_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
