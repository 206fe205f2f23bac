# Sourced first by the /init of the initramfs of tests/aarch64/run.sh and
# tests/x86vm/run.sh (busybox sh): mounts, the console as stdio, and the
# functions that print results.  A test prints one line,
#   RESULT <name> PASS|FAIL|SKIP <detail> [<seconds>s]
# with the evidence of a failure on "  | " lines (show).
/bin/busybox --install -s /bin
export PATH=/bin:/t
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null || mount -t tmpfs dev /dev
mount -t tmpfs tmp /tmp
echo 1 >/proc/sys/kernel/printk
exec </dev/null >/dev/console 2>&1

uptime_s() { cut -d' ' -f1 /proc/uptime; }
LAST=$(uptime_s)
result() { # name PASS|FAIL|SKIP detail...
	now=$(uptime_s)
	echo "RESULT $* [$(awk -v a=$LAST -v b=$now 'BEGIN { printf "%.1fs", b - a }')]"
	LAST=$(uptime_s)
}
show() { # [file]: evidence lines
	sed -n '1,40s/^/  | /p' "$@"
}
# wait for a child, at most $2 seconds; then SIGKILL it and return 124
wait_max() {
	i=0
	while [ $i -lt $(($2 * 10)) ]; do
		st=
		read -r _ _ st _ </proc/$1/stat 2>/dev/null
		case $st in ''|Z) wait $1; return $? ;; esac
		sleep 0.1; i=$((i + 1))
	done
	kill -9 $1; wait $1
	return 124
}
# ctrace.tests=a,b,... on the kernel command line runs only those tests
only=$(tr ' ' '\n' </proc/cmdline | sed -n 's/^ctrace\.tests=//p' | tr ',' ' ')
want() { [ -z "$only" ] || echo " $only " | grep -q " $1 "; }
# the end: the host looks for TESTS-DONE
vm_done() {
	echo TESTS-DONE
	sync
	poweroff -f
	echo o >/proc/sysrq-trigger
}
# a trace with what differs between two runs hidden, to compare ctrace's
# with strace's: addresses, pids (PID=N, the value of getpid and
# set_tid_address, the -f prefix), the random bytes of getrandom, the
# padding before " = "
hide_ids() { # file
	sed -e 's/0x[0-9a-f][0-9a-f]*/ADDR/g' -e 's/PID=[0-9]*/PID=N/' \
	    -e 's/^\([0-9][0-9]* \)\{0,1\} *\(getpid() *= \|set_tid_address(ADDR) *= \)[0-9]*\( (DELAYED)\)\{0,1\}$/\1\2N\3/' \
	    -e 's/^[0-9][0-9]*  */N /' -e 's/^\(N \)\{0,1\}getrandom(".*", /\1getrandom(BYTES, /' \
	    -e 's/)  *= /) = /' "$@"
}
