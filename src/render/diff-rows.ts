/**
 * A PlanDiff as rows, one per change (plan, place, kind, direction, unit, what, old, new, confidence): what the
 * spreadsheet (`diff --format xlsx`) lists and the Word report (`diff --format docx`) tabulates.
 */
import type { Listed, PlanDiff } from '../diff/schema.js';
import {
  DIRECTION_LABELS,
  KIND_LABELS,
  changePlace,
  formatPhrase,
  formatTarget,
  listed,
} from './diff-text.js';
import { ROLE_VERBS as ROLE_LABELS } from './labels.js';

/** The columns, with their headers. */
export const DIFF_ROW_COLUMNS = {
  plan: '方案',
  path: '位置',
  kind: '变化',
  direction: '方向',
  unit: '单位',
  item: '指标或内容',
  old: '原',
  new: '新',
  confidence: '置信度',
} as const;
/** One column. */
export type DiffRowColumn = keyof typeof DIFF_ROW_COLUMNS;
/** One row: a cell per column. */
export type DiffRow = Record<DiffRowColumn, string | number>;

/** What a change names, and its old and new side as words. */
function sides(c: Listed): { unit?: string; item?: string; old?: string; new?: string; direction?: string } {
  switch (c.kind) {
    case 'target_changed':
      return {
        item: c.indicator,
        old: formatTarget(c.old),
        new: formatTarget(c.new),
        direction: c.direction,
      };
    case 'target_added':
      return { item: c.indicator, new: formatTarget(c.target) };
    case 'target_removed':
      return { item: c.indicator, old: formatTarget(c.target) };
    case 'deadline_changed':
      return { old: c.old, new: c.new, direction: c.direction };
    case 'deadline_added':
      return { new: c.deadline };
    case 'deadline_removed':
      return { old: c.deadline };
    case 'unit_added':
      return { unit: c.unit, new: ROLE_LABELS[c.role] };
    case 'unit_removed':
      return { unit: c.unit, old: ROLE_LABELS[c.role] };
    case 'unit_role_changed':
      return { unit: c.unit, old: ROLE_LABELS[c.oldRole], new: ROLE_LABELS[c.newRole] };
    case 'unit_renamed':
      return { unit: c.newName, old: c.oldName, new: c.newName };
    case 'ocr_variant':
      return {
        item: `${KIND_LABELS[c.of]}: ${c.evidence.map((e) => `${e.read} 或为 ${e.printed}`).join('、')}`,
        old: c.readings.map((r) => r.old).join(' / '),
        new: c.readings.map((r) => r.new).join(' / '),
      };
    case 'wording_changed':
      return {
        item: (c.phrases ?? []).map(formatPhrase).join(';'),
        old: (c.phrases ?? []).map((p) => p.old).join(' / '),
        new: (c.phrases ?? []).map((p) => p.new).join(' / '),
      };
    default:
      return {};
  }
}

/** The rows of a diff, in the order of its changes, then its OCR variants. */
export function diffRows(diff: PlanDiff): DiffRow[] {
  return listed(diff).map((c) => {
    const s = sides(c);
    return {
      plan: c.plan,
      path: changePlace(c),
      kind: `${KIND_LABELS[c.kind]} (${c.kind})`,
      direction: s.direction ? `${DIRECTION_LABELS[s.direction]} (${s.direction})` : '',
      unit: s.unit ?? '',
      item: s.item ?? '',
      old: s.old ?? '',
      new: s.new ?? '',
      confidence: c.confidence,
    };
  });
}
