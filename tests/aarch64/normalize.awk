# Normalise the trace of tests/aarch64/calls.c so that the x86_64 and the
# aarch64 runs can be compared line by line (busybox awk and gawk):
# - only the lines between the write(-1, "BEGIN", 5) and write(-1, "END", 3)
#   markers;
# - the values returned by getpid, getppid and clone become PID, PPID and
#   CHILD where a pid is printed; si_uid becomes UID;
# - addresses (0x and 8 or more hex digits, or any hex value of a decoded
#   pointer field such as child_tidptr=) become ADDR;
# - the padding before " = " is squeezed to one space;
# - clone printed undecoded (raw registers, no "flags=") keeps only its
#   return value: the raw order of its last two arguments is the
#   architecture's (x86_64: child_tid, tls; aarch64: tls, child_tid);
# - the value of rt_sigreturn is the register it restores (after a
#   restarted read: x86_64 rax = the number of read, 0; aarch64 x0 = the
#   restored first argument, 3): it becomes RESTORED.
# A pid appears as a return value, as si_pid= and as the first argument
# of wait4 and kill: only there is it replaced.
function hide(s,    v, a) {
	v = s; sub(/.* = /, "", v)
	if (s ~ / = [0-9]+$/ && (v in ids))
		sub(/ = [0-9]+$/, " = " ids[v], s)
	if (match(s, /si_pid=[0-9]+/)) {
		v = substr(s, RSTART + 7, RLENGTH - 7)
		if (v in ids)
			s = substr(s, 1, RSTART + 6) ids[v] substr(s, RSTART + RLENGTH)
	}
	if (match(s, /^(wait4|kill)\([0-9]+,/)) {
		a = substr(s, 1, RSTART + RLENGTH - 1); v = a
		sub(/^[a-z0-9]+\(/, "", v); sub(/,$/, "", v)
		if (v in ids)
			s = substr(a, 1, index(a, "(")) ids[v] "," substr(s, RLENGTH + 1)
	}
	return s
}
/^write\(-1, "BEGIN", 5\)/ { on = 1 }
on {
	line = $0
	if (line ~ /^(getpid|getppid|clone)\(/ && line ~ / = [0-9]+$/) {
		v = line; sub(/.* = /, "", v)
		name = line; sub(/\(.*/, "", name)
		ids[v] = name == "getpid" ? "PID" : name == "getppid" ? "PPID" : "CHILD"
	}
	gsub(/0x[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]+/, "ADDR", line)
	# pointers named by a decoder, whatever their size (a static aarch64
	# program keeps its thread structures low, in the brk heap)
	gsub(/(child_tidptr|parent_tid|child_tid|tls|stack)=0x[0-9a-f]+/, "&@", line)
	while (match(line, /=0x[0-9a-f]+@/))
		line = substr(line, 1, RSTART) "ADDR" substr(line, RSTART + RLENGTH)
	gsub(/si_uid=[0-9]+/, "si_uid=UID", line)
	line = hide(line)
	if (line ~ /^clone\(/ && line !~ /flags=/)
		sub(/^clone\(.*\) += /, "clone(<raw registers>) = ", line)
	if (line ~ /^rt_sigreturn\(/)
		sub(/ = -?[0-9]+$/, " = RESTORED", line)
	sub(/\) +=  */, ") = ", line)
	sub(/ +=  */, " = ", line)
	print line
}
/^write\(-1, "END", 3\)/ { on = 0 }
