#!/usr/bin/env bash
# The State Council pages of corpus/gov printed to PDF by Chromium (headless), served over HTTP with a UTF-8
# header: chromium-gov-NNN.pdf, with Chromium's own header and footer (date, title, URL, page x/y) printed, as a
# user's print would have them. Chromium writes some CJK glyphs as their Kangxi-radical look-alikes.
source "$(dirname "$0")/common.sh"
need chromium python3
WORK=$(mktemp -d)
python3 "$ROOT/scripts/producers/serve.py" "$ROOT/corpus/gov" >"$WORK/port" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
PORT=$(cat "$WORK/port")
for html in "$ROOT"/corpus/gov/*.html; do
  n=$(basename "$html" .html)
  target="$OUT/chromium-gov-$n.pdf"
  fresh "$target" "$html" "$0" || continue
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --user-data-dir="$(mktemp -d -p "$WORK")" --pdf-header-footer --print-to-pdf="$target" \
    "http://127.0.0.1:$PORT/$n.html" >/dev/null 2>&1
  echo "producers: $target"
done
