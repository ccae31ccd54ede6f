#!/usr/bin/env bash
# Audits every page of the admin web page with Lighthouse 12 (mobile), logged in, over a
# database of 1,000,000 recorded questions (examples/web_pages.rs). An audit, not a CI step:
# it needs `npm install -g lighthouse@12` (13.x needs Node 22) and Debian's chromium.
# Prints one line per page: performance, accessibility, best practices; full reports go to
# target/lighthouse/.
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
out=target/lighthouse
mkdir -p "$out"
cargo build --release --example web_pages -q
target/release/examples/web_pages --serve > "$out/server.txt" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 600); do grep -q '^cookie=' "$out/server.txt" 2>/dev/null && break; sleep 0.5; done
url=$(sed -n 's/^url=//p' "$out/server.txt")
cookie=$(sed -n 's/^cookie=//p' "$out/server.txt")
encode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
pages=(
  "overview|"
  "unanswered|unanswered"
  "try|try?q=$(encode '全市建了多少间母婴室？')"
  "knowledge|knowledge"
  "preview|preview?op=add_keyword&item=5&keyword=$(encode '集乳室')&question=$(encode '集乳室有多少')"
  "history|history"
  "changes|history/1"
  "articles|articles"
  "${EXTRA_PAGES:-}"
)
printf '| page | performance | accessibility | best practices |\n| --- | --- | --- | --- |\n'
for entry in "${pages[@]}"; do
  [ -z "$entry" ] && continue
  name=${entry%%|*}; path=${entry#*|}
  lighthouse "$url$path" --quiet --form-factor=mobile --screenEmulation.mobile \
    --only-categories=performance,accessibility,best-practices \
    --extra-headers="{\"Cookie\": \"$cookie\"}" \
    --chrome-path=/usr/bin/chromium \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
    --output=json --output-path="$out/$name.json" >/dev/null 2>&1 || true
  python3 - "$out/$name.json" "$name" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
score = lambda c: round(100 * (report["categories"][c]["score"] or 0))
failed = [a["id"] for a in report["audits"].values() if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"]
print(f"| {sys.argv[2]} | {score('performance')} | {score('accessibility')} | {score('best-practices')} |" + (f" failing: {', '.join(failed)}" if failed else ""))
PY
done
