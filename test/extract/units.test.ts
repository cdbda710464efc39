import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectLinear } from '../helpers/linear.js';
import { GrammarError, PACKAGE_ROOT } from '../../src/grammars.js';
import { guessKind, loadGazetteer, splitUnitList } from '../../src/extract/units.js';
import { compactText, originalSpan, unitKey } from '../../src/extract/units-text.js';

const gaz = loadGazetteer();
const gold = JSON.parse(
  readFileSync(join(PACKAGE_ROOT, 'corpus/gold/zhengzhou-2020-notice.gold.json'), 'utf8'),
) as {
  distinctUnits: string[];
  unitAliases: Record<string, { canonical: string }>;
};
const SEED_DATE = '2020-04-16';

describe('gazetteer lookup', () => {
  it.each([
    ['市发展改革委', undefined, '郑州市发展和改革委员会', 'agency'],
    ['市生态环境局', SEED_DATE, '郑州市生态环境局', 'agency'],
    ['市环保局', SEED_DATE, '郑州市生态环境局', 'agency'],
    ['市环保局', '2018-01-01', '郑州市环境保护局', 'agency'],
    ['市农委', '2018-01-01', '郑州市农业委员会', 'agency'],
    ['市农委', SEED_DATE, '郑州市农业农村工作委员会', 'agency'],
    ['市农业农村局', SEED_DATE, '郑州市农业农村局', 'agency'],
    ['市城管局', SEED_DATE, '郑州市城市管理局', 'agency'],
    ['郑州供电公司', SEED_DATE, '国网河南省电力公司郑州供电公司', 'company'],
    ['中国铁路郑州局集团有限公司', SEED_DATE, '中国铁路郑州局集团有限公司', 'company'],
    ['郑州铁路局', SEED_DATE, '中国铁路郑州局集团有限公司', 'company'],
    ['新郑市政府', SEED_DATE, '新郑市人民政府', 'district-government'],
    ['新郑市', SEED_DATE, '新郑市人民政府', 'district-government'],
    ['中牟县政府', SEED_DATE, '中牟县人民政府', 'district-government'],
    ['二七区', SEED_DATE, '郑州市二七区人民政府', 'district-government'],
    ['上街区', SEED_DATE, '郑州市上街区人民政府', 'district-government'],
    ['各开发区管委会', SEED_DATE, '各开发区管委会', 'collective'],
    ['县(市)区政府', SEED_DATE, '各县(市)区人民政府', 'collective'],
    ['县 (市)区政府', SEED_DATE, '各县(市)区人民政府', 'collective'],
    ['县（市）区政府', SEED_DATE, '各县(市)区人民政府', 'collective'],
    ['各县(市)区政府', SEED_DATE, '各县(市)区人民政府', 'collective'],
    ['相关开发区管委会', SEED_DATE, '相关开发区管委会', 'collective'],
    ['市直机关各单位', SEED_DATE, '市直机关各单位', 'collective'],
    ['市控尘领导小组成员单位', SEED_DATE, '市控尘领导小组成员单位', 'collective'],
    ['市教育局', SEED_DATE, '郑州市教育局', 'agency'],
    ['市卫健委', SEED_DATE, '郑州市卫生健康委员会', 'agency'],
    ['市文广旅局', SEED_DATE, '郑州市文化广电和旅游局', 'agency'],
    ['市 市场监管局', SEED_DATE, '郑州市市场监督管理局', 'agency'],
    ['教育部', '2019-01-01', '教育部', 'agency'],
    ['国家发展改革委', '2019-01-01', '国家发展和改革委员会', 'agency'],
    ['环境保护部', '2019-01-01', '生态环境部', 'agency'],
    ['银保监会', '2024-01-01', '国家金融监督管理总局', 'agency'],
  ])('%s at %s → %s (%s)', (name, date, canonical, kind) => {
    const got = gaz.lookup(name, date);
    expect(got.canonical).toBe(canonical);
    expect(got.kind).toBe(kind);
  });

  it.each([
    ['宜阳县', 'district-government'],
    ['西工区', 'district-government'],
    ['各乡镇政府', 'collective'],
    ['相关企业', 'collective'],
    ['洛阳市控尘领导小组成员单位', 'collective'],
    ['洛阳供电公司', 'company'],
    ['某某集团', 'company'],
    ['市政务服务中心', 'agency'],
    ['省某某厅', 'agency'],
    ['某某研究院', 'other'],
  ])('unknown %s: canonical null, kind guessed %s', (name, kind) => {
    expect(gaz.lookup(name)).toEqual({ canonical: null, kind });
    expect(guessKind(name)).toBe(kind);
  });

  it.each([
    ['洛阳市教育局', '洛阳市教育局', 'agency'],
    ['洛阳市发展改革委', '洛阳市发展和改革委员会', 'agency'],
    ['偃师市政府', '偃师市人民政府', 'district-government'],
  ])('%s, a place and a local office: %s (%s) anywhere', (name, canonical, kind) => {
    expect(gaz.lookup(name)).toEqual({ canonical, kind });
    expect(guessKind(name)).toBe(kind);
  });

  it('knows every distinct unit of the seed gold', () => {
    const unknown = gold.distinctUnits.filter((u) => gaz.lookup(u, SEED_DATE).canonical === null);
    expect(unknown).toEqual([]);
  });

  it('gives the gold aliases the canonical name of their main form', () => {
    for (const [alias, { canonical }] of Object.entries(gold.unitAliases))
      expect(gaz.lookup(alias, SEED_DATE).canonical).toBe(gaz.lookup(canonical, SEED_DATE).canonical);
  });

  it('lists every name and alias', () => {
    const names = gaz.names();
    for (const n of [
      '市发展改革委',
      '郑州市发展和改革委员会',
      '市粮食和储备局',
      '县(市)区政府',
      '国家发展改革委',
    ]) {
      expect(names).toContain(n);
      expect(gaz.has(n)).toBe(true);
    }
    expect(gaz.has('县 （市）区政府')).toBe(true);
    expect(gaz.has('市某某局')).toBe(false);
  });
});

