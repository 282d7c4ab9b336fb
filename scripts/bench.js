// `npm run bench [-- --quick]`: the province-scale benchmark (issue 9). The code lives in bench/
// (TypeScript, run with tsx, outside the server bundle); see README "Benchmark".
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
