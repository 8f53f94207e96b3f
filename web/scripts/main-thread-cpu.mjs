#!/usr/bin/env node
// Where a page's main-thread time goes: loads each page in Chromium (phone viewport, CPU slowed
// 4× as Lighthouse's mobile preset does, but for real, not simulated), traces it from navigation
// to `--wait` ms after the load event, and prints the renderer main thread's time by category
// (self time, Lighthouse's groups), by script URL, and its long tasks. For finding the next cost
// behind `pnpm bench:web`'s TBT; it does not score.
//
//   node --import tsx web/scripts/main-thread-cpu.mjs                  # own stack (e2e/stack.ts)
//   node --import tsx web/scripts/main-thread-cpu.mjs --pages play,results --runs 3
//   node --import tsx web/scripts/main-thread-cpu.mjs --url http://localhost:3000 --api http://localhost:4000
//   … --cpu 1 (no slowdown) --wait 5000 --json out.json
//
// Times are milliseconds of the slowed main thread (what Lighthouse's TBT is made of), median over
// runs. The box's load shows up here as in Lighthouse: note the load average it prints.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startStack, stopStack } from '../e2e/stack.ts';
import { benchPages, playTarget } from './bench-targets.mjs';

// biome-ignore lint/style/noProcessEnv: a command-line script reads its environment
const ENV = process.env;
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const RUNS = Number(option('runs', 3));
const CPU = Number(option('cpu', 4));
const WAIT_MS = Number(option('wait', 3000));
const ONLY = option('pages', null)?.split(',');
const JSON_OUT = option('json', null);
const CHROME = ENV.CHROME_PATH ?? '/usr/bin/chromium';
const loadAverage = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

// Trace event names → Lighthouse's main-thread groups (core/lib/tracehouse/task-groups.js).
const GROUPS = {
  'Script evaluation': [
    'EventDispatch',
    'EvaluateScript',
    'v8.evaluateModule',
    'FunctionCall',
    'TimerFire',
    'FireIdleCallback',
    'FireAnimationFrame',
    'RunMicrotasks',
    'V8.Execute',
    'v8.run',
    'XHRReadyStateChange',
    'XHRLoad',
  ],
  'Script parse & compile': [
    'v8.compile',
    'v8.compileModule',
    'V8.CompileCode',
    'V8.CompileLazy',
    'v8.parseOnBackground',
    'v8.produceCache',
    'v8.produceModuleCache',
    'v8.deserializeOnBackground',
    'CacheScript',
  ],
  'Parse HTML & CSS': ['ParseHTML', 'ParseAuthorStyleSheet'],
  'Style & layout': [
    'ScheduleStyleRecalculation',
    'UpdateLayoutTree',
    'RecalculateStyles',
    'Layout',
    'InvalidateLayout',
    'LayoutShift',
  ],
  Rendering: [
    'Animation',
    'Paint',
    'PaintImage',
    'PaintSetup',
    'PrePaint',
    'Layerize',
    'CompositeLayers',
    'Commit',
    'UpdateLayer',
    'UpdateLayerTree',
    'Decode Image',
    'ImageDecodeTask',
  ],
  'Garbage collection': [
    'GCEvent',
    'MinorGC',
    'MajorGC',
    'BlinkGC.AtomicPhase',
    'ThreadState::performIdleLazySweep',
  ],
};
const GROUP_OF = new Map(
  Object.entries(GROUPS).flatMap(([group, names]) => names.map((name) => [name, group])),
);
const groupOf = (name) =>
  GROUP_OF.get(name) ??
  (name.startsWith('V8.GC') || name.startsWith('BlinkGC') ? 'Garbage collection' : null);
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'toplevel',
  'loading',
  'blink.user_timing',
  'disabled-by-default-lighthouse',
  'disabled-by-default-devtools.timeline.stack',
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const urlOf = (event) =>
  event.args?.data?.url || event.args?.data?.stackTrace?.[0]?.url || event.args?.fileName || null;

