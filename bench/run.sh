#!/bin/sh
# shellcheck shell=dash
# The benchmark list, run by bench/init inside the VM. Each benchmark
# warms up once and then prints REPS result lines (see bench/bench.h).
# One repetition is 10-60 million guest instructions: the timer tick
# (every 4 million instructions under -icount shift=0 with HZ=250) then
# shifts a repetition by well under 0.1%, and the five together by less.
set -u
REPS=5
PAGES=256
FAULT_ITERS=40
SET_MEMPOLICY_ITERS=10000
MBIND_ITERS=2000
for mode in default bind interleave weighted-interleave; do
	/bench/fault "$mode" $PAGES $FAULT_ITERS $REPS || echo "BENCH-ERROR fault $mode rc=$?"
done
/bench/syscall set_mempolicy $SET_MEMPOLICY_ITERS $REPS || echo "BENCH-ERROR syscall set_mempolicy rc=$?"
/bench/syscall mbind $MBIND_ITERS $REPS || echo "BENCH-ERROR syscall mbind rc=$?"
