# Normalise a trace to compare ctrace with strace (shared by tests/integration/lib.sh and, inside the aarch64 VM, tests/aarch64/init.sh; busybox awk, mawk and gawk).
# -v pids="A B ...": the traced processes.
# mode=calls (default): "name = return value" of every syscall line and the
#   +++ exit lines; return values that are one of the pids become PID,
#   getppid's becomes PPID, addresses ADDR.
# mode=lines: whole lines with addresses, pids (as whole numbers) and
#   getrandom's bytes hidden and the padding before " = " squeezed.
BEGIN { n = split(pids, p, " "); for (i = 1; i <= n; i++) P[p[i]] = 1 }
{ sub(/^\[pid +[0-9]+\] /, "") }
# a thread that ended with exit(2) reports the status of an exit_group()
# racing with it: the kernel decides, not the tracer
/^\+\+\+ exited with / && last == "exit" { print "+++ thread exited +++"; next }
mode == "lines" {
	line = $0
	if (line ~ /^[a-z_0-9]+\(/) { last = line; sub(/\(.*/, "", last) }
	gsub(/0x[0-9a-f]+/, "ADDR", line)
	sub(/^getrandom\("[^"]*"/, "getrandom(BYTES", line)
	if (line ~ /^getppid\(/)
		sub(/ = [0-9]+$/, " = PPID", line)
	out = ""
	while (match(line, /[0-9]+/)) {
		num = substr(line, RSTART, RLENGTH)
		pre = substr(line, RSTART - 1, 1)
		out = out substr(line, 1, RSTART - 1) ((num in P) && pre !~ /[A-Za-z_]/ ? "PID" : num)
		line = substr(line, RSTART + RLENGTH)
	}
	line = out line
	sub(/\) +=  */, ") = ", line)
	print line
	next
}
/^[a-z_0-9]+\(/ {
	name = $0; sub(/\(.*/, "", name)
	ret = $0
	if (ret ~ / = /) { sub(/.* = /, "", ret) } else { ret = "<none>" }
	sub(/ <[0-9.]+>$/, "", ret)
	gsub(/0x[0-9a-f]+/, "ADDR", ret)
	split(ret, w, " ")
	if (w[1] in P) sub(/^[0-9]+/, "PID", ret)
	if (name == "getppid") ret = "PPID"
	print name " = " ret
	last = name
}
/^\+\+\+ / { print }
