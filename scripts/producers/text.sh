#!/usr/bin/env bash
# The text a user copies out of a born-digital PDF, and one more word processor's PDF of the seed:
#   lo-docx-seed.pdf   the seed imported as plain text by LibreOffice, saved as .docx, and that .docx converted
#                      to PDF (LibreOffice's defaults: Asian/non-Asian autospace on, its own fonts and margins)
#   text/NAME.txt          `pdftotext` of every born-digital PDF here (chromium-*, lo-*, weasyprint-*): each printed
#                          line a line, as a copy from a PDF viewer gives it
#   text/NAME.layout.txt   `pdftotext -layout`: the lines as placed on the page, indents as spaces
# Run after the other scripts of scripts/producers (all.sh does).
source "$(dirname "$0")/common.sh"
need soffice pdftotext
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
target="$OUT/lo-docx-seed.pdf"
if fresh "$target" "$SEED" "$0"; then
  cp "$SEED" "$WORK/seed.txt"
  profile="-env:UserInstallation=file://$WORK/profile"
  soffice --headless "$profile" --infilter="Text (encoded):UTF8" --convert-to docx:"MS Word 2007 XML" \
    --outdir "$WORK" "$WORK/seed.txt" >/dev/null 2>&1
  soffice --headless "$profile" --convert-to pdf --outdir "$WORK" "$WORK/seed.docx" >/dev/null 2>&1
  mv "$WORK/seed.pdf" "$target"
  echo "producers: $target"
fi
mkdir -p "$OUT/text"
for pdf in "$OUT"/chromium-*.pdf "$OUT"/lo-*.pdf "$OUT"/weasyprint-*.pdf; do
  [ -e "$pdf" ] || continue
  n=$(basename "$pdf" .pdf)
  if fresh "$OUT/text/$n.txt" "$pdf" "$0"; then
    pdftotext -enc UTF-8 "$pdf" "$OUT/text/$n.txt"
    pdftotext -enc UTF-8 -layout "$pdf" "$OUT/text/$n.layout.txt"
    echo "producers: $OUT/text/$n.txt, $n.layout.txt"
  fi
done
