#!/bin/sh
# shellcheck shell=dash
# 'make demo', inside the 4-node VM (busybox sh, root): run mpol-workload
# under mpolstat and explain the table it prints.
set -u

echo "=== mpol-series demo: why did a page land on that node? ==="
echo "nodes online: $(cat /sys/devices/system/node/online)," \
	"with memory: $(cat /sys/devices/system/node/has_memory)," \
	"with CPUs: $(cat /sys/devices/system/node/has_cpu)"
if [ ! -d /sys/kernel/tracing/events/mempolicy ]; then
	echo "error: this kernel has no mempolicy tracepoints (/sys/kernel/tracing/events/mempolicy)"
	exit 1
fi
# shellcheck disable=SC2046 # three node ids, split on purpose
set -- $(mpol-workload nodes) || exit 1
A=$1 B=$2 F=$3

# The filler waits for the workload's signal, then fills node F from
# outside the traced process tree so that the table stays readable.
rm -f /tmp/mpol-filled
mpol-workload fill-on-signal "$F" &
filler=$!

echo
echo "--- the workload (where each step's pages landed, read back with get_mempolicy) ---"
mpolstat -- mpol-workload run "$filler" >/tmp/mpolstat.out 2>&1
rc=$?
kill "$filler" 2>/dev/null
wait "$filler" 2>/dev/null
# The workload's own lines come first, then mpolstat's table.
sed -n '/^== allocation decisions/q;p' /tmp/mpolstat.out
echo
echo "--- mpolstat: the table built from the tracepoints ---"
sed -n '/^== allocation decisions/,$p' /tmp/mpolstat.out

cat <<EXPLAIN

How to read it:
- allocation decisions: one row per (policy mode, nodemask handed to the
  allocator, node the policy prefers, node the page came from).
  "as asked" = the preferred node served it; "nearest in mask" = bind or
  preferred-many without a home node, the allocator took the allowed node
  nearest to the CPU; "fallback" / "fallback in mask" = the preferred node
  (node$F, filled first) could not serve it and the zonelist moved on.
  Mode "default" is the system default policy (the allocating CPU's
  node): the workload's page tables and kernel memory, and on a CPU-only
  node "no memory there", served by the nearest node with memory.
- zonelist fallbacks: node$F was skipped because it was below its
  watermark; the node after it in the zonelist served the allocation.
- policy installs: every set_mempolicy (scope task), mbind and
  set_mempolicy_home_node (scope vma; home = home node) the workload made.
- cpuset rebinds: cpuset.mems moved between {$A,$B}, {$B} and {$A}:
  static_nodes intersects the user's nodes with the new mems (and gets
  them back), relative_nodes maps "1st and 2nd allowed node" onto the new
  mems, no flag remaps by position and never returns to node $B.
EXPLAIN
exit "$rc"
