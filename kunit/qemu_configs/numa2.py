# SPDX-License-Identifier: GPL-2.0
#
# kunit.py QEMU config: x86_64 with two NUMA nodes (one CPU and 512 MiB each;
# kunit.py itself passes -m 1024).
#
# kunit.py in Linux 7.3 always asks QEMU for "-accel kvm -accel hvf -accel
# tcg". Where /dev/kvm exists but does not work, QEMU then hangs instead of
# falling back. Unless scripts/kvm-probe found KVM working (MPOL_QEMU_ACCEL=kvm),
# put tcg-only/ first in PATH: its qemu-system-x86_64 drops every accelerator
# but tcg and runs the real QEMU.

import os

from ..qemu_config import QemuArchParams

if os.environ.get('MPOL_QEMU_ACCEL') != 'kvm':
	_tcg_only = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'tcg-only')
	os.environ['PATH'] = _tcg_only + os.pathsep + os.environ.get('PATH', '')

QEMU_ARCH = QemuArchParams(linux_arch='x86_64',
			   kconfig='''
CONFIG_SERIAL_8250=y
CONFIG_SERIAL_8250_CONSOLE=y
CONFIG_SMP=y
CONFIG_NUMA=y
CONFIG_ACPI_NUMA=y''',
			   qemu_arch='x86_64',
			   kernel_path='arch/x86/boot/bzImage',
			   kernel_command_line='console=ttyS0',
			   extra_qemu_params=['-bios', 'qboot.rom',
					      '-smp', '2,sockets=2,cores=1,threads=1',
					      '-object', 'memory-backend-ram,id=m0,size=512M',
					      '-object', 'memory-backend-ram,id=m1,size=512M',
					      '-numa', 'node,nodeid=0,cpus=0,memdev=m0',
					      '-numa', 'node,nodeid=1,cpus=1,memdev=m1'])
