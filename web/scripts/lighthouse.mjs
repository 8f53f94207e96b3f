#!/usr/bin/env node
// `pnpm bench:web` — Lighthouse (mobile preset: simulated Slow 4G and 4× CPU slowdown) on the home,
// play, results, history and leaderboard pages of a production build (`next start`) of the running stack, median of
// N runs per page, plus the first-load JavaScript (gzip) of every route.
//
//   pnpm bench:web                     # starts its own stack (e2e/stack.ts: fresh embedded
//                                      # PostgreSQL, free ports; builds web if stale)
//   pnpm bench:web --runs 5
//   pnpm bench:web --url http://localhost:3000 --api http://localhost:4000
//   pnpm bench:web --reports /tmp/lh   # also keep every full Lighthouse report (<page>-<run>.json)
//   pnpm bench:web --pages home,play   # only these pages
//
// It runs under `node --import tsx` to share the browser tests' stack launcher.
//
// Chromium: CHROME_PATH (default /usr/bin/chromium). The play page is measured as the demo
// student (signed in through the API; Lighthouse sends the session cookie with every request) on
// a freshly started attempt of the first published set; results and history as the same student
// (their latest finished attempt). Results: a Markdown table on stdout and
// web/bench/results/lighthouse-<date>.{json,md} (git-ignored).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack, stopStack } from '../e2e/stack.ts';
import { benchPages, playTarget } from './bench-targets.mjs';

