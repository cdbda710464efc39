#!/usr/bin/env bash
# Scans of LibreOffice's one-column exports (made first by libreoffice.sh), at 200 and 300 dpi:
#   tess-NAME-DPI.pdf   a searchable scan: tesseract's own PDF (page image with its invisible text layer)
#   scan-NAME-DPI.pdf   the bare page images, no text layer (needs --ocr)
# NAME is seed (lo-1col.pdf) and gov-006, gov-012 (lo-gov-NNN.pdf).
# Pages are OCR'd two at a time. Environment: DPIS (default "200 300"), NAMES (default "seed gov-006 gov-012").
source "$(dirname "$0")/common.sh"
need tesseract pdftoppm img2pdf pdfunite
tesseract --list-langs 2>/dev/null | grep -qx chi_sim || {
  echo "producers/tesseract.sh: skipped, tesseract has no chi_sim model (apt-get install tesseract-ocr-chi-sim)" >&2
  exit 0
}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
bash "$ROOT/scripts/producers/libreoffice.sh"
for name in ${NAMES:-seed gov-006 gov-012}; do
  src="$OUT/lo-$name.pdf"
  [ "$name" = seed ] && src="$OUT/lo-1col.pdf"
  [ -s "$src" ] || { echo "producers/tesseract.sh: $src is missing; run libreoffice.sh first" >&2; continue; }
  for dpi in ${DPIS:-200 300}; do
    tess="$OUT/tess-$name-$dpi.pdf"
    scan="$OUT/scan-$name-$dpi.pdf"
    fresh "$tess" "$src" "$0" || fresh "$scan" "$src" "$0" || continue
    rm -f "$WORK"/page-*
    pdftoppm -r "$dpi" -gray -png "$src" "$WORK/page"
    img2pdf --pagesize A4 -o "$scan" "$WORK"/page-*.png
    # One searchable PDF a page (two at a time), then joined in page order.
    ls "$WORK"/page-*.png | xargs -P 2 -I{} sh -c 'OMP_THREAD_LIMIT=1 tesseract "{}" "{}" -l chi_sim --dpi '"$dpi"' pdf >/dev/null 2>&1'
    pdfunite $(ls "$WORK"/page-*.png.pdf | sort -V) "$tess"
    echo "producers: $tess, $scan"
  done
done
