"""Speed of the reference implementation: one gradient-descent step against its two mat-vecs,
and the loop-vs-vectorized speed-up that notebook 05 teaches.

Usage: .venv/bin/python benchmarks/reference.py   (prints a Markdown table; a few seconds)
"""

import platform
import time

import numpy as np

import solutions

N = 30
ITERATIONS = 20


def best_of(fn, repeat=7):
    """The fastest of `repeat` runs, in seconds (the least disturbed by the rest of the machine)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def data(m, n=N, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(m, n))
    y = (rng.random(m) < 0.5).astype(float)
    return X, y, 0.1 * rng.normal(size=n), 0.1


def gradient_step(m):
    """(seconds of X @ w and Xᵀ r, seconds of one gradient-descent iteration) at m examples."""
    X, y, w, b = data(m)
    z, r, g = np.empty(m), np.random.default_rng(1).normal(size=m), np.empty(N)
    raw = best_of(lambda: (np.matmul(X, w, out=z), np.matmul(X.T, r, out=g)), repeat=15)
    step = best_of(lambda: solutions.gradient_descent(X, y, w, b, 0.1, ITERATIONS), repeat=7) / ITERATIONS
    return raw, step


def loop_speedup(m):
    """(seconds of gradients_loop, seconds of cost_and_gradients) at m examples."""
    X, y, w, b = data(m)
    return best_of(lambda: solutions.gradients_loop(X, y, w, b), repeat=3), best_of(lambda: solutions.cost_and_gradients(X, y, w, b))


def main():
    print(f"{time.strftime('%Y-%m-%d')}, {platform.machine()}, {platform.python_version()}, numpy {np.__version__}\n")
    print("| m | X @ w and Xᵀ r | one iteration | ratio (target ≤ 1.3) |\n|---|---|---|---|")
    for m in (100_000, 300_000, 1_000_000):
        raw, step = gradient_step(m)
        print(f"| {m:,} | {raw * 1e3:.2f} ms | {step * 1e3:.2f} ms | {step / raw:.2f} |")
    print("\n| m (n = 30) | gradients_loop | cost_and_gradients | speed-up |\n|---|---|---|---|")
    for m in (2_000, 20_000):
        loop, vectorized = loop_speedup(m)
        print(f"| {m:,} | {loop * 1e3:.1f} ms | {vectorized * 1e3:.3f} ms | {loop / vectorized:.0f}× |")


if __name__ == "__main__":
    main()
