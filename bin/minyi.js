#!/usr/bin/env node
// The `minyi` command: runs the compiled server CLI (`npm run build` first, or use `npm start`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/server/main.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('minyi: 尚未构建，请先运行 npm run build (not built yet: run npm run build)\n');
  process.exit(1);
}
await import(entry);