describe('extra gazetteer files (--units)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-units-'));
  const write = (file: string, text: string): string => {
    const path = join(dir, file);
    writeFileSync(path, text);
    return path;
  };

  it('adds units and overrides shipped aliases', () => {
    const file = write(
      'luoyang.yaml',
      [
        'specs:',
        '  - { name: 市生态环境局, canonical: 洛阳市生态环境局, kind: agency }',
        'units:',
        '  - { name: 洛阳市生态环境局, kind: agency, aliases: [市生态环境局] }',
        '  - { name: 洛阳市人民政府办公室, kind: agency, aliases: [市政府办] }',
      ].join('\n'),
    );
    const own = loadGazetteer([file]);
    expect(own.lookup('市生态环境局').canonical).toBe('洛阳市生态环境局');
    expect(own.lookup('市政府办').canonical).toBe('洛阳市人民政府办公室');
    expect(own.lookup('市城管局').canonical).toBe('郑州市城市管理局');
    expect(loadGazetteer().lookup('市生态环境局').canonical).toBe('郑州市生态环境局');
  });

  it.each([
    [
      'bad-kind.yaml',
      'units:\n  - { name: X局, kind: ministry }\n',
      /bad-kind\.yaml: invalid at units\.0\.kind/,
    ],
    ['bad-yaml.yaml', 'units: [ { name: \n', /bad-yaml\.yaml: not valid YAML/],
    [
      'bad-rename.json',
      '{"units": [{"name": "A局", "kind": "agency", "renamedTo": "B局"}]}',
      /bad-rename\.json: A局: renamedTo B局/,
    ],
    [
      'bad-spec.json',
      '{"specs": [{"name": "A", "canonical": "B局", "kind": "agency"}], "units": []}',
      /bad-spec\.json: spec A/,
    ],
  ])('rejects %s with an error naming the file', (file, text, message) => {
    const path = write(file, text);
    expect(() => loadGazetteer([path])).toThrow(GrammarError);
    expect(() => loadGazetteer([path])).toThrow(message);
  });

  it('names a missing file', () => {
    expect(() => loadGazetteer([join(dir, 'missing.yaml')])).toThrow(/missing\.yaml: cannot read/);
  });
});

describe('splitUnitList', () => {
  it.each([
    ['市工信局、市生态环境局', ['市工信局', '市生态环境局']],
    ['市发展改革委,市生态环境局', ['市发展改革委', '市生态环境局']],
    [
      '市发展改革委，市生态环境局；市城管局;市园林局',
      ['市发展改革委', '市生态环境局', '市城管局', '市园林局'],
    ],
    ['市粮食和储备局、中国铁路郑州局集团有限公司', ['市粮食和储备局', '中国铁路郑州局集团有限公司']],
    ['市发展改革委和市工信局', ['市发展改革委', '市工信局']],
    ['市发展改革委及市工信局和市城管局', ['市发展改革委', '市工信局', '市城管局']],
    ['工业和信息化部', ['工业和信息化部']],
    ['市某某和某某局', ['市某某和某某局']],
    ['各开发区管委会、县(市)区政府', ['各开发区管委会', '县(市)区政府']],
    ['各开发区管委会、县 (市)区政府', ['各开发区管委会', '县(市)区政府']],
    ['各开发区管委会、县（市）区政府', ['各开发区管委会', '县（市）区政府']],
    ['  市 市场监管局、 各开 发区管委会 ', ['市市场监管局', '各开发区管委会']],
    ['新郑市、荥阳市、中牟县政府', ['新郑市', '荥阳市', '中牟县政府']],
  ])('%s', (text, names) => {
    const units = splitUnitList(text, gaz);
    expect(units.map((u) => u.name)).toEqual(names);
    for (const u of units) expect(text.slice(u.start, u.end).replace(/\s/g, '')).toBe(u.name);
  });
});

