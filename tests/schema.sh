# Sourced by the tests that validate JSON against docs/*.schema.json.
# schema_validator: returns 0 when python3's jsonschema is importable.
# Without it: under CI=true (where .ci/run installs python3-jsonschema)
# the test fails; elsewhere the schema checks are skipped with a printed
# reason (the JSON is still parsed) and 1 is returned.
# CTRACE_TEST_DENY containing "jsonschema" simulates a missing validator.
schema_validator() {
	case " ${CTRACE_TEST_DENY:-} " in
	*" jsonschema "*) ;;
	*) python3 -c 'import jsonschema' 2>/dev/null && return 0 ;;
	esac
	if [ "${CI:-}" = true ]; then
		echo "FAIL: CI=true and no JSON-schema validator: python3 cannot import jsonschema (apt-get install python3-jsonschema)"
		exit 1
	fi
	echo "SKIP: schema checks: python3-jsonschema is not installed (the JSON is still parsed)"
	return 1
}
