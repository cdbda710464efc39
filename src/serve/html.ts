/** HTML building blocks of the web app: escaping (every text from a notice is shown as text), the page frame. */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text escaped for HTML content and attribute values. */
export const esc = (text: unknown): string => String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A link (the href's parts are escaped by the caller with `encodeURIComponent`). */
export const link = (href: string, text: unknown): string => `<a href="${esc(href)}">${esc(text)}</a>`;

const STYLE = `body{font:15px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:0 2rem 2rem}nav{padding:.6rem 0;border-bottom:1px solid #ccc;margin-bottom:1rem}nav a{margin-right:1rem}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;vertical-align:top;text-align:left}mark{background:#ffe066}pre{white-space:pre-wrap}form input,form select{margin-right:.5rem}`;

/** A whole page: title, navigation, body. */
export function page(title: string, body: string): string {
  return (
    `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${esc(title)} · gongwen</title>` +
    `<style>${STYLE}</style></head><body><nav>${link('/', '档案 archive')}${link('/tasks', '任务 tasks')}` +
    `${link('/units', '单位 units')}${link('/calendar', '时限 calendar')}</nav><h1>${esc(title)}</h1>${body}</body></html>`
  );
}

/** A table of rows of already-escaped cells. */
export function table(header: string[], rows: string[][]): string {
  if (rows.length === 0) return '<p>none</p>';
  return (
    `<table><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>` +
    rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') +
    '</tbody></table>'
  );
}
