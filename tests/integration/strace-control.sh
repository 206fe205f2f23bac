#!/bin/bash
# strace 6.1's process-control options (-b execve, -D/-DD/-DDD, -I, -O,
# -e status=detached) and the finer points of -e inject=/-e fault=,
# compared with strace itself on the same programs.
. "$(dirname "$0")/lib.sh"
need_strace
rc=0
bad() { echo "FAIL: $*"; rc=1; }

# pids, addresses and CPU times blanked; strace's warnings about the
# compat personality dropped (ctrace tampers with native calls only)
norm() {
	perl -ne 'next if /in compat personality/; s/\b0x[0-9a-f]{6,}\b/0xADDR/g;
		s/si_([us])time=[^,}]*/si_$1time=T/g; s/\b\d{3,}\b/N/g; print' "$@"
}

# ---- -b execve / --detach-on=execve -------------------------------------
# The command's own execve stays traced; a later one detaches ("Process N
# detached", the pending line ends " <detached ...>"); with -f every
# process is let go at its next execve.  ctrace then waits for the command
# and exits 0, whatever the command's status.
detach_on() { # name opts... -- cmd...
	local name=$1; shift
	local opts=()
	while [ "$1" != -- ]; do opts+=("$1"); shift; done
	shift
	"$STRACE" --quiet=personality "${opts[@]}" -o "$TMP/$name.s" "$@" >/dev/null 2>"$TMP/$name.s.err"; local s=$?
	"$CTRACE" --quiet=personality "${opts[@]}" -o "$TMP/$name.c" "$@" >/dev/null 2>"$TMP/$name.c.err"; local c=$?
	[ "$s" = "$c" ] || bad "$name: exit status $c, strace's $s"
	sed -i "s|^$CTRACE: |strace: |" "$TMP/$name.c.err"
	diff <(norm "$TMP/$name.s.err") <(norm "$TMP/$name.c.err") >"$TMP/$name.d" ||
		{ bad "$name: messages differ from strace's:"; cat "$TMP/$name.d"; }
	diff <(norm "$TMP/$name.s") <(norm "$TMP/$name.c") >"$TMP/$name.d" ||
		{ bad "$name: trace differs from strace's:"; cat "$TMP/$name.d"; }
}
detach_on b-execve -b execve -e trace=execve,exit_group -- sh -c 'exec sh -c "exit 3"'
detach_on b-long --detach-on=execve -e trace=execve -- sh -c 'exec sh -c "exit 3"'
detach_on b-follow -f -b execve -e trace=execve,exit_group -- sh -c '/bin/true; exec /bin/true'
detach_on b-seccomp --seccomp-bpf -b execve -e trace=execve -- sh -c 'exec true'
# the command is waited for: the detached sleep ends before ctrace does
t0=$(date +%s%N)
"$CTRACE" -b execve -o /dev/null sh -c 'exec sleep 1'
[ $(( ($(date +%s%N) - t0) / 1000000 )) -ge 900 ] || bad "-b execve: ctrace did not wait for the detached command"
"$CTRACE" -b exit true 2>"$TMP/b.err"; st=$?
"$STRACE" -b exit true 2>"$TMP/b.serr"
[ $st = 1 ] && [ "$(sed "s|^$CTRACE:|strace:|" "$TMP/b.err")" = "$(head -1 "$TMP/b.serr")" ] ||
	bad "-b exit: status $st, '$(cat "$TMP/b.err")', strace: '$(head -1 "$TMP/b.serr")'"

# ---- -D / -DD / -DDD / --daemonize ------------------------------------
# The traced command keeps the caller as its parent; the tracer is
# another process, in the caller's process group (-D), its own (-DD) or
# its own session (-DDD).
REL='t=$(sed -n "s/^TracerPid:\t//p" /proc/$$/status); p=$(sed -n "s/^PPid:\t//p" /proc/$$/status)
read -r _ _ _ _ tpg tsid _ < /proc/$t/stat; read -r _ _ _ _ mpg msid _ < /proc/$$/stat
yn() { if [ "$1" = "$2" ]; then echo y; else echo n; fi; }
echo "parent-is-tracer=$(yn $p $t) parent-is-caller=$(yn $p $CALLER) same-pgrp=$(yn $tpg $mpg) same-session=$(yn $tsid $msid)"'
daemon() { # tracer opts...
	local tr=$1; shift
	bash -c 'CALLER=$$ "$@"; wait' - "$tr" -e trace=none -o /dev/null "$@" sh -c "$REL" 2>&1
}
export REL
for d in "" -D -DD -DDD --daemonize --daemonize=grandchild --daemonize=pgroup --daemonize=session; do
	s=$(daemon "$STRACE" $d); c=$(daemon "$CTRACE" $d)
	[ "$s" = "$c" ] || bad "'$d': ctrace: $c; strace: $s"
