/**
 * The tasks' deadlines as an iCalendar file (RFC 5545): one all-day VEVENT per dated task deadline, a
 * recurrence rule for recurring ones, relative ones skipped with a note. The output depends on the graph
 * alone (UIDs from the source hash and the task, DTSTAMP from the document's date), so it is byte-identical
 * from run to run.
 */
import { createHash } from 'node:crypto';
import type { DeadlineNode, NoticeGraph, TaskNode } from '../graph/schema.js';
import { ROLES } from '../graph/schema.js';
import { deadlinesOf, indexGraph, tasksInOrder, unitsIn, type GraphIndex } from './graph-index.js';
import { escapeText, foldLine, icsDate, icsMidnightUtc, icsNextDay, ICS_EOL } from './ics-text.js';
import { ROLE_LABELS, UNIT_JOINER } from './labels.js';
import { taskHasUnit, type TaskOutputOptions } from './table.js';

/** PRODID of the calendars gongwen writes. */
export const ICS_PRODID = '-//gongwen//NoticeGraph deadlines//ZH';

/** Domain part of the event UIDs. */
export const UID_DOMAIN = 'gongwen';

/** DTSTAMP when the document has no date. */
export const FALLBACK_DATE = '1970-01-01';

/** The RRULE of each period a recurring deadline can have (an unspecified period has none). */
export const RRULES: Record<string, string> = {
  day: 'FREQ=DAILY',
  week: 'FREQ=WEEKLY',
  month: 'FREQ=MONTHLY',
  quarter: 'FREQ=MONTHLY;INTERVAL=3',
  'half-year': 'FREQ=MONTHLY;INTERVAL=6',
  year: 'FREQ=YEARLY',
};

/** Labels in the event descriptions. */
const DESCRIPTION_LABELS = { plan: '方案', path: '序号', deadline: '完成时限' } as const;

/** A deadline left out of the calendar, and why. */
export interface SkippedDeadline {
  taskId: string;
  text: string;
  reason: string;
}

/** The calendar text and the deadlines it could not place. */
export interface IcsResult {
  text: string;
  skipped: SkippedDeadline[];
}

/** Builds the calendar; `options.unit` keeps one unit's tasks. */
export function renderIcs(graph: NoticeGraph, options: TaskOutputOptions = {}): IcsResult {
  const index = indexGraph(graph);
  const docDate = graph.document.date ?? graph.document.publishDate;
  const stamp = icsMidnightUtc(docDate ?? FALLBACK_DATE);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(graph.document.title)}`,
  ];
  const skipped: SkippedDeadline[] = [];
  for (const task of tasksInOrder(index)) {
    if (!taskHasUnit(index, task.id, options.unit)) continue;
    for (const deadline of deadlinesOf(index, task.id)) {
      const timing = eventTiming(deadline, docDate, index.planOf(task.id)?.year ?? null);
      if ('reason' in timing) {
        skipped.push({ taskId: task.id, text: deadline.text, reason: timing.reason });
        continue;
      }
      lines.push(
        'BEGIN:VEVENT',
        `UID:${uid(graph.source.sha256, task.id, deadline.id)}`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${icsDate(timing.start)}`,
        `DTEND;VALUE=DATE:${icsNextDay(timing.start)}`,
        ...(timing.rrule ? [`RRULE:${timing.rrule}`] : []),
        `SUMMARY:${escapeText(task.title)}`,
        `DESCRIPTION:${escapeText(description(index, task, deadline))}`,
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return { text: lines.map(foldLine).join(ICS_EOL) + ICS_EOL, skipped };
}

type Timing = { start: string; rrule?: string } | { reason: string };

/** When the event falls: the deadline's date, or for a recurring one its rule from the document's date. */
function eventTiming(deadline: DeadlineNode, docDate: string | undefined, planYear: number | null): Timing {
  if (deadline.kind === 'relative') return { reason: 'relative deadline (no calendar date)' };
  if (deadline.kind !== 'recurring') {
    return deadline.date ? { start: deadline.date } : { reason: 'deadline without a date' };
  }
  const rule = deadline.period ? RRULES[deadline.period] : undefined;
  if (!rule) return { reason: 'recurring deadline without a known period' };
  if (!docDate) return { reason: 'recurring deadline in a document without a date' };
  // The rule runs to the end of the plan's year when that is still ahead.
  const until = planYear !== null && `${planYear}-12-31` >= docDate ? `;UNTIL=${planYear}1231` : '';
  return { start: docDate, rrule: rule + until };
}

function uid(sha256: string, taskId: string, deadlineId: string): string {
  const hash = createHash('sha256').update(`${sha256}\n${taskId}\n${deadlineId}`).digest('hex');
  return `${hash.slice(0, 32)}@${UID_DOMAIN}`;
}

function description(index: GraphIndex, task: TaskNode, deadline: DeadlineNode): string {
  const plan = index.planOf(task.id);
  const lines = [
    ...(plan ? [`${DESCRIPTION_LABELS.plan}：${plan.title}`] : []),
    `${DESCRIPTION_LABELS.path}：${task.path}`,
    `${DESCRIPTION_LABELS.deadline}：${deadline.text}`,
  ];
  for (const role of ROLES) {
    const names = unitsIn(index, task.id, role).map((u) => u.name);
    if (names.length > 0) lines.push(`${ROLE_LABELS[role]}：${names.join(UNIT_JOINER)}`);
  }
  return lines.join('\n');
}
