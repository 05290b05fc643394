// SPDX-License-Identifier: GPL-2.0
/*
 * Anonymous page-fault throughput under one task memory policy: mmap
 * PAGES pages, write one byte to each (one fault and one page allocation
 * through alloc_pages_mpol() each), munmap, ITERS times per repetition.
 * The cost reported is per faulted page.
 *
 * Usage: fault MODE PAGES ITERS REPS
 *   MODE: default, bind (node 1), interleave (nodes 0-1) or
 *         weighted-interleave (nodes 0-1, weights from sysfs)
 */
#include <sys/mman.h>
#include "bench.h"

static const char usage[] =
	"usage: fault default|bind|interleave|weighted-interleave PAGES ITERS REPS";

static void run(unsigned long pages, unsigned long iters)
{
	long psize = sysconf(_SC_PAGESIZE);
	unsigned long i, p;
	char *buf;

	for (i = 0; i < iters; i++) {
		buf = mmap(NULL, pages * psize, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (buf == MAP_FAILED)
			fail("mmap");
		for (p = 0; p < pages; p++)
			buf[p * psize] = 1;
		/* The stores are the point: keep them before munmap(). */
		asm volatile("" : : "r"(buf) : "memory");
		if (munmap(buf, pages * psize))
			fail("munmap");
	}
}

int main(int argc, char **argv)
{
	unsigned long nodes = 0, pages, iters, reps, r;
	unsigned long long t;
	char name[64];
	int mode;

	if (argc != 5) {
		fprintf(stderr, "%s\n", usage);
		return 2;
	}
	if (!strcmp(argv[1], "default")) {
		mode = MPOL_DEFAULT;
	} else if (!strcmp(argv[1], "bind")) {
		mode = MPOL_BIND;
		nodes = 1UL << 1;
	} else if (!strcmp(argv[1], "interleave")) {
		mode = MPOL_INTERLEAVE;
		nodes = 3;
	} else if (!strcmp(argv[1], "weighted-interleave")) {
		mode = MPOL_WEIGHTED_INTERLEAVE;
		nodes = 3;
	} else {
		fprintf(stderr, "%s\n", usage);
		return 2;
	}
	pages = count_arg(argv[2], usage);
	iters = count_arg(argv[3], usage);
	reps = count_arg(argv[4], usage);
	snprintf(name, sizeof(name), "fault-%s", argv[1]);

	if (sys_set_mempolicy(mode, nodes ? &nodes : NULL,
			      nodes ? BENCH_MAXNODE : 0))
		fail("set_mempolicy");
	/* Warm up: page tables, per-cpu page lists, the policy's state. */
	run(pages, iters);
	for (r = 0; r < reps; r++) {
		t = now_ns();
		run(pages, iters);
		report(name, r, pages * iters, now_ns() - t);
	}
	return 0;
}