describe('compactText', () => {
  // [source, from, to, compacted text, original offset of each of its characters]
  it.each<[string, number, number, string, number[]]>([
    ['市工信局', 0, 4, '市工信局', [0, 1, 2, 3]],
    ['(市工信局)', 1, 5, '市工信局', [1, 2, 3, 4]],
    ['市 市场监管局', 0, 7, '市市场监管局', [0, 2, 3, 4, 5, 6]],
    [' 各开\u3000 发区 ', 0, 8, '各开发区', [1, 2, 5, 6]],
    ['PM 2.5 浓度', 0, 9, 'PM 2.5浓度', [0, 1, 2, 3, 4, 5, 7, 8]],
    ['(A  1 乙)', 1, 7, 'A 1乙', [1, 2, 4, 6]],
    ['x 甲 乙 y', 2, 5, '甲乙', [2, 4]],
  ])('%j [%i, %i) → %s', (source, from, to, text, offsets) => {
    const c = compactText(source, from, to);
    expect(c.text).toBe(text);
    expect([...c.text].map((_, i) => originalSpan(c, i, i + 1).start)).toEqual(offsets);
    expect(originalSpan(c, 0, c.text.length).end).toBe(
      c.text.length > 0 ? (offsets.at(-1) as number) + 1 : to,
    );
    expect(originalSpan(c, c.text.length, c.text.length)).toEqual({ start: to, end: to });
  });
});

describe('unitKey', () => {
  it.each([
    ['市工信局', '市工信局'],
    ['县（市）区政府', '县(市)区政府'],
    ['县 (市)区政府', '县(市)区政府'],
    ['［市］ 工信局', '[市]工信局'],
  ])('%s → %s', (name, key) => expect(unitKey(name)).toBe(key));
});

describe('performance', () => {
  it('splits a very long list in time linear in its length', () => {
    const make = (n: number): string => '市工信局、'.repeat(n / 5) + '县(市'.repeat(n / 20);
    expect(splitUnitList(make(100000), gaz).length).toBeGreaterThan(20000);
    expectLinear((s) => splitUnitList(s, gaz), make);
  });
});

describe('gazetteer scopes', () => {
  const gaz = loadGazetteer();
  it('resolves a Zhengzhou abbreviation in a Zhengzhou notice and not in another city’s', () => {
    expect(gaz.lookup('市生态环境局', '2020-04-16', '郑州市人民政府办公厅').canonical).toBe(
      '郑州市生态环境局',
    );
    // another city's 市生态环境局 is that city's (the generic local table), never Zhengzhou's
    const other = gaz.lookup('市生态环境局', '2020-04-16', '洛阳市人民政府办公厅');
    expect(other).toMatchObject({ canonical: '洛阳市生态环境局', kind: 'agency' });
    expect(gaz.lookup('市生态环境局', '2020-04-16', '国务院办公厅')).toMatchObject({ canonical: null });
  });
  it('applies a name that holds its scope anywhere, and national bodies everywhere', () => {
    expect(gaz.lookup('郑州供电公司', '2020-04-16', '国务院').canonical).toBe(
      '国网河南省电力公司郑州供电公司',
    );
    expect(gaz.lookup('国家发展改革委', '2020-04-16', '洛阳市人民政府').canonical).toBe(
      '国家发展和改革委员会',
    );
  });
  it('applies Henan bodies in any Henan city', () => {
    expect(gaz.lookup('省攻坚办', '2020-04-16', '洛阳市人民政府').canonical).not.toBeNull();
    expect(gaz.lookup('省攻坚办', '2020-04-16', '武汉市人民政府').canonical).toBeNull();
  });
});

describe('gazetteer names by region', () => {
  const gaz = loadGazetteer();
  it('gives a notice only the units of the places its head names', () => {
    expect(gaz.names('郑州市人民政府办公厅 关于印发…')).toContain('市生态环境局');
    expect(gaz.names('洛阳市人民政府办公厅 关于印发…')).not.toContain('市生态环境局');
    expect(gaz.names('洛阳市人民政府办公厅')).toContain('郑州供电公司');
    expect(gaz.names('洛阳市人民政府办公厅')).toContain('国家发展改革委');
  });
});

describe('the State Council’s short forms of central bodies', () => {
  it.each([
    ['卫生健康委', '国家卫生健康委员会'],
    ['林草局', '国家林业和草原局'],
    ['能源局', '国家能源局'],
    ['药监局', '国家药品监督管理局'],
    ['国防科工局', '国家国防科技工业局'],
    ['港澳办', '国务院港澳事务办公室'],
    ['中央统战部', '中共中央统一战线工作部'],
    ['全国工商联', '中华全国工商业联合会'],
    ['气象局', '中国气象局'],
  ])('%s is %s', (short, full) => {
    expect(gaz.lookup(short, '2020-06-01').canonical).toBe(full);
  });

  it('keeps a city’s 市气象局 out of the national table', () => {
    expect(gaz.lookup('市气象局', '2020-06-01', '成都市人民政府').canonical).toBe('成都市气象局');
  });
});
