#!/usr/bin/env bash
# The seed typeset by WeasyPrint from HTML (one <p> a paragraph, 14 pt, first-line indents, page numbers in the
# bottom margin): weasyprint-seed.pdf. And one State Council page as WeasyPrint prints it: weasyprint-gov-003.pdf.
source "$(dirname "$0")/common.sh"
need weasyprint python3
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
target="$OUT/weasyprint-seed.pdf"
if fresh "$target" "$SEED" "$0"; then
  python3 - "$SEED" "$WORK/seed.html" <<'PY'
import sys
from html import escape
paras = [l.strip() for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
css = """@page { size: A4; margin: 2.5cm 2.2cm; @bottom-center { content: "- " counter(page) " -"; } }
body { font-family: 'Noto Serif CJK SC'; font-size: 14pt; line-height: 1.6; }
p { text-indent: 2em; margin: 0; text-align: justify; }"""
body = "\n".join(f"<p>{escape(p)}</p>" for p in paras)
open(sys.argv[2], "w", encoding="utf-8").write(
    f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>{css}</style></head><body>{body}</body></html>')
PY
  weasyprint -q "$WORK/seed.html" "$target"
  echo "producers: $target"
fi
target="$OUT/weasyprint-gov-003.pdf"
if fresh "$target" "$ROOT/corpus/gov/003.html" "$0"; then
  weasyprint -q -e utf-8 "$ROOT/corpus/gov/003.html" "$target"
  echo "producers: $target"
fi
