/**
 * The head of a scanned notice (issue 12): the OCR damage tesseract does to a GB/T 9704 head (the 发文字号's
 * brackets and 号, a title word, the issuer's characters, the 抄送 label) read from the field's place and pattern,
 * each reading noted; a clean head reads as before.
 */
import { describe, expect, it } from 'vitest';
import { convertSync } from '../../src/index.js';

const LETTER = '现就有关事项通知如下：\n一、总体要求\n做好工作。\n';
const page = (number: string, title = '国务院办公厅关于开展某项工作的通知', sign = '国务院办公厅') =>
  `国务院办公厅文件\n${number}\n${title}\n各省、自治区、直辖市人民政府，国务院各部委：\n${LETTER}${sign}\n2019年1月9日\n（此件公开发布）\n抄送：党中央各部门，国家监委。\n国务院办公厅 2019年1月10日印发\n`;
const read = (text: string) => convertSync(text, { path: 'scan.txt' });
const codes = (text: string) => read(text).diagnostics.map((d) => d.code);

describe('a damaged 发文字号 in its place in the head', () => {
  it.each([
    // 〔 lost, 〕 read 8」, 号 read 汪 (300 dpi)
    ['国办发 20198」 3 汪', '国办发〔2019〕3号'],
    // 〕 read as two glyphs
    ['国办发【2019]j 4号', '国办发〔2019〕4号'],
    // both brackets lost
    ['国办发2019 3号', '国办发〔2019〕3号'],
    // 「」 and C for the brackets
    ['国办发「2019」12号', '国办发〔2019〕12号'],
    ['国办发C2019」12号', '国办发〔2019〕12号'],
    // the serial number wrapped to the next line
    ['国办发【2019]\n4号', '国办发〔2019〕4号'],
  ])('%s reads %s, with a doc-number-damaged warning quoting the line', (printed, standard) => {
    const g = read(page(printed));
    expect(g.document.docNumber).toBe(standard);
    const notes = g.diagnostics.filter((d) => d.code === 'doc-number-damaged');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toContain(printed.split('\n')[0]!.replace(/\s/g, ''));
  });

  it('beside 签发人 on its line (the head of a report upwards)', () => {
    const g = read(
      page('国发(2019]4号签发人:李克强', '国务院关于开展某项工作的通知', '国务院').replace(
        '国务院办公厅文件',
        '国务院文件',
      ),
    );
    expect(g.document.docNumber).toBe('国发〔2019〕4号');
  });

  it('after the title, when the scan lost the title it is still read alone on its line', () => {
    const g = read(
      '国务院文件\n国务院\n国发20194汪\n击务院关于印发\n各省、自治区、直辖市人民政府：\n现将方案印发给你们。\n',
    );
    expect(g.document.docNumber).toBe('国发〔2019〕4号');
  });

  it('no damaged 发文字号 from a date, prose, a serial alone or outside the head', () => {
    expect(read(page('2019年1月9日')).document.docNumber).toBeUndefined();
    expect(read(page('第2019号')).document.docNumber).toBeUndefined();
    const body = page('').replace('做好工作。', '国办发2019 3号');
    expect(read(body).document.docNumber).toBeUndefined();
  });

  it('a clean head reads exactly as before, with no note of damage', () => {
    const g = read(page('国办发〔2019〕3号'));
    expect(g.document.docNumber).toBe('国办发〔2019〕3号');
    expect(g.document.fullTitle).toBe('国务院办公厅关于开展某项工作的通知');
    expect(g.document.issuers).toEqual(['国务院办公厅']);
    expect(g.document.copyTo).toEqual(['党中央各部门', '国家监委']);
    expect(codes(page('国办发〔2019〕3号')).filter((c) => /damaged|voted/.test(c))).toEqual([]);
  });
});

describe('other head fields a scan damaged', () => {
  it('a title word with one character misread, decided by the letter (…的通千, 通知如下)', () => {
    const g = read(page('国办发〔2019〕3号', '国务院办公厅关于开展某项工作的通千'));
    expect(g.document.fullTitle).toBe('国务院办公厅关于开展某项工作的通知');
    expect(g.diagnostics.some((d) => d.code === 'title-end-damaged')).toBe(true);
  });

  it('a misread title word stays when the letter does not name the document', () => {
    const g = read(
      page('国办发〔2019〕3号', '国务院办公厅关于开展某项工作的通千').replace('通知如下', '要求如下'),
    );
    expect(g.document.fullTitle).toBe('国务院办公厅关于开展某项工作的通千');
  });

  it('the issuer by a vote of its three printings (masthead, title, signature), each misread once', () => {
    const text = page('国办发〔2019〕3号', '司务院办公厅关于开展某项工作的通知', '国务院欢公厅').replace(
      '国务院办公厅文件',
      '国务院办公所文件',
    );
    const g = read(text);
    expect(g.document.issuers).toEqual(['国务院办公厅']);
    expect(g.document.fullTitle).toBe('国务院办公厅关于开展某项工作的通知');
    expect(g.diagnostics.some((d) => d.code === 'issuer-voted')).toBe(true);
  });

  it('no vote with two printings, nor between names of different lengths', () => {
    const two = page('国办发〔2019〕3号', '司务院办公厅关于开展某项工作的通知').replace(
      '国务院办公厅文件\n',
      '',
    );
    expect(read(two).document.issuers).toEqual(['司务院办公厅']);
    const other = page('国办发〔2019〕3号', '国务院关于开展某项工作的通知', '国务院');
    expect(read(other).document.issuers).toEqual(['国务院']);
  });

  it('a 抄送 label damaged (抄送;， 执送:) above the 印发 line; the same words elsewhere are text', () => {
    for (const label of ['抄送;，', '执送:']) {
      const g = read(page('国办发〔2019〕3号').replace('抄送：', label));
      expect(g.document.copyTo).toEqual(['党中央各部门', '国家监委']);
      expect(g.diagnostics.some((d) => d.code === 'copy-label-damaged')).toBe(true);
    }
    const noPrint = page('国办发〔2019〕3号')
      .replace('抄送：', '执送:')
      .replace('国务院办公厅 2019年1月10日印发\n', '');
    expect(read(noPrint).document.copyTo).toBeUndefined();
  });

  it('a closing note the scan put before the date is no issuer', () => {
    const text =
      '国务院文件\n国发〔2019〕4号\n各省人民政府：\n现将方案印发给你们。\n(此件公开发布)\n国务院\n2019年1月24日\n';
    expect(read(text).document.issuers).toEqual(['国务院']);
  });
});
