# SPDX-License-Identifier: GPL-2.0
#
# kunit.py QEMU config: arm64 (64K pages, configs/arm64.config) on the virt
# machine with two NUMA nodes, one CPU and 2 GiB each (the -m here overrides
# kunit.py's -m 1024). QEMU describes the nodes in the device tree
# (numa-node-id), which Linux reads with a direct -kernel boot. The RAM of
# virt starts at 1 GiB and arm64 puts all of it below 4 GiB in ZONE_DMA:
# with 4 GiB, node 1 reaches above 4 GiB, so that ZONE_NORMAL is the policy
# zone as on x86 (policy_nodemask_bind_lower_zone_unrestricted needs that).
#
# kunit.py in Linux 7.3 always asks QEMU for "-accel kvm -accel hvf -accel
# tcg"; an x86_64 host cannot run an arm64 guest with KVM, so tcg-only/ goes
# first in PATH: its qemu-system-aarch64 drops every accelerator but tcg.
# pauth-impdef=on: TCG emulates pointer authentication with QEMU's own hash
# instead of QARMA5, which costs much less.

import os

from ..qemu_config import QemuArchParams

_tcg_only = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'tcg-only')
os.environ['PATH'] = _tcg_only + os.pathsep + os.environ.get('PATH', '')

QEMU_ARCH = QemuArchParams(linux_arch='arm64',
			   kconfig='''
CONFIG_SERIAL_AMBA_PL011=y
CONFIG_SERIAL_AMBA_PL011_CONSOLE=y
CONFIG_SMP=y
CONFIG_NUMA=y
CONFIG_ARM64_64K_PAGES=y''',
			   qemu_arch='aarch64',
			   kernel_path='arch/arm64/boot/Image',
			   kernel_command_line='console=ttyAMA0',
			   extra_qemu_params=['-machine', 'virt',
					      '-cpu', 'max,pauth-impdef=on',
					      '-smp', '2',
					      '-m', '4G',
					      '-object', 'memory-backend-ram,id=m0,size=2G',
					      '-object', 'memory-backend-ram,id=m1,size=2G',
					      '-numa', 'node,nodeid=0,cpus=0,memdev=m0',
					      '-numa', 'node,nodeid=1,cpus=1,memdev=m1'])
