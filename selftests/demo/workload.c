// SPDX-License-Identifier: GPL-2.0
/*
 * mpol-workload: the demo's workload. Allocates and touches memory under
 * several memory policies so that mpolstat has something to explain.
 *
 *   mpol-workload fill-on-signal NODE
 *	wait for SIGUSR1, then fill NODE (MPOL_PREFERRED) until a page
 *	spills to another node, create /tmp/mpol-filled, and sleep
 *   mpol-workload run FILLER_PID
 *	the policies: bind, preferred, interleave, weighted interleave,
 *	preferred-many, migrate_pages(2) of preferred pages, then (after
 *	FILLER_PID filled the memory-only node) preferred and
 *	bind+home-node on the full node, then cpuset rebinds
 *   mpol-workload rebind-example
 *	the rebind example of the documentation (scripts/doc-example): with
 *	M0 < M1 < M2 the first three nodes with memory, a bind policy over
 *	M1,M2 (relative_nodes: the 2nd and 3rd allowed node) with each of
 *	static_nodes, relative_nodes and no flag, while cpuset.mems goes
 *	M0-M2 -> M0,M1 -> M1,M2 -> M0-M2
 *
 * Node ids are read from /sys/devices/system/node: A and B are nodes
 * with memory and CPUs, F is a memory-only node if there is one (else
 * the last node with memory).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/mempolicy.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#ifndef __NR_set_mempolicy_home_node
#define __NR_set_mempolicy_home_node 450
#endif

#define MAX_NODES	64
#define PAGES		256
#define CG		"/sys/fs/cgroup/mpol-demo"
#define FILLED		"/tmp/mpol-filled"

static long page_size;
static int node_a = -1, node_b = -1, node_f = -1;

static unsigned long parse_list(const char *s)
{
	unsigned long mask = 0;
	char *end;

	while (*s) {
		long a = strtol(s, &end, 10), b = a;

		if (end == s)
			break;
		if (*end == '-')
			b = strtol(end + 1, &end, 10);
		for (; a <= b && a < MAX_NODES; a++)
			mask |= 1UL << a;
		s = *end == ',' ? end + 1 : end;
	}
	return mask;
}

static unsigned long read_mask(const char *file)
{
	char path[128], buf[256] = "";
	FILE *f;

	snprintf(path, sizeof(path), "/sys/devices/system/node/%s", file);
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = '\0';
	fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
	return parse_list(buf);
}

static int write_file(const char *path, const char *val)
{
	int fd = open(path, O_WRONLY | O_TRUNC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, val, strlen(val));
	close(fd);
	return n == (ssize_t)strlen(val) ? 0 : -1;
}

static long set_policy(int mode, unsigned long mask)
{
	long ret = syscall(__NR_set_mempolicy, mode, mode ? &mask : NULL,
			   mode ? MAX_NODES : 0);

	if (ret)
		fprintf(stderr, "set_mempolicy(%d, %#lx): %s\n", mode, mask,
			strerror(errno));
	return ret;
}

static int page_node(void *addr)
{
	int node = -1;

	syscall(__NR_get_mempolicy, &node, NULL, 0, addr,
		MPOL_F_NODE | MPOL_F_ADDR);
	return node;
}

static char *map(long pages)
{
	char *p = mmap(NULL, pages * page_size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("mmap");
		exit(1);
	}
	madvise(p, pages * page_size, MADV_NOHUGEPAGE);
	return p;
}

/* Touch the pages of @p and print where they landed. */
static void touch(const char *what, char *p, long pages)
{
	int count[MAX_NODES] = { 0 }, i, n;
	char line[256];
	long off;

	for (off = 0; off < pages; off++)
		p[off * page_size] = 1;
	for (off = 0; off < pages; off++) {
		int node = page_node(p + off * page_size);

		if (node >= 0 && node < MAX_NODES)
			count[node]++;
	}
	n = snprintf(line, sizeof(line), "  %-44s ->", what);
	for (i = 0; i < MAX_NODES; i++)
		if (count[i])
			n += snprintf(line + n, sizeof(line) - n,
				      " node%d: %d", i, count[i]);
	printf("%s pages\n", line);
	fflush(stdout);
}

static void task_policy_phase(const char *what, int mode, unsigned long mask)
{
	char *p = map(PAGES);

	if (set_policy(mode, mask))
		exit(1);
	touch(what, p, PAGES);
	set_policy(MPOL_DEFAULT, 0);
	munmap(p, PAGES * page_size);
}

static void pick_nodes(void)
{
	unsigned long mem = read_mask("has_memory");
	unsigned long cpu = read_mask("has_cpu");
	int i;

	for (i = 0; i < MAX_NODES; i++) {
		if (!(mem & (1UL << i)))
			continue;
		if (cpu & (1UL << i)) {
			if (node_a < 0)
				node_a = i;
			else if (node_b < 0)
				node_b = i;
		} else if (node_f < 0) {
			node_f = i;
		}
	}
	for (i = MAX_NODES - 1; node_f < 0 && i >= 0; i--)
		if (mem & (1UL << i) && i != node_a && i != node_b)
			node_f = i;
	if (node_b < 0 || node_f < 0) {
		fprintf(stderr, "mpol-workload: needs 3 nodes with memory\n");
		exit(4);
	}
}