done
[ "$(daemon "$CTRACE" -DDD)" = "parent-is-tracer=n parent-is-caller=y same-pgrp=n same-session=n" ] ||
	bad "-DDD: $(daemon "$CTRACE" -DDD)"
"$CTRACE" -D -p 1 2>"$TMP/D.err"; st=$?
[ $st = 1 ] && grep -q "PROG \[ARGS\] must be specified with -D/--daemonize" "$TMP/D.err" || bad "-D -p: status $st: $(cat "$TMP/D.err")"
"$CTRACE" -DDDD true 2>"$TMP/D.err"; st=$?
[ $st = 1 ] && grep -q "Too many -D's (4), maximum supported -D count is 3" "$TMP/D.err" || bad "-DDDD: status $st: $(cat "$TMP/D.err")"

# ---- -I / --interruptible ---------------------------------------------
# what a SIGTERM to the tracer does, attached to a process (-p): status
# of the tracer, and whether it said "detached"
interrupt() { # tracer opts...
	local tr=$1 sp ct st; shift
	sleep 3 & sp=$!
	"$tr" "$@" -p $sp 2>"$TMP/i.err" & ct=$!
	for _ in $(seq 100); do grep -q attached "$TMP/i.err" && break; sleep 0.05; done
	sleep 0.2; kill -TERM $ct; sleep 0.3
	if kill -0 $ct 2>/dev/null; then echo -n "alive "; kill -9 $sp; fi
	wait $ct; st=$?
	kill $sp 2>/dev/null; wait $sp 2>/dev/null
	echo "status=$st detached=$(grep -c detached "$TMP/i.err")"
}
for i in "" -I1 -I2 -I3 -I4 --interruptible=anywhere --interruptible=waiting --interruptible=never --interruptible=never_tstp; do
	s=$(interrupt "$STRACE" $i); c=$(interrupt "$CTRACE" $i)
	[ "$s" = "$c" ] || bad "'$i' SIGTERM to the tracer: ctrace: $c; strace: $s"
done
# -o FILE with a command: -I3 by default, the tracer ignores SIGTERM
sigterm_cmd() { # tracer opts...
	local tr=$1 ct st; shift
	rm -f "$TMP/t.out"
	"$tr" "$@" -o "$TMP/t.out" sleep 2 & ct=$!
	# the trace has begun: the tracer has set its signal dispositions
	for _ in $(seq 100); do grep -q execve "$TMP/t.out" 2>/dev/null && break; sleep 0.02; done
	kill -TERM $ct; wait $ct; st=$?
	echo "status=$st"
}
for i in "" -I2; do
	s=$(sigterm_cmd "$STRACE" $i); c=$(sigterm_cmd "$CTRACE" $i)
	[ "$s" = "$c" ] || bad "'$i' -o FILE CMD, SIGTERM to the tracer: ctrace: $c; strace: $s"
done
# the signals the tracer ignores (SigIgn of /proc/PID/status), among HUP
# INT QUIT TERM TSTP TTIN TTOU (ctrace ignores PIPE always: a closed
# output pipe is a write error to it)
ignored() { # tracer opts...
	local tr=$1 sp ct m out=; shift
	sleep 3 & sp=$!
	"$tr" "$@" -o /dev/null -p $sp 2>/dev/null & ct=$!
	sleep 0.5
	m=$(awk '/^SigIgn:/ {print $2}' /proc/$ct/status)
	for sig in HUP INT QUIT TERM TSTP TTIN TTOU; do
		(( (0x$m >> ($(kill -l $sig) - 1)) & 1 )) && out="$out $sig"
	done
	kill -9 $sp; wait $ct $sp 2>/dev/null
	echo "ignored:$out"
}
for i in "" -I1 -I2 -I3 -I4 --interruptible=never_tstp; do
	s=$(ignored "$STRACE" $i); c=$(ignored "$CTRACE" $i)
	[ "$s" = "$c" ] || bad "'$i': ctrace $c; strace $s"
