#!/bin/sh
# shellcheck shell=dash
# make bench, inside the VM: run by selftests/init (mpol.mode=bench) as
# root, its output on the results channel, ended by MPOL-BENCH-END rc=N
# (the host stops the VM when it sees it). Sets the system up the same
# way for every kernel, enables the series' events when BENCH_EVENTS=1
# (mpol.env.BENCH_EVENTS=1 on the command line), or upstream's
# kmem:mm_page_alloc when BENCH_REFEVENT=1, as a yardstick for what any
# per-page event costs, then runs the benchmarks.
# Each benchmark warms up once and then prints REPS result lines (see
# bench/bench.h). One repetition is 10-60 million guest instructions: the
# timer tick (every 4 million instructions under -icount shift=0 with
# HZ=250) then shifts a repetition by well under 0.1%, and the five
# together by less.
set -u
REPS=5
PAGES=256
FAULT_ITERS=40
SET_MEMPOLICY_ITERS=10000
MBIND_ITERS=2000
events=${BENCH_EVENTS:-0}
refevent=${BENCH_REFEVENT:-0}

echo "BENCH-BEGIN kernel=$(uname -r) events=$events refevent=$refevent"
echo "BENCH-NODES online=$(cat /sys/devices/system/node/online) memory=$(cat /sys/devices/system/node/has_memory)"
# The same addresses in every boot: where a mapping falls relative to
# page-table boundaries changes the fault path's work.
echo 0 >/proc/sys/kernel/randomize_va_space
# Nothing may move pages or merge them behind the benchmark's back.
[ -w /proc/sys/kernel/numa_balancing ] && echo 0 >/proc/sys/kernel/numa_balancing
thp=/sys/kernel/mm/transparent_hugepage/enabled
[ -w $thp ] && echo never >$thp
# Weighted interleave 3:1, so that the weighted path differs from plain
# interleave (the same on both kernels).
wi=/sys/kernel/mm/mempolicy/weighted_interleave
if [ -w $wi/node0 ] && [ -w $wi/node1 ]; then
	echo 3 >$wi/node0
	echo 1 >$wi/node1
	echo "BENCH-WEIGHTS node0=$(cat $wi/node0) node1=$(cat $wi/node1)"
else
	echo "BENCH-WEIGHTS none (no $wi/node0 and node1)"
fi
tr=/sys/kernel/tracing
if [ "$events" = 1 ]; then
	# Events go to the ring buffer (overwrite mode), as a user of
	# mpolstat or trace-cmd would record them.
	echo 1 >$tr/events/mempolicy/enable &&
		echo 1 >$tr/events/kmem/mm_page_alloc_zone_fallback/enable &&
		echo 1 >$tr/tracing_on ||
		echo "BENCH-ERROR could not enable the events"
	echo "BENCH-EVENTS enabled: $(grep -c -e '^mempolicy:' -e '^kmem:mm_page_alloc_zone_fallback$' $tr/set_event)"
fi
if [ "$refevent" = 1 ]; then
	echo 1 >$tr/events/kmem/mm_page_alloc/enable &&
		echo 1 >$tr/tracing_on ||
		echo "BENCH-ERROR could not enable kmem:mm_page_alloc"
	echo "BENCH-EVENTS enabled: $(grep -c '^kmem:mm_page_alloc$' $tr/set_event)"
fi

# A failed benchmark says so (bench/report counts BENCH-ERROR lines).
for mode in default bind interleave weighted-interleave; do
	/bench/fault "$mode" $PAGES $FAULT_ITERS $REPS || echo "BENCH-ERROR fault $mode rc=$?"
done
/bench/syscall set_mempolicy $SET_MEMPOLICY_ITERS $REPS || echo "BENCH-ERROR syscall set_mempolicy rc=$?"
/bench/syscall mbind $MBIND_ITERS $REPS || echo "BENCH-ERROR syscall mbind rc=$?"

if [ "$events" = 1 ] || [ "$refevent" = 1 ]; then
	echo "BENCH-TRACE $(grep -e '^entries' -e '^overrun' $tr/per_cpu/cpu0/stats | tr '\n' ' ')"
fi
