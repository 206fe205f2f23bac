# Generate named-constant sets from syscalls/xlat/*.in.
#
#   awk -v mode=c      -f gen-xlat.awk syscalls/xlat/*.in  -> gen/xlat.c
#   awk -v mode=header -f gen-xlat.awk syscalls/xlat/*.in  -> gen/xlat_sets.h
#   awk -v mode=header -v guard=SET -f gen-xlat.awk syscalls/xlat/SET.in
#                                                      -> gen/xlat/SET.h
#     (the declaration of one set, for code that needs no other: arch/)
#
# One file per set, named SET.in.  Lines:
#   #type flags | #type enum      (default enum)
#   #include <header.h>           (copied to the top of gen/xlat.c)
#   # text                        (comment)
#   NAME                          (value of the macro NAME from the headers)
#   NAME VALUE                    (explicit value: for constants that the
#                                  headers lack or that differ per header)
# Order matters for flags: earlier entries are matched first, so list
# multi-bit masks before the single bits they contain.

function setname(f) { sub(/.*\//, "", f); sub(/\.in$/, "", f); return f }

FNR == 1 {
	cur = setname(FILENAME)
	if (!(cur in TYPE)) { SETS[++nsets] = cur; TYPE[cur] = "XT_ENUM"; CNT[cur] = 0 }
}
/^#type[ \t]/ {
	if ($2 == "flags") TYPE[cur] = "XT_FLAGS"
	else if ($2 == "enum") TYPE[cur] = "XT_ENUM"
	else { print FILENAME ":" FNR ": unknown #type " $2 > "/dev/stderr"; err = 1; exit 1 }
	next
}
/^#include[ \t]/ { if (!($0 in INC)) { INC[$0] = 1; INCL[++ninc] = $0 } ; next }
/^[ \t]*(#|$)/ { next }
{
	if ($1 !~ /^[A-Za-z_][A-Za-z0-9_]*$/) { print FILENAME ":" FNR ": bad name " $1 > "/dev/stderr"; err = 1; exit 1 }
	n = ++CNT[cur]
	ITEM[cur, n] = $1
	VAL[cur, n] = NF >= 2 ? $2 : $1
}

END {
	if (err) exit 1
	if (mode == "header") {
		g = guard == "" ? "CTRACE_GEN_XLAT_H" : "CTRACE_GEN_XLAT_" toupper(guard) "_H"
		print "/* Generated from syscalls/xlat/NAME.in. Do not edit. */"
		print "#ifndef " g
		print "#define " g
		print "struct xlat;"
		for (i = 1; i <= nsets; i++) print "extern const struct xlat xlat_" SETS[i] ";"
		if (guard == "") {
			# ids for the syscall tables, which hold no pointers
			print "enum xlat_id {"
			print "\tXLAT_ID_NONE,"
			for (i = 1; i <= nsets; i++) print "\tXLAT_ID_" SETS[i] ","
			print "\tXLAT_ID_COUNT"
			print "};"
			print "extern const struct xlat *const xlat_all[XLAT_ID_COUNT];"
		}
		print "#endif"
		exit 0
	}
	print "/* Generated from syscalls/xlat/NAME.in. Do not edit. */"
	print "#include \"config.h\""
	for (i = 1; i <= ninc; i++) print INCL[i]
	print "#include <string.h>"
	print "#include \"xlat.h\""
	print ""
	# every name in one string pool: an item holds its offset, so that
	# the tables hold no pointer for the loader to relocate at start-up
	print "static const char xlat_strings[] ="
	off = 0
	for (i = 1; i <= nsets; i++) {
		s = SETS[i]
		for (j = 1; j <= CNT[s]; j++) {
			OFF[s, j] = off
			printf "\t\"%s\\0\"\n", ITEM[s, j]
			off += length(ITEM[s, j]) + 1
		}
	}
	print "\t\"\";"
	print ""
	for (i = 1; i <= nsets; i++) {
		s = SETS[i]
		print "static const struct xlat_item xlat_" s "_items[] = {"
		for (j = 1; j <= CNT[s]; j++)
			printf "\t{ (uint64_t)(%s), %d },\n", VAL[s, j], OFF[s, j]
		if (CNT[s] == 0) print "\t{ 0, 0 },"
		print "};"
		printf "const struct xlat xlat_%s = { xlat_%s_items, %d, %s, \"%s\", xlat_strings };\n\n", s, s, CNT[s], TYPE[s], s
	}
	print "const struct xlat *const xlat_all[XLAT_ID_COUNT] = {"
	for (i = 1; i <= nsets; i++) print "\t[XLAT_ID_" SETS[i] "] = &xlat_" SETS[i] ","
	print "};"
	print ""
	print "const struct xlat *xlat_by_name(const char *name)"
	print "{"
	print "\tfor (unsigned i = 1; i < XLAT_ID_COUNT; i++)"
	print "\t\tif (strcmp(xlat_all[i]->name, name) == 0)"
	print "\t\t\treturn xlat_all[i];"
	print "\treturn NULL;"
	print "}"
}
