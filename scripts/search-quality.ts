// `npm run search:quality`: prints the precision and recall of the similarity method on the
// labelled pairs (src/server/search/fixtures/similar-pairs.json) and the top-1 / top-3 accuracy of
// the unit and category recommendations on the newest 20% of the demo's assigned suggestions,
// recommended from the older 80% only. The demo is seeded into a temporary SQLite file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { FixedClock } from '../src/server/platform/clock.js';
import { createServices } from '../src/server/services.js';
import { seedDemo } from '../src/server/demo/demo.seed.js';
import { measurePairs } from '../src/server/search/quality.pairs.js';
import { measureRecommendations } from '../src/server/search/quality.recommendations.js';

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

const pairs = measurePairs();
console.log('相似建议 similar suggestions (TF-IDF over jieba tokens, cosine)');
console.log(
  `  labelled pairs: ${pairs.pairs} (${pairs.positives} same matter, ${pairs.pairs - pairs.positives} other)`,
);
console.log(
  `  at threshold ${pairs.threshold}: precision ${percent(pairs.precision)}, recall ${percent(pairs.recall)}, F1 ${pairs.f1.toFixed(3)}`,
);
console.log(
  `  mean score: same matter ${pairs.meanPositive.toFixed(3)}, hard negatives ${pairs.meanHardNegative.toFixed(3)}`,
);
console.log('  threshold  precision  recall');
for (const row of pairs.sweep)
  console.log(
    `  ${row.threshold.toFixed(2).padStart(9)}  ${percent(row.precision).padStart(9)}  ${percent(row.recall).padStart(6)}`,
  );

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-quality-'));
const handle = openDatabase({ sqliteFile: path.join(dataDir, 'quality.sqlite') });
try {
  await migrateToLatest(handle);
  // The demo's history runs up to its "today"; the same day the demo test uses.
  const services = createServices(handle, new FixedClock(new Date('2026-11-20T02:00:00Z')), { dataDir });
  const started = performance.now();
  const seeded = await seedDemo(services);
  const index = await services.search.rebuild();
  console.log(
    `\n演示数据 demo: ${seeded.counts.suggestions} suggestions seeded, ${index.documents} documents indexed (${Math.round(performance.now() - started)} ms)`,
  );
  const result = await measureRecommendations(services, 0.2);
  console.log('交办推荐 recommendations (k nearest past items weighted by similarity + category prior)');
  console.log(
    `  assigned items: ${result.assigned}; held out (newest 20%): ${result.heldOut}, assigned from ${result.cutoff ?? '-'}`,
  );
  console.log(`  lead unit: top-1 ${percent(result.top1)}, top-3 ${percent(result.top3)}`);
  console.log(
    `  category (item's own category hidden): top-1 ${percent(result.categoryTop1)}, top-3 ${percent(result.categoryTop3)}`,
  );
  console.log(`  baseline, category → unit mapping alone: top-1 ${percent(result.mappingTop1)}`);
} finally {
  await handle.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
