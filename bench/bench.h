/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the mpol-series microbenchmarks: raw mempolicy syscalls (no
 * libnuma), a monotonic clock and the result line format.
 *
 * Every result is one line on stdout:
 *   result <name> rep=<n> ops=<count> ns=<elapsed> ns_per_op=<elapsed/count>
 * Under QEMU -icount shift=0 the guest's clock advances one nanosecond per
 * guest instruction, so ns then counts instructions.
 */
#ifndef __MPOL_BENCH_H
#define __MPOL_BENCH_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

#define MPOL_DEFAULT			0
#define MPOL_BIND			2
#define MPOL_INTERLEAVE			3
#define MPOL_WEIGHTED_INTERLEAVE	6

/* One long of node mask is enough for the bench VM's two nodes. */
#define BENCH_MAXNODE	(8 * sizeof(unsigned long) + 1)

static inline long sys_set_mempolicy(int mode, const unsigned long *nmask,
				     unsigned long maxnode)
{
	return syscall(__NR_set_mempolicy, mode, nmask, maxnode);
}

static inline long sys_mbind(void *start, unsigned long len, int mode,
			     const unsigned long *nmask, unsigned long maxnode,
			     unsigned int flags)
{
	return syscall(__NR_mbind, start, len, mode, nmask, maxnode, flags);
}

static inline unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static inline void report(const char *name, int rep, unsigned long ops,
			  unsigned long long ns)
{
	printf("result %s rep=%d ops=%lu ns=%llu ns_per_op=%.3f\n", name, rep,
	       ops, ns, (double)ns / ops);
	fflush(stdout);
}

static inline void fail(const char *what)
{
	fprintf(stderr, "error: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* Parse a positive count argument or exit with a usage message. */
static inline unsigned long count_arg(const char *s, const char *usage)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v == 0) {
		fprintf(stderr, "%s\n", usage);
		exit(2);
	}
	return v;
}

#endif /* __MPOL_BENCH_H */