// biome-ignore lint/style/noProcessEnv: a command-line script reads its environment
const ENV = process.env;
const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const RUNS = Number(option('runs', 3));
// Full reports, for the main-thread breakdown (mainthread-work-breakdown, bootup-time, long-tasks).
const REPORTS = option('reports', null);
const ONLY = option('pages', null)?.split(',');
const CHROME = ENV.CHROME_PATH ?? '/usr/bin/chromium';
/** A first paint this long after the load event is the headless artifact described at paintHeldMs. */
const HELD_MS = 250;
const loadAverage = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
const lighthouse = (url, cookie, keepAs) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'quiz-lh-'));
  const out = path.join(dir, 'report.json');
  const result = spawnSync(
    path.join(WEB, 'node_modules', '.bin', 'lighthouse'),
    [
      url,
      '--only-categories=performance',
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
      '--max-wait-for-load=60000',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
      ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
    ],
    { env: { ...ENV, CHROME_PATH: CHROME }, encoding: 'utf8', timeout: 180_000 },
  );
  if (result.status !== 0 || !existsSync(out)) {
    throw new Error(`lighthouse failed on ${url}: ${result.stderr?.slice(-2000)}`);
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  if (REPORTS && keepAs) {
    mkdirSync(REPORTS, { recursive: true });
    writeFileSync(path.join(REPORTS, `${keepAs}.json`), JSON.stringify(report));
  }
  rmSync(dir, { recursive: true, force: true });
  const audit = (id) => report.audits[id]?.numericValue;
  const observed = report.audits.metrics?.details?.items?.[0] ?? {};
  const scripts = (report.audits['network-requests']?.details?.items ?? []).filter(
    (item) => item.resourceType === 'Script',
  );
  return {
    score: Math.round((report.categories.performance.score ?? 0) * 100),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    si: audit('speed-index'),
    // Headless Chromium sometimes holds the first frame of a loaded, idle page for a whole 1-2 s
    // (viz stops sending BeginFrames: GoogleChrome/lighthouse#17148). Lantern then carries the late
    // observed paint into FCP/LCP/Speed Index, so such a run says nothing about the page; it is
    // counted and shown, not hidden.
    paintHeldMs: Math.max(0, (observed.observedFirstPaint ?? 0) - (observed.observedLoad ?? 0)),
    jsTransferKiB: scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0) / 1024,
    runtimeError: report.runtimeError?.message ?? null,
    lighthouseVersion: report.lighthouseVersion,
    userAgent: report.environment?.hostUserAgent,
    throttling: report.configSettings?.throttlingMethod,
    formFactor: report.configSettings?.formFactor,
  };
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const main = async () => {
  const external = option('url', null);
  const stack = external
    ? { baseUrl: external, apiUrl: option('api', 'http://localhost:4000'), running: true }
    : await startStack({ name: 'lighthouse', timeoutMs: 10 * 60_000 });
  const loadBefore = loadAverage();
  try {
    const target = await playTarget(stack.apiUrl);
    const pages = benchPages(target).filter((page) => !ONLY || ONLY.includes(page.name));
    const runs = Object.fromEntries(pages.map((page) => [page.name, []]));
    // Interleaved: run 1 of every page, then run 2, …
    for (let run = 0; run < RUNS; run += 1) {
      for (const page of pages) {
        const result = lighthouse(
          `${stack.baseUrl}${page.path}`,
          page.cookie,
          `${page.name}-${run + 1}`,
        );
        runs[page.name].push(result);
        console.error(
          `lighthouse ${page.name} run ${run + 1}: ${result.score} (LCP ${Math.round(result.lcp)} ms, TBT ${Math.round(result.tbt)} ms, SI ${Math.round(result.si)} ms${result.paintHeldMs > HELD_MS ? `; first paint held ${Math.round(result.paintHeldMs)} ms after load` : ''}; load average ${loadAverage()})`,
        );
      }
    }
    const firstLoad = spawnSync(
      process.execPath,
      [path.join(WEB, 'scripts', 'first-load-js.mjs')],
      {
        cwd: WEB,
        encoding: 'utf8',
      },
    ).stdout;
    const served = spawnSync(
      process.execPath,
      [
        path.join(WEB, 'scripts', 'first-load-js.mjs'),
        '--url',
        stack.baseUrl,
        '/',
        '/leaderboard',
        `/play/${target.attemptId}`,
      ],
      { cwd: WEB, encoding: 'utf8' },
    ).stdout;
    const summary = pages.map((page) => {
      const r = runs[page.name];
      const pick = (key) => median(r.map((x) => x[key]));
      return {
        page: page.name,
        path: page.path,
        scores: r.map((x) => x.score),
        score: pick('score'),
        fcpMs: pick('fcp'),
        lcpMs: pick('lcp'),
        tbtMs: pick('tbt'),
        cls: pick('cls'),
        siMs: pick('si'),
        jsTransferKiB: pick('jsTransferKiB'),
        heldRuns: r.filter((x) => x.paintHeldMs > HELD_MS).length,
      };
    });
    const first = runs[pages[0].name][0];
    const lines = [
      `Lighthouse ${first.lighthouseVersion}, ${first.formFactor} preset (${first.throttling} throttling), ${RUNS} runs per page, median; load average ${loadBefore} before, ${loadAverage()} after; ${stack.baseUrl} (${stack.running ? 'running stack' : stack.built ? 'built now' : 'existing build'}); play = the demo student on a fresh attempt of "${target.set}" (${target.questions} questions).`,
      '',
      '| Page | Score (runs) | FCP ms | LCP ms | TBT ms | CLS | Speed Index ms | JS transferred KiB | Paint held (runs) |',
      '|---|---|---:|---:|---:|---:|---:|---:|---:|',
      ...summary.map(
        (s) =>
          `| ${s.page} | **${s.score}** (${s.scores.join(', ')}) | ${Math.round(s.fcpMs)} | ${Math.round(s.lcpMs)} | ${Math.round(s.tbtMs)} | ${s.cls.toFixed(3)} | ${Math.round(s.siMs)} | ${s.jsTransferKiB.toFixed(1)} | ${s.heldRuns}/${s.scores.length} |`,
      ),
      '',
      `Paint held: runs whose first paint came more than ${HELD_MS} ms after the load event (headless Chromium holding the frame, GoogleChrome/lighthouse#17148); their FCP/LCP/Speed Index measure the browser, not the page.`,
      '',
      'First-load JS (gzip), from the build manifests:',
      '',
      '```',
      firstLoad.trim(),
      '```',
      '',
      'From the served HTML:',
      '',
      '```',
      served.trim(),
      '```',
      '',
    ];
    const markdown = lines.join('\n');
    console.log(markdown);
    const dir = path.join(WEB, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    writeFileSync(
      path.join(dir, `lighthouse-${stamp}.json`),
      `${JSON.stringify({ summary, runs, firstLoad, served }, null, 2)}\n`,
    );
    writeFileSync(path.join(dir, `lighthouse-${stamp}.md`), markdown);
  } finally {
    if (!stack.running) {
      await stopStack(stack);
    }
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