done
"$CTRACE" -I 5 true 2>"$TMP/I.err"; st=$?
"$STRACE" -I 5 true 2>"$TMP/I.serr"
[ $st = 1 ] && [ "$(sed "s|^$CTRACE|strace|; s|'$CTRACE -h'|'strace -h'|" "$TMP/I.err")" = "$(cat "$TMP/I.serr")" ] ||
	bad "-I 5: status $st: $(cat "$TMP/I.err"); strace: $(cat "$TMP/I.serr")"

# ---- -e status=detached -----------------------------------------------
# interrupted (-I2), the tracer kills its command and detaches it: the
# call in progress is the one "detached" line
status_detached() { # tracer
	local ct
	"$1" -o "$TMP/sd.out" -I2 -e status=detached sleep 2 & ct=$!
	sleep 1; kill $ct; wait $ct
	echo "status=$?"; cat "$TMP/sd.out"
}
s=$(status_detached "$STRACE"); c=$(status_detached "$CTRACE")
[ "$s" = "$c" ] || bad "-e status=detached: ctrace: $c; strace: $s"

# ---- -O / --summary-syscall-overhead ----------------------------------
# -c -w: an overhead above the call's time leaves 0 (the same under both);
# 0.45 s taken off a 1 s sleep leaves 0.55 s (and some scheduling delay)
overhead() { # tracer opts...
	local tr=$1; shift
	"$tr" -c -w "$@" -e trace=clock_nanosleep,nanosleep sleep 1 2>&1 >/dev/null |
		awk '$NF ~ /nanosleep$/ && $1 ~ /^[0-9.]+$/ { print $2 }'
}
for o in -O2s --summary-syscall-overhead=2000000 -O2e9ns -O3.5s; do
	s=$(overhead "$STRACE" $o); c=$(overhead "$CTRACE" $o)
	[ "$s" = 0.000000 ] && [ "$c" = "$s" ] || bad "'$o': seconds '$c', strace '$s' (0.000000 expected)"
done
for o in -O4.5e2ms --summary-syscall-overhead=0.45s -O450000 -O450000000ns; do
	c=$(overhead "$CTRACE" $o)
	case $c in 0.5*|0.6*) ;; *) bad "'$o': seconds '$c' for a 1 s sleep (0.55 expected)" ;; esac
done
for o in -Ox -O-1 --summary-syscall-overhead=1h; do
	"$STRACE" -c "$o" true > "$TMP/O.s" 2>&1
	"$CTRACE" -c "$o" true 2>&1 | sed "s|^$CTRACE:|strace:|; s|'$CTRACE -h'|'strace -h'|" > "$TMP/O.c"
	cmp -s "$TMP/O.s" "$TMP/O.c" || bad "'$o': $(cat "$TMP/O.c"); strace: $(cat "$TMP/O.s")"
done

