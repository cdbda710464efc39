#!/usr/bin/env bash
# The seed's task table (corpus/tables/seed-table.html, made by scripts/tables/seed-table.ts) as ruled PDF
# tables over many pages, the header row in <thead> so that it repeats on every page:
#   table-lo.pdf        LibreOffice Writer/Web's PDF export (rules stroked as lines; rows cut by page breaks)
#   table-chromium.pdf  Chromium's print of the same page (CSS borders drawn as thin filled rectangles)
#   table-notice.html, table-notice-lo.pdf  a cover notice (title, recipients, 附件：…, signature) with the table
#                       attached after it, as HTML and as LibreOffice's PDF: prose and a table in one file
#   table-three-lo.pdf, table-three-chromium.pdf  the same table as a 三线表: no vertical rules, only a rule above
#                       and below the table and one under the header (HTML frame="hsides" rules="groups")
#   table-rows-lo.pdf, table-rows-chromium.pdf    the same with a rule between rows only (rules="rows")
#   table-none-lo.pdf, table-none-chromium.pdf    the same without any rule (frame="void" rules="none")
#   table-weasyprint.pdf  WeasyPrint's print of the ruled page (each cell's borders drawn on their own; a cell
#                       merged over rows that opens on a page's last row printed below that row's box)
#   table-middle-weasyprint.pdf  the 三线表 page printed by WeasyPrint, which honours neither the frame and rules
#                       attributes nor valign: no rule at all, and cells set in the middle of their rows
#                       (cells top-aligned, as a word processor's table is by default)
#   table-valign-middle-lo.pdf, table-valign-middle-chromium.pdf  the page without any rule (as table-none-*), every
#                       cell set in the middle of its row (valign="middle": Word's "centre vertically", a WPS export)
#   table-valign-bottom-chromium.pdf  the same with every cell set at the bottom of its row (valign="bottom")
#   table-norepeat-three-lo.pdf, table-norepeat-none-chromium.pdf  the 三线表 page by LibreOffice and the page
#                       without any rule by Chromium with the header row not in <thead>: printed once, on the
#                       first page only (the next pages' rows are read under the columns of the page before)
source "$(dirname "$0")/common.sh"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SRC="$ROOT/corpus/tables/seed-table.html"
# page OUT [notice] [three|rows|none] [top|middle|bottom] [norepeat] — the table page with its header row in
# <thead> (with "norepeat", an ordinary first row: printed once) and CSS borders; with "notice", after a cover
# notice that names it as its attachment; with "three", "rows" or "none", only horizontal rules or none (HTML's
# frame and rules attributes, which LibreOffice and Chromium both honour), cells top-aligned or as the fourth
# argument says (valign).
page() {
  python3 - "$SRC" "$1" "${2:-}" "${3:-}" "${4:-top}" "${5:-}" <<'PY'
import sys
src = open(sys.argv[1], encoding='utf-8').read()
if sys.argv[6] != 'norepeat':
    i = src.index('<tr>')
    j = src.index('</tr>', i) + len('</tr>')
    src = src[:i] + '<thead>' + src[i:j] + '</thead><tbody>' + src[j:].replace('</table>', '</tbody></table>', 1)
style = ('<style>table{border-collapse:collapse;font-size:9pt}'
         'td,th{border:1px solid #000;padding:2px}</style>')
src = src.replace('</head>', style + '</head>', 1)
if sys.argv[4] in ('three', 'rows', 'none'):
    frame, rules = {'three': ('hsides', 'groups'), 'rows': ('hsides', 'rows'), 'none': ('void', 'none')}[sys.argv[4]]
    src = src.replace('<table border="1">',
                      '<table border="1" frame="%s" rules="%s" cellpadding="2" cellspacing="0">' % (frame, rules), 1)
    src = src.replace('<td', '<td valign="%s"' % sys.argv[5]).replace('td,th{border:1px solid #000;padding:2px}', '')
if sys.argv[3] == 'notice':
    name = '郑州市2020年污染防治攻坚战重点任务分解表'
    cover = ''.join('<p%s>%s</p>' % p for p in [
        (' style="text-align:center"', '郑州市人民政府关于印发' + name + '的通知'),
        ('', '各县（市、区）人民政府，市人民政府各部门：'),
        ('', '现将《' + name + '》印发给你们，请认真贯彻落实。'),
        ('', '附件：' + name),
        (' style="text-align:right"', '郑州市人民政府'),
        (' style="text-align:right"', '2020年3月1日'),
        ('', '附件'),
        (' style="text-align:center"', name),
    ])
    src = src.replace('<table', cover + '<table', 1)
open(sys.argv[2], 'w', encoding='utf-8').write(src)
PY
}
if command -v soffice >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
  if fresh "$OUT/table-lo.pdf" "$SRC" "$0"; then
    page "$WORK/seed-table.html"
    soffice --headless -env:UserInstallation="file://$WORK/profile" \
      --convert-to pdf:writer_web_pdf_Export --outdir "$WORK" "$WORK/seed-table.html" >/dev/null 2>&1
    mv "$WORK/seed-table.pdf" "$OUT/table-lo.pdf"
    echo "producers: $OUT/table-lo.pdf"
  fi
  if fresh "$OUT/table-notice-lo.pdf" "$SRC" "$0"; then
    page "$OUT/table-notice.html" notice
    cp "$OUT/table-notice.html" "$WORK/table-notice.html"
    soffice --headless -env:UserInstallation="file://$WORK/profile" \
      --convert-to pdf:writer_web_pdf_Export --outdir "$WORK" "$WORK/table-notice.html" >/dev/null 2>&1
    mv "$WORK/table-notice.pdf" "$OUT/table-notice-lo.pdf"
    echo "producers: $OUT/table-notice-lo.pdf"
  fi
  for style in three rows none; do
    if fresh "$OUT/table-$style-lo.pdf" "$SRC" "$0"; then
      page "$WORK/table-$style-lo.html" "" "$style"
      soffice --headless -env:UserInstallation="file://$WORK/profile" \
        --convert-to pdf:writer_web_pdf_Export --outdir "$WORK" "$WORK/table-$style-lo.html" >/dev/null 2>&1
      mv "$WORK/table-$style-lo.pdf" "$OUT/table-$style-lo.pdf"
      echo "producers: $OUT/table-$style-lo.pdf"
    fi
  done
  if fresh "$OUT/table-valign-middle-lo.pdf" "$SRC" "$0"; then
    page "$WORK/table-valign-middle-lo.html" "" none middle
    soffice --headless -env:UserInstallation="file://$WORK/profile" \
      --convert-to pdf:writer_web_pdf_Export --outdir "$WORK" "$WORK/table-valign-middle-lo.html" >/dev/null 2>&1
    mv "$WORK/table-valign-middle-lo.pdf" "$OUT/table-valign-middle-lo.pdf"
    echo "producers: $OUT/table-valign-middle-lo.pdf"
  fi
  if fresh "$OUT/table-norepeat-three-lo.pdf" "$SRC" "$0"; then
    page "$WORK/table-norepeat-three-lo.html" "" three top norepeat
    soffice --headless -env:UserInstallation="file://$WORK/profile" \
      --convert-to pdf:writer_web_pdf_Export --outdir "$WORK" "$WORK/table-norepeat-three-lo.html" >/dev/null 2>&1
    mv "$WORK/table-norepeat-three-lo.pdf" "$OUT/table-norepeat-three-lo.pdf"
    echo "producers: $OUT/table-norepeat-three-lo.pdf"
  fi
