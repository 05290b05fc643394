// SPDX-License-Identifier: GPL-2.0
/*
 * Memory policy syscall loops; the cost reported is per system call.
 *   set_mempolicy: set_mempolicy(MPOL_INTERLEAVE, nodes 0-1), then
 *                  set_mempolicy(MPOL_DEFAULT), ITERS times
 *   mbind:         on a 16-page mapping that is never touched,
 *                  mbind(MPOL_BIND, node 1), then mbind(MPOL_DEFAULT),
 *                  ITERS times (the VMA's policy is replaced each time)
 *
 * Usage: syscall set_mempolicy|mbind ITERS REPS
 */
#include <sys/mman.h>
#include "bench.h"

static const char usage[] = "usage: syscall set_mempolicy|mbind ITERS REPS";

static void loop_set_mempolicy(unsigned long iters)
{
	unsigned long both = 3, i;

	for (i = 0; i < iters; i++) {
		if (sys_set_mempolicy(MPOL_INTERLEAVE, &both, BENCH_MAXNODE))
			fail("set_mempolicy(MPOL_INTERLEAVE)");
		if (sys_set_mempolicy(MPOL_DEFAULT, NULL, 0))
			fail("set_mempolicy(MPOL_DEFAULT)");
	}
}

static char *region;
static unsigned long region_len;

static void loop_mbind(unsigned long iters)
{
	unsigned long node1 = 2, i;

	for (i = 0; i < iters; i++) {
		if (sys_mbind(region, region_len, MPOL_BIND, &node1,
			      BENCH_MAXNODE, 0))
			fail("mbind(MPOL_BIND)");
		if (sys_mbind(region, region_len, MPOL_DEFAULT, NULL, 0, 0))
			fail("mbind(MPOL_DEFAULT)");
	}
}

int main(int argc, char **argv)
{
	void (*loop)(unsigned long iters);
	unsigned long iters, reps, r;
	unsigned long long t;
	char name[64];

	if (argc != 4) {
		fprintf(stderr, "%s\n", usage);
		return 2;
	}
	if (!strcmp(argv[1], "set_mempolicy")) {
		loop = loop_set_mempolicy;
	} else if (!strcmp(argv[1], "mbind")) {
		loop = loop_mbind;
		region_len = 16 * sysconf(_SC_PAGESIZE);
		region = mmap(NULL, region_len, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (region == MAP_FAILED)
			fail("mmap");
	} else {
		fprintf(stderr, "%s\n", usage);
		return 2;
	}
	iters = count_arg(argv[2], usage);
	reps = count_arg(argv[3], usage);
	snprintf(name, sizeof(name), "syscall-%s", argv[1]);

	loop(iters);
	for (r = 0; r < reps; r++) {
		t = now_ns();
		loop(iters);
		report(name, r, 2 * iters, now_ns() - t);
	}
	return 0;
}
