# shellcheck shell=bash
# Common helpers for the mpol-series scripts. Source it; do not run it.

# Project root and the paths every script agrees on (used by the scripts
# that source this file).
# shellcheck disable=SC2034
MPOL_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MPOL_BUILD=${MPOL_BUILD:-$MPOL_TOP/build}
MPOL_TREE=${MPOL_TREE:-$MPOL_BUILD/linux}
# The test kernel's build directory (make coverage uses another one).
MPOL_KERNEL=${MPOL_KERNEL:-$MPOL_BUILD/kernel}
MPOL_LOGS=$MPOL_BUILD/logs
MPOL_RESULTS=${MPOL_RESULTS:-$MPOL_BUILD/results}
MPOL_PATCHES=$MPOL_TOP/patches
# The fixes that go out as their own short series ahead of the main one
# (each with Fixes:, Cc: stable where the bug is in a release); the main
# series in patches/ depends on them. In the kernel tree they are the first
# commits on the base, then the main series: one linear branch.
MPOL_FIXES_PATCHES=$MPOL_PATCHES/fixes
# The built selftests (build-selftests writes them, mkinitramfs packs them).
MPOL_SELFTESTS=${MPOL_SELFTESTS:-$MPOL_BUILD/selftests}

# The guest architecture, MPOL_ARCH: x86_64 (the default, as make test runs)
# or arm64 (64K pages, cross-built with Debian's gcc-aarch64-linux-gnu,
# booted with qemu-system-aarch64 -M virt; make test-compat COMPAT=arm64).
# MPOL_CROSS is the CROSS_COMPILE prefix, MPOL_KIMAGE the kernel image in
# the build directory, MPOL_QEMU the QEMU binary.
# shellcheck disable=SC2034
MPOL_ARCH=${MPOL_ARCH:-x86_64}
# set_arch: MPOL_CROSS, MPOL_KIMAGE and MPOL_QEMU for MPOL_ARCH.
set_arch() {
	# shellcheck disable=SC2034
	case $MPOL_ARCH in
	x86_64)
		MPOL_CROSS=
		MPOL_KIMAGE=arch/x86/boot/bzImage
		MPOL_QEMU=qemu-system-x86_64 ;;
	arm64)
		MPOL_CROSS=aarch64-linux-gnu-
		MPOL_KIMAGE=arch/arm64/boot/Image
		MPOL_QEMU=qemu-system-aarch64 ;;
	*)
		printf '%s: error: MPOL_ARCH must be x86_64 or arm64, not %s\n' "${0##*/}" "$MPOL_ARCH" >&2
		exit 1 ;;
	esac
}
set_arch

# The deterministic identity of the base commit: with these, the base commit
# id depends only on the contents of the source tarball.
# shellcheck disable=SC2034
MPOL_BASE_NAME="Debian linux-source"
# shellcheck disable=SC2034
MPOL_BASE_EMAIL="linux-source@localhost"
# shellcheck disable=SC2034
MPOL_BASE_DATE="2026-01-01T00:00:00Z"

# Print progress on stderr, with the script name as a prefix.
msg() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }

# Print one clear sentence and exit non-zero.
die() { printf '%s: error: %s\n' "${0##*/}" "$*" >&2; exit 1; }

# need CMD...: fail with the package to install when a command is missing.
need() {
	local c
	for c in "$@"; do
		command -v "$c" >/dev/null 2>&1 ||
			die "'$c' is missing; run 'make deps' (scripts/install-deps) to install it"
	done
}

# check_space DIR MIB: fail early when DIR's filesystem has less than MIB free.
check_space() {
	local avail
	mkdir -p "$1"
	avail=$(df -Pm "$1" | awk 'NR == 2 { print $4 }')
	[ "${avail:-0}" -ge "$2" ] ||
		die "only ${avail:-0} MiB free under $1, need at least $2 MiB (free disk space or set MPOL_BUILD)"
}

# series_dir_files DIR: the patch files of the series in DIR, in order,
# without the cover letter.
series_dir_files() {
	[ -d "$1" ] || return 0
	find "$1" -maxdepth 1 -name '*.patch' ! -name '0000-cover-letter.patch' | sort
}

