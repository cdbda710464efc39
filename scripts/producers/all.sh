#!/usr/bin/env bash
# Makes every producer fixture into corpus/producers/ (gitignored). Idempotent: a PDF is remade only when it is
# missing or older than its source or script. Each script skips with a message when its tool is missing.
set -euo pipefail
dir=$(dirname "$0")
for s in libreoffice chromium weasyprint tesseract gbt9704 tables text; do bash "$dir/$s.sh"; done
