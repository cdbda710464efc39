#!/usr/bin/env bash
# Makes the (clean, OCR'd) pairs in corpus/ocr/: renders clean texts to page images with ImageMagick and
# Noto Serif CJK, OCRs them with tesseract (chi_sim, --psm 6: one uniform block of text), and keeps <name>.clean.txt and <name>.ocr.txt.
# Installs tesseract-ocr, tesseract-ocr-chi-sim, fonts-noto-cjk and imagemagick (Debian) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=corpus/ocr
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

need_install=0
command -v tesseract >/dev/null || need_install=1
command -v convert >/dev/null || need_install=1
[ -d /usr/share/fonts/opentype/noto ] || need_install=1
if [ "$need_install" = 1 ] || ! tesseract --list-langs 2>/dev/null | grep -qx chi_sim; then
  apt-get update
  apt-get install -y tesseract-ocr tesseract-ocr-chi-sim fonts-noto-cjk imagemagick
fi

mkdir -p "$OUT"
# name, source text, number of rendered lines (20 a page)
make_pair() {
  local name=$1 source=$2 lines=$3
  python3 scripts/ocr/render.py "$source" "$WORK/$name" "$lines"
  cp "$WORK/$name.clean.txt" "$OUT/$name.clean.txt"
  : >"$OUT/$name.ocr.txt"
  for png in "$WORK/$name"-p*.png; do
    tesseract "$png" - -l chi_sim --psm 6 2>/dev/null >>"$OUT/$name.ocr.txt"
  done
  echo "$name: $(wc -l <"$OUT/$name.clean.txt") lines"
}

make_pair gov-006 corpus/gov/006.txt 40
make_pair gov-012 corpus/gov/012.txt 40
make_pair plan-excerpt scripts/ocr/excerpt-plan.txt 40
