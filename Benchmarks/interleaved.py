#!/usr/bin/env python3
"""Interleaved A/B timing: runs command A, then B, N times (after one warm-up of each) and prints the
median of the per-pair time ratios B/A with its range. On a shared VM whose speed drifts over minutes
(other tenants, memory returned to the host between runs), pairs measured back to back are fairer than
two blocks of runs measured minutes apart.

    interleaved.py N 'command A' 'command B'     -> prints: median_a median_b median_ratio min_ratio max_ratio
"""
import shlex
import statistics
import subprocess
import sys
import time


def run(command):
    start = time.perf_counter()
    subprocess.run(shlex.split(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main():
    n, a, b = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    run(a)
    run(b)
    times_a, times_b = [], []
    for _ in range(n):
        times_a.append(run(a))
        times_b.append(run(b))
    ratios = [tb / ta for ta, tb in zip(times_a, times_b)]
    print(f"{statistics.median(times_a):.3f} {statistics.median(times_b):.3f} {statistics.median(ratios):.2f} "
          f"{min(ratios):.2f} {max(ratios):.2f}")


if __name__ == "__main__":
    main()
