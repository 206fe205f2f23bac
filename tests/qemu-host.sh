# Shell functions shared by the tests that boot a Debian kernel under qemu
# (tests/aarch64/run.sh, tests/x86vm/run.sh); sourced, not run.  The caller
# sets T0 (start time), CACHE (its cache directory) and, before vm_boot, W
# (its work directory).

skip() { echo "SKIP: $*"; exit 77; }
die() { echo "FAIL: $*"; exit 1; }
step() { echo "[$(($(date +%s) - T0))s] $*"; }

# bytes of little-endian 32/16-bit values
le32() { local v; for v; do printf '%b' "$(printf '\\x%02x\\x%02x\\x%02x\\x%02x' $((v & 255)) $((v >> 8 & 255)) $((v >> 16 & 255)) $((v >> 24 & 255)))"; done; }
le16() { local v; for v; do printf '%b' "$(printf '\\x%02x\\x%02x' $((v & 255)) $((v >> 8 & 255)))"; done; }
# The 84 bytes before the code of a static ELF32 executable with one
# loadable segment (the whole file, read+execute) at BASE, entered right
# after these headers: ELF header (52 bytes) and program header (32).
elf32_headers() { # e_machine e_flags base file-size
	local base=$3 size=$4
	printf '\177ELF\001\001\001\000\000\000\000\000\000\000\000\000'
	le16 2 "$1"; le32 1 $((base + 84)) 52 0 "$2"; le16 52 32 1 0 0 0
	le32 1 0 "$base" "$base" "$size" "$size" 5 0x1000
}
# bytes of little-endian 64-bit values (below 2^32 here)
le64() { local v; for v; do le32 "$v" 0; done; }
# The 120 bytes before the code of a static ELF64 executable, as
# elf32_headers: ELF header (64 bytes) and program header (56).
elf64_headers() { # e_machine base file-size
	local base=$2 size=$3
	printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000'
	le16 2 "$1"; le32 1; le64 $((base + 120)) 64 0; le32 0; le16 64 56 1 0 0 0
	le32 1 5; le64 0 "$base" "$base" "$size" "$size" 0x1000
}

