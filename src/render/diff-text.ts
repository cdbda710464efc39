/**
 * Words for a PlanDiff's changes, shared by the Markdown and HTML reports: labels of kinds, directions and roles,
 * and a one-line description of each change.
 */
import type { Listed, ListedKind, Phrase, PlanDiff, TargetFact } from '../diff/schema.js';
import { ROLE_VERBS as ROLE_LABELS } from './labels.js';

/** Label of each kind of change, as planners read it. */
export const KIND_LABELS: Record<ListedKind, string> = {
  target_changed: '目标调整',
  target_added: '新增目标',
  target_removed: '删除目标',
  deadline_changed: '时限调整',
  deadline_added: '新增时限',
  deadline_removed: '删除时限',
  unit_added: '新增单位',
  unit_removed: '删除单位',
  unit_role_changed: '单位职责变化',
  unit_renamed: '单位更名',
  task_added: '新增任务',
  task_removed: '删除任务',
  task_moved: '任务移动',
  task_split: '任务拆分',
  task_merged: '任务合并',
  wording_changed: '表述修改',
  ocr_variant: '可能的识别差异',
};

/** A diff's changes, then the differences it set aside as OCR variants: what a report lists. */
export const listed = (diff: PlanDiff): Listed[] => [...diff.changes, ...(diff.ocrVariants ?? [])];

/** The line that says how many differences were set aside as OCR variants (none when no side is an OCR reading). */
export function ocrVariantsLine(diff: PlanDiff): string | null {
  const n = diff.ocrVariants?.length;
  if (n === undefined) return null;
  return (
    `一方为OCR识别文本:${n} 处差异可由已知的OCR误识解释,列为“可能的识别差异”,不计为变化。` +
    `One side is an OCR reading: ${n} difference${n === 1 ? '' : 's'} that known OCR misreadings explain ` +
    `set aside as OCR variants (ocr_variant), not counted as changes.`
  );
}

/** Label of a target's or deadline's direction of change. */
export const DIRECTION_LABELS: Record<string, string> = {
  tightened: '收紧',
  loosened: '放宽',
  changed: '变化',
  earlier: '提前',
  later: '推迟',
};

/** A target's comparable part as written for a reader ("<= 56 微克/立方米"). */
export function formatTarget(t: TargetFact): string {
  const value = Array.isArray(t.value) ? t.value.join('–') : String(t.value);
  const base = t.baseline !== undefined ? ` (比${t.baseline}年)` : '';
  return `${t.comparator} ${value}${t.unit ? ` ${t.unit}` : ''}${base}`;
}

/** The one line that says the edition's year moved (its years are not reported as changes). */
export const yearShiftLine = (s: { old: number; new: number }): string =>
  `年度顺延:${s.old} → ${s.new}(文中年份随之顺延,不计为变化)。Year shift ${s.old} → ${s.new}: years moved alike are not reported as changes.`;

/** A changed phrase in its sentence: "…before【old → new】after…" (【+new】 added, 【−old】 dropped). */
export function formatPhrase(p: Phrase): string {
  const mark = !p.old ? `+${p.new}` : !p.new ? `−${p.old}` : `${p.old} → ${p.new}`;
  return `“${p.before}【${mark}】${p.after}”`;
}

/** Where a change applies: its paths, old → new when they differ. */
export function changePlace(c: Listed): string {
  if (c.kind === 'task_split') return `${c.oldPath} → ${c.newPaths.join(' + ')}`;
  if (c.kind === 'task_merged') return `${c.oldPaths.join(' + ')} → ${c.newPath}`;
  if (c.kind === 'unit_renamed') return c.paths.join(', ');
  if (c.oldPath !== undefined && c.newPath !== undefined)
    return c.oldPath === c.newPath ? c.newPath : `${c.oldPath} → ${c.newPath}`;
  return c.newPath ?? c.oldPath ?? '(方案)';
}

/** One line saying what changed (without the place). */
export function describeChange(c: Listed): string {
  const label = KIND_LABELS[c.kind];
  switch (c.kind) {
    case 'ocr_variant': {
      const readings = c.phrases?.length
        ? c.phrases.map(formatPhrase).join(';')
        : c.readings.map((r) => `${r.old} → ${r.new}`).join(';');
      const evidence = c.evidence.map((e) => `${e.read} 或为 ${e.printed}`).join('、');
      return `${label}(${KIND_LABELS[c.of]}) ${readings}(${evidence})`;
    }
    case 'target_changed':
      return `${label}(${DIRECTION_LABELS[c.direction]}) ${c.indicator}: ${formatTarget(c.old)} → ${formatTarget(c.new)}`;
    case 'target_added':
    case 'target_removed':
      return `${label} ${c.indicator}: ${formatTarget(c.target)}`;
    case 'deadline_changed':
      return `${label}(${DIRECTION_LABELS[c.direction]}) ${c.old} → ${c.new}`;
    case 'deadline_added':
    case 'deadline_removed':
      return `${label} ${c.deadline}`;
    case 'unit_added':
    case 'unit_removed':
      return `${label} ${c.unit}(${ROLE_LABELS[c.role]})`;
    case 'unit_role_changed':
      return `${label} ${c.unit}: ${ROLE_LABELS[c.oldRole]} → ${ROLE_LABELS[c.newRole]}`;
    case 'unit_renamed':
      return `${label} ${c.oldName} → ${c.newName}`;
    case 'wording_changed':
      if (c.phrases?.length) return `${label} ${c.phrases.map(formatPhrase).join(';')}`;
      return `${label} ${c.diff
        .filter((op) => op.op !== 'equal')
        .map((op) => `${op.op === 'insert' ? '+' : '−'}${op.text}`)
        .join(' ')}`;
    default:
      return label;
  }
}
