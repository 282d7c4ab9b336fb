// Benchmark entry point. The province-scale benchmark (issue 9) replaces this; until then it
// measures one honest figure: how long the built server takes from start to answering /api/health
// on an empty SQLite database, median of three runs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

async function startOnce(port) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-bench-'));
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/minyi.js', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      MINYI_DATA_DIR: dataDir,
      MINYI_ADMIN_PASSWORD: 'Bench-Pass-2025',
      MINYI_LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return performance.now() - started;
      } catch {
        // not up yet
      }
      if (performance.now() - started > 30_000) throw new Error('server did not start in 30 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (!fs.existsSync(path.join(root, 'dist/server/main.js'))) {
  console.error('bench: build first (npm run build)');
  process.exit(1);
}
const runs = [];
for (let i = 0; i < 3; i += 1) runs.push(await startOnce(3900 + i));
runs.sort((a, b) => a - b);
console.log('| target | measured (median of 3) | target | result |');
console.log('|---|---|---|---|');
console.log(
  `| start-up, empty SQLite database (first start: migrations + admin) | ${runs[1].toFixed(0)} ms | ≤ 3000 ms | ${runs[1] <= 3000 ? 'pass' : 'miss'} |`,
);
console.log('\nThe province-scale benchmark (issue 9) is not built yet.');
