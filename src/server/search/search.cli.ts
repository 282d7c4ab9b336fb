import type { Runtime } from '../cli/runtime.js';
import type { StartupHook } from '../cli/serve.js';

/** `minyi search rebuild`: recreates the whole index in batches, printing progress. */
export async function runSearchRebuild(runtime: Runtime, batchSize: number): Promise<void> {
  let last = 0;
  const result = await runtime.services.search.rebuild(batchSize, (done) => {
    if (done - last >= 50_000) {
      process.stdout.write(`  ${done}\n`);
      last = done;
    }
  });
  process.stdout.write(
    `检索索引已重建 (search index rebuilt): ${result.documents} 篇，用时 ${result.milliseconds} ms\n`,
  );
}

/**
 * At start: an empty index over a database that has texts (first start after the search
 * migration, or data loaded by bulk insert such as the demo) is rebuilt once.
 */
export const searchIndexStartupHook: StartupHook = async (runtime) => {
  const { search } = runtime.services;
  if (await search.indexIsMissing()) {
    const result = await search.rebuild();
    process.stdout.write(`检索索引已建立 (search index built): ${result.documents} 篇\n`);
  }
  return [];
};