# series_files: every patch the kernel tree holds on the base, in the order
# 'make tree' applies them: the fixes series, then the main series.
series_files() {
	series_dir_files "$MPOL_FIXES_PATCHES"
	series_dir_files "$MPOL_PATCHES"
}

# series_hash: what 'make tree' and 'make export' record as the state of
# patches/ (both series) the tree is in sync with.
series_hash() {
	series_files | xargs -r cat | sha256sum | cut -d' ' -f1
}

# fixes_count: the number of patches in the fixes series (patches/fixes/),
# i.e. how many commits on the base are fixes.
fixes_count() {
	series_dir_files "$MPOL_FIXES_PATCHES" | wc -l
}

# tree_base: the root commit of the kernel tree (the deterministic base).
tree_base() {
	git -C "$MPOL_TREE" rev-list --max-parents=0 HEAD 2>/dev/null | tail -n 1
}

# show_tail LOG: the last 40 lines of a failed step's log.
show_tail() {
	printf -- '--- last 40 lines of %s ---\n' "$1" >&2
	tail -n 40 "$1" >&2 || true
	printf -- '---\n' >&2
}

# run_logged LOG CMD...: run CMD with all output in LOG; on failure show the
# tail of LOG and return the command's status.
run_logged() {
	local log=$1 rc=0
	shift
	mkdir -p "$(dirname "$log")"
	"$@" >"$log" 2>&1 || rc=$?
	if [ "$rc" -ne 0 ]; then
		msg "failed (exit $rc): $*"
		show_tail "$log"
	fi
	return "$rc"
}

# configured_objects CONFIG DIR OBJECT...: the OBJECTs (mm/zswap.o) that
# the kernel tree DIR builds with the .config CONFIG, by the kbuild
# assignment that names each (obj-y, mmu-$(CONFIG_MMU), obj-$(CONFIG_X)
# in its directory's Makefile or, as tests/x.o, in its parent's): kept
# when that is y or a CONFIG_ option set to y or m. touched_objects names
# every file that includes a changed header, some of them for options
# the config leaves off (mm/zswap.o), and an object of an option that is
# off does not build on its own. An object no assignment names is left
# out.
configured_objects() {
	local config=$1 dir=$2 o d b mk sym
	shift 2
	for o in "$@"; do
		d=${o%/*} b=${o##*/} sym=
		for mk in "$d/Makefile:$b" "${d%/*}/Makefile:${d##*/}/$b"; do
			[ -f "$dir/${mk%%:*}" ] || continue
			sym=$(awk -v want="${mk#*:}" '
				{
					line = $0
					while (line ~ /\\$/ && (getline nxt) > 0) {
						sub(/\\$/, "", line)
						line = line " " nxt
					}
					if (!match(line, /^[ \t]*[A-Za-z0-9_-]+-(y|\$\(CONFIG_[A-Za-z0-9_]+\))[ \t]*[:+]?=/))
						next
					lhs = substr(line, RSTART, RLENGTH)
					n = split(substr(line, RSTART + RLENGTH), w, /[ \t]+/)
					for (i = 1; i <= n; i++) {
						if (w[i] != want) continue
						if (match(lhs, /CONFIG_[A-Za-z0-9_]+/)) print substr(lhs, RSTART, RLENGTH)
						else print "y"
						exit
					}
				}' "$dir/${mk%%:*}")
			[ -z "$sym" ] || break
		done
		case $sym in
		'') ;;
		y) echo "$o" ;;
		*) ! grep -qE "^$sym=(y|m)\$" "$config" || echo "$o" ;;
		esac
	done
}

