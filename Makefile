# mpol-series: the front door. 'make help' lists the targets.
SHELL := /bin/bash
S := scripts

.PHONY: help deps tree export kernel kunit selftests vm demo test check test-debug test-compat stress bench coverage check-mutants lint clean distclean

help:
	@echo "make demo       4-node VM: allocate under several policies, show why pages landed where"
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
	@echo "make lint       shellcheck the project's scripts"
	@echo "make deps       install the Debian packages the harness needs"

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
	shellcheck -x -P SCRIPTDIR $(S)/lib.sh $$(grep -l '^#!/usr/bin/env bash' $(S)/* kunit/qemu_configs/tcg-only/*) selftests/init selftests/demo/run.sh bench/init bench/run.sh bench/report

clean:
	rm -rf build/kernel build/kernel-debug build/selftests build/results build/logs \
		build/initramfs.cpio.gz build/initramfs-debug.cpio.gz build/bench

distclean:
	@echo "build/linux may hold unexported work; remove build/ by hand after 'make export'."
