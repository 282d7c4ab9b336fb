/**
 * Summarises a V8 CPU profile (`npm run bench -- --cpu-prof` writes them under
 * bench/results/profiles/<backend>/): self time by function and by package/folder.
 *   npx tsx bench/cpu-summary.ts <file.cpuprofile> [top]
 */
import fs from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topText] = process.argv.slice(2);
if (!file) throw new Error('usage: cpu-summary.ts <file.cpuprofile> [top]');
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const top = Number(topText ?? 25);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const where = (url: string) => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1] ?? url;
  const d = /dist\/server\/([^/]+)/.exec(url);
  if (d) return `server/${d[1]}`;
  return url.startsWith('node:') ? url : url ? 'other' : '(native/gc/idle)';
};
const functions = new Map<string, number>();
const places = new Map<string, number>();
for (const [id, us] of self) {
  const node = byId.get(id);
  if (!node) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
  const place =
    functionName === '(idle)' ? '(idle)' : functionName === '(garbage collector)' ? '(gc)' : where(url);
  places.set(place, (places.get(place) ?? 0) + us);
}
const show = (title: string, map: Map<string, number>) => {
  process.stdout.write(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)\n`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    process.stdout.write(
      `${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}\n`,
    );
};
show('self time by package / server folder', places);
show('self time by function', functions);

// Total time (the function and what it calls) of the server's own functions: where a request's
// time goes, e.g. how much of an action is the response's re-read of the detail.
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at)?.callFrame;
    if (!frame || !/(dist|src)\/server\//.test(frame.url)) continue;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/dist\//, 'dist/')}:${frame.lineNumber + 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + us);
  }
}
show('total time (with callees) of server functions', inclusive);