# tap_result N PASSED NAME [DETAIL...]: one TAP result of the harness's
# own checks (checkpatch, check-*, scan-reports): "ok N NAME" when PASSED
# is 1; otherwise the DETAIL lines (each argument may hold several; empty
# ones dropped, at most 30) as "# " diagnostics, then "not ok N NAME".
# The diagnostics come first, as kselftest and KUnit print them and as
# scripts/list-failures shows them.
tap_result() {
	local n=$1 passed=$2 name=$3 lines=()
	shift 3
	if [ "$passed" = 1 ]; then
		echo "ok $n $name"
		return 0
	fi
	[ $# -eq 0 ] || mapfile -t lines < <(printf '%s\n' "$@" | grep -v '^[[:space:]]*$')
	[ ${#lines[@]} -eq 0 ] || printf '# %s\n' "${lines[@]:0:30}"
	[ ${#lines[@]} -le 30 ] || echo "# ... $((${#lines[@]} - 30)) more line(s)"
	echo "not ok $n $name"
}

# jobs_n: parallel make jobs.
jobs_n() { nproc 2>/dev/null || echo 2; }

# topologies: the names of selftests/topologies/*.qemu, space-separated.
topologies() {
	local f names=()
	for f in "$MPOL_TOP"/selftests/topologies/*.qemu; do
		[ -f "$f" ] && names+=("$(basename "$f" .qemu)")
	done
	echo "${names[*]}"
}

# The kunitconfig fragments of the test kernel: the project's, plus any in
# MPOL_EXTRA_KUNITCONFIG (space-separated paths, for trying a new suite).
# Callers use it as $(kunitconfigs), where a die() would only end the
# subshell: check_kunitconfigs first, in the script itself.
kunitconfigs() {
	local f
	# MPOL_KUNITCONFIG replaces the project's suites (make test-compat: a
	# kernel without the series has none of them).
	echo "${MPOL_KUNITCONFIG:-$MPOL_TOP/kunit/mempolicy.kunitconfig}"
	vm_configs
	# The profile's fragments (configs/profiles), then the user's.
	for f in ${MPOL_PROFILE_FRAGMENTS:-} ${MPOL_EXTRA_KUNITCONFIG:-}; do
		echo "$f"
	done
}

# check_kunitconfigs: die, in the calling script, on a fragment that
# kunitconfigs names and that does not exist (a mistyped
# MPOL_EXTRA_KUNITCONFIG would otherwise build without it).
check_kunitconfigs() {
	local f
	[ -f "${MPOL_KUNITCONFIG:-$MPOL_TOP/kunit/mempolicy.kunitconfig}" ] ||
		die "MPOL_KUNITCONFIG: no file ${MPOL_KUNITCONFIG:-$MPOL_TOP/kunit/mempolicy.kunitconfig}"
	for f in ${MPOL_EXTRA_KUNITCONFIG:-}; do
		[ -f "$f" ] || die "MPOL_EXTRA_KUNITCONFIG: no file $f"
	done
	for f in ${MPOL_PROFILE_FRAGMENTS:-}; do
		[ -f "$f" ] || die "configs/profiles: profile ${MPOL_PROFILE:-?} names a fragment that does not exist: $f"
	done
}

# vm_configs: the test kernel's base options for MPOL_ARCH: configs/vm.config
# on x86_64; on arm64 a copy of it without the x86-only options (kunit.py
# checks that every option given ends up in .config): the CONFIG_X86 ones and
# "JUMP_LABEL is not set" (arm64 always selects it; its text patching runs
# under stop_machine(), not x86's int3 that crashed TCG guests), followed by
# configs/arm64.config.
vm_configs() {
	local f
	if [ "$MPOL_ARCH" = x86_64 ]; then
		echo "$MPOL_TOP/configs/vm.config"
		return 0
	fi
	f=$MPOL_BUILD/config/vm-$MPOL_ARCH.config
	mkdir -p "${f%/*}"
	grep -v -e '^CONFIG_X86' -e '^# CONFIG_JUMP_LABEL is not set' "$MPOL_TOP/configs/vm.config" >"$f.tmp"
	mv "$f.tmp" "$f"
	echo "$f"
	echo "$MPOL_TOP/configs/$MPOL_ARCH.config"
}

# kunit_qemu_config: kunit.py's QEMU configuration (two NUMA nodes) for
# MPOL_ARCH.
kunit_qemu_config() {
	case $MPOL_ARCH in
	x86_64) echo "$MPOL_TOP/kunit/qemu_configs/numa2.py" ;;
	*) echo "$MPOL_TOP/kunit/qemu_configs/numa2_$MPOL_ARCH.py" ;;
	esac
}

# kernel_cc: the compiler for kernel builds, through ccache when it is there
# (callers export CCACHE_BASEDIR=$MPOL_BUILD so that trees of the same
# layout under MPOL_BUILD share the cache).
kernel_cc() {
	if command -v ccache >/dev/null 2>&1; then echo "ccache ${MPOL_CROSS}gcc"; else echo "${MPOL_CROSS}gcc"; fi
}

# kunit_py CMD [ARGS...]: the tree's kunit.py with the test kernel's build
# directory, config fragments, 2-node QEMU config and ccache.
kunit_py() {
	local cmd=$1 cc f o args=()
	shift
	cc=$(kernel_cc)
	# Relative paths in the ccache keys: builds of other trees under
	# MPOL_BUILD with the same layout share the cache.
	export CCACHE_BASEDIR=$MPOL_BUILD
	check_kunitconfigs
	for f in $(kunitconfigs); do args+=("--kunitconfig=$f"); done
	# The profile's make variables (configs/profiles), then the user's
	# MPOL_MAKE_OPTIONS, e.g. GCOV_PROFILE_mempolicy.o=y.
	for o in ${MPOL_PROFILE_MAKE:-} ${MPOL_MAKE_OPTIONS:-}; do args+=("--make_options=$o"); done
	case $cmd in build | run) args+=("--jobs=$(jobs_n)") ;; esac
	[ -z "$MPOL_CROSS" ] || args+=("--cross_compile=$MPOL_CROSS")
	(cd "$MPOL_TREE" && python3 tools/testing/kunit/kunit.py "$cmd" \
		--arch="$MPOL_ARCH" --build_dir="$MPOL_KERNEL" \
		"${args[@]}" \
		--qemu_config="$(kunit_qemu_config)" \
		--make_options="CC=$cc" "$@")
}

# tests_list: the selftest list file (MPOL_TESTS_LIST overrides).
tests_list() {
	local f=${MPOL_TESTS_LIST:-$MPOL_TOP/selftests/tests.list}
	[ -f "$f" ] || die "no selftest list $f"
	echo "$f"
}

# recipients PATCH...: "to ADDRESS" for each maintainer and "cc ADDRESS" for
# each reviewer and list that scripts/get_maintainer.pl gives for the
# patches (run in the kernel tree, without git history heuristics; the
# tree has no upstream history, so --no-fixes: the authors of the commits a
# Fixes: tag names cannot be looked up). Maintainers and the rest are asked
# for separately: with --rolestats, a person with several roles (a
# reviewer of KVM and a maintainer of KVM GUEST_MEMFD) is shown with one
# of them, picked in Perl's randomized hash order, which moved such a
# person between To and Cc from one export to the next. PERL_HASH_SEED=0
# keeps the order of the output from changing too.
recipients() {
	local m
	m=$(cd "$MPOL_TREE" && PERL_HASH_SEED=0 perl scripts/get_maintainer.pl --no-git \
		--no-git-fallback --no-fixes --no-rolestats --m --no-r --no-l "$@")
	[ -z "$m" ] || printf '%s\n' "$m" | sed 's/^/to /'
	(cd "$MPOL_TREE" && PERL_HASH_SEED=0 perl scripts/get_maintainer.pl --no-git \
		--no-git-fallback --no-fixes --no-rolestats --no-m --r --l "$@") |
		grep -vxF -f <(printf '%s\n' "${m:-}") | sed 's/^/cc /' || true
}

# build_warnings LOG: each compiler or sparse warning/error in a build log
# as "file: warning|error: message", without line and column numbers, so
# that the sets of two builds can be compared.
build_warnings() {
	sed -n 's#^\([^ :]*\):[0-9]*:[0-9]*: \(warning\|error\): \(.*\)#\1: \2: \3#p' "$1" | sort -u
}

# touched_objects DIR FILE...: the kernel objects to build for changed
# FILEs of the tree in DIR: the objects of changed .c files, the mm/ and
# kernel/trace/ objects that include a changed include/ header, and the
# mm/ objects that include a changed local header (mm/tests/*-kunit.h).
touched_objects() {
	local dir=$1 f h
	shift
	for f in "$@"; do
		case $f in
		mm/*.c | kernel/*.c | lib/*.c | fs/*.c) echo "${f%.c}.o" ;;
		include/*.h)
			h=${f#include/}
			(cd "$dir" && grep -l "#include <$h>" mm/*.c kernel/trace/*.c 2>/dev/null) |
				sed 's#\.c$#.o#' ;;
		mm/*.h)
			h=${f##*/}
			(cd "$dir" && grep -lE "#include \"(tests/)?$h\"" mm/*.c 2>/dev/null) |
				sed 's#\.c$#.o#' ;;
		esac
	done
	return 0
}

# The first plain Debian archive URI of this machine (not the security one).
mirror_uri() {
	local f
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk '
			/^[[:space:]]*$/ { if (uri != "" && deb && suites !~ /security/) { print uri; exit }
					   uri = ""; deb = 0; suites = ""; next }
			tolower($1) == "types:" { deb = ($0 ~ /[[:space:]]deb([[:space:]]|$)/) }
			tolower($1) == "uris:" { uri = $2 }
			tolower($1) == "suites:" { suites = $0 }
			END { if (uri != "" && deb && suites !~ /security/) print uri }
		' "$f"
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		awk '$1 == "deb" {
			i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
			if ($(i + 1) !~ /security/ && $i ~ /debian\/?$/) print $i }' "$f"
	done
}

# private_apt DIR URI SUITE [ARCH]: set apt_opts to an apt configuration of
# its own in DIR (sources, lists and cache; the system's apt configuration
# and state are not touched) that reads SUITE's main component from URI,
# for ARCH (default: the machine's). apt-get "${apt_opts[@]}" update and
# download then work without root's apt state.
private_apt() {
	local dir=$1 uri=$2 suite=$3 arch=${4:-} keyring=/usr/share/keyrings/debian-archive-keyring.gpg
	mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial" "$dir/parts"
	[ -f "$keyring" ] || die "$keyring is missing (install debian-archive-keyring)"
	printf 'deb [signed-by=%s] %s %s main\n' "$keyring" "$uri" "$suite" >"$dir/sources.list"
	apt_opts=(
		-o "Dir::Etc::SourceList=$dir/sources.list"
		-o "Dir::Etc::SourceParts=$dir/parts"
		-o "Dir::State::Lists=$dir/lists"
		-o "Dir::Cache=$dir/cache"
		-o "APT::Sandbox::User=root"
	)
	[ -z "$arch" ] || apt_opts+=(-o "APT::Architecture=$arch" -o "APT::Architectures=$arch")
}

# kill_on_exit PID: kill PID (a VM or a script running one, started in
# the background) when this script ends, Ctrl-C and kill included: the
# asynchronous commands of a non-interactive shell ignore SIGINT, so an
# interrupted run would leave its VMs running until VM_TIMEOUT. The first
# call sets the traps (which replace any the script has).
mpol_bg=()
kill_bg() {
	[ "${#mpol_bg[@]}" -eq 0 ] || kill "${mpol_bg[@]}" 2>/dev/null || true
}
kill_on_exit() {
	if [ "${#mpol_bg[@]}" -eq 0 ]; then
		trap kill_bg EXIT
		trap 'kill_bg; trap - INT; kill -INT $$' INT
		trap 'kill_bg; exit 143' TERM
	fi
	mpol_bg+=("$1")
}

# scratch_clone DIR: a clone of the kernel tree in DIR (git clone --shared,
# made once) that has fetched the tree's HEAD, for a script that checks
# out other commits without touching build/linux; prints that commit.
scratch_clone() {
	local dir=$1
	if [ ! -d "$dir/.git" ]; then
		# A worktree of an earlier version of the harness, or debris.
		rm -rf "$dir"
		git -C "$MPOL_TREE" worktree prune
		mkdir -p "$(dirname "$dir")"
		git clone -q --shared "$MPOL_TREE" "$dir" || die "git clone of $MPOL_TREE into $dir failed"
	fi
	git -C "$dir" fetch -q "$MPOL_TREE" HEAD || die "git fetch of $MPOL_TREE into $dir failed"
	git -C "$dir" rev-parse FETCH_HEAD
}

# qemu_topology FILE: the QEMU options of a topology file (one option and
# its value a line; selftests/topologies/*.qemu, bench/bench.qemu) in the
# array topo_args. A "# ARCH: OPTION VALUE" line, for MPOL_ARCH, replaces
# every plain line of the options it names (e.g. -m and -object on arm64,
# where a PMD huge page is 512 MiB).
qemu_topology() {
	local opt val arch_opts
	topo_args=()
	arch_opts=$(sed -n "s/^# $MPOL_ARCH: \(-[^ ]*\).*/\1/p" "$1" | sort -u)
	while read -r opt val; do
		case $opt in '' | '#'*) continue ;; esac
		if printf '%s\n' "$arch_opts" | grep -qxF -- "$opt"; then continue; fi
		topo_args+=("$opt" ${val:+"$val"})
	done <"$1"
	while read -r opt val; do
		topo_args+=("$opt" ${val:+"$val"})
	done < <(sed -n "s/^# $MPOL_ARCH: //p" "$1")
}

# qemu_until OUT MARKER LIMIT LOG QEMU-COMMAND...: run the guest in the
# background under timeout LIMIT (seconds), QEMU's own output in LOG,
# killed if this script is, until OUT, the file its results channel
# writes, has a line starting with MARKER; then stop it. Waiting for the
# marker on the host, not for the guest to power off, is what guarantees
# that no output is lost in the UART at power-off. Sets rc to QEMU's exit
# status: 0 when stopped after the marker (and when it ended by itself
# with status 0).
qemu_until() {
	local out=$1 marker=$2 limit=$3 log=$4 qpid
	shift 4
	rc=0
	: >"$out"
	timeout --foreground -k 5 "$limit" "$@" </dev/null >"$log" 2>&1 &
	qpid=$!
	kill_on_exit "$qpid"
	while kill -0 "$qpid" 2>/dev/null; do
		if grep -q "^$marker" "$out"; then
			kill "$qpid" 2>/dev/null || true
			wait "$qpid" 2>/dev/null || true
			return 0
		fi
		sleep 0.5
	done
	wait "$qpid" || rc=$?
}

# run_vms LOGNAME TOPOLOGY...: scripts/run-vm for each topology, all at
# once (their run time is mostly wall-clock bound), each with its output
# in build/logs/LOGNAME-TOPOLOGY.log, printed in order once all are done;
# variables set on the call reach every run-vm. Returns non-zero if any
# failed.
run_vms() {
	local name=$1 t i=0 status=0 pids=()
	shift
	mkdir -p "$MPOL_LOGS"
	for t in "$@"; do
		"$MPOL_TOP/scripts/run-vm" "$t" >"$MPOL_LOGS/$name-$t.log" 2>&1 &
		pids+=($!)
		kill_on_exit "$!"
	done
	for t in "$@"; do
		wait "${pids[$i]}" || status=1
		cat "$MPOL_LOGS/$name-$t.log"
		i=$((i + 1))
	done
	return "$status"
}

# progress_start DIR: until progress_stop or the end of the script, print
# a line every 30 s, "[script] DIR: N objects built, 5m30s": the objects
# (.o files) written under DIR since the call and the time taken. A cold
# kernel build is otherwise silent for 8 to 13 minutes, in a CI log too.
# The lines go to stderr, or to the descriptor MPOL_PROGRESS_FD names
# (scripts/test sends each phase's stderr to a log and its own stderr there).
progress_pid=
progress_start() {
	local dir=$1 fd=${MPOL_PROGRESS_FD:-2} since t0=$SECONDS
	since=$(date +%s)
	case $fd in '' | *[!0-9]*) fd=2 ;; esac
	{ true >&"$fd"; } 2>/dev/null || fd=2
	(
		sleeper=
		trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
		while :; do
			sleep 30 &
			sleeper=$!
			wait "$sleeper"
			sleeper=
			# The script may have died by SIGKILL, without its traps.
			kill -0 $$ 2>/dev/null || exit 0
			# find fails on a file that the build removes meanwhile.
			n=$(find "$dir" -name '*.o' -newermt "@$since" 2>/dev/null | wc -l) || true
			s=$((SECONDS - t0))
			printf '[%s] %s: %d objects built, %dm%02ds\n' "${0##*/}" "${dir#"$MPOL_TOP"/}" \
				"$n" $((s / 60)) $((s % 60)) >&"$fd"
		done
	) &
	progress_pid=$!
	kill_on_exit "$progress_pid"
}

# progress_stop: end what progress_start started.
progress_stop() {
	local p keep=()
	[ -n "$progress_pid" ] || return 0
	kill "$progress_pid" 2>/dev/null || true
	wait "$progress_pid" 2>/dev/null || true
	for p in "${mpol_bg[@]}"; do
		[ "$p" = "$progress_pid" ] || keep+=("$p")
	done
	mpol_bg=("${keep[@]}")
	progress_pid=
}

# The kernel profiles of configs/profiles (test, debug, gcov, stock, lts,
# arm64, bench): what each kernel is and where its results go.
MPOL_PROFILES=$MPOL_TOP/configs/profiles

# profile_names: the profiles, in the file's order.
profile_names() {
	awk '!/^#/ && NF { print $1 }' "$MPOL_PROFILES"
}

# profile_field NAME KEY: the KEY= value of profile NAME, list items
# (commas) as words; empty when the profile does not set KEY.
profile_field() {
	local line
	line=$(awk -v n="$1" '!/^#/ && $1 == n' "$MPOL_PROFILES")
	[ -n "$line" ] || die "unknown kernel profile '$1' (configs/profiles: $(profile_names | tr '\n' ' '))"
	printf '%s\n' "$line" | tr -s ' \t' '\n' | sed -n "s/^$2=//p" | tr , ' '
}

# profile_dir NAME KEY: the absolute path of profile NAME's KEY (kernel,
# tree, selftests or results), under MPOL_BUILD.
profile_dir() {
	local v
	v=$(profile_field "$1" "$2")
	[ -n "$v" ] || die "configs/profiles: profile $1 has no $2="
	echo "$MPOL_BUILD/$v"
}

# use_profile NAME: make this script, and the scripts it runs, work on
# profile NAME: its architecture, tree, build directory, suites, config
# fragments (MPOL_PROFILE_FRAGMENTS, before the user's
# MPOL_EXTRA_KUNITCONFIG), make variables (MPOL_PROFILE_MAKE, before
# MPOL_MAKE_OPTIONS), guest parameters (MPOL_PROFILE_CMDLINE, before
# MPOL_VM_CMDLINE), TCG thread mode (unless MPOL_TCG_THREAD is set),
# selftests and results directories. Exported: a script run with
# MPOL_PROFILE=NAME in its environment applies it when it sources this
# file, unless its parent did already (MPOL_PROFILE_APPLIED; the values
# it passes, e.g. MPOL_RESULTS for one VM, then stand).
use_profile() {
	local p=$1 v f
	profile_field "$p" kernel >/dev/null
	MPOL_PROFILE=$p
	v=$(profile_field "$p" arch)
	MPOL_ARCH=${v:-x86_64}
	set_arch
	MPOL_KERNEL=$(profile_dir "$p" kernel)
	v=$(profile_field "$p" tree)
	MPOL_TREE=$MPOL_BUILD/${v:-linux}
	v=$(profile_field "$p" selftests)
	MPOL_SELFTESTS=$MPOL_BUILD/${v:-selftests}
	MPOL_RESULTS=$(profile_dir "$p" results)
	v=$(profile_field "$p" kunitconfig)
	[ -z "$v" ] || MPOL_KUNITCONFIG=$MPOL_TOP/$v
	MPOL_PROFILE_FRAGMENTS=
	for f in $(profile_field "$p" fragments); do
		MPOL_PROFILE_FRAGMENTS+="$MPOL_TOP/$f "
	done
	MPOL_PROFILE_MAKE=$(profile_field "$p" make)
	MPOL_PROFILE_CMDLINE=$(profile_field "$p" cmdline)
	v=$(profile_field "$p" tcg)
	[ -z "$v" ] || MPOL_TCG_THREAD=${MPOL_TCG_THREAD:-$v}
	MPOL_PROFILE_APPLIED=$p
	export MPOL_PROFILE MPOL_PROFILE_APPLIED MPOL_ARCH MPOL_KERNEL MPOL_TREE MPOL_SELFTESTS MPOL_RESULTS \
		MPOL_PROFILE_FRAGMENTS MPOL_PROFILE_MAKE MPOL_PROFILE_CMDLINE
	[ -z "${MPOL_KUNITCONFIG:-}" ] || export MPOL_KUNITCONFIG
	[ -z "${MPOL_TCG_THREAD:-}" ] || export MPOL_TCG_THREAD
}
[ -z "${MPOL_PROFILE:-}" ] || [ "${MPOL_PROFILE_APPLIED:-}" = "$MPOL_PROFILE" ] ||
	use_profile "$MPOL_PROFILE"
