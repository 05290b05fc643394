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

# The weighted interleave weights, set before mpolstat starts: it reads
# them once, at start, to put the configured share next to the realized one.
wi=/sys/kernel/mm/mempolicy/weighted_interleave
if [ -d "$wi" ]; then
	echo false >"$wi/auto" 2>/dev/null
	echo 3 >"$wi/node$A" && echo 1 >"$wi/node$B"
fi

# What mpolstat must leave as it found it: the top-level tracefs files and
# the list of instances.
tracefs_state() {
	t=/sys/kernel/tracing
	for f in tracing_on buffer_size_kb current_tracer trace_clock set_event \
		set_event_pid trace_options events/enable; do
		printf '%s: %s\n' "$f" "$(tr '\n' ' ' <"$t/$f")"
	done
	printf 'instances: %s\n' "$(find "$t/instances" -mindepth 1 -maxdepth 1 | sed 's|.*/||' | sort | tr '\n' ' ')"
}
tracefs_state >/tmp/tracefs.before

# The filler waits for the workload's signal, then fills node F from
# outside the traced process tree so that the table stays readable.
rm -f /tmp/mpol-filled
mpol-workload fill-on-signal "$F" &
filler=$!

echo
echo "--- the workload (where each step's pages landed, read back with get_mempolicy) ---"
mpolstat --json-file /tmp/mpolstat.json -- mpol-workload run "$filler" >/tmp/mpolstat.out 2>&1
rc=$?
kill "$filler" 2>/dev/null
wait "$filler" 2>/dev/null
# The workload's own lines come first, then mpolstat's tables.
sed -n '/^--- interval /q;p' /tmp/mpolstat.out
echo
echo "--- mpolstat: the tables built from the tracepoints ---"
sed -n '/^--- interval /,$p' /tmp/mpolstat.out
echo
echo "--- the same tables as mpolstat --json writes them (one line; split here at each table) ---"
sed 's/,"\([a-z_]*\)":\[/,\n"\1":[/g' /tmp/mpolstat.json

tracefs_state >/tmp/tracefs.after
echo
echo "--- tracefs state before and after the run (mpolstat used an instance of its own) ---"
cat /tmp/tracefs.before
if cmp -s /tmp/tracefs.before /tmp/tracefs.after; then
	echo "after the run: identical"
else
	echo "after the run: CHANGED"
	diff /tmp/tracefs.before /tmp/tracefs.after
	rc=1
fi
mpolstat -a >/tmp/mpolstat-int.out 2>&1 &
pid=$!
sleep 2
kill -INT "$pid"
wait "$pid"
irc=$?
tracefs_state >/tmp/tracefs.after
if cmp -s /tmp/tracefs.before /tmp/tracefs.after && [ "$irc" = 0 ]; then
	echo "after 'mpolstat -a' stopped by SIGINT (exit $irc): identical"
else
	echo "after 'mpolstat -a' stopped by SIGINT (exit $irc): CHANGED"
	diff /tmp/tracefs.before /tmp/tracefs.after
	rc=1
fi

cat <<EXPLAIN

How to read it:
- allocation decisions: one row per (policy mode, flags, policy nodes,
  nodemask handed to the allocator, node asked, node the page came from).
  "as asked" = the asked node served it; "nearest in mask" = the asked
  node (the CPU's) is not allowed, the allocator took the allowed node
  nearest to it; "fallback" / "fallback in mask" = the asked node
  (node$F, filled first) could not serve it and the zonelist moved on.
  Mode "default" is the system default policy (the allocating CPU's
  node): the workload's page tables and kernel memory, and on a CPU-only
  node "no memory there", served by the nearest node with memory.
- weighted interleave: per policy nodemask, each node's weight (read from
  $wi at start), its configured share and the share of
  pages it really got.
- zonelist fallbacks: which task, under which policy, was pushed off
  which node and zone, why (node$F below its watermark), and which node
  and zone served it instead.
- policy installs: every set_mempolicy (scope task), mbind and
  set_mempolicy_home_node (scope vma; home_node) the workload made.
- cpuset rebinds: cpuset.mems moved between {$A,$B}, {$B} and {$A}:
  static_nodes intersects the user's nodes with the new mems (and gets
  them back), relative_nodes maps "1st and 2nd allowed node" onto the new
  mems, no flag remaps by position and never returns to node $B.
  "by" is the task that changed the cpuset, "task" the task rebound.
- page migrations and policy changes by cause: cpuset rebinds, policy
  installs, and pages moved by migrate_pages(2) and friends
  (migrate:mm_migrate_pages, reason syscall_or_cpuset: the workload's
  migrate_pages of node$B to node$A moved its preferred pages and any
  other page it had on node$B).
EXPLAIN
exit "$rc"
