/**
 * The tables bench (run by `npm run bench`): 200 tasks written as paragraphs, and the same tasks as the CSV task
 * table `convert --format csv` makes of them, each converted in-process; the table should take at most twice
 * the paragraphs' time.
 */
import { median, timeRuns } from './measure.js';

/** Tasks in the bench's plan. */
const TASKS = 200;
const RUNS = 15;
const WARMUP = 10;
const UNITS = ['市发展改革委', '市工信局', '市财政局', '市生态环境局', '市城管局', '市水利局', '市交通局'];

/** A plan of `n` tasks in sections of ten, each with a deadline, a target and units by role. */
function paragraphs(n: number): string {
  const lines = ['郑州市2021年重点工作实施方案'];
  for (let k = 1; k <= n; k++) {
    if (k % 10 === 1)
      lines.push(`${'一二三四五六七八九十'[Math.floor((k - 1) / 10) % 10]}、第${Math.ceil(k / 10)}类任务`);
    lines.push(
      `${k}.推进第${k}项工作。${(k % 12) + 1}月底前完成第${k}项改造,综合能耗下降不低于${k % 9}%。`,
      `牵头单位：${UNITS[k % UNITS.length]}`,
      `配合单位：${UNITS[(k + 1) % UNITS.length]}、${UNITS[(k + 3) % UNITS.length]}`,
    );
  }
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const { convert } = await import('../index.js');
  const { renderTaskCsv } = await import('../render/csv.js');
  const text = new TextEncoder().encode(paragraphs(TASKS));
  const graph = await convert(text, { path: 'plan.txt' });
  const csv = new TextEncoder().encode(renderTaskCsv(graph));
  const tasks = (g: typeof graph): number => g.nodes.filter((x) => x.type === 'task').length;
  const back = await convert(csv, { path: 'plan.csv' });
  // Timed synchronously: ingestAsync only awaits for the readers it loads once.
  const { ingestAsync } = await import('../ingest/index.js');
  const { convertSource } = await import('../pipeline.js');
  const csvSource = await ingestAsync(csv, { path: 'plan.csv' });
  const textSource = await ingestAsync(text, { path: 'plan.txt' });
  const asText = median(timeRuns(() => convertSource(textSource, text), RUNS, WARMUP));
  const asTable = median(timeRuns(() => convertSource(csvSource, csv), RUNS, WARMUP));
  const { ingestCsv } = await import('../ingest/table/csv.js');
  const readMs = median(timeRuns(() => ingestCsv(csv, 'plan.csv'), RUNS, WARMUP));
  process.stdout.write(
    [
      `| measure | value | goal |`,
      `| --- | --- | --- |`,
      `| ${TASKS} tasks as paragraphs (${tasks(graph)} tasks), median of ${RUNS} | ${asText.toFixed(1)} ms | |`,
      `| the same as a CSV task table (${tasks(back)} tasks), median of ${RUNS} | ${asTable.toFixed(1)} ms + ${readMs.toFixed(1)} ms reading the CSV | |`,
      `| table / paragraphs | ${((asTable + readMs) / asText).toFixed(2)}× | ≤ 2× |`,
    ].join('\n') + '\n',
  );
}

await main();
