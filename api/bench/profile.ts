/**
 * Profiles one server under one scenario's load (a tool for performance work, not part of
 * `pnpm bench`): starts the bench database, the server with --cpu-prof, autocannon for N
 * seconds, then prints the hottest functions (self time) and the time per package.
 *   pnpm --filter @quiz/api exec tsx bench/profile.ts ours fetch 10
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openBenchDatabase } from './lib/database';
import { loadWebDocuments } from './lib/documents';
import { runLoad } from './lib/load';
import { canPin, pinSelf } from './lib/proc';
import { startServer, type Variant } from './lib/servers';
import { generator, loadFixtures, resetPools, type Scenario } from './scenarios';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const main = async () => {
  const [variant = 'ours', scenario = 'fetch', seconds = '10'] = process.argv.slice(2);
  const pinned = canPin();
  if (pinned) {
    pinSelf(0);
  }
  const database = await openBenchDatabase({
    profile: 'default',
    boardEntries: Number(process.env.BENCH_ENTRIES ?? 1_000_000),
    fresh: false,
    log: console.log,
  });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'quiz-prof-'));
  try {
    const fixtures = await loadFixtures(client);
    await resetPools(client, scenario as Scenario);
    const server = await startServer({
      variant: variant as Variant,
      databaseUrl: database.url,
      poolSize: 10,
      cpu: pinned ? 1 : null,
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    });
    const gen = generator(scenario as Scenario, loadWebDocuments(), fixtures);
    await runLoad(server.url, gen.next, { connections: 10, seconds: 2 });
    const result = await runLoad(server.url, gen.next, {
      connections: 10,
      seconds: Number(seconds),
    });
    console.log(
      `${variant} ${scenario}: ${result.rps.toFixed(0)} req/s, failures ${JSON.stringify(result.failures)}`,
    );
    const code = await server.stop();
    console.log(`exit code ${code}; ${server.output().slice(-500)}`);
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) {
      throw new Error('no profile written');
    }
    const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Profile;
    const self = new Map<number, number>();
    for (const [i, id] of profile.samples.entries()) {
      self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
    }
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    const byFunction = new Map<string, number>();
    const byPackage = new Map<string, number>();
    for (const node of profile.nodes) {
      const t = self.get(node.id) ?? 0;
      const { functionName, url, lineNumber } = node.callFrame;
      const short = url
        .replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
        .replace(/^file:\/\/\/work\/main\//, '');
      const key = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + t);
      const pkg = url.includes('node_modules')
        ? (/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
          'deps')
        : url.startsWith('node:') || url === ''
          ? functionName.startsWith('(')
            ? functionName
            : 'node internals'
          : url.includes('/api/src/')
            ? 'api/src'
            : url.includes('/prisma/')
              ? 'prisma (generated)'
              : 'other';
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + t);
    }
    const top = (map: Map<string, number>, n: number) =>
      [...map.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`)
        .join('\n');
    console.log(
      `\nBy package:\n${top(byPackage, 20)}\n\nHottest functions (self):\n${top(byFunction, 40)}`,
    );
  } finally {
    await client.end();
    await database.server.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
