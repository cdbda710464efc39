#!/usr/bin/env bash
# Makes the PDF fixtures of corpus/pdf/ (see corpus/pdf/README.md for what each one is):
#   seed-export.pdf, two-column.pdf   typeset by scripts/pdf/make-fixtures.ts (SVG pages → rsvg-convert, Noto Sans CJK)
#   seed-scan.pdf                     the export's pages rendered at 300 dpi (pdftoppm), OCR'd by tesseract (chi_sim)
#                                     into a text-only PDF, laid over 75 dpi 1-bit images of the same pages
#                                     (scripts/pdf/image-pdf.py, then qpdf --underlay)
#   image-only.pdf                    page 2 of the export as a bare 200 dpi 1-bit image, no text layer (image-pdf.py)
#   encrypted.pdf                     two-column.pdf encrypted with a user password (qpdf, AES-256)
#   truncated.pdf, corrupt.pdf        the first 40 % of two-column.pdf; a PDF header followed by garbage
# Installs what it needs (Debian) through scripts/system-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=corpus/pdf
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
bash scripts/system-deps.sh librsvg2-bin fonts-noto-cjk poppler-utils tesseract-ocr tesseract-ocr-chi-sim qpdf
mkdir -p "$OUT"

npx tsx scripts/pdf/make-fixtures.ts "$OUT"

# The searchable scan: OCR at 300 dpi for a good text layer; a small image underneath keeps the file small.
pdftoppm -r 300 -gray "$OUT/seed-export.pdf" "$WORK/hi"
pdftoppm -r 75 -mono "$OUT/seed-export.pdf" "$WORK/lo"
ls "$WORK"/hi-*.pgm >"$WORK/pages.txt"
tesseract "$WORK/pages.txt" "$WORK/text" -l chi_sim -c textonly_pdf=1 pdf 2>/dev/null
python3 scripts/pdf/image-pdf.py 75 "$WORK/images.pdf" "$WORK"/lo-*.pbm
qpdf "$WORK/text.pdf" --underlay "$WORK/images.pdf" -- "$OUT/seed-scan.pdf"

# An image-only page (a bare scan).
pdftoppm -r 200 -mono -f 2 -l 2 "$OUT/seed-export.pdf" "$WORK/bare"
python3 scripts/pdf/image-pdf.py 200 "$OUT/image-only.pdf" "$WORK"/bare-*.pbm

# Bad PDFs.
qpdf --encrypt secret owner 256 -- "$OUT/two-column.pdf" "$OUT/encrypted.pdf"
size=$(stat -c %s "$OUT/two-column.pdf")
head -c $((size * 40 / 100)) "$OUT/two-column.pdf" >"$OUT/truncated.pdf"
{ printf '%%PDF-1.7\n'; head -c 2000 /dev/zero | tr '\0' 'x'; printf '\n%%%%EOF\n'; } >"$OUT/corrupt.pdf"
ls -l "$OUT"

# A Word document (not a PDF, kept here with the other binary fixtures): corpus/gov/055.txt, one paragraph a line.
python3 scripts/pdf/make-docx.py corpus/gov/055.txt "$OUT/gov-055.docx"
