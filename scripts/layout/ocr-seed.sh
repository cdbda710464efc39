#!/usr/bin/env bash
# Makes corpus/layout/seed.tesseract.txt: the seed as tesseract reads it from page images — hard-wrapped lines
# plus real OCR errors, for the layout eval (src/eval/layout.ts). The pages are corpus/pdf/seed-export.pdf
# (LibreOffice's export of the seed) rendered at 200 dpi by pdftoppm, read by `tesseract -l chi_sim --psm 6`.
# Needs poppler-utils and tesseract-ocr-chi-sim (scripts/system-deps.sh). Deterministic for one tesseract version.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
pdf="$root/corpus/pdf/seed-export.pdf"
out="$root/corpus/layout/seed.tesseract.txt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pdftoppm -r 200 -gray -png "$pdf" "$work/page"
: > "$work/all.txt"
for png in "$work"/page-*.png; do
  OMP_THREAD_LIMIT=1 tesseract "$png" - -l chi_sim --psm 6 2>/dev/null >> "$work/all.txt"
done
mkdir -p "$(dirname "$out")"
mv "$work/all.txt" "$out"
echo "$out: $(wc -l < "$out") lines ($(tesseract --version 2>&1 | head -1))"
