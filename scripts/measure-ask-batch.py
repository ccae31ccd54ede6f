#!/usr/bin/env python3
"""Cost per question of `fuer-bot ask --json` over 5 000 questions, written into a pipe.

usage: scripts/measure-ask-batch.py [BINARY] [RUNS]   (build first: cargo build --release)
The questions cycle through a fixed list of wordings (answered, follow-up-free, declined and
commands). Each run pipes 5 000 questions in and reads the JSON lines out of a pipe; the
cost per question is (median wall time of 5 000 − median wall time of 1) / 4 999.
"""
import os, statistics, subprocess, sys, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "target", "release", "fuer-bot")
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 15
wordings = [
    "全市建了多少间母婴室？", "儿童友好城市建设有什么进展", "How many nursing rooms are there?",
    "妇女儿童发展十件大事是什么", "第三件大事讲了什么", "明天会下雨吗", "托育服务有哪些新举措",
    "婦女兒童發展有哪些大事", "/list", "/item 5", "母婴室有多少间", "What is the 2nd item about?",
]
def run(count):
    lines = "".join(wordings[i % len(wordings)] + "\n" for i in range(count)).encode()
    start = time.perf_counter()
    done = subprocess.run([binary, "ask", "--json"], input=lines, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, cwd=root, env={**os.environ, "RUST_LOG": "off"})
    elapsed = time.perf_counter() - start
    if done.returncode != 0 or done.stdout.count(b"\n") != count:
        sys.exit(f"fuer-bot ask --json failed (status {done.returncode})")
    return elapsed
one = statistics.median(run(1) for _ in range(runs))
many = statistics.median(run(5000) for _ in range(runs))
print(f"runs {runs}: 1 question {one * 1000:.1f} ms, 5000 questions {many * 1000:.1f} ms, "
      f"{(many - one) / 4999 * 1e6:.1f} µs per question")
