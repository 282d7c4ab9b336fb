/**
 * Files: exporting about 10,000 suggestions to .xlsx (time, and the server's memory while it
 * streams) and importing 200,000 deputies from .xlsx (the quick profile: 20,000).
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { seededRandom } from '../../src/server/demo/demo.random.js';
import { importColumns } from '../../src/shared/schemas/imports.js';
import { getJson, headersOf } from '../lib/load.js';
import { cacheRoot } from '../generate.js';
import type { ScenarioContext } from './context.js';

/** Samples the server's RSS every 50 ms while `work` runs. */
async function withMemory<T>(ctx: ScenarioContext, work: () => Promise<T>) {
  const before = ctx.server.rssMb() ?? 0;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, ctx.server.rssMb() ?? 0)), 50);
  try {
    const result = await work();
    return { result, before, peak };
  } finally {
    clearInterval(timer);
  }
}

export async function exportScenario(ctx: ScenarioContext): Promise<void> {
  // The body whose own items are closest to 10,000 (a city in the full province).
  const body = await ctx.reader.one<{ body_id: string; n: number }>(
    `SELECT body_id, n FROM (SELECT body_id, COUNT(*) AS n FROM suggestions WHERE status <> 'draft' GROUP BY body_id) c ORDER BY ABS(n - 10000) LIMIT 1`,
  );
  const query = `bodyId=${body.body_id}`;
  const listed = await getJson(
    ctx.server.url,
    ctx.province,
    `/api/v1/suggestions?${query}&page=1&pageSize=1`,
  );
  const rows = (listed.body as { total?: number }).total ?? Number(body.n);
  const what = 'export suggestions to .xlsx (streamed), province office';
  const times: number[] = [];
  let growth = 0;
  let bytes = 0;
  for (let run = 0; run < ctx.runs; run += 1) {
    const { result, before, peak } = await withMemory(ctx, async () => {
      const started = performance.now();
      const response = await fetch(`${ctx.server.url}/api/v1/suggestions/export.xlsx?${query}`, {
        headers: headersOf(ctx.province),
      });
      const data = await response.arrayBuffer();
      return { status: response.status, ms: performance.now() - started, bytes: data.byteLength };
    });
    if (result.status === 404) {
      ctx.results.notAvailable('export.time', what, '≤ 10 s per 10,000', ctx.backend);
      return;
    }
    if (result.status !== 200) throw new Error(`export: ${result.status}`);
    times.push(result.ms);
    growth = Math.max(growth, peak - before);
    bytes = result.bytes;
  }
  times.sort((a, b) => a - b);
  const time = times[Math.floor(times.length / 2)] ?? Number.NaN;
  const per10k = (time * 10_000) / Math.max(1, rows);
  ctx.log(
    `  export: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB in ${(time / 1000).toFixed(2)} s, RSS +${growth} MB`,
  );
  ctx.results.add(
    'export.time',
    `${what}: ${rows.toLocaleString('en-US')} rows`,
    '≤ 10 s per 10,000',
    ctx.backend,
    {
      shown: `${(time / 1000).toFixed(2)} s (${(per10k / 1000).toFixed(2)} s per 10,000)`,
      value: per10k,
      pass: per10k <= 10_000,
      detail: { times, rows, bytes },
    },
  );
  ctx.results.add(
    'export.memory',
    'export: server memory growth while streaming',
    '≤ 100 MB (flat)',
    ctx.backend,
    {
      shown: `+${growth} MB`,
      value: growth,
      pass: growth <= 100,
    },
  );
}

/** The deputies workbook (cached): the import template's columns, one deputy per row. */
async function deputiesWorkbook(count: number): Promise<string> {
  const file = path.join(cacheRoot(), `deputies-v2-${count}.xlsx`);
  if (fs.existsSync(file)) return file;
  const random = seededRandom(count);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: `${file}.tmp`,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('代表');
  const columns = importColumns.deputies;
  sheet.addRow(columns).commit();
  // Name, gender and birth year identify a deputy within a term: keep them unique.
  const seen = new Set<string>();
  for (let i = 0; i < count; i += 1) {
    let name = random.personName();
    const gender = random.next() < 0.3 ? '女' : '男';
    // Born outside the generated deputies' years (1960-1995), so no row repeats a seated deputy.
    const bornIn = () => (random.next() < 0.6 ? random.int(1940, 1959) : random.int(1996, 2006));
    let year = bornIn();
    while (seen.has(`${name}|${gender}|${year}`)) {
      name = random.personName();
      year = bornIn();
    }
    seen.add(`${name}|${gender}|${year}`);
    const values: Record<string, string> = {
      姓名: name,
      性别: gender,
      民族: random.ethnicity(),
      出生年份: String(year),
      职业: random.occupation(),
      手机: `1${String(3_000_000_000 + i * 7).padStart(10, '0')}`,
      届次: '15',
    };
    sheet.addRow(columns.map((c) => values[c] ?? '')).commit();
  }
  sheet.commit();
  await workbook.commit();
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

export async function importScenario(ctx: ScenarioContext): Promise<void> {
  const count = ctx.quick ? 20_000 : 200_000;
  const file = await deputiesWorkbook(count);
  const city = await ctx.reader.one<{ id: string }>(
    `SELECT id FROM bodies WHERE level = 'city' ORDER BY id LIMIT 1`,
  );
  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(file)]), 'deputies.xlsx');
  const started = performance.now();
  const { result, before, peak } = await withMemory(ctx, async () => {
    const response = await fetch(
      `${ctx.server.url}/api/v1/imports/deputies?bodyId=${city.id}&mode=all_or_nothing`,
      {
        method: 'POST',
        headers: { cookie: ctx.province.cookie, 'x-csrf-token': ctx.province.csrf },
        body: form,
      },
    );
    return { status: response.status, text: await response.text() };
  });
  const time = performance.now() - started;
  const what = `import ${count.toLocaleString('en-US')} deputies from .xlsx (${(fs.statSync(file).size / 1e6).toFixed(1)} MB), one run`;
  if (result.status === 404) {
    ctx.results.notAvailable('import.time', what, '≤ 60 s', ctx.backend);
    return;
  }
  const report =
    result.status === 200 ? (JSON.parse(result.text) as { validRows?: number; totalRows?: number }) : null;
  const imported = report?.validRows ?? 0;
  ctx.log(
    `  import: ${result.status} ${imported}/${count} in ${(time / 1000).toFixed(1)} s, RSS ${before} → peak ${peak} MB ${report ? '' : result.text.slice(0, 300)}`,
  );
  ctx.results.add('import.time', what, count === 200_000 ? '≤ 60 s' : '≤ 6 s (quick: a tenth)', ctx.backend, {
    shown: `${(time / 1000).toFixed(1)} s (${imported.toLocaleString('en-US')} imported, RSS peak ${peak} MB)${result.status === 200 ? '' : ` HTTP ${result.status}`}`,
    value: time,
    pass: result.status === 200 && imported === count && time <= (count === 200_000 ? 60_000 : 6_000),
    detail: { status: result.status, before, peak, body: result.text.slice(0, 1000) },
  });
}
