# Generate C syscall tables from syscalls.def (signatures) and <arch>.tbl.
#
#   awk -v mode=table  -v arch=x86_64 -f gen-syscalls.awk syscalls.def x86_64.tbl
#       -> the const struct syscall_ent array for that architecture
#   awk -v mode=table  -v arch=i386 -v compat=1 -v split64=1 -f gen-syscalls.awk \
#           syscalls.def compat.def i386.tbl
#       -> a 32-bit personality: no custom decoders (compat=1: they read
#          64-bit layouts), and a call with a 64-bit argument (off), which
#          the 32-bit ABI splits over two registers, shows 6 registers in
#          hex (split64=1)
#   awk -v mode=table  -v arch=x32 -v compat=1 -f gen-syscalls.awk \
#           syscalls.def x32.tbl
#       -> x32: no custom decoders, a 64-bit argument in one register
#   awk -v mode=header -f gen-syscalls.awk x86_64.tbl aarch64.tbl
#       -> gen/syscalls.h: declarations and *_COUNT for every table
#   awk -v mode=decoders -f gen-syscalls.awk syscalls.def
#       -> gen/decoders.h: a prototype for every custom decoder
#
# syscalls.def rows:   name nargs classes rval decoder arg...
#   classes: comma-separated classes (file,desc,...) and properties
#   (fd_neutral,maps,...; see enum syscall_prop in src/syscallent.h) or -;  rval: dec udec hex oct fd
#   noreturn;  decoder: - (generic) or NAME (calls dec_NAME);  args: see
#   src/syscallent.h (int uint long ulong hex mode fd dirfd path str ptr
#   inbuf:N outbuf:N out flags:SET enum:SET signo pid id off lflags:SET
#   xenum:SET).
# <arch>.tbl rows:     number name [nargs]  (nargs: NAME#64 rows alone)

function fail(msg) { print FILENAME ":" FNR ": " msg > "/dev/stderr"; err = 1; exit 1 }

function argc(tok,    kind, rest, p) {
	p = index(tok, ":")
	kind = p ? substr(tok, 1, p - 1) : tok
	rest = p ? substr(tok, p + 1) : ""
	if (kind in AK) {
		if (kind == "inbuf" || kind == "outbuf") {
			if (rest !~ /^[0-5]$/) fail("bad length argument in '" tok "'")
			return "{ " AK[kind] ", " rest ", 0 }"
		}
		if (kind == "flags" || kind == "enum" || kind == "lflags" || kind == "xenum") {
			if (rest !~ /^[a-z0-9_]+$/) fail("bad xlat set in '" tok "'")
			return "{ " AK[kind] ", 0, XLAT_ID_" rest " }"
		}
		if (rest != "") fail("unexpected ':' in '" tok "'")
		return "{ " AK[kind] ", 0, 0 }"
	}
	fail("unknown argument kind '" tok "'")
}

# The classes column holds classes (TC_*) and properties (SP_*), as
# strace's syscallent flags hold TRACE_* classes and MEMORY_MAPPING_CHANGE.
# Sets PROPS to the properties and returns the classes.
function classes(s,    n, i, a, out) {
	PROPS = ""
	if (s == "-") { PROPS = "0"; return "0" }
	n = split(s, a, ",")
	out = ""
	for (i = 1; i <= n; i++) {
		if (a[i] in SP) PROPS = PROPS (PROPS != "" ? " | " : "") SP[a[i]]
		else if (a[i] in TC) out = out (out != "" ? " | " : "") TC[a[i]]
		else fail("unknown class or property '" a[i] "'")
	}
	if (PROPS == "") PROPS = "0"
	return out == "" ? "0" : out
}

BEGIN {
	split("int uint long ulong hex mode fd dirfd path str ptr inbuf outbuf out flags enum signo pid id off tid pgid lflags xenum", k, " ")
	split("AK_INT AK_UINT AK_LONG AK_ULONG AK_HEX AK_MODE AK_FD AK_DIRFD AK_PATH AK_STR AK_PTR AK_INBUF AK_OUTBUF AK_OUTPTR AK_FLAGS AK_ENUM AK_SIGNO AK_PID AK_ID AK_OFF AK_TID AK_PGID AK_LFLAGS AK_XENUM", v, " ")
	for (i in k) AK[k[i]] = v[i]
	split("file desc process network signal ipc memory creds clock stat lstat fstat statfs fstatfs pure stat_like statfs_like", k, " ")
	for (i in k) TC[k[i]] = "TC_" toupper(k[i])
	split("fd_neutral fd_close fd_dup2 fd_fcntl fork clone clone3 fd_io_uring maps maps_exec exec unwind_entry restart_block reap", k, " ")
	for (i in k) SP[k[i]] = "SP_" toupper(k[i])
	split("dec udec hex oct fd noreturn tid tgid pgid sid", k, " ")
	split("RV_DEC RV_UDEC RV_HEX RV_OCT RV_FD RV_NONE RV_TID RV_TGID RV_PGID RV_SID", v, " ")
	for (i in k) RV[k[i]] = v[i]
}

