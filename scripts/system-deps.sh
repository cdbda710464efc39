#!/usr/bin/env bash
# Installs the Debian packages that some tests and fixture scripts use, when they are missing:
# tesseract (chi_sim) and ImageMagick with Noto CJK fonts (OCR fixtures), poppler-utils (pdftotext, pdftoppm:
# PDF fixtures and the bench), chromium (the HTML diff report test and Chromium-printed PDFs), LibreOffice
# (the Word diff report read back, table and producer fixtures; Calc for .xls/.ods), WeasyPrint and img2pdf (producer fixtures). Tests that need one of them skip with a
# message when it is absent, so this script is a convenience for CI and fresh machines, not a requirement.
# Usage: scripts/system-deps.sh            (everything)
#        scripts/system-deps.sh PKG…       (only these Debian packages)
# The misread training sheets (scripts/ocr/misread-training.py, not run by CI) also want the fonts
#   scripts/system-deps.sh fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei
# kept out of the default list so that no other fixture's fallback fonts change with them.
set -euo pipefail
ALL=(tesseract-ocr tesseract-ocr-chi-sim fonts-noto-cjk imagemagick poppler-utils chromium qpdf librsvg2-bin libreoffice-writer-nogui libreoffice-calc-nogui weasyprint img2pdf)
want=("$@")
[ ${#want[@]} -gt 0 ] || want=("${ALL[@]}")
missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "system-deps: missing ${missing[*]}; install them with apt-get (tests that need them will be skipped)" >&2
  exit 0
fi
echo "system-deps: installing ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