# host tools: need COMMAND PACKAGE... adds to `missing`; need_done skips
# with the apt-get line when something is missing, and fails under CI=true,
# where .ci/run installs them all.  CTRACE_TEST_DENY containing "qemu"
# makes the qemu-system-* commands count as missing (tests/integration/mutants.sh)
missing=()
need() {
	case "$1 ${CTRACE_TEST_DENY:-}" in
	qemu-system-*" qemu"*) missing+=("${@:2}"); return ;;
	esac
	command -v "$1" >/dev/null 2>&1 || missing+=("${@:2}")
}
need_done() {
	[ ${#missing[@]} = 0 ] && return
	[ "${CI:-}" = true ] && die "missing host packages under CI=true (.ci/run installs them): ${missing[*]}"
	skip "missing host packages; install them with:
  apt-get install -y ${missing[*]}"
}

# Debian packages of architecture ARCH, fetched with apt-get download (once:
# $CACHE/.unpacked holds the list they were made from) and unpacked with
# dpkg-deb: the kernel the package linux-image-ARCH depends on (only its
# /boot/vmlinuz-*) into $KDIR, the others into $SYSROOT.  Sets KERNEL.
# HINT: what to run when apt knows no such kernel.
vm_fetch() { # arch "packages" hint
	local arch=$1 pkgs=$2 hint=$3 kpkg list p d
	DEBS=$CACHE/debs SYSROOT=$CACHE/sysroot KDIR=$CACHE/kernel
	if [ "$(cat "$CACHE/.unpacked" 2>/dev/null)" != "$(echo $pkgs)" ]; then
		step "fetching $arch packages into $DEBS"
		rm -rf "$DEBS" "$SYSROOT" "$KDIR"
		mkdir -p "$DEBS" "$SYSROOT" "$KDIR" || skip "cannot create $CACHE"
		kpkg=$(apt-cache depends "linux-image-$arch:$arch" 2>/dev/null |
			awk -v a=":$arch" '/Depends: linux-image-[0-9]/ { sub(a "$", "", $2); print $2; exit }')
		[ -n "$kpkg" ] || skip "apt knows no linux-image-$arch:$arch; run:
  $hint"
		list=("$kpkg:$arch")
		for p in $pkgs; do list+=("$p:$arch"); done
		(cd "$DEBS" && apt-get download -q -o APT::Sandbox::User=root "${list[@]}") >"$CACHE/download.log" 2>&1 ||
			{ tail -5 "$CACHE/download.log"; skip "apt-get download of the $arch packages failed (offline?):
  apt-get download ${list[*]}"; }
		for d in "$DEBS"/*.deb; do
			case ${d##*/} in
			# vmlinuz is at the start of the package: tar stops there,
			# without decompressing the modules (dpkg-deb dies of SIGPIPE)
			linux-image-*) dpkg-deb --fsys-tarfile "$d" 2>/dev/null |
				tar -x -C "$KDIR" --occurrence=1 "./boot/vmlinuz-${kpkg#linux-image-}" ;;
			*) dpkg-deb -x "$d" "$SYSROOT" ;;
			esac || die "cannot unpack $d"
		done
		rm -f "$DEBS"/*.deb   # unpacked: the cache keeps only what is used
		echo $pkgs >"$CACHE/.unpacked"
	fi
	KERNEL=$(ls "$KDIR"/boot/vmlinuz-* 2>/dev/null | head -1)
	[ -n "$KERNEL" ] || die "no kernel in $KDIR (remove $CACHE/.unpacked to fetch again)"
}

# A clean copy of the tree in $CACHE/build/src (sets B and SRC), one for any
# tree: files whose content changed are copied with a new time, so make
# rebuilds exactly what they affect; a lock keeps two runs from sharing it
# at once.  Runs autogen.sh there once.
vm_sync_tree() {
	B=$CACHE/build
	SRC=$B/src
	mkdir -p "$SRC"
	exec 9>"$CACHE/lock"
	flock 9 || die "cannot lock $CACHE/lock"
	step "syncing $srcdir -> $SRC"
	if git -C "$srcdir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		git -C "$srcdir" ls-files --cached --others --exclude-standard >"$B/manifest.new"
	else
		(cd "$srcdir" && find . -path ./_build -prune -o -type f -print | sed 's|^\./||' |
			grep -v -e '^\.git/' -e '\.o$' -e '\.a$' -e '/\.deps/' -e 'config\.\(status\|log\|h\)$' \
				-e '^Makefile$' -e '^Makefile\.in$' -e '^configure$' -e '^aclocal\.m4$' -e '^build-aux/' \
				-e '^autom4te\.cache/') >"$B/manifest.new"
	fi
	# files gone from the tree go from the copy
	[ -e "$B/manifest" ] && comm -23 <(sort "$B/manifest") <(sort "$B/manifest.new") |
		while read -r f; do rm -f "$SRC/$f"; done
	# the files to copy: in a git tree, those whose content hash differs
	# (one git process per side: a cmp per file took minutes on a loaded
	# machine); else those cmp finds different
	while read -r f; do [ -f "$srcdir/$f" ] && printf '%s\n' "$f"; done <"$B/manifest.new" >"$B/present"
	if git -C "$srcdir" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		while read -r f; do [ -f "$SRC/$f" ] && printf '%s\n' "$f"; done <"$B/present" >"$B/copied"
		git -C "$srcdir" hash-object --no-filters --stdin-paths <"$B/present" | paste - "$B/present" >"$B/hash.src"
		(cd "$SRC" && git hash-object --no-filters --stdin-paths <"$B/copied") | paste - "$B/copied" >"$B/hash.copy"
		awk -F '\t' 'FILENAME == ARGV[1] { h[$2] = $1; next } h[$2] != $1 { print $2 }' \
			"$B/hash.copy" "$B/hash.src" >"$B/changed"
	else
		while read -r f; do cmp -s "$srcdir/$f" "$SRC/$f" || printf '%s\n' "$f"; done <"$B/present" >"$B/changed"
	fi
	# -m: copied files get a new time
	if [ -s "$B/changed" ]; then
		tar -C "$srcdir" -cf - -T "$B/changed" | tar -C "$SRC" -xmf - || die "cannot copy $srcdir to $SRC"
	fi
	step "$(wc -l <"$B/changed") files copied"
	mv "$B/manifest.new" "$B/manifest"
	if [ ! -x "$SRC/configure" ]; then
		step "autogen"
		(cd "$SRC" && ./autogen.sh) >"$B/autogen.log" 2>&1 || { tail -20 "$B/autogen.log"; die "autogen.sh failed"; }
	fi
}

# configure in $B/DIR with ARGS (again when they change) and make TARGETS
# (all when none); the configure arguments after -- are not compared
vm_build() { # dir "args" [targets...] -- [configure arguments with spaces...]
	local dir=$B/$1 args=$2 targets=() extra=()
	shift 2
	while [ $# -gt 0 ] && [ "$1" != -- ]; do targets+=("$1"); shift; done
	[ $# -gt 0 ] && { shift; extra=("$@"); }
	mkdir -p "$dir"
	if [ ! -e "$dir/Makefile" ] || [ "$(cat "$dir/configure.args" 2>/dev/null)" != "$args" ]; then
		step "configure $args"
		# shellcheck disable=SC2086
		(cd "$dir" && ../src/configure $args "${extra[@]}") >"$dir/configure.out" 2>&1 ||
			{ tail -20 "$dir/config.log"; die "configure $args failed"; }
		echo "$args" >"$dir/configure.args"
	fi
	step "make ${targets[*]:-all} in $dir"
	# a target alone misses BUILT_SOURCES (gen/*.h) in a new directory: all
	make -C "$dir" -j2 "${targets[@]}" >"$dir/make.out" 2>&1 ||
		{ [ ${#targets[@]} -gt 0 ] && make -C "$dir" -j2 >"$dir/make.out" 2>&1; } ||
		{ grep -v ': warning: Using .* in statically linked' "$dir/make.out" | tail -30; die "the build in $dir failed"; }
}

# the initramfs: the tree $W/root with tests/qemu-guest.sh as /t/guest.sh
# and INIT as /init, as a gzip'd newc cpio, $W/initrd.gz
vm_pack() { # init
	cp "$srcdir/tests/qemu-guest.sh" "$W/root/t/guest.sh" && cp "$1" "$W/root/init" && chmod 755 "$W/root/init" ||
		die "cannot copy the guest scripts"
	step "initramfs ($(du -sk "$W/root" | cut -f1) KiB unpacked)"
	(cd "$W/root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -1 >"$W/initrd.gz") ||
		die "cannot build the initramfs"
}

# boot $KERNEL with $W/initrd.gz, no network, no disk, the console on
# stdio; SELECTION (test names, a,b) goes on the kernel command line as
# ctrace.tests=, after the words of VM_APPEND (when set).  The console, without carriage returns, in $W/console.txt
# and $CACHE/last-console.log; sets qrc.
vm_boot() { # timeout console-device selection qemu-command...
	local to=$1 con=$2 sel=$3; shift 3
	step "booting $(basename "$KERNEL") in $1 (TCG, timeout ${to}s)"
	timeout "$to" "$@" -nographic -no-reboot -nic none -monitor none \
		-kernel "$KERNEL" -initrd "$W/initrd.gz" \
		-append "console=$con panic=-1 quiet${VM_APPEND:+ $VM_APPEND}${sel:+ ctrace.tests=$sel}" </dev/null >"$W/console.log" 2>&1
	qrc=$?
	tr -d '\r' <"$W/console.log" >"$W/console.txt"
	cp "$W/console.txt" "$CACHE/last-console.log"
	step "qemu exited with $qrc"
}

# A JSON document the guest printed between "BEGIN-JSON NAME" and
# "END-JSON NAME" (with its exit status on "EXIT-JSON NAME N"), checked
# here with jq (busybox has no JSON parser): prints a RESULT line.  The jq
# program sees the exit status as $rc; -s reads JSON lines as one array.
check_json() { # name jq-program [jq options]
	local name=$1 prog=$2 rc doc out
	shift 2
	rc=$(sed -n "s/^EXIT-JSON $name //p" "$W/console.txt")
	doc=$(sed -n "/^BEGIN-JSON $name\$/,/^END-JSON $name\$/p" "$W/console.txt" | sed '1d;$d')
	if [ -z "$doc" ]; then
		echo "RESULT $name FAIL no JSON document on the console"
	elif ! command -v jq >/dev/null && [ "${CI:-}" = true ]; then
		echo "RESULT $name FAIL jq not installed on the host under CI=true (.ci/run installs it)"
	elif ! command -v jq >/dev/null; then
		echo "RESULT $name SKIP jq not installed on the host (apt-get install -y jq)"
	elif ! out=$(printf '%s\n' "$doc" | jq -e "$@" --argjson rc "${rc:-999}" "$prog" 2>&1); then
		echo "RESULT $name FAIL $(printf '%s' "$out" | tr '\n' ' ' | cut -c1-300)"
	else
		echo "RESULT $name PASS $out"
	fi
}

# The summary of $W/results.txt (RESULT lines): a failure when the guest
# did not get to TESTS-DONE or, with no test selection, when the number of
# results is not EXPECTED.  Sets pass, failn, skipn.
vm_summary() { # label expected selection
	local label=$1 expected=$2 selection=$3
	pass=$(grep -c '^RESULT [^ ]* PASS' "$W/results.txt")
	failn=$(grep -c '^RESULT [^ ]* FAIL' "$W/results.txt")
	skipn=$(grep -c '^RESULT [^ ]* SKIP' "$W/results.txt")
	if ! grep -q '^TESTS-DONE$' "$W/console.txt"; then
		echo "--- console (last 40 lines):"; tail -40 "$W/console.txt"
		[ "$qrc" = 124 ] && echo "FAIL: the guest did not finish within the timeout" ||
			echo "FAIL: the guest stopped before the end of the tests (qemu status $qrc)"
		failn=$((failn + 1))
	elif [ -z "$selection" ] && [ $((pass + failn + skipn)) != "$expected" ]; then
		echo "FAIL: $((pass + failn + skipn)) results, expected $expected"
		failn=$((failn + 1))
	fi
	echo "$label ($(basename "$KERNEL"), $(($(date +%s) - T0)) s): $pass passed, $failn failed, $skipn skipped"
}
