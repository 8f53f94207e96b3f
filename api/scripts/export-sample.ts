/**
 * Writes a stratified sample of the generated bank as plain Markdown for a blind reviewer who reads
 * only the five sources: stem, options (key marked), explanation, per-option feedback, citations
 * (source name and quoted passage). No internal ids beyond an item number.
 *
 *   pnpm --filter @quiz/api export:sample -- --n 90 --seed 7 --out /tmp/sample.md [--template a,b]
 *     [--exclude /tmp/other-sample.md]
 *
 * Strata: every template gets at least one item; the rest is drawn with weights favouring disputed
 * or attributed facts, wars, leaders and money, spread over eras.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { buildBank, buildKbIndex } from '../src/modules/questions/generator';
import { loadKbFiles } from '../src/modules/questions/generator/load-kb-files';
import { seededRng } from '../src/modules/questions/generator/rng';
import type { BankQuestion } from '../src/modules/questions/types';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const n = Number(arg('n', '90'));
const seed = Number(arg('seed', '7'));
const out = arg('out', '/tmp/sample.md');

const kb = loadKbFiles();
const idx = buildKbIndex(kb);
// --template a,b: only those templates (to review one family as the reviewer will see it).
const only = arg('template', '').split(',').filter(Boolean);
// --exclude file: leave out items whose stem a sample already shows, so a reader never judges one twice.
const excludeFile = arg('exclude', '');
const excluded = new Set(
  excludeFile
    ? readFileSync(excludeFile, 'utf8')
        .split('\n')
        .map((l) => l.trim())
    : [],
);
const questions = buildBank({ kb, seed }).questions.filter(
  (q) => (only.length === 0 || only.includes(q.template)) && !excluded.has(q.stem.trim()),
);
const rng = seededRng(seed);

const weight = (q: BankQuestion): number => {
  let w = 1;
  const statuses = q.factIds.map((f) => idx.facts.get(f)?.status);
  if (statuses.some((s) => s && s !== 'FACT')) {
    w += 2;
  }
  if (q.themes.some((t) => /war|military|conflict/.test(t))) {
    w += 1;
  }
  if (q.actorSlugs.some((a) => idx.actors.get(a)?.kind === 'PERSON')) {
    w += 1;
  }
  if (q.factIds.some((f) => f.startsWith('figure:')) || /\$|billion|million/.test(q.stem)) {
    w += 2;
  }
  if (
    q.template.startsWith('explain') ||
    q.template.startsWith('why-') ||
    q.template === 'stance-who' ||
    q.template === 'quote-topic'
  ) {
    w += 1;
  }
  return w;
};

const picked: BankQuestion[] = [];
const templates = [...new Set(questions.map((q) => q.template))].sort();
for (const t of templates) {
  const pool = questions.filter((q) => q.template === t);
  picked.push(pool[Math.floor(rng.next() * pool.length)] as BankQuestion);
}
const eras = [...new Set(questions.map((q) => q.eraSlug ?? 'cross-era'))];
for (const e of eras) {
  if (!picked.some((q) => (q.eraSlug ?? 'cross-era') === e)) {
    const pool = questions.filter((q) => (q.eraSlug ?? 'cross-era') === e);
    picked.push(pool[Math.floor(rng.next() * pool.length)] as BankQuestion);
  }
}
const rest = questions.filter((q) => !picked.includes(q));
while (picked.length < n && rest.length > 0) {
  const total = rest.reduce((s, q) => s + weight(q), 0);
  let r = rng.next() * total;
  const i = rest.findIndex((q) => {
    r -= weight(q);
    return r <= 0;
  });
  picked.push(...rest.splice(Math.max(0, i), 1));
}

const sourceName = (citationId: string): string => {
  const c = idx.citations.get(citationId);
  const s = kb.sources.find((x) => x.slug === c?.source);
  return s ? `${s.publisher}${s.author ? `, ${s.author}` : ''}` : 'unknown source';
};
const passages = (ids: string[]): string[] =>
  ids.map((c) => `  - ${sourceName(c)}: “${idx.citations.get(c)?.quote ?? ''}”`);

const lines: string[] = [`# Question sample (${picked.length} items, seed ${seed})`, ''];
picked.forEach((q, i) => {
  lines.push(`## ${i + 1}. ${q.type.replace(/_/g, ' ').toLowerCase()}`, '', q.stem, '');
  if (q.prompt.quote) {
    lines.push(`> ${q.prompt.quote}`, '');
  }
  const key = new Set(q.key.optionIds ?? []);
  for (const o of q.prompt.options ?? []) {
    lines.push(`- ${key.has(o.id) ? '**[key]** ' : ''}${o.label}`);
  }
  for (const it of q.prompt.items ?? []) {
    lines.push(`- item: ${it.label}`);
  }
  for (const t of q.prompt.targets ?? []) {
    lines.push(`- target: ${t.label}`);
  }
  if (q.key.order) {
    const label = (id: string) => q.prompt.items?.find((x) => x.id === id)?.label ?? id;
    lines.push('', `Key order: ${q.key.order.map(label).join(' → ')}`);
  }
  if (q.key.pairs) {
    const l = (id: string) =>
      [...(q.prompt.items ?? []), ...(q.prompt.targets ?? [])].find((x) => x.id === id)?.label ??
      id;
    lines.push(
      '',
      `Key pairs: ${q.key.pairs.map((p) => `${l(p.itemId)} = ${l(p.targetId)}`).join('; ')}`,
    );
  }
  if (q.key.year !== undefined) {
    lines.push('', `Key year: ${q.key.year}`);
  }
  if (q.key.answers) {
    lines.push(
      '',
      `Accepted answers (case, accents, apostrophes, hyphens and small typos are ignored): ${q.key.answers.join(', ')}`,
    );
  }
  lines.push('', `**Explanation.** ${q.explanation}`, '', '**Feedback per option:**');
  for (const r of q.key.rationales) {
    const label =
      [...(q.prompt.options ?? []), ...(q.prompt.items ?? [])].find((o) => o.id === r.ref)?.label ??
      r.ref;
    lines.push(`- ${r.isCorrect ? '(right)' : '(wrong)'} ${label}: ${r.text}`);
  }
  lines.push('', '**Passages:**', ...passages(q.citationIds), '', 'Verdict: ', '');
});
writeFileSync(out, lines.join('\n'));
console.log(`wrote ${picked.length} items to ${out}`);
