# Embed the built-in profiles: awk -f gen-profiles.awk profiles.list
# (run in the profiles directory, or with -v dir=DIR) -> gen/profiles.c.
# Every JSON file becomes one C string; profiles.list gives the table.
function esc(s) {
	gsub(/\\/, "\\\\", s)
	gsub(/"/, "\\\"", s)
	gsub(/\t/, "\\t", s)
	return s
}
BEGIN { if (dir == "") dir = "."; n = 0 }
/^[ \t]*(#|$)/ { next }
{
	if (NF < 6 || ($3 != "yes" && $3 != "no") || ($4 != "docker" && $4 != "podman")) {
		print "profiles.list:" NR ": bad line" > "/dev/stderr"; exit 1
	}
	name[n] = $1; ver[n] = $2; def[n] = $3 == "yes"; eng[n] = $4; file[n] = $5
	src = $0
	for (i = 1; i <= 5; i++) sub(/^[ \t]*[^ \t]+[ \t]+/, "", src)
	source[n] = src
	n++
}
END {
	print "/* Generated from profiles/profiles.list by profiles/gen-profiles.awk: do not edit. */"
	print "#include \"check/builtin_profiles.h\""
	for (k = 0; k < n; k++) {
		path = dir "/" file[k]
		printf "static const char profile_%d[] =\n", k
		lines = 0
		while ((getline line < path) > 0) {
			printf "\t\"%s\\n\"\n", esc(line)
			lines++
		}
		close(path)
		if (!lines) { print path ": empty or missing" > "/dev/stderr"; exit 1 }
		print ";"
	}
	print "const struct builtin_profile builtin_profiles[] = {"
	for (k = 0; k < n; k++)
		printf "\t{ \"%s\", \"%s\", %s, \"%s\", \"%s\", \"%s\", profile_%d, sizeof(profile_%d) - 1 },\n",
			name[k], ver[k], def[k] ? "true" : "false", eng[k], file[k], esc(source[k]), k, k
	print "};"
	printf "const unsigned builtin_profiles_count = %d;\n", n
}
