"""The kernel's sandbox: a student's code runs in bubblewrap, with limits, apart from the grader.

nbgrader starts kernels from a kernelspec; ours (`sandboxed_kernel.install_kernelspec`) runs
`watcher.py` as a script with `-f {connection_file}`, which starts the real
ipykernel inside `bwrap` and watches it. Inside, the kernel sees:

- read-only: the system (/usr, /etc, ...), the Python installation and the
  virtualenv, and the kernel library: a copy of `autograder/kernel/` (the
  capturing layer: no answer, no judge) and the probe inputs as data;
- read-write: a private copy of its notebook's folder (the student's autograded
  folder, copied by the watcher and bound at the same path, so that nothing
  the kernel writes there, a symbolic link least of all, ever reaches the
  folder that nbgrader and the grader read and write), its records folder
  (where hidden tests put captured outputs), its connection file and
  sockets, and a private /tmp of bounded size;
- nothing else: not the repository (instructor notebooks, hidden tests,
  `solutions`), not the gradebook, not other students' folders.

It has no network (its sockets are Unix sockets in its own folder), its own
PID namespace (it cannot see or signal the grader), a memory limit, a file
size limit, and a wall-clock limit for the whole notebook. When the limit
passes, or the grader goes away, the kernel and every process it started are
killed. What became of the kernel, its fate, is written to a file for the
grader. The settings arrive in one environment variable, written and read by
`autograder.kernel.contract`, which owns every name the two sides share.

- `watcher`: the script that runs in the kernel's place (standard library and the contract only);
- `sandboxed_kernel`: one notebook's sandboxed kernel as the grader starts it, the kernelspec and the kernel library;
- `ahead`: kernels started ahead of their notebook, and the protocol by which they are handed it.
"""
