/**
 * A fast check of a parsed NoticeGraph JSON value, for the load path of `archive add` (zod's checks cost about
 * 1–2 ms a notice there, this one a tenth of that). It accepts only what `NoticeGraphSchema` accepts (the tests
 * mutate every field of real graphs and compare the two); a value it refuses goes to zod, which names the first
 * problem (or, should this check be stricter than zod somewhere, accepts it). Unknown keys are allowed, as zod
 * allows them (and drops them: the archive reads only the known ones).
 */
import {
  COMPARATORS,
  DEADLINE_KINDS,
  EDGE_TYPES,
  FORMATS,
  PERIODS,
  UNIT_KINDS,
  type NoticeGraph,
} from '../graph/schema.js';

type Obj = Record<string, unknown>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const SCHEMA_VERSION = /^1\.\d+\.\d+$/;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
/** A finite number (JSON's 1e999 parses to Infinity, which zod refuses). */
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** An integer as zod's `.int()` takes it: a safe integer. */
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isPos = (v: unknown): boolean => isInt(v) && v > 0;
const isNonNeg = (v: unknown): boolean => isInt(v) && v >= 0;
const isDate = (v: unknown): boolean => isStr(v) && ISO_DATE.test(v);
const oneOf = (values: readonly string[]): ((v: unknown) => boolean) => {
  const set = new Set<unknown>(values);
  return (v) => set.has(v);
};
const isUnitKind = oneOf(UNIT_KINDS);
const isDeadlineKind = oneOf(DEADLINE_KINDS);
const isPeriod = oneOf(PERIODS);
const isComparator = oneOf(COMPARATORS);
const isEdgeType = oneOf(EDGE_TYPES);
const isFormat = oneOf(FORMATS);
const isSeverity = oneOf(['error', 'warning', 'info']);
const isTargetKind = oneOf(['target', 'threshold']);

/** An optional field: absent (or undefined), or passing `check`. */
const opt = (v: unknown, check: (v: unknown) => boolean): boolean => v === undefined || check(v);
const nullable = (v: unknown, check: (v: unknown) => boolean): boolean => v === null || check(v);
const strArray = (v: unknown): boolean => Array.isArray(v) && v.every(isStr);

function isSpan(v: unknown): boolean {
  if (!isObj(v)) return false;
  const { start, end } = v;
  return (
    isNum(start) &&
    isNum(end) &&
    Number.isSafeInteger(start) &&
    start >= 0 &&
    Number.isSafeInteger(end) &&
    end >= start
  );
}

function isBox(v: unknown): boolean {
  return isObj(v) && isNum(v.x) && isNum(v.y) && isNum(v.w) && isNum(v.h);
}

function isCell(v: unknown): boolean {
  return (
    isObj(v) &&
    isPos(v.table) &&
    isPos(v.row) &&
    isPos(v.col) &&
    opt(v.rowSpan, isPos) &&
    opt(v.colSpan, isPos)
  );
}

function isStrRecord(v: unknown): boolean {
  if (!isObj(v)) return false;
  for (const k in v) if (Object.hasOwn(v, k) && !isStr(v[k])) return false;
  return true;
}

function isTargetValue(v: unknown): boolean {
  return isNum(v) || isStr(v) || (Array.isArray(v) && v.length === 2 && isNum(v[0]) && isNum(v[1]));
}

