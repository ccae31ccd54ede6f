#!/usr/bin/env bash
# Import quality (issue 16): imports an article as a draft into a temporary knowledge
# directory (no keyword added by hand) and scores a question set about it, twice: beside the
# shipped 2024 article and alone (the shared files only). Prints both scores.
#
# usage: scripts/import-quality.sh [ARTICLE [QUESTIONS [BIN]]]
#   ARTICLE    default tests/data/articles/2025-test.txt
#   QUESTIONS  default tests/data/articles/2025-test-questions.tsv (format: /work/shared/eval/score.py)
#   BIN        default target/release/fuer-bot (cargo build --release --locked first)
# SHOW_MISSES=1 also lists the misses of each run.
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLE=${1:-tests/data/articles/2025-test.txt}
QUESTIONS=${2:-tests/data/articles/2025-test-questions.tsv}
BIN=${3:-target/release/fuer-bot}
SCORE=${SCORE:-/work/shared/eval/score.py}
[ -x "$BIN" ] || { echo "no $BIN: run cargo build --release --locked first" >&2; exit 2; }
[ -f "$SCORE" ] || { echo "no scorer at $SCORE (set SCORE=…)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One run: the knowledge directory $1 gets the article imported, is checked, and answers.
score() {
    local dir=$1 label=$2
    "$BIN" --knowledge "$dir" import "$ARTICLE" > "$work/$label.import" 2>&1 || {
        cat "$work/$label.import" >&2
        echo "import failed ($label)" >&2
        exit 1
    }
    "$BIN" --knowledge "$dir" check > "$work/$label.check" 2>&1 || {
        cat "$work/$label.check" >&2
        echo "check failed ($label)" >&2
        exit 1
    }
    python3 "$SCORE" --questions "$QUESTIONS" | "$BIN" --knowledge "$dir" ask --json > "$work/$label.jsonl"
    echo "== $label"
    if [ -n "${SHOW_MISSES:-}" ]; then
        python3 "$SCORE" "$QUESTIONS" "$work/$label.jsonl" --show-misses
    else
        python3 "$SCORE" "$QUESTIONS" "$work/$label.jsonl" | tail -"${TAILN:-6}"
    fi
}

# Beside the shipped article(s).
mkdir -p "$work/with"
cp -r knowledge/. "$work/with/"
score "$work/with" "with the shipped articles"

# Alone: the shared files only.
mkdir -p "$work/alone"
find knowledge -maxdepth 1 -type f -exec cp {} "$work/alone/" \;
score "$work/alone" "alone"