FNR == 1 { fileno++ }
/^[ \t]*(#|$)/ { next }

# syscalls.def and compat.def (the *.def files of table and decoders modes)
(mode == "table" || mode == "decoders" || mode == "decoders_c") && FILENAME ~ /\.def$/ {
	if (FILENAME ~ /compat\.def$/) with_compat_def = 1
	name = $1
	if (name in NARGS) fail("duplicate row for " name)
	if ($2 !~ /^[0-6]$/) fail(name ": nargs must be 0..6")
	if (NF - 5 != $2) fail(name ": nargs is " $2 " but " (NF - 5) " argument kinds are given")
	if (!($4 in RV)) fail(name ": unknown return kind '" $4 "'")
	NARGS[name] = $2
	CLS[name] = classes($3)
	PRP[name] = PROPS
	RVK[name] = RV[$4]
	DEC[name] = $5
	a = ""
	has64 = 0
	for (i = 6; i <= NF; i++) {
		a = a (i > 6 ? ", " : "") argc($i)
		if ($i == "off") has64 = 1
	}
	ARGS[name] = a
	if (compat) {
		DEC[name] = "-"
		if (split64 && has64) {
			NARGS[name] = 6
			ARGS[name] = "{ AK_HEX, 0, 0 }, { AK_HEX, 0, 0 }, { AK_HEX, 0, 0 }, { AK_HEX, 0, 0 }, { AK_HEX, 0, 0 }, { AK_HEX, 0, 0 }"
		}
	}
	next
}

mode == "table" && FILENAME ~ /\.tbl$/ {
	if ($1 !~ /^[0-9]+$/) fail("bad syscall number '" $1 "'")
	if (($1 + 0) in NAME) fail("duplicate number " $1)
	# NAME#64 (x32): a number of the 64-bit ABI alone, named as strace
	# names it; the kernel refuses it (ENOSYS).  NAME's classes, its
	# arguments in hex (as many as the optional third column says, else
	# NAME's), no decoder, no property, a decimal result.
	if ($2 ~ /^[a-z0-9_]+#64$/) {
		base = substr($2, 1, length($2) - 3)
		if (!(base in NARGS)) fail("syscall '" base "' has no row in syscalls.def")
		if (NF > 2 && $3 !~ /^[0-6]$/) fail($2 ": bad number of arguments '" $3 "'")
		n = NF > 2 ? $3 + 0 : NARGS[base]
		NARGS[$2] = n
		CLS[$2] = CLS[base]
		PRP[$2] = "0"
		RVK[$2] = RV["dec"]
		DEC[$2] = "-"
		a = ""
		for (i = 0; i < n; i++) a = a (i ? ", " : "") "{ AK_HEX, 0, 0 }"
		ARGS[$2] = a
	} else if (NF > 2) {
		fail("a third column only for a NAME#64 row")
	}
	if (!($2 in NARGS)) fail("syscall '" $2 "' has no row in syscalls.def")
	NAME[$1 + 0] = $2
	if ($1 + 0 > max) max = $1 + 0
	next
}

mode == "header" {
	a = FILENAME; sub(/.*\//, "", a); sub(/\.tbl$/, "", a)
	if (!(a in MAXN)) { ORDER[++narch] = a; MAXN[a] = -1 }
	if ($1 + 0 > MAXN[a]) MAXN[a] = $1 + 0
	next
}

END {
	if (err) exit 1
	if (mode == "table") {
		print "/* Generated from syscalls/syscalls.def" (with_compat_def ? ", compat.def" : "") " and syscalls/" arch ".tbl. Do not edit. */"
		print "#include \"config.h\""
		print "#include \"syscallent.h\""
		print "#include \"xlat.h\""
		print "#include \"gen/syscalls.h\""
		print "#include \"gen/decoders.h\""
		print ""
		print "const struct syscall_ent syscalls_" arch "[" max + 1 "] = {"
		for (n = 0; n <= max; n++) {
			if (!(n in NAME)) continue
			s = NAME[n]
			d = DEC[s] == "-" ? "0" : "DEC_ID_" DEC[s]
			printf "\t[%d] = { \"%s\", %d, %s, %s, %s, { %s }, %s },\n", n, s, NARGS[s], RVK[s], CLS[s], PRP[s], ARGS[s], d
		}
		print "};"
	} else if (mode == "header") {
		print "/* Generated from syscalls/ARCH.tbl. Do not edit. */"
		print "#ifndef CTRACE_GEN_SYSCALLS_H"
		print "#define CTRACE_GEN_SYSCALLS_H"
		print "#include \"syscallent.h\""
		for (i = 1; i <= narch; i++) {
			a = ORDER[i]
			printf "#define SYSCALLS_%s_COUNT %d\n", toupper(a), MAXN[a] + 1
			printf "extern const struct syscall_ent syscalls_%s[%d];\n", a, MAXN[a] + 1
		}
		print "#endif"
	} else if (mode == "decoders" || mode == "decoders_c") {
		for (s in DEC) if (DEC[s] != "-") SEEN[DEC[s]] = 1
		n = 0
		for (d in SEEN) L[++n] = d
		# stable order: simple insertion sort
		for (i = 2; i <= n; i++) { t = L[i]; for (j = i - 1; j >= 1 && L[j] > t; j--) L[j + 1] = L[j]; L[j + 1] = t }
		print "/* Generated from syscalls/syscalls.def. Do not edit. */"
		if (mode == "decoders_c") {
			# the decoders by id: the tables hold ids, not pointers
			print "#include \"config.h\""
			print "#include \"syscallent.h\""
			print "#include \"gen/decoders.h\""
			print "const decoder_fn decoder_fns[DEC_ID_COUNT] = {"
			for (i = 1; i <= n; i++) print "\t[DEC_ID_" L[i] "] = dec_" L[i] ","
			print "};"
			exit 0
		}
		print "#ifndef CTRACE_GEN_DECODERS_H"
		print "#define CTRACE_GEN_DECODERS_H"
		print "struct tcb;"
		for (i = 1; i <= n; i++) print "int dec_" L[i] "(struct tcb *tcp);"
		print "enum dec_id {"
		print "\tDEC_ID_NONE,"
		for (i = 1; i <= n; i++) print "\tDEC_ID_" L[i] ","
		print "\tDEC_ID_COUNT"
		print "};"
		print "#endif"
	}
}
