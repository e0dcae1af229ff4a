// Builds the web UI (vite) when a source file is newer than the last build.
// Used by `npm start` and by the browser tests, so both follow the same rule.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist/web/index.html');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(tsx?|css|html)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function webIsStale() {
  if (!fs.existsSync(built)) return true;
  const sources = Math.max(newestSource(path.join(root, 'src')), fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs);
  return fs.statSync(built).mtimeMs < sources;
}

if (webIsStale()) {
  console.log('Building the web interface…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
