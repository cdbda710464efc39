#!/usr/bin/env bash
# Notices set as a 公文 is printed (GB/T 9704-2012: 版头 in red with the 发文字号 over a red rule, 22 x 28 grid,
# signature and 成文日期, 版记 with 抄送 and 印发, "— N —" page numbers), by WeasyPrint from HTML made by
# gbt9704.py, and scans of them as they come from an office scanner:
#   gbt-NAME.pdf        born-digital; gbt-NAME.head.json the head and 版记 fields as printed
#   tess-gbt-NAME-DPI.pdf  searchable scan: pages rendered at DPI, turned by a fraction of a degree, with noise and
#                       JPEG artefacts (ImageMagick), through tesseract (image + invisible text layer)
#   scan-gbt-NAME-DPI.pdf  the same page images without a text layer (needs --ocr)
# NAME: seed (joint head, three attachments), gov-006 (国务院办公厅文件), gov-015 (国务院文件, 签发人 right).
# One scan a notice, at the resolution and angle below (both resolutions, both directions, 0.5–1.5°).
source "$(dirname "$0")/common.sh"
need weasyprint python3
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PY="$ROOT/scripts/producers/gbt9704.py"
for spec in "seed $SEED" "gov-006 $ROOT/corpus/gov/006.txt" "gov-015 $ROOT/corpus/gov/015.txt"; do
  read -r name text <<<"$spec"
  target="$OUT/gbt-$name.pdf"
  fresh "$target" "$text" "$0" "$PY" || continue
  python3 "$PY" "$name" "$text" "$WORK/gbt-$name"
  weasyprint -q "$WORK/gbt-$name.html" "$target"
  cp "$WORK/gbt-$name.head.json" "$OUT/gbt-$name.head.json"
  echo "producers: $target"
done
need tesseract pdftoppm img2pdf pdfunite convert
tesseract --list-langs 2>/dev/null | grep -qx chi_sim || {
  echo "producers/gbt9704.sh: scans skipped, tesseract has no chi_sim model (apt-get install tesseract-ocr-chi-sim)" >&2
  exit 0
}
# NAME DPI ANGLE (degrees, clockwise) NOISE (ImageMagick -attenuate) JPEG quality
for spec in "seed 200 0.7 0.4 55" "gov-006 300 -1.2 0.3 60" "gov-015 200 1.5 0.5 50"; do
  read -r name dpi angle noise quality <<<"$spec"
  src="$OUT/gbt-$name.pdf"
  [ -s "$src" ] || continue
  tess="$OUT/tess-gbt-$name-$dpi.pdf"
  scan="$OUT/scan-gbt-$name-$dpi.pdf"
  fresh "$tess" "$src" "$0" || fresh "$scan" "$src" "$0" || continue
  rm -f "$WORK"/page-*
  pdftoppm -r "$dpi" -gray -png "$src" "$WORK/page"
  for png in "$WORK"/page-*.png; do
    # One thread: ImageMagick's noise draws from a generator per thread, so with more threads the seeded noise (and
    # tesseract's reading of it) changes with the machine's cores and load.
    MAGICK_THREAD_LIMIT=1 convert "$png" -background white -rotate "$angle" -gravity center -extent "$(identify -format '%wx%h' "$png")" \
      -seed 9704 -attenuate "$noise" +noise Gaussian -quality "$quality" "${png%.png}.jpg"
  done
  img2pdf --pagesize A4 -o "$scan" $(ls "$WORK"/page-*.jpg | sort -V)
  ls "$WORK"/page-*.jpg | xargs -P 2 -I{} sh -c 'OMP_THREAD_LIMIT=1 tesseract "{}" "{}" -l chi_sim --dpi '"$dpi"' pdf >/dev/null 2>&1'
  pdfunite $(ls "$WORK"/page-*.jpg.pdf | sort -V) "$tess"
  echo "producers: $tess, $scan"
done
