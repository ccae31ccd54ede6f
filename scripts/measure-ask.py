#!/usr/bin/env python3
"""Wall time and peak RSS of `fuer-bot ask` as a whole process.

usage: scripts/measure-ask.py [RUNS]   (build first: cargo build --release)
Each run starts target/release/fuer-bot ask with one question; prints median and max wall
time, and the peak resident set size of any run (from getrusage of the child).
"""
import os, resource, statistics, subprocess, sys, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.path.join(root, "target", "release", "fuer-bot")
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 50
times, peak_kb = [], 0
for _ in range(runs):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.chdir(root)
        os.execv(binary, [binary, "ask", "全市建了多少间母婴室？"])
    _, status, usage = os.wait4(pid, 0)
    times.append((time.perf_counter() - start) * 1000)
    if status != 0:
        sys.exit(f"fuer-bot ask failed with status {status}")
    peak_kb = max(peak_kb, usage.ru_maxrss)
times.sort()
print(f"runs {runs}: median {statistics.median(times):.1f} ms, p90 {times[int(0.9 * (runs - 1))]:.1f} ms, "
      f"max {times[-1]:.1f} ms; peak RSS {peak_kb / 1024:.1f} MB")
