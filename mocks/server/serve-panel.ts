import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { errorResponse, type MockResponse } from '../../src/core/index.js';
import { findPackageFile } from '../../src/spec/openapi-validator.js';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png', '.svg': 'image/svg+xml' };

/** The control panel's files (`/__mock/` is its page; `/__mock/panel/<file>` its assets). */
export function servePanel(path: string): MockResponse {
  let dir: string;
  try {
    dir = findPackageFile('mocks/panel');
  } catch {
    return errorResponse(404, 'the control panel is not part of this build');
  }
  const relative = path === '/__mock' || path === '/__mock/' ? 'index.html' : path.slice('/__mock/panel/'.length);
  const file = normalize(join(dir, relative));
  if (!file.startsWith(dir) || !existsSync(file)) return errorResponse(404, `no panel file ${relative}`);
  return {
    status: 200,
    headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' },
    body: readFileSync(file, 'utf8'),
  };
}
