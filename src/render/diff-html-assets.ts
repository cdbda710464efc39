/** The inline style sheet and script of the HTML diff report (no external resources: it opens from file://). */

/** The report's CSS. */
export const DIFF_HTML_CSS = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:1.5rem;color:#1d2330;background:#fafbfc}
h1{font-size:1.35rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:2px solid #d0d7e2}
.meta{color:#5b6475;margin:.2rem 0 1rem}
#summary{display:flex;flex-wrap:wrap;gap:.5rem;margin:.8rem 0}
#summary .count{border:1px solid #d0d7e2;border-radius:6px;background:#fff;padding:.35rem .7rem;min-width:6.5rem}
#summary .count b{display:block;font-size:1.3rem}
#summary .count.total{background:#1d2330;color:#fff}
#filters{position:sticky;top:0;background:#fafbfc;padding:.5rem 0;border-bottom:1px solid #d0d7e2;z-index:1}
#filters fieldset{display:inline-flex;flex-wrap:wrap;gap:.2rem .8rem;border:0;padding:0;margin:.4rem 0}
table.tasks{border-collapse:collapse;width:100%;table-layout:fixed;background:#fff}
table.tasks th,table.tasks td{border:1px solid #d0d7e2;padding:.4rem .5rem;vertical-align:top;font-size:.92rem;line-height:1.5}
table.tasks th{background:#eef2f7;text-align:left}
table.tasks col.changes{width:28%}
tr[hidden]{display:none}
.path{font-family:monospace;color:#5b6475;font-size:.8rem}
.empty{color:#a0a7b4;font-style:italic}
del{background:#ffd7d5;text-decoration:line-through}ins{background:#ccf0d2;text-decoration:none}
ul.changes{margin:0;padding-left:1.1rem}
li.tightened,li.earlier,li.k-task_added,li.k-target_added,li.k-unit_added{color:#0b6b2b}
li.loosened,li.later,li.k-task_removed,li.k-target_removed,li.k-unit_removed{color:#a11a12}
li .label{font-weight:600}
tr.unchanged td{color:#6b7280}
`;

/** The report's script: filters rows by unit and by kind of change. */
export const DIFF_HTML_SCRIPT = `
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.row'));
  var unit = document.getElementById('unit-filter');
  var kinds = Array.prototype.slice.call(document.querySelectorAll('#kind-filter input'));
  var unchanged = document.getElementById('show-unchanged');
  var count = document.getElementById('visible-count');
  function apply() {
    var u = unit.value;
    var on = {};
    kinds.forEach(function (k) { if (k.checked) on[k.value] = true; });
    var shown = 0;
    rows.forEach(function (r) {
      var units = r.getAttribute('data-units') ? r.getAttribute('data-units').split('|') : [];
      var ks = r.getAttribute('data-kinds') ? r.getAttribute('data-kinds').split(' ') : [];
      var okUnit = !u || units.indexOf(u) >= 0;
      var okKind = ks.length ? ks.some(function (k) { return on[k]; }) : unchanged.checked;
      r.hidden = !(okUnit && okKind);
      if (!r.hidden) shown++;
    });
    count.textContent = shown + ' / ' + rows.length;
  }
  unit.addEventListener('change', apply);
  unchanged.addEventListener('change', apply);
  kinds.forEach(function (k) { k.addEventListener('change', apply); });
  apply();
})();
`;
