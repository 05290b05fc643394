#!/bin/sh
# shellcheck shell=dash
# scripts/doc-example, inside the 4-node VM (busybox sh, root): produce the
# raw trace lines of the worked examples in the series' documentation
# (Documentation/admin-guide/mm/numa_memory_policy.rst):
#  1. a page asked for on a full node: dd under numactl --preferred=F
#     after mpol-workload filled node F, with mempolicy_alloc and
#     kmem:mm_page_alloc_zone_fallback enabled;
#  2. cpuset rebinds: mpol-workload rebind-example, with
#     mempolicy_rebind_task enabled.
# Each trace line is printed as "MPOL-DOC <example> <line>"; the host side
# (scripts/doc-example) picks the lines and renders the documentation.
# A private trace instance, removed on exit: tracefs is left as it was.
set -u

inst=/sys/kernel/tracing/instances/mpol-doc
filler=
cleanup() {
	[ -n "$filler" ] && kill "$filler" 2>/dev/null && wait "$filler" 2>/dev/null
	[ -d "$inst" ] && rmdir "$inst"
}
trap cleanup EXIT
fail() {
	echo "doc-example: $*"
	exit 1
}

[ -d /sys/kernel/tracing/events/mempolicy ] ||
	fail "this kernel has no mempolicy tracepoints"
mkdir "$inst" || fail "cannot create the trace instance $inst"
echo 1 >"$inst/options/bitmask-list" || fail "no bitmask-list trace option"
# shellcheck disable=SC2046 # three node ids, split on purpose
set -- $(mpol-workload nodes) || fail "mpol-workload nodes failed"
F=$3

# 1. Fill node F from a process that is not traced, then allocate there.
rm -f /tmp/mpol-filled
mpol-workload fill-on-signal "$F" &
filler=$!
sleep 1
kill -USR1 "$filler" || fail "cannot signal the filler"
waited=0
while [ ! -e /tmp/mpol-filled ]; do
	waited=$((waited + 1))
	[ "$waited" -le 600 ] || fail "node $F did not fill up in 120 s"
	sleep 0.2
done
echo "MPOL-DOC node $F"
echo 1 >"$inst/events/mempolicy/mempolicy_alloc/enable"
echo 1 >"$inst/events/kmem/mm_page_alloc_zone_fallback/enable"
numactl --preferred="$F" dd if=/dev/zero of=/dev/null bs=1M count=1 2>/dev/null ||
	fail "dd under numactl --preferred=$F failed"
echo 0 >"$inst/events/enable"
grep ' dd-[0-9]* ' "$inst/trace" | sed 's/^ */MPOL-DOC fallback /'
kill "$filler"
wait "$filler" 2>/dev/null
filler=

# 2. Rebinds of a bind policy with each mode flag.
echo >"$inst/trace"
echo 1 >"$inst/events/mempolicy/mempolicy_rebind_task/enable"
mpol-workload rebind-example >/tmp/rebind.out 2>&1
rc=$?
sed 's/^/MPOL-DOC workload /' /tmp/rebind.out
[ "$rc" = 0 ] || fail "mpol-workload rebind-example failed (exit $rc)"
echo 0 >"$inst/events/enable"
grep 'mempolicy_rebind_task:' "$inst/trace" | sed 's/^ */MPOL-DOC rebind /'
echo "MPOL-DOC end"
