#!/usr/bin/env python3
"""Measure the reply language and the figure lead on a question set (issue 14).

usage: scripts/lang-eval.py QUESTIONS.tsv [BINARY]     (default binary: target/release/fuer-bot)

1. Every question is asked with `fuer-bot ask --json`.
2. Language: for the questions of kind `english` and `traditional`, every answered reply must
   have `lang` en / zh-Hant, and every `shown` fact must be in that language: each shown text
   is asked again, and the bot's own script detection (the `lang` of that reply) must say
   en / zh-Hant.
3. Lead: an answered question whose analysis asks for a figure (`asked` is quantity, money,
   duration …) and whose expected figures (the `must` column) hold digits is a figure
   question; its `lead` must contain the first expected figure (716万 in 716万余人次).
Prints the counts and the misses; exits 1 when a language check fails or the lead share is
below 97%.
"""
import json, re, subprocess, sys

FIGURE_KINDS = {"quantity", "money", "duration", "time", "ordinal"}
questions_path = sys.argv[1]
binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/fuer-bot"

rows = []
for line in open(questions_path, encoding="utf-8"):
    line = line.rstrip("\n")
    if not line.strip() or line.startswith("#"):
        continue
    f = line.split("\t")
    if len(f) != 4:
        continue
    items, must, kind, q = f
    rows.append({"must": [m for m in must.split("|") if m], "kind": kind, "q": q})


def ask(lines):
    out = subprocess.run([binary, "ask", "--json"], input="\n".join(lines) + "\n",
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.strip()]


results = ask([r["q"] for r in rows])
assert len(results) == len(rows), (len(results), len(rows))

expected_lang = {"english": "en", "traditional": "zh-Hant"}
lang_checked = lang_ok = 0
shown_texts, shown_owner = [], []
misses = []
for row, res in zip(rows, results):
    want = expected_lang.get(row["kind"])
    if want is None or res["status"] != "answered":
        continue
    lang_checked += 1
    if res["lang"] != want:
        misses.append(f"lang {res['lang']} != {want}: {row['q']}")
        continue
    if not res["shown"]:
        misses.append(f"nothing shown: {row['q']}")
        continue
    for text in res["shown"]:
        shown_texts.append(" ".join(text.split()))
        shown_owner.append((row["q"], want))
    lang_ok += 1

shown_results = ask(shown_texts) if shown_texts else []
bad_questions = set()
for text, (q, want), res in zip(shown_texts, shown_owner, shown_results):
    if res["lang"] != want:
        bad_questions.add(q)
        misses.append(f"shown text in {res['lang']}, not {want} ({q}): {text[:60]}")
lang_ok -= len(bad_questions)

lead_total = lead_ok = 0
lead_sub_total = lead_sub_ok = 0
for row, res in zip(rows, results):
    figures = [m for m in row["must"] if re.search(r"\d", m)]
    if res["status"] != "answered" or res.get("asked") not in FIGURE_KINDS or not figures:
        continue
    lead_total += 1
    ok = res.get("lead") is not None and figures[0] in res["lead"]
    lead_ok += ok
    if row["kind"] in expected_lang:
        lead_sub_total += 1
        lead_sub_ok += ok
    if not ok:
        misses.append(f"lead {res.get('lead')!r} lacks {figures[0]}: {row['q']}")

for miss in misses:
    print("miss:", miss)
print(f"language: {lang_ok}/{lang_checked} answered English/Traditional replies in the asker's language "
      f"({len(shown_texts)} shown facts checked)")
share = lead_ok / lead_total if lead_total else 1.0
print(f"lead: {lead_ok}/{lead_total} = {share:.1%} answered figure questions lead with the asked figure "
      f"(English/Traditional: {lead_sub_ok}/{lead_sub_total})")
sys.exit(0 if lang_ok == lang_checked and share >= 0.97 else 1)
