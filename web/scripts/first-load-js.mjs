#!/usr/bin/env node
// First-load JavaScript per route, gzipped, from a `next build` (Turbopack).
//
//   node scripts/first-load-js.mjs              # from the build manifests
//   node scripts/first-load-js.mjs --url http://localhost:3000 /play/x /   # from served HTML
//   node scripts/first-load-js.mjs --budget /play/[attemptId]=165          # exit 1 above budget
//
// Manifest mode: the root main files (build-manifest.json) plus every client entry the route's
// client-reference manifest lists for its layouts, boundaries and page (the global error page is
// left out: it loads only when the root layout fails). HTML mode: every <script src> of the served
// page except `nomodule` polyfills. Each file is gzipped (level 9) and the sizes added up.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NEXT = path.join(WEB, '.next');
const args = process.argv.slice(2);
const kib = (bytes) => (bytes / 1024).toFixed(1);
const gzipSize = (buffer) => gzipSync(buffer, { level: 9 }).length;

const budgets = new Map();
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--budget') {
    const [route, limit] = (args[i + 1] ?? '').split('=');
    budgets.set(route, Number(limit));
    args.splice(i, 2);
    i--;
  }
}

const fileSize = (relative) => {
  const file = path.join(NEXT, relative.replace(/^\/?_next\//, ''));
  return existsSync(file) ? gzipSize(readFileSync(file)) : 0;
};

/** Route → client-reference manifest file, for every app route. */
const manifests = () => {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name === 'page_client-reference-manifest.js') {
        const route = `/${path
          .relative(path.join(NEXT, 'server', 'app'), dir)
          .split(path.sep)
          .join('/')}`;
        found.push({ route: route === '/' ? '/' : route.replace(/\/$/, ''), file: full });
      }
    }
  };
  walk(path.join(NEXT, 'server', 'app'));
  return found.sort((a, b) => a.route.localeCompare(b.route));
};

const fromManifests = () => {
  if (!existsSync(path.join(NEXT, 'build-manifest.json'))) {
    console.error('No build found: run `next build` first.');
    process.exit(1);
  }
  const build = JSON.parse(readFileSync(path.join(NEXT, 'build-manifest.json'), 'utf8'));
  const rows = [];
  for (const { route, file } of manifests()) {
    if (route.startsWith('/_')) {
      continue;
    }
    const text = readFileSync(file, 'utf8');
    const json = JSON.parse(text.slice(text.indexOf('= {') + 2).replace(/;\s*$/, ''));
    const files = new Set(build.rootMainFiles);
    for (const [entry, chunks] of Object.entries(json.entryJSFiles ?? {})) {
      if (!entry.endsWith('/global-error')) {
        for (const chunk of chunks) {
          files.add(chunk);
        }
      }
    }
    const total = [...files].reduce((sum, chunk) => sum + fileSize(chunk), 0);
    rows.push({ route, files: files.size, total });
  }
  return rows;
};

const fromHtml = async (base, routes) => {
  const rows = [];
  for (const route of routes) {
    const response = await fetch(new URL(route, base));
    const html = await response.text();
    const sources = [...html.matchAll(/<script\b([^>]*)>/g)]
      .map((match) => match[1])
      .filter((attributes) => !/\bnomodule\b/i.test(attributes))
      .map((attributes) => attributes.match(/\bsrc="([^"]+)"/)?.[1])
      .filter((src) => src?.includes('/_next/static/'));
    const unique = [...new Set(sources)];
    let total = 0;
    for (const src of unique) {
      const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
      total += gzipSize(body);
    }
    rows.push({ route, files: unique.length, total });
  }
  return rows;
};

const urlIndex = args.indexOf('--url');
const rows =
  urlIndex >= 0
    ? await fromHtml(
        args[urlIndex + 1],
        args.filter((_, i) => i !== urlIndex && i !== urlIndex + 1),
      )
    : fromManifests();

const width = Math.max(...rows.map((row) => row.route.length), 5);
console.log(`${'Route'.padEnd(width)}  Files  First-load JS (gzip)`);
let failed = false;
for (const row of rows) {
  const budget = budgets.get(row.route);
  const over = budget !== undefined && row.total / 1024 > budget;
  failed ||= over;
  console.log(
    `${row.route.padEnd(width)}  ${String(row.files).padStart(5)}  ${kib(row.total).padStart(7)} KiB${budget !== undefined ? `  (budget ${budget} KiB${over ? ', OVER' : ', ok'})` : ''}`,
  );
}
process.exit(failed ? 1 : 0);