# ---- -e inject= / -e fault= ---------------------------------------------
# the call fails (or returns) as asked, the line shows it as strace's
# does, and the program sees it
INJ=(sh -c 'echo $$ $PPID; cd /var; pwd; exec 5</dev/null; exec 5<&-; exec 6</dev/null; exec 6<&-')
inj() { # name opts...
	local name=$1; shift
	( "$STRACE" -qq -o "$TMP/$name.s" "$@" "${INJ[@]}" >"$TMP/$name.s.out" 2>&1 ) 2>/dev/null
	( "$CTRACE" -qq -o "$TMP/$name.c" "$@" "${INJ[@]}" >"$TMP/$name.c.out" 2>&1 ) 2>/dev/null
	sed -i "s|^$CTRACE: |strace: |" "$TMP/$name.c.out"
	# strace names its own function in a failed poke's message
	sed -i 's/^strace: poke_tcb: /strace: /' "$TMP/$name.s.out"
	if ! diff <(norm "$TMP/$name.s" "$TMP/$name.s.out") \
		  <(norm "$TMP/$name.c" "$TMP/$name.c.out") >"$TMP/$name.diff"; then
		bad "$name: ctrace $* differs from strace:"; cat "$TMP/$name.diff"
	fi
}
case $(uname -m) in x86_64) CHDIR_NR=80 ;; aarch64) CHDIR_NR=49 ;; *) CHDIR_NR= ;; esac
inj when-range-plus -e trace=dup2,close -e inject=close:error=EBADF:when=1..1+
inj when-range-step -e trace=dup2,close -e inject=dup2,close:retval=0:when=2..3+1
inj when-from -e trace=close -e inject=close:error=EIO:when=2+
inj fault-syscall -e trace=chdir -e fault=chdir:syscall=getpid
# a poke at an unmapped address (fd 5 as a pointer): "couldn't poke"
inj poke-unmapped -e trace=close -e inject=close:poke_enter=@arg1=41:when=1
# a poke at an argument the call does not have (chdir has one): refused
# with strace's words, nothing written, the call not marked injected
inj poke-past-nargs -e trace=chdir -e inject=chdir:poke_enter=@arg2=41
inj poke-past-nargs-exit -e trace=chdir -e inject=chdir:poke_exit=@arg3=41,@arg1=2f
inj fault-syscall-error -e trace=chdir -e fault=chdir:syscall=gettid:error=EPERM
inj signal-syscall -e trace=chdir -e inject=chdir:signal=USR2:syscall=gettid
inj untraced -e trace=getpid -e inject=chdir:error=ENOENT
inj errno-any-case -e trace=chdir -e fault=chdir:error=eacces
# a never-failing call: the value printed unsigned, as strace does
INJ0=("${INJ[@]}"); INJ=(id -u)
inj retval-big -e trace=geteuid -e inject=geteuid:retval=0x8000000000000000
inj retval-big-minus -e trace=geteuid -e inject=geteuid:retval=0xfffffffffffff000
INJ=("${INJ0[@]}")
inj retval-inadvertent -e trace=getppid -e inject=getppid:retval=-2
inj last-wins -e trace=chdir,getppid -e fault=all:error=EPERM -e fault=chdir:error=ENOENT -e inject=getppid:retval=1
if [ -n "$CHDIR_NR" ]; then
	inj by-number -e trace=$CHDIR_NR -e inject=$CHDIR_NR:error=EACCES
fi
# bad arguments: the same one line and status as strace
for a in chdir:when=1..65535 chdir:when=65535..65535 chdir:when=5..4 chdir:error=1:error=2 \
	 chdir:retval=1:error=2 chdir:signal=USR1:signal=USR2 chdir:syscall=chdir chdir:syscall=gettid \
	 chdir:syscall=gettid:syscall=getpid 42 chdir:when=1..3+0; do
	for what in inject fault; do
		"$STRACE" -o /dev/null -e $what=$a true 2>"$TMP/e.s"; s=$?
		"$CTRACE" -o /dev/null -e $what=$a true 2>"$TMP/e.c"; c=$?
		sed -i "1!d; s|^$CTRACE:|strace:|" "$TMP/e.s" "$TMP/e.c"
		# ctrace may say more after strace's words
		case "$c $(cat "$TMP/e.c")" in
		"$s $(cat "$TMP/e.s")"*) ;;
		*) bad "-e $what=$a: status $c: '$(cat "$TMP/e.c")'; strace: status $s: '$(cat "$TMP/e.s")'" ;;
		esac
	done
done
# delay_enter=/delay_exit=: strace's time syntax; only the delayed
# process waits (four children delayed 1 s each, at once: about 1 s)
for d in 8e5 1.6s 1.6e+6us +8e8ns .16E7 100 1h -1 5:delay_enter=6; do
	"$STRACE" -o /dev/null -e inject=chdir:delay_enter=$d true 2>/dev/null; s=$?
	"$CTRACE" -o /dev/null -e inject=chdir:delay_enter=$d true 2>/dev/null; c=$?
	[ $s = $c ] || bad "delay_enter=$d: status $c, strace's $s"
done
DL=(sh -c 'for i in 1 2 3 4; do (cd /) & done; wait')
for tr in "$STRACE" "$CTRACE"; do
	t0=$(date +%s%N)
	"$tr" -f -o /dev/null -e trace=chdir -e inject=chdir:delay_enter=1s "${DL[@]}"
	ms=$(( ($(date +%s%N) - t0) / 1000000 ))
	[ $ms -ge 1000 ] && [ $ms -lt 2500 ] || bad "$tr: four delays of 1 s at once took $ms ms"
