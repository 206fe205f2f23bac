# tests/containers/observe.sh: POSIX sh helpers that observe what really
# happens, sourced by inside.sh (in the container) and lib.sh (on the host).
# They write scratch files under $T.

show() {            # show NAME FILE
	echo "BEGIN $1"
	cat "$2"
	echo
	echo "END"
}

err_text() {      # a file's non-empty lines, joined: the detail column
	sed -n '/./p' "$1" 2>/dev/null | tr '\n' '|' | sed 's/|$//; s/|/ | /g' | cut -c1-2000
}

# status of a process: running, gone (exited, or a zombie)
gone() {
	case $(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1) in
	'' | Z | X) return 0 ;;
	esac
	return 1
}

tracer_of() {
	sed -n 's/^TracerPid:[[:space:]]*//p' "/proc/$1/status" 2>/dev/null
}

uid_of() {
	sed -n 's/^Uid:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$1/status" 2>/dev/null
}

# judge RC WORKED ERRFILE: the OBS result of a run.  (A usage error of
# ctrace is a "fail" like any other: every option asked for exists.)
judge() {
	if [ "$2" = yes ]; then
		echo "ok rc=$1 $(err_text "$3")"
	else
		echo "fail rc=$1 $(err_text "$3")"
	fi
}

# try_attach TARGET TOOL...: attach to TARGET, wait until the kernel shows
# the tool as its tracer, SIGINT the tool, and check that it detached
# (target alive, untraced) and exited.
try_attach() {
	target=$1
	shift
	"$@" -o "$T/attach.trace" -p "$target" >"$T/attach.out" 2>"$T/attach.err" &
	tp=$!
	traced=no
	i=0
	while [ $i -lt 100 ]; do
		if [ "$(tracer_of "$target")" = "$tp" ]; then
			traced=yes
			break
		fi
		gone "$tp" && break
		sleep 0.02
		i=$((i + 1))
	done
	kill -INT "$tp" 2>/dev/null
	i=0
	while ! gone "$tp" && [ $i -lt 150 ]; do
		sleep 0.02
		i=$((i + 1))
	done
	if ! gone "$tp"; then
		kill -KILL "$tp" 2>/dev/null
		wait "$tp" 2>/dev/null
		echo "fail hung: no exit 3 s after SIGINT (traced=$traced)"
		return
	fi
	wait "$tp"
	rc=$?
	after=$(tracer_of "$target")
	if [ $traced = yes ]; then
		if gone "$target"; then
			echo "fail target died after detach rc=$rc"
		elif [ "$after" != 0 ]; then
			echo "fail still traced by $after after SIGINT rc=$rc"
		else
			echo "ok rc=$rc detached"
		fi
	else
		echo "fail rc=$rc $(err_text "$T/attach.err")"
	fi
}

# report NAME CMD...: run a ctrace --check command; print its exit status,
# output and errors as blocks (verdicts.py fails a report that printed
# nothing, a usage error included).
report() {
	name=$1
	shift
	"$@" >"$T/$name" 2>"$T/$name.err"
	rc=$?
	echo "RC $name $rc"
	show "$name" "$T/$name"
	show "$name.err" "$T/$name.err"
}