else
  echo "producers/tables.sh: table-lo.pdf skipped, soffice or python3 is not installed (scripts/system-deps.sh installs them)" >&2
fi
if command -v chromium >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
  if fresh "$OUT/table-chromium.pdf" "$SRC" "$0"; then
    page "$WORK/seed-table.html"
    chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
      --user-data-dir="$(mktemp -d -p "$WORK")" --no-pdf-header-footer --print-to-pdf="$OUT/table-chromium.pdf" \
      "file://$WORK/seed-table.html" >/dev/null 2>&1
    echo "producers: $OUT/table-chromium.pdf"
  fi
  for style in three rows none; do
    if fresh "$OUT/table-$style-chromium.pdf" "$SRC" "$0"; then
      page "$WORK/table-$style.html" "" "$style"
      chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
        --user-data-dir="$(mktemp -d -p "$WORK")" --no-pdf-header-footer \
        --print-to-pdf="$OUT/table-$style-chromium.pdf" "file://$WORK/table-$style.html" >/dev/null 2>&1
      echo "producers: $OUT/table-$style-chromium.pdf"
    fi
  done
  for align in middle bottom; do
    if fresh "$OUT/table-valign-$align-chromium.pdf" "$SRC" "$0"; then
      page "$WORK/table-valign-$align.html" "" none "$align"
      chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
        --user-data-dir="$(mktemp -d -p "$WORK")" --no-pdf-header-footer \
        --print-to-pdf="$OUT/table-valign-$align-chromium.pdf" "file://$WORK/table-valign-$align.html" >/dev/null 2>&1
      echo "producers: $OUT/table-valign-$align-chromium.pdf"
    fi
  done
  if fresh "$OUT/table-norepeat-none-chromium.pdf" "$SRC" "$0"; then
    page "$WORK/table-norepeat-none.html" "" none top norepeat
    chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
      --user-data-dir="$(mktemp -d -p "$WORK")" --no-pdf-header-footer \
      --print-to-pdf="$OUT/table-norepeat-none-chromium.pdf" "file://$WORK/table-norepeat-none.html" >/dev/null 2>&1
    echo "producers: $OUT/table-norepeat-none-chromium.pdf"
  fi
else
  echo "producers/tables.sh: table-chromium.pdf skipped, chromium or python3 is not installed (scripts/system-deps.sh installs them)" >&2
fi
if command -v weasyprint >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
  if fresh "$OUT/table-weasyprint.pdf" "$SRC" "$0"; then
    page "$WORK/seed-table.html"
    weasyprint "$WORK/seed-table.html" "$OUT/table-weasyprint.pdf" >/dev/null 2>&1
    echo "producers: $OUT/table-weasyprint.pdf"
  fi
  if fresh "$OUT/table-middle-weasyprint.pdf" "$SRC" "$0"; then
    page "$WORK/table-middle.html" "" three
    weasyprint "$WORK/table-middle.html" "$OUT/table-middle-weasyprint.pdf" >/dev/null 2>&1
    echo "producers: $OUT/table-middle-weasyprint.pdf"
  fi
else
  echo "producers/tables.sh: table-weasyprint.pdf and table-middle-weasyprint.pdf skipped, weasyprint or python3 is not installed (scripts/system-deps.sh installs them)" >&2
fi