/** The fields of each node type besides the common ones. */
const NODE_FIELDS: Record<string, (n: Obj) => boolean> = {
  notice: (n) => isStr(n.title),
  plan: (n) =>
    isStr(n.title) && nullable(n.year, isInt) && nullable(n.topic, isStr) && opt(n.headingSpan, isSpan),
  section: (n) =>
    isStr(n.path) && isStr(n.marker) && isPos(n.level) && isStr(n.title) && opt(n.headingSpan, isSpan),
  task: (n) =>
    isStr(n.path) &&
    nullable(n.number, isStr) &&
    isStr(n.title) &&
    isStr(n.text) &&
    opt(n.keywords, strArray) &&
    opt(n.attributes, isStrRecord),
  paragraph: (n) => isStr(n.text),
  residue: (n) => isStr(n.text),
  roleLine: (n) => isStr(n.text),
  unit: (n) => isStr(n.name) && nullable(n.canonical, isStr) && isUnitKind(n.kind),
  deadline: (n) =>
    isStr(n.text) &&
    nullable(n.date, isDate) &&
    isDeadlineKind(n.kind) &&
    opt(n.period, isPeriod) &&
    opt(n.anchor, isStr) &&
    opt(n.offset, isStr),
  target: (n) =>
    isStr(n.text) &&
    isStr(n.indicator) &&
    isComparator(n.comparator) &&
    isTargetValue(n.value) &&
    nullable(n.unit, isStr) &&
    opt(n.baseline, isInt) &&
    isTargetKind(n.kind),
  reference: (n) => isStr(n.title) && opt(n.docNumber, isStr),
};

function isNode(v: unknown): boolean {
  if (!isObj(v)) return false;
  const fields =
    typeof v.type === 'string' && Object.hasOwn(NODE_FIELDS, v.type) ? NODE_FIELDS[v.type] : undefined;
  return (
    fields !== undefined &&
    isStr(v.id) &&
    v.id.length > 0 &&
    opt(v.span, isSpan) &&
    opt(v.rawSpan, isSpan) &&
    opt(v.page, isPos) &&
    opt(v.box, isBox) &&
    opt(v.cell, isCell) &&
    fields(v)
  );
}

function isEdge(v: unknown): boolean {
  return (
    isObj(v) &&
    isStr(v.from) &&
    isStr(v.to) &&
    isEdgeType(v.type) &&
    opt(v.span, isSpan) &&
    opt(v.inherited, (x) => x === true) &&
    opt(v.note, isStr)
  );
}

function isRepair(v: unknown): boolean {
  return (
    isObj(v) && isStr(v.ruleId) && isNonNeg(v.start) && isNonNeg(v.end) && isStr(v.raw) && isStr(v.fixed)
  );
}

function isDiagnostic(v: unknown): boolean {
  return (
    isObj(v) &&
    isStr(v.code) &&
    isSeverity(v.severity) &&
    isStr(v.message) &&
    opt(v.start, isNonNeg) &&
    opt(v.end, isNonNeg)
  );
}

function isSource(v: unknown): boolean {
  return (
    isObj(v) &&
    opt(v.path, isStr) &&
    isStr(v.sha256) &&
    SHA256.test(v.sha256) &&
    isFormat(v.format) &&
    isStr(v.encoding) &&
    opt(v.pages, isNonNeg)
  );
}

function isDocument(v: unknown): boolean {
  return (
    isObj(v) &&
    isStr(v.title) &&
    opt(v.fullTitle, isStr) &&
    strArray(v.issuers) &&
    opt(v.docNumber, isStr) &&
    opt(v.date, isDate) &&
    opt(v.publishDate, isDate) &&
    strArray(v.recipients) &&
    opt(v.signatories, strArray) &&
    opt(v.copyTo, strArray) &&
    opt(v.printedBy, isStr) &&
    opt(v.printDate, isDate) &&
    opt(v.year, isInt)
  );
}

/**
 * Whether a parsed JSON value is a NoticeGraph by the contract (src/graph/schema.ts). True only when
 * `NoticeGraphSchema` accepts it too; false when it does not, or (never seen in the tests) in a corner where this
 * check is stricter: the caller then asks zod, for its verdict and the message.
 */
export function looksLikeNoticeGraph(v: unknown): v is NoticeGraph {
  return (
    isObj(v) &&
    isStr(v.schemaVersion) &&
    SCHEMA_VERSION.test(v.schemaVersion) &&
    isSource(v.source) &&
    isDocument(v.document) &&
    Array.isArray(v.nodes) &&
    v.nodes.every(isNode) &&
    Array.isArray(v.edges) &&
    v.edges.every(isEdge) &&
    Array.isArray(v.repairs) &&
    v.repairs.every(isRepair) &&
    Array.isArray(v.diagnostics) &&
    v.diagnostics.every(isDiagnostic)
  );
}
