#!/usr/bin/env bash
# Makes corpus/docx/numbered-libreoffice.docx: LibreOffice's .docx of scripts/docx/numbered-notice.fodt, a notice
# whose markers (一、 （一） 1. （1）) are list numbering (numbering.xml, w:numPr), not typed. The text it must read
# as is scripts/docx/numbered-notice.txt (test/ingest/docx-numbering.test.ts).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v soffice >/dev/null || { echo "soffice (LibreOffice) is missing: apt-get install libreoffice-writer" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
soffice --headless --convert-to docx:"MS Word 2007 XML" --outdir "$WORK" scripts/docx/numbered-notice.fodt >/dev/null
mkdir -p corpus/docx
cp "$WORK/numbered-notice.docx" corpus/docx/numbered-libreoffice.docx
echo "corpus/docx/numbered-libreoffice.docx: $(wc -c <corpus/docx/numbered-libreoffice.docx) bytes"
