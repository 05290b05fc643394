# mpol-series: the front door. 'make help' lists the targets.
SHELL := /bin/bash
S := scripts

.PHONY: help deps tree export kernel kunit selftests vm demo doc-example test check test-debug test-compat stress bench coverage check-mutants lint clean distclean

help:
	@echo "make demo       4-node VM: allocate under several policies, show why pages landed where"
	@echo "make doc-example the docs' worked examples from a real run in the demo VM (DOC_UPDATE=1 writes them into build/linux)"
	@echo "make test       everything CI checks: make check, KUnit, selftests in 1/2/3/4-node VMs, debug kernel"
	@echo "make check      upstream gates: checkpatch, per-patch W=1+sparse+kernel-doc, configs, cover/b4"
	@echo "make test-debug KUnit + selftests on a KASAN/lockdep/kmemleak kernel in 2/4-node VMs (in make test)"
	@echo "make test-compat the selftests on stock 7.3.4 and the 6.12 LTS, KUnit+selftests on arm64 64K (COMPAT=\"stock lts arm64\")"
	@echo "make stress     the stress test on the debug kernel, 4-node VM (STRESS_SECONDS=600)"
	@echo "make bench      cost of the series: base vs patched kernel, events off/on (TCG -icount; not in make test)"
	@echo "make tree       build/linux = Debian linux-source-7.3 + patches/fixes/ + patches/ (FORCE=1 to override)"
	@echo "make export     build/linux commits -> patches/fixes/ (the first FIXES) and patches/ (format-patch --cover-letter --base)"
	@echo "make kernel     build the test kernel in build/kernel"
	@echo "make kunit      KUnit suites (kunit.py run) in a 2-node VM"
	@echo "make selftests  selftests in every topology (TOPOLOGIES=\"2node 4node\" for a subset)"
	@echo "make vm         shell in a 4-node VM with the patched kernel (TOPOLOGY=name)"
	@echo "make coverage   gcov of mm/mempolicy.c over KUnit and selftests -> build/coverage/"
	@echo "make check-mutants  re-inject the bugs the suites once caught; CAUGHT or MISSED each (not in make test)"
	@echo "make lint       shellcheck the project's scripts, compile the Python bench/report"
	@echo "make deps       install the Debian packages the harness needs"
	@echo ""
	@echo "Variables: NAME=default  what it does [the make targets that read it]"
	@echo "(VMs: selftests test test-debug stress demo vm coverage test-compat check-mutants)"
	@echo "  TOPOLOGY=4node                 the VM of make vm (selftests/topologies/NAME.qemu) [vm]"
	@echo "  TOPOLOGIES=(all)               VMs to boot, e.g. \"2node 4node\" [selftests test test-compat; test-debug: 2node 4node; stress: 4node]"
	@echo "  ARM64_TOPOLOGIES=\"2node 4node\" the arm64 profile's VMs if TOPOLOGIES is unset [test-compat]"
	@echo "  DEMO_TOPOLOGY=4node            the VM of make demo and make doc-example [demo doc-example]"
	@echo "  COVERAGE_TOPOLOGIES=\"2node 4node 3node-hmat 3node-hotplug\" the selftest VMs of the gcov kernel [coverage]"
	@echo "  DOC_UPDATE=0                   1: write the regenerated examples into build/linux [doc-example]"
	@echo "  TEST_DEBUG=1                   0 leaves the debug-kernel phase out [test]"
	@echo "  GATES=(all)                    gates to run, of checkpatch bisect configs cover [check]"
	@echo "  COMPAT=\"stock lts arm64\"       kernels to run the selftests on [test-compat]"
	@echo "  MUTANTS=(all)                  mutant numbers (scripts/check-mutants --list) [check-mutants]"
	@echo "  STRESS_SECONDS=                mempolicy_stress run time in s [stress: 600; test-debug, test: the test's 15]"
	@echo "  STRESS_SEED=(the time)         mempolicy_stress seed; guest only: MPOL_VM_CMDLINE=mpol.env.STRESS_SEED=N [VMs]"
	@echo "  FUZZ_COUNT=20000               mempolicy_stress fuzzed calls; guest only: MPOL_VM_CMDLINE=mpol.env.FUZZ_COUNT=N [VMs]"
	@echo "  DEBUG_TIMEOUT_SCALE=4          multiplies each selftest's timeout on the debug kernel [test-debug stress test]"
	@echo "  VM_TIMEOUT=900                 seconds before a test VM is killed [VMs but vm test-debug stress; bench: 300 a boot]"
	@echo "  KUNIT_TIMEOUT=600              kunit.py run --timeout, in s [kunit test test-compat check-mutants]"
	@echo "  MPOL_TCG_THREAD=multi          single: all vCPUs in one TCG thread [VMs; test-debug and stress: single]"
	@echo "  MPOL_VM_CMDLINE=               more guest kernel parameters; mpol.env.NAME=VALUE sets a test's environment [VMs but coverage]"
	@echo "  MPOL_NO_KVM=0                  1: TCG without probing KVM (an earlier answer in build/accel still wins) [kunit, VMs]"
	@echo "  MPOL_TESTS_LIST=selftests/tests.list run_kselftest.sh entries, COLLECTION:TEST TIMEOUT, each VM runs [VMs; stress: selftests/stress.list]"
	@echo "  MPOL_KUNITCONFIG=kunit/mempolicy.kunitconfig replaces the project's KUnit suites [kernel kunit check, VMs]"
	@echo "  MPOL_EXTRA_KUNITCONFIG=        more kunitconfig fragments, space-separated paths [kernel kunit check, VMs]"
	@echo "  MPOL_MAKE_OPTIONS=             more make variables for kunit.py's kernel builds [kernel kunit check, VMs but coverage]"
	@echo "  MPOL_PROFILE=test               a kernel profile of configs/profiles (below), e.g. debug [kernel kunit selftests vm]"
	@echo "  MPOL_ARCH=x86_64               arm64: cross-build and boot arm64, 64K pages (and set MPOL_BUILD) [kernel kunit selftests vm]"
	@echo "  MPOL_BUILD=build               where everything is built and fetched [every target but clean and check-mutants]"
	@echo "  MPOL_SOURCE_VERSION=(scripts/source.version) linux-source-7.3 upload to fetch; must match scripts/source.sha256 [tree]"
	@echo "  FORCE=0                        1: re-apply patches/ over unexported work, saved as a branch [tree]"
	@echo "  FIXES=(patches in patches/fixes/) how many commits on the base form the fixes series [export]"
	@echo "  BENCH_ROUNDS=5                 rounds of the five boots per measure, at least 5 [bench]"
	@echo "  BENCH_MEASURES=\"icount wall\"   guest instructions, wall-clock time, or both [bench]"
	@echo "  BENCH_RETRIES=3                retries of a boot whose guest failed [bench]"
	@echo "  BENCH_QUICK=0                  1 allows BENCH_ROUNDS below 5 [bench]"
	@echo ""
	@echo "Kernel profiles (configs/profiles: fragments, build dir, guest parameters, results dir):"
	@awk '!/^#/ && NF { printf "  %s\n", $$0 }' configs/profiles

