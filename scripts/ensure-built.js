// Builds the server and the web app when the build is missing or older than the sources, so
// `npm start` works on a fresh clone in one command.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function newest(folder) {
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

function builtAt(file) {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

const sources = Math.max(newest(path.join(root, 'src')), statSync(path.join(root, 'package.json')).mtimeMs);
const serverBuilt = builtAt(path.join(root, 'dist/server/main.js'));
const webBuilt = builtAt(path.join(root, 'dist/web/index.html'));
if (serverBuilt < sources) {
  process.stdout.write('构建服务端 (building server)…\n');
  execSync('npm run build:server', { cwd: root, stdio: 'inherit' });
}
if (existsSync(path.join(root, 'index.html')) && webBuilt < sources) {
  process.stdout.write('构建网页 (building web app)…\n');
  execSync('npm run build:web', { cwd: root, stdio: 'inherit' });
}