static void on_usr1(int sig)
{
	(void)sig;
}

static int fill(int node)
{
	unsigned long mask = 1UL << node;
	long max = (1L << 30) / page_size, off;
	sigset_t set, old;
	char *p;
	int other = node;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &old);
	signal(SIGUSR1, on_usr1);
	unlink(FILLED);
	sigsuspend(&old);
	p = mmap(NULL, max * page_size, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED || set_policy(MPOL_PREFERRED, mask))
		return 1;
	madvise(p, max * page_size, MADV_NOHUGEPAGE);
	for (off = 0; off < max && other == node; off++) {
		p[off * page_size] = 1;
		if (off % 64 == 63)
			other = page_node(p + off * page_size);
	}
	printf("filler: node%d is full after %ld MiB, the next page went to node%d\n",
	       node, off * page_size >> 20, other);
	fflush(stdout);
	close(open(FILLED, O_CREAT | O_WRONLY, 0644));
	for (;;)
		pause();
}

static void cg_write(const char *file, const char *val)
{
	char path[256];

	snprintf(path, sizeof(path), CG "/%s", file);
	if (write_file(path, val))
		fprintf(stderr, "write %s to %s: %s\n", val, path,
			strerror(errno));
}

static void set_mems(const char *mems)
{
	cg_write("cpuset.mems", mems);
	printf("    cpuset.mems := %s\n", mems);
}

static void rebind_phase(void)
{
	char ab[32], a[32], b[32], pid[32];
	unsigned long mask;

	snprintf(ab, sizeof(ab), "%d,%d", node_a, node_b);
	snprintf(a, sizeof(a), "%d", node_a);
	snprintf(b, sizeof(b), "%d", node_b);
	snprintf(pid, sizeof(pid), "%d", getpid());
	write_file("/sys/fs/cgroup/cgroup.subtree_control", "+cpuset");
	rmdir(CG);
	if (mkdir(CG, 0755)) {
		perror("mkdir " CG);
		return;
	}
	cg_write("cpuset.mems", ab);
	cg_write("cgroup.procs", pid);

	mask = 1UL << node_a | 1UL << node_b;
	printf("  bind %s static_nodes, cpuset.mems %s -> %s -> %s\n", ab, ab,
	       b, ab);
	syscall(__NR_set_mempolicy, MPOL_BIND | MPOL_F_STATIC_NODES, &mask,
		MAX_NODES);
	set_mems(b);
	set_mems(ab);

	mask = 0x3;	/* relative: the 1st and 2nd allowed node */
	printf("  interleave 0,1 relative_nodes, cpuset.mems %s -> %s -> %s\n",
	       ab, b, ab);
	syscall(__NR_set_mempolicy, MPOL_INTERLEAVE | MPOL_F_RELATIVE_NODES,
		&mask, MAX_NODES);
	set_mems(b);
	set_mems(ab);

	mask = 1UL << node_b;
	printf("  bind %s (no flag), cpuset.mems %s -> %s -> %s\n", b, ab, a,
	       ab);
	set_policy(MPOL_BIND, mask);
	set_mems(a);
	set_mems(ab);

	set_policy(MPOL_DEFAULT, 0);
	write_file("/sys/fs/cgroup/cgroup.procs", pid);
	rmdir(CG);
}

static int rebind_example(void)
{
	static const int flags[] = { MPOL_F_STATIC_NODES, MPOL_F_RELATIVE_NODES,
				     0 };
	unsigned long mem = read_mask("has_memory"), mask;
	char all[32], lo[32], hi[32], pid[32];
	int m[3], n = 0, i;

	for (i = 0; i < MAX_NODES && n < 3; i++)
		if (mem & (1UL << i))
			m[n++] = i;
	if (n < 3) {
		fprintf(stderr, "mpol-workload: needs 3 nodes with memory\n");
		return 4;
	}
	snprintf(all, sizeof(all), "%d,%d,%d", m[0], m[1], m[2]);
	snprintf(lo, sizeof(lo), "%d,%d", m[0], m[1]);
	snprintf(hi, sizeof(hi), "%d,%d", m[1], m[2]);
	snprintf(pid, sizeof(pid), "%d", getpid());
	write_file("/sys/fs/cgroup/cgroup.subtree_control", "+cpuset");
	rmdir(CG);
	if (mkdir(CG, 0755)) {
		perror("mkdir " CG);
		return 1;
	}
	cg_write("cpuset.mems", all);
	if (write_file(CG "/cgroup.procs", pid)) {
		perror("join " CG);
		rmdir(CG);
		return 1;
	}
	printf("rebind-example: nodes %d,%d, cpuset.mems %s -> %s -> %s -> %s\n",
	       m[1], m[2], all, lo, hi, all);
	for (i = 0; i < 3; i++) {
		mask = flags[i] == MPOL_F_RELATIVE_NODES ? 0x6 :
			1UL << m[1] | 1UL << m[2];
		cg_write("cpuset.mems", all);
		if (syscall(__NR_set_mempolicy, MPOL_BIND | flags[i], &mask,
			    MAX_NODES)) {
			perror("set_mempolicy");
			break;
		}
		set_mems(lo);
		set_mems(hi);
		set_mems(all);
		set_policy(MPOL_DEFAULT, 0);
	}
	write_file("/sys/fs/cgroup/cgroup.procs", pid);
	rmdir(CG);
	return i == 3 ? 0 : 1;
}

