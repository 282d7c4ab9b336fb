/**
 * Web first load: the entry chunk of dist/web/index.html and every chunk it imports statically
 * (recursively; dynamic `import()` = routes, excluded), gzip-compressed, summed.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface WebLoad {
  gzipKb: number;
  rawKb: number;
  chunks: { file: string; gzipKb: number }[];
  routeChunks: number;
  builtAt: string;
}

export function measureWebLoad(webRoot: string): WebLoad | null {
  const indexFile = path.join(webRoot, 'index.html');
  if (!fs.existsSync(indexFile)) return null;
  const html = fs.readFileSync(indexFile, 'utf8');
  const entries = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1] ?? '');
  const seen = new Set<string>();
  const visit = (url: string) => {
    const file = path.join(webRoot, url.replace(/^\//, ''));
    if (seen.has(file) || !fs.existsSync(file)) return;
    seen.add(file);
    const code = fs.readFileSync(file, 'utf8');
    // Static imports only: `import … from "./x.js"` and `import "./x.js"` (not `import("./x.js")`).
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
      const target = m[1] ?? '';
      visit(path.relative(webRoot, path.resolve(path.dirname(file), target)));
    }
  };
  for (const entry of entries) visit(entry);
  const chunks = [...seen].map((file) => {
    const data = fs.readFileSync(file);
    return {
      file: path.relative(webRoot, file),
      raw: data.length,
      gzip: zlib.gzipSync(data, { level: 9 }).length,
    };
  });
  const assets = path.join(webRoot, 'assets');
  const allJs = fs.existsSync(assets) ? fs.readdirSync(assets).filter((f) => f.endsWith('.js')).length : 0;
  return {
    gzipKb: chunks.reduce((sum, c) => sum + c.gzip, 0) / 1024,
    rawKb: chunks.reduce((sum, c) => sum + c.raw, 0) / 1024,
    chunks: chunks.map((c) => ({ file: c.file, gzipKb: Number((c.gzip / 1024).toFixed(1)) })),
    routeChunks: allJs - chunks.length,
    builtAt: fs.statSync(indexFile).mtime.toISOString(),
  };
}