/** Main-thread breakdown of one trace: the renderer main thread that parsed the page's HTML. */
const analyse = (events, pageUrl) => {
  const mains = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const parsed = events.find(
    (e) => e.name === 'ParseHTML' && (e.args?.beginData?.url ?? '').startsWith(pageUrl),
  );
  const main = parsed
    ? { pid: parsed.pid, tid: parsed.tid }
    : mains
        .map((m) => ({
          pid: m.pid,
          tid: m.tid,
          busy: events
            .filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X')
            .reduce((sum, e) => sum + (e.dur ?? 0), 0),
        }))
        .sort((a, b) => b.busy - a.busy)[0];
  if (!main) {
    throw new Error('no renderer main thread in the trace');
  }
  const navigation =
    events.find(
      (e) =>
        e.name === 'navigationStart' &&
        e.pid === main.pid &&
        (e.args?.data?.documentLoaderURL ?? '').startsWith(pageUrl),
    ) ?? parsed;
  const loadEvent = events.find(
    (e) =>
      (e.name === 'MarkLoad' || e.name === 'loadEventEnd') &&
      e.pid === main.pid &&
      e.ts >= (navigation?.ts ?? 0),
  );
  const t0 = navigation?.ts ?? 0;
  const slices = events
    .filter(
      (e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur > 0 && e.ts >= t0,
    )
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const byGroup = {};
  const byUrl = {};
  const otherByName = {};
  const tasks = [];
  // A stack of open slices: self time = duration − time of the slices nested in it.
  const stack = [];
  const close = (until) => {
    while (stack.length > 0 && stack[stack.length - 1].end <= until) {
      const done = stack.pop();
      const group = done.group ?? 'Other';
      byGroup[group] = (byGroup[group] ?? 0) + done.self / 1000;
      if (group === 'Other') {
        otherByName[done.name] = (otherByName[done.name] ?? 0) + done.self / 1000;
      }
    }
  };
  for (const e of slices) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.self -= Math.min(e.dur, parent.end - e.ts);
    } else if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') {
      tasks.push({ start: (e.ts - t0) / 1000, ms: e.dur / 1000 });
    }
    const url = urlOf(e);
    const inheritedUrl = stack.find((s) => s.url)?.url;
    if (url && !inheritedUrl) {
      byUrl[url] = (byUrl[url] ?? 0) + e.dur / 1000;
    }
    stack.push({
      name: e.name,
      end: e.ts + e.dur,
      self: e.dur,
      group: groupOf(e.name) ?? parent?.group ?? null,
      url: url ?? inheritedUrl ?? null,
    });
  }
  close(Number.POSITIVE_INFINITY);
  const long = tasks.filter((t) => t.ms > 50);
  return {
    loadMs: loadEvent ? (loadEvent.ts - t0) / 1000 : null,
    totalMs: Object.values(byGroup).reduce((a, b) => a + b, 0),
    byGroup,
    byUrl,
    otherByName,
    longTasks: long,
    blockingMs: long.reduce((sum, t) => sum + t.ms - 50, 0),
  };
};

const measure = async (browser, baseUrl, page) => {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
  });
  if (page.cookie) {
    const [name, ...value] = page.cookie.split('=');
    await context.addCookies([{ name, value: value.join('='), url: baseUrl }]);
  }
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  await browser.startTracing(tab, { categories: CATEGORIES });
  const url = `${baseUrl}${page.path}`;
  await tab.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await tab.waitForTimeout(WAIT_MS);
  const buffer = await browser.stopTracing();
  await context.close();
  return analyse(JSON.parse(buffer.toString()).traceEvents, url);
};

const main = async () => {
  const external = option('url', null);
  const stack = external
    ? { baseUrl: external, apiUrl: option('api', 'http://localhost:4000'), running: true }
    : await startStack({ name: 'main-thread', timeoutMs: 10 * 60_000 });
  const browser = await chromium.launch({
    executablePath: CHROME,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  const loadBefore = loadAverage();
  const out = {};
  try {
    const target = await playTarget(stack.apiUrl);
    const pages = benchPages(target).filter((page) => !ONLY || ONLY.includes(page.name));
    for (let run = 0; run < RUNS; run += 1) {
      for (const page of pages) {
        const result = await measure(browser, stack.baseUrl, page);
        out[page.name] ??= [];
        out[page.name].push(result);
        console.error(
          `${page.name} run ${run + 1}: main thread ${Math.round(result.totalMs)} ms, blocking ${Math.round(result.blockingMs)} ms in ${result.longTasks.length} long tasks (load average ${loadAverage()})`,
        );
      }
    }
    console.log(
      `Main thread at CPU ${CPU}× (${RUNS} runs, median ms; navigation to ${WAIT_MS} ms after load); load average ${loadBefore} before, ${loadAverage()} after.`,
    );
    for (const [name, runs] of Object.entries(out)) {
      const groups = [...new Set(runs.flatMap((r) => Object.keys(r.byGroup)))]
        .map((group) => [group, median(runs.map((r) => r.byGroup[group] ?? 0))])
        .sort((a, b) => b[1] - a[1]);
      const urls = [...new Set(runs.flatMap((r) => Object.keys(r.byUrl)))]
        .map((url) => [url, median(runs.map((r) => r.byUrl[url] ?? 0))])
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8);
      const others = [...new Set(runs.flatMap((r) => Object.keys(r.otherByName)))]
        .map((name) => [name, median(runs.map((r) => r.otherByName[name] ?? 0))])
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5);
      const longest = runs
        .flatMap((r) => r.longTasks)
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 6);
      console.log(
        `\n## ${name}: ${Math.round(median(runs.map((r) => r.totalMs)))} ms on the main thread, blocking ${Math.round(median(runs.map((r) => r.blockingMs)))} ms, load event at ${Math.round(median(runs.map((r) => r.loadMs ?? 0)))} ms`,
      );
      console.log('\n| Category | ms |\n|---|---:|');
      for (const [group, ms] of groups) {
        console.log(`| ${group} | ${Math.round(ms)} |`);
      }
      console.log(
        `\n"Other" is self time of: ${others.map(([name, ms]) => `${name} ${Math.round(ms)} ms`).join(', ')}`,
      );
      console.log('\n| Script (inclusive: evaluation, compile, calls) | ms |\n|---|---:|');
      for (const [url, ms] of urls) {
        console.log(
          `| ${path.basename(new URL(url, stack.baseUrl).pathname) || url} | ${Math.round(ms)} |`,
        );
      }
      console.log(
        `\nLongest tasks (all runs): ${longest.map((t) => `${Math.round(t.ms)} ms at ${Math.round(t.start)}`).join(', ')}`,
      );
    }
    if (JSON_OUT) {
      writeFileSync(JSON_OUT, `${JSON.stringify(out, null, 2)}\n`);
    }
  } finally {
    await browser.close();
    if (!stack.running) {
      await stopStack(stack);
    }
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
