#!/usr/bin/env python3
"""Pick the English and the Traditional questions of question sets (issue 14).

usage: scripts/lang-subsets.py OUT_DIR QUESTIONS.tsv...     (binary: $FUER_BOT, default
       target/release/fuer-bot)

Every question is asked with `fuer-bot ask --json`; a line whose reply is in English (`lang`
en) goes to OUT_DIR/en.tsv, one in Traditional (zh-Hant) to OUT_DIR/zh-Hant.tsv, unchanged,
so that `score.py` and `scripts/lang-eval.py` measure each language on its own. The bot's
own script detection picks the lines: run it with the binary you compare against (the
older one), so both are measured on the same lines.
"""
import json, os, subprocess, sys

out_dir, paths = sys.argv[1], sys.argv[2:]
binary = os.environ.get("FUER_BOT", "target/release/fuer-bot")
subsets = {"en": [], "zh-Hant": []}
for path in paths:
    rows = [line.rstrip("\n") for line in open(path, encoding="utf-8")]
    rows = [r for r in rows if r.strip() and not r.startswith("#") and len(r.split("\t")) == 4]
    questions = "\n".join(r.split("\t")[3] for r in rows) + "\n"
    output = subprocess.run([binary, "ask", "--json"], input=questions, capture_output=True,
                            text=True, check=True).stdout
    results = [json.loads(line) for line in output.splitlines() if line.strip()]
    assert len(results) == len(rows), (path, len(results), len(rows))
    for row, result in zip(rows, results):
        if result["lang"] in subsets:
            subsets[result["lang"]].append(row)
os.makedirs(out_dir, exist_ok=True)
for lang, rows in subsets.items():
    with open(os.path.join(out_dir, f"{lang}.tsv"), "w", encoding="utf-8") as f:
        f.write("# item(s)\tmust\tkind\tquestion\n")
        f.writelines(row + "\n" for row in rows)
    print(f"{lang}: {len(rows)} questions → {os.path.join(out_dir, lang + '.tsv')}")
