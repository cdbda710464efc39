/** A small gazetteer standing in for grammars/units in repair tests: county-level governments and agencies. */
export const TEST_UNITS = [
  '巩义市政府',
  '荥阳市政府',
  '新密市政府',
  '新郑市政府',
  '登封市政府',
  '中牟县政府',
  '市城建局',
  '市水利局',
  '市财政局',
  '市资源规划局',
  '市园林局',
  '市农委',
  '市市场监管局',
];