done
# fault=, when=F..L+S in a loop: the same calls fail as under strace
for w in 3 3+ 3+2 2..5 2..5+ 2..2+ 2..7+3; do
	FL=(sh -c 'for i in 1 2 3 4 5 6 7 8; do cd / 2>/dev/null && echo ok || echo fail; done')
	"$STRACE" -o /dev/null -e trace=chdir -e fault=chdir:when=$w "${FL[@]}" > "$TMP/f.s"
	"$CTRACE" -o /dev/null -e trace=chdir -e fault=chdir:when=$w "${FL[@]}" > "$TMP/f.c"
	cmp -s "$TMP/f.s" "$TMP/f.c" || bad "fault when=$w: $(tr '\n' ' ' < "$TMP/f.c"); strace: $(tr '\n' ' ' < "$TMP/f.s")"
done

# ---- children ctrace never traced ------------------------------------------
# An inherited child's exit: "Exit of unknown pid N ignored" (not with
# --quiet=exit); without -f, a child made with CLONE_PTRACE is let go:
# "Detached unknown pid N" (not with --quiet=attach).
unknown() { # tracer opts... (the -e trace=none run's "unknown pid" lines)
	local t=$1; shift
	{ (sleep 0.1 & exec "$t" -e trace=none "$@" sleep 0.5)
	  [ "$(uname -m)" = x86_64 ] && "$t" -e trace=none "$@" python3 "$srcdir/tests/integration/clone-ptrace.py"
	} 2>&1 >/dev/null | grep 'unknown pid' | sed 's/^[^ ]*: /TRACER: /; s/pid [0-9]*/pid N/'
}
for q in "" --quiet=exit --quiet=attach -q -qq; do
	# shellcheck disable=SC2086
	s=$(unknown "$STRACE" $q); c=$(unknown "$CTRACE" $q)
	[ "$s" = "$c" ] || bad "unknown pids '$q': ctrace: $c; strace: $s"
done
[ -n "$(unknown "$CTRACE")" ] || bad "unknown pids: no message"

# ---- numbers no table names ------------------------------------------------
# strace traces a syscall number its table does not name (syscall_0x3e8)
# whatever -e trace= says: no name or class can select it.  (With -f the
# seccomp fast path, which ctrace uses on its own, does not stop there.)
nr1000() { # tracer opts...
	local t=$1; shift
	"$t" "$@" python3 -c 'import ctypes; ctypes.CDLL(None).syscall(1000, 1, 2, 3, 4, 5, 6)' 2>&1 >/dev/null |
		grep -v '^--- SIGCHLD'
}
for e in none '!all'; do
	s=$(nr1000 "$STRACE" -e trace="$e"); c=$(nr1000 "$CTRACE" -e trace="$e")
	[ "$s" = "$c" ] || bad "syscall 1000 under -e trace=$e: ctrace: $c; strace: $s"
done
nr1000 "$CTRACE" -e trace=none | grep -q '^syscall_0x3e8(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS' ||
	bad "syscall 1000 under -e trace=none: not shown"

# ---- the program name ------------------------------------------------------
# strace starts its messages with its invocation name (argv[0]): the name
# run from PATH, the path it was run by, a symlink's name; usage errors end
# "Try 'NAME -h' for more information."  ctrace installed as strace
# (ln -s ctrace strace) is called strace.
mkdir -p "$TMP/pn"
ln -sf "$CTRACE" "$TMP/pn/ctrace"; ln -sf "$CTRACE" "$TMP/pn/strace"
sdir=$(dirname "$(command -v "$STRACE")")
for args in "-b exit true" "--bogus" "" "-I 0x1" "-s 1073741824 true" "--string-limit=-1 true" \
	    "-c -C true" "-c -ff true" "-w true" "-t --timestamps -p 1" "-f --follow-forks -p 1" \
	    "-q --quiet -p 1" "--daemonize=Pgrp -p 1" "--relative-timestamps=n"; do
	# shellcheck disable=SC2086
	{
	s=$(cd "$sdir" && ./strace $args 2>&1 >/dev/null)
	c=$(cd "$TMP/pn" && ./strace $args 2>&1 >/dev/null)
	[ "$s" = "$c" ] || bad "'./strace $args': ctrace: $c; strace: $s"
	s=$("$sdir/strace" $args 2>&1 >/dev/null | sed "s|$sdir/strace|DIR/strace|g")
	c=$("$TMP/pn/strace" $args 2>&1 >/dev/null | sed "s|$TMP/pn/strace|DIR/strace|g")
	[ "$s" = "$c" ] || bad "'DIR/strace $args': ctrace: $c; strace: $s"
	s=$(PATH="$sdir:$PATH" strace $args 2>&1 >/dev/null | sed 's/strace/ctrace/g')
	c=$(PATH="$TMP/pn:$PATH" ctrace $args 2>&1 >/dev/null)
	[ "$s" = "$c" ] || bad "'ctrace $args' from PATH: $c; strace: $s"
	}
