#!/usr/bin/env bash
# A held-out check of the head reader on scans (issue 12): GB/T 9704 scans (one page, two where a long title pushes
# the 版记 over) of State Council notices nobody
# tuned the head reader on (corpus/gov/NNN.txt, not 006, 012, 015), made as gbt9704.sh makes its scans (WeasyPrint,
# pdftoppm at 200 and 300 dpi, turned and noised by ImageMagick, tesseract's searchable PDF), into a folder outside
# the repository; then scored by heldout-heads.mjs against the fields as printed. ~30 s CPU a page.
# Usage: scripts/producers/heldout-heads.sh [DIR (default /tmp/gongwen-heldout-heads)] [NNN…]
source "$(dirname "$0")/common.sh"
need weasyprint python3 tesseract pdftoppm pdfunite convert
DIR=$(mkdir -p "${1:-/tmp/gongwen-heldout-heads}" && cd "${1:-/tmp/gongwen-heldout-heads}" && pwd)
shift || true
NUMS=${*:-001 003 004 007 013 037 055}
HERE="$ROOT/scripts/producers"
for num in $NUMS; do
  base="$DIR/gbt-gov-$num"
  python3 "$HERE/heldout-heads.py" "$num" "$ROOT/corpus/gov/$num.txt" "$base"
  python3 "$HERE/gbt9704.py" "$base.spec.json" "$base.txt" "$base"
  weasyprint -q "$base.html" "$base.pdf"
  n=$((10#$num))
  for dpi in 200 300; do
    # An angle of 0.4–1.6° either way and a noise level varied by the notice's number and the resolution.
    angle=$(awk -v n="$n" -v d="$dpi" 'BEGIN { a = 0.4 + ((n * 3 + d / 100) % 7) / 5; if ((n + d / 100) % 2) a = -a; print a }')
    noise=$(awk -v n="$n" 'BEGIN { print 0.3 + (n % 3) / 10 }')
    rm -f "$DIR/page-$num-$dpi"-*
    pdftoppm -r "$dpi" -gray -png "$base.pdf" "$DIR/page-$num-$dpi"
    for png in "$DIR/page-$num-$dpi"-*.png; do
      MAGICK_THREAD_LIMIT=1 convert "$png" -background white -rotate "$angle" -gravity center \
        -extent "$(identify -format '%wx%h' "$png")" -seed 9704 -attenuate "$noise" +noise Gaussian -quality 55 "${png%.png}.jpg"
      OMP_THREAD_LIMIT=1 tesseract "${png%.png}.jpg" "${png%.png}" -l chi_sim --dpi "$dpi" pdf >/dev/null 2>&1
    done
    pdfunite $(ls "$DIR/page-$num-$dpi"-*.pdf | sort -V) "$DIR/tess-gbt-gov-$num-$dpi.pdf"
    rm -f "$DIR/page-$num-$dpi"-*
    echo "heldout: $DIR/tess-gbt-gov-$num-$dpi.pdf (angle $angle, noise $noise)"
  done
done