deps:
	$(S)/install-deps base check

tree: deps
	$(S)/prepare-tree

export:
	$(S)/export

kernel: tree
	$(S)/build-kernel

kunit: tree
	$(S)/run-kunit

selftests: tree
	$(S)/run-selftests

vm: kernel
	$(S)/build-selftests
	$(S)/mkinitramfs build/initramfs.cpio.gz
	$(S)/run-vm $(or $(TOPOLOGY),4node) --shell

demo: tree
	$(S)/run-demo

doc-example: tree
	$(S)/doc-example $(if $(filter 1,$(DOC_UPDATE)),--update)

test: deps
	$(S)/test

bench: tree
	$(S)/run-bench

coverage: tree
	$(S)/install-deps coverage
	$(S)/run-coverage

check: tree
	$(S)/check $(GATES)

test-debug: tree
	$(S)/test-debug

test-compat: tree
	$(S)/test-compat

stress: tree
	MPOL_TESTS_LIST=$(CURDIR)/selftests/stress.list TOPOLOGIES=$(or $(TOPOLOGIES),4node) \
		STRESS_SECONDS=$(or $(STRESS_SECONDS),600) $(S)/test-debug

check-mutants: tree
	$(S)/check-mutants $(MUTANTS)

lint:
	shellcheck -x -P SCRIPTDIR $(S)/lib.sh $$(grep -l '^#!/usr/bin/env bash' $(S)/* kunit/qemu_configs/tcg-only/*) selftests/init selftests/clients selftests/demo/run.sh selftests/demo/doc-example.sh bench/run.sh
	python3 -c 'import sys; [compile(open(f).read(), f, "exec") for f in sys.argv[1:]]' bench/report scripts/render-doc-example

clean:
	rm -rf build/kernel build/kernel-debug build/selftests build/results build/logs \
		build/initramfs.cpio.gz build/initramfs-debug.cpio.gz build/bench

distclean:
	@echo "build/linux may hold unexported work; remove build/ by hand after 'make export'."