done

# ---- warnings and their order -------------------------------------------
# strace 6.1's warnings about options that change nothing (-F, --seccomp-bpf
# without -f or with -p, -c with -i/-k/-n/-r/-t/-T/-y, -S without -c,
# --output-separately/-A without -o, -z and -Z both), in its order, before
# the usage error or the -u failure that ends the run; -P's "Requested path"
# lines among them where strace has them
for args in "-F -w /" "-FF -w /" "-fF -w /" "-F --seccomp-bpf -u :nosuchuser: true" \
	    "--seccomp-bpf -w /" "--seccomp-bpf -f -p 1 -w" \
	    "-u :nosuchuser: -cinrtTyzZ true" "-u :nosuchuser: -c -k -r true" \
	    "-u :nosuchuser: -c --timestamps=none --decode-fds=none true" \
	    "-u :nosuchuser: -c -e decode-fds=path --absolute-timestamps=unix true" \
	    "-u :nosuchuser: --summary-sort-by errors true" \
	    "-u :nosuchuser: --output-separately --output-append-mode true" \
	    "-u :nosuchuser: --output-separately --follow-forks true" \
	    "-u :nosuchuser: --successful-only -Z true" "-u :nosuchuser: -z -z true" \
	    "-q --quiet -P /// -P/. ." "-P /// -w true" "-P /// -c -i -u :nosuchuser: true" \
	    "-P /// -o |cat -ff true" "-P /// -t --timestamps -p 1" "-p 2147483647"; do
	# shellcheck disable=SC2086
	{
	s=$("$STRACE" $args 2>&1 >/dev/null); s_st=$?
	"$CTRACE" $args 2>"$TMP/w.err" >/dev/null; c_st=$?
	c=$(sed "s|^$CTRACE:|strace:|; s|'$CTRACE -h'|'strace -h'|" "$TMP/w.err")
	[ "$s" = "$c" ] && [ $s_st = $c_st ] || bad "'$args': status $c_st, ctrace: $c; strace: status $s_st, $s"
	}
done
# -d: strace's ptrace_setoptions line
"$CTRACE" -d / 2>&1 | grep -Eq "^$CTRACE: ptrace_setoptions = 0x[[:xdigit:]]+$" ||
	bad "-d: no 'ptrace_setoptions = 0x...' line"
# no argv[0] at all: named by the path it was executed by (strace's suite
# takes that or "strace"), not by a name of its own
c=$(bash -c 'exec -a "" "$0"' "$CTRACE" 2>&1 | head -1)
[ "$c" = "$CTRACE: must have PROG [ARGS] or -p PID" ] || bad "empty argv[0]: '$c'"
# the command's failed exec: its line comes before the child's "exec:
# ERROR" in the same file (the child writes it as soon as it runs again),
# 30 times with a CPU hog per CPU to shuffle the two (the race it checks
# came out in 4 to 22 runs of 100 so)
hogs=()
for _ in $(seq "$(nproc)"); do (while :; do :; done) & hogs+=($!); done
late=0
for _ in $(seq 30); do
	"$CTRACE" / 2>"$TMP/fx.err"
	head -1 "$TMP/fx.err" | grep -q ' = -1 EACCES (Permission denied)$' || late=$((late + 1))
done
kill "${hogs[@]}"; wait "${hogs[@]}" 2>/dev/null
[ $late = 0 ] || { bad "a failed exec: its line after ctrace's message in $late of 30 runs:"; cat "$TMP/fx.err"; }

[ $rc = 0 ] && echo "ok: strace-control"
exit $rc
