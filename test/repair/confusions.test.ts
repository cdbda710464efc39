/**
 * OCR confusions decided by the grammars (rule grammar-confusion, grammars/repair/confusions.yaml `characters`), and
 * the unit names they decide (rule unit-name): recorded, reversible repairs with their evidence, and real words kept.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertSync } from '../../src/index.js';
import { AMBIGUOUS_CODE, EVIDENCE_CODE } from '../../src/repair/confusions.js';
import { repair, unrepair } from '../../src/repair/index.js';

const RULE = 'grammar-confusion';
const fix = (raw: string) => repair(raw, { rules: [RULE] });

describe('OCR confusions decided by the grammars', () => {
  it('repair a measure unit, a class, a deadline and a role note, each with its evidence, reversibly', () => {
    const raw = [
      '2020年力争外电入郑200亿干瓦时。',
      '市区建成区内河流全部稳定达到川类水质。',
      '按时完成;1L1月底前未按照方案要求完成整改的企业,纳入调控。',
      '共享信息由信息提供单位于每季度未月的25日前向共享单位提供。',
      '牵头单位:市资源规划局、市生态环境局依职责分别这头',
      '责任单位:各开发区管委会',
      '',
    ].join('\n');
    const result = fix(raw);
    expect(result.edits.map((e) => [e.raw, e.fixed, e.ruleId])).toEqual([
      ['干', '千', RULE],
      ['川', 'III', RULE],
      ['L', '', RULE],
      ['未', '末', RULE],
      ['这', '牵', RULE],
    ]);
    const evidence = result.diagnostics.filter((d) => d.code === EVIDENCE_CODE).map((d) => d.message);
    expect(evidence).toHaveLength(5);
    expect(evidence[0]).toMatch(/干 read as 千: a target of the grammar/);
    expect(evidence[3]).toMatch(/未 read as 末: a deadline of the grammar/);
    expect(evidence[4]).toMatch(/role note 依职责分别牵头/);
    expect(unrepair(result.text, result.edits)).toBe(raw);
  });

  it('keep the real words: 未 as a negation, 干 in 干部 and 总干渠, 川 in a name, 替 in 代替', () => {
    for (const text of [
      '对年度目标任务未完成的,2020年未完成整改的企业,本月未达标的断面',
      '加强干部培训;南水北调中线总干渠水质稳定达到II类',
      '四川类似地区,川类',
      '牵头单位:市替代能源办公室',
      '责任单位:市生态环境局\n代替头盔',
    ])
      expect(fix(text).text, text).toBe(text);
  });

  it('join a role note whose tail was wrapped onto a line of its own, and only that', () => {
    const raw = '牵头单位:市水利局、市财政局依职责\n这头\n责任单位:各开发区管委会\n';
    expect(fix(raw).text).toBe('牵头单位:市水利局、市财政局依职责牵头\n责任单位:各开发区管委会\n');
    const short = '牵头单位:市水利局\n率先\n责任单位:各开发区管委会\n';
    expect(fix(short).text).toBe(short);
  });

  it('give back the rest of a role note cut short at the end of a list, only after a known unit', () => {
    const known = ['市农委', '市财政局'];
    const raw = '牵头单位:市财政局、市农委依职责分\n\n责任单位:各开发区管委会\n';
    const result = repair(raw, { rules: [RULE], knownUnits: known });
    expect(result.text).toBe('牵头单位:市财政局、市农委依职责分别牵头\n\n责任单位:各开发区管委会\n');
    expect(result.diagnostics.find((d) => d.code === EVIDENCE_CODE)?.message).toMatch(
      /依职责分别牵头: the role note/,
    );
    expect(unrepair(result.text, result.edits)).toBe(raw);
    for (const text of [
      '牵头单位:某某公司依职责分\n',
      '牵头单位:市财政局依职责\n',
      '牵头单位:市财政局依职责分、市农委\n',
    ])
      expect(repair(text, { rules: [RULE], knownUnits: known }).text, text).toBe(text);
  });

  it('read a long role note through one character no pair names, only after a known unit', () => {
    const known = ['市教育局', '市卫健委', '市财政局'];
    const loose = (raw: string) => repair(raw, { rules: [RULE], knownUnits: known });
    const raw = '牵头单位:市教育局、市卫健委按照行业分别韦头\n责任单位:市财政局依职责分别牵共\n';
    const result = loose(raw);
    expect(result.text).toBe(
      '牵头单位:市教育局、市卫健委按照行业分别牵头\n责任单位:市财政局依职责分别牵头\n',
    );
    const evidence = result.diagnostics.filter((d) => d.code === EVIDENCE_CODE).map((d) => d.message);
    expect(evidence[0]).toMatch(/韦 read as 牵: the role note 按照行业分别牵头 .*the rest of the phrase/);
    expect(unrepair(result.text, result.edits)).toBe(raw);
    for (const kept of [
      // An unknown unit before it; a first character off; two characters off; a note shorter than five; a
      // phrase of the grammar itself.
      '牵头单位:某某实业公司按照行业分别韦头\n',
      '牵头单位:市财政局仿职责分别牵头\n',
      '牵头单位:市财政局依职责分别推进\n',
      '牵头单位:市财政局分别韦头\n',
      '牵头单位:市财政局依职责牵头\n',
    ])
      expect(loose(kept).text, kept).toBe(kept);
  });

  it('report a character that two readings explain instead of editing it', () => {
    // 1L月底前: 1月底前 (L read into the number) and 11月底前 (L for 1) are both deadlines.
    const result = fix('于1L月底前完成');
    expect(result.edits).toEqual([]);
    const doubtful = result.diagnostics.filter((d) => d.code === AMBIGUOUS_CODE);
    expect(doubtful.map((d) => d.message)).toEqual(['"L" may be nothing or 1']);
  });

  it('leave no unit, task or deadline change between the seed and its tesseract text', () => {
    const seed = convertSync(readFileSync('corpus/zhengzhou-2020-notice.txt'), { path: 'seed.txt' });
    const ocr = convertSync(readFileSync('corpus/layout/seed.tesseract.txt'), { path: 'seed.tesseract.txt' });
    const leads = (g: typeof seed) =>
      g.edges
        .filter((e) => e.type === 'lead')
        .map((e) => {
          const unit = g.nodes.find((n) => n.id === e.to);
          return `${e.from}|${unit?.type === 'unit' ? unit.name : ''}`;
        })
        .sort();
    // One lead is lost (soil 三/(七)/1: 市财政局依职责↵率头): 率 for 牵 was seen only in the seed's own scans, so it is
    // no longer a listed confusion (grammars/repair/confusions.yaml, audited 2026-12-07).
    const got = new Set(leads(ocr));
    expect(leads(seed).filter((l) => !got.has(l)).length).toBeLessThanOrEqual(1);
    expect(ocr.repairs.filter((r) => r.ruleId === RULE).length).toBeGreaterThanOrEqual(5);
  });
});

describe('unit names decided by the confusions', () => {
  const known = [
    '市农委',
    '市国土局',
    '市国资局',
    '市城管局',
    '市城建局',
    '市交通局',
    '相关开发区管委会',
    '有关开发区管委会',
  ];
  it('repair a misreading that recurs and pick one candidate of several', () => {
    // 士 for 土 (grammars/repair/confusions.yaml): 市国士局 is one edit from 市国土局 and from 市国资局.
    const raw = '配合单位:市国士局\n\n责任单位:市国士局、市交通局\n\n牵头单位:市国士局\n';
    const result = repair(raw, { knownUnits: known, rules: ['unit-name'] });
    expect(result.text).toBe('配合单位:市国土局\n\n责任单位:市国土局、市交通局\n\n牵头单位:市国土局\n');
    expect(unrepair(result.text, result.edits)).toBe(raw);
  });

  it('leave a recurring name whose edit is no listed confusion, and a name two candidates explain alike', () => {
    const raw = '配合单位:市农局\n\n责任单位:市农局、市城虹局\n\n牵头单位:市农局\n';
    expect(repair(raw, { knownUnits: known, rules: ['unit-name'] }).text).toBe(raw);
  });

  it('take the candidate strictly fewest edits away', () => {
    const raw = '责任单位:相关开发区管委沙、市交通局\n';
    expect(repair(raw, { knownUnits: known, rules: ['unit-name'] }).text).toBe(
      '责任单位:相关开发区管委会、市交通局\n',
    );
  });
});