static int run(pid_t filler)
{
	unsigned long a = 1UL << node_a, b = 1UL << node_b, f = 1UL << node_f;
	char what[64], path[128];
	int waited;
	char *p;

	printf("workload: A=node%d B=node%d (CPU+memory), F=node%d (memory), %d pages per step\n",
	       node_a, node_b, node_f, PAGES);

	snprintf(what, sizeof(what), "bind to node%d", node_b);
	task_policy_phase(what, MPOL_BIND, b);
	snprintf(what, sizeof(what), "preferred node%d", node_f);
	task_policy_phase(what, MPOL_PREFERRED, f);

	snprintf(what, sizeof(what), "interleave (mbind) nodes %d,%d,%d",
		 node_a, node_b, node_f);
	p = map(PAGES);
	if (syscall(__NR_mbind, p, PAGES * page_size, MPOL_INTERLEAVE,
		    &(unsigned long){ a | b | f }, MAX_NODES, 0))
		perror("mbind");
	touch(what, p, PAGES);
	munmap(p, PAGES * page_size);

	snprintf(path, sizeof(path),
		 "/sys/kernel/mm/mempolicy/weighted_interleave/node%d", node_a);
	if (write_file(path, "3"))
		fprintf(stderr, "cannot set weight in %s\n", path);
	snprintf(path, sizeof(path),
		 "/sys/kernel/mm/mempolicy/weighted_interleave/node%d", node_b);
	if (write_file(path, "1"))
		fprintf(stderr, "cannot set weight in %s\n", path);
	snprintf(what, sizeof(what), "weighted interleave node%d:3 node%d:1",
		 node_a, node_b);
	task_policy_phase(what, MPOL_WEIGHTED_INTERLEAVE, a | b);

	snprintf(what, sizeof(what), "preferred-many nodes %d,%d", node_b,
		 node_f);
	task_policy_phase(what, MPOL_PREFERRED_MANY, b | f);

	snprintf(what, sizeof(what), "preferred node%d, migrate_pages to node%d",
		 node_b, node_a);
	p = map(PAGES);
	if (syscall(__NR_mbind, p, PAGES * page_size, MPOL_PREFERRED, &b,
		    MAX_NODES, 0))
		perror("mbind");
	for (waited = 0; waited < PAGES; waited++)
		p[waited * page_size] = 1;
	if (syscall(__NR_migrate_pages, 0, MAX_NODES, &b, &a) < 0)
		perror("migrate_pages");
	touch(what, p, PAGES);
	munmap(p, PAGES * page_size);

	printf("  (filling node%d from another, untraced process)\n", node_f);
	fflush(stdout);
	if (filler <= 0 || kill(filler, SIGUSR1)) {
		fprintf(stderr, "no filler process to signal\n");
		return 1;
	}
	for (waited = 0; access(FILLED, F_OK); waited++) {
		if (waited > 600) {
			fprintf(stderr, "the filler did not finish\n");
			return 1;
		}
		usleep(200000);
	}
	snprintf(what, sizeof(what), "preferred node%d (now full)", node_f);
	task_policy_phase(what, MPOL_PREFERRED, f);

	snprintf(what, sizeof(what), "bind %d,%d home node%d (full)", node_a,
		 node_f, node_f);
	p = map(PAGES);
	if (syscall(__NR_mbind, p, PAGES * page_size, MPOL_BIND,
		    &(unsigned long){ a | f }, MAX_NODES, 0) ||
	    syscall(__NR_set_mempolicy_home_node, p, PAGES * page_size,
		    node_f, 0))
		perror("mbind/set_mempolicy_home_node");
	touch(what, p, PAGES);
	munmap(p, PAGES * page_size);

	printf("  cpuset rebinds (cgroup %s):\n", CG);
	rebind_phase();
	return 0;
}

int main(int argc, char **argv)
{
	page_size = sysconf(_SC_PAGESIZE);
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 3 && !strcmp(argv[1], "fill-on-signal"))
		return fill(atoi(argv[2]));
	pick_nodes();
	if (argc == 2 && !strcmp(argv[1], "nodes")) {
		printf("%d %d %d\n", node_a, node_b, node_f);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "run"))
		return run(atoi(argv[2]));
	if (argc == 2 && !strcmp(argv[1], "rebind-example"))
		return rebind_example();
	fprintf(stderr, "usage: mpol-workload nodes | run FILLER_PID | fill-on-signal NODE | rebind-example\n");
	return 2;
}
