#!/bin/bash
# -y paths come from a cache (src/fdcache.c): they must follow every
# change of a descriptor or of its file, whether the call that made it is
# shown or not, made by the tracee, a traced child, or an untraced child.
. "$(dirname "$0")/lib.sh"
rc=0
bad() { echo "FAIL: $*"; rc=1; }
# $1: trace, $2: fixed string that must be in it
want() { grep -qF -- "$2" "$1" || { bad "$3: no '$2' in the trace"; sed 's/^/  | /' "$1" | grep -F 'write(1' >&2; }; }

T=$TMP
script="exec 3>$T/a; echo x >&3; exec 3>$T/b; echo y >&3; mv $T/b $T/c; echo z >&3;
	(mv $T/c $T/d); echo v >&3; rm $T/d; echo w >&3; exec 3</etc/hostname; cat <&3 >/dev/null"
for opts in "" "-f" "-e trace=write" "-f -e trace=write,read"; do
	rm -f "$T"/[abcd]
	# shellcheck disable=SC2086
	"$CTRACE" $opts -y -o "$T/tr" sh -c "$script" 2>/dev/null || bad "$opts: exit status $?"
	sed -i -E 's/^[0-9]+ +//' "$T/tr"
	want "$T/tr" "write(1<$T/a>, \"x\\n\", 2)" "$opts"
	want "$T/tr" "write(1<$T/b>, \"y\\n\", 2)" "$opts"
	want "$T/tr" "write(1<$T/c>, \"z\\n\", 2)" "$opts"
	want "$T/tr" "write(1<$T/d>, \"v\\n\", 2)" "$opts"
	want "$T/tr" "write(1<$T/d>(deleted), \"w\\n\", 2)" "$opts"
done

# the cwd of AT_FDCWD follows chdir
"$CTRACE" -y -e trace=openat -o "$T/cwd" sh -c "cd $T; true <nofile; cd /; true <nofile2" 2>/dev/null
want "$T/cwd" "openat(AT_FDCWD<$T>, \"nofile\"" "cwd"
want "$T/cwd" "openat(AT_FDCWD</>, \"nofile2\"" "cwd"

# a number reused at once: close + open, dup2 onto a cached number
"$CTRACE" -y -e trace=read -o "$T/re" sh -c "exec 4</etc/hostname; read l <&4; exec 4</etc/passwd; read l <&4; exec 5</etc/hosts 4<&5; read l <&4"
want "$T/re" "read(0</etc/hostname>" "reuse"
want "$T/re" "read(0</etc/passwd>" "reuse"
want "$T/re" "read(0</etc/hosts>" "reuse"

[ $rc = 0 ] && echo "ok: -y paths follow descriptor and file changes"
exit $rc
