#!/usr/bin/env bash
# The seed as LibreOffice exports it: A4, 16 pt Noto Serif CJK, first-line indents, footer "— N —";
#   lo-1col.pdf  one column
#   lo-2col.pdf  two columns with a gutter one character wide
#   lo-gov-006.pdf, lo-gov-012.pdf  corpus/gov/006.txt and 012.txt in one column (sources of tesseract.sh's scans)
source "$(dirname "$0")/common.sh"
need soffice python3
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
GOV="$ROOT/corpus/gov"
for spec in "1col $SEED 1 0" "2col $SEED 2 1" "gov-006 $GOV/006.txt 1 0" "gov-012 $GOV/012.txt 1 0"; do
  read -r name text columns gutter <<<"$spec"
  target="$OUT/lo-$name.pdf"
  fresh "$target" "$text" "$0" "$ROOT/scripts/producers/fodt.py" || continue
  python3 "$ROOT/scripts/producers/fodt.py" "$text" "$WORK/lo-$name.fodt" 16 "$columns" "$gutter"
  soffice --headless -env:UserInstallation="file://$WORK/profile" --convert-to pdf --outdir "$WORK" \
    "$WORK/lo-$name.fodt" >/dev/null 2>&1
  mv "$WORK/lo-$name.pdf" "$target"
  echo "producers: $target"
done
