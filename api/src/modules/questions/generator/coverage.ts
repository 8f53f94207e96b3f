/**
 * Which relations, figures and quotes of the KB the bank asks, and for each one it does not, why
 * (issue 11: "every relation, figure and quote asked by some question, or named with the reason it
 * cannot be"). The reason is measured, not written by hand: a gate-passed draft held back by the
 * bank's caps, a draft the gate blocks (with the check), or the record's own shape that no template
 * can ask soundly; and, when another item shows its passage as proof, that item.
 * Pure: no I/O; `scripts/kb-coverage.ts` writes docs/kb-coverage.md from it.
 */
import type { KnowledgeBase } from '@quiz/prisma/knowledge';
import { checkQuestion } from '../gate';
import type { BankQuestion } from '../types';
import { buildBank, finalise } from './build-bank';
import { buildKbIndex } from './kb-index';
import { seededRng } from './rng';
import { TEMPLATES } from './templates';
import { LEFT_OUT_QUOTES } from './templates/quote-table-templates';

export type CoverageRow = {
  kind: 'relation' | 'figure' | 'quote';
  id: string;
  label: string;
  reason: string | null;
};

export const kbCoverage = (
  kb: KnowledgeBase,
  seed: number,
): { rows: CoverageRow[]; markdown: string } => {
  const idx = buildKbIndex(kb);
  const { questions } = buildBank({ kb, seed });
  const factsOf = (q: BankQuestion): string[] => [
    ...q.factIds,
    ...(q.key.rationales ?? []).flatMap((r) => r.factIds ?? []),
  ];
  const asked = new Map<string, BankQuestion>();
  for (const q of questions) {
    for (const f of factsOf(q)) {
      if (!asked.has(f)) {
        asked.set(f, q);
      }
    }
  }
  // Passages the bank shows, and one item showing each.
  const shown = new Map<string, BankQuestion>();
  for (const q of questions) {
    for (const c of q.citationIds) {
      if (!shown.has(c)) {
        shown.set(c, q);
      }
    }
  }

  // Every draft of every template, gated, by the facts it touches.
  type Fate = { template: string; blocked: string[] };
  const fates = new Map<string, Fate[]>();
  const rng = seededRng(seed);
  for (const t of TEMPLATES) {
    for (const group of t.generate(idx)) {
      for (const d of group) {
        const q = finalise(d, rng);
        const blocked = checkQuestion(q, idx)
          .filter((f) => f.severity === 'BLOCK')
          .map((f) => f.id);
        for (const f of new Set(factsOf(q))) {
          fates.set(f, [...(fates.get(f) ?? []), { template: t.id, blocked }]);
        }
      }
    }
  }

  const short = (s: string, n = 90): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const stemOf = (q: BankQuestion): string => `“${short(q.stem, 80)}” (${q.template})`;

  /** Why a record no item keys or refutes is still not asked; null when it is asked. */
  const reasonFor = (fact: string, citations: string[], shape: () => string): string | null => {
    if (asked.has(fact)) {
      return null;
    }
    const fs = fates.get(fact) ?? [];
    const passed = fs.filter((f) => f.blocked.length === 0);
    if (passed.length > 0) {
      const ts = [...new Set(passed.map((f) => f.template))].join(', ');
      return `held back by the bank's caps (per-fact, per-template, type shares): gate-passed draft of ${ts}`;
    }
    const via = citations.map((c) => shown.get(c)).find((q) => q !== undefined);
    const blocked = fs.length
      ? `drafted by ${[...new Set(fs.map((f) => f.template))].join(', ')}, blocked by the gate (${[...new Set(fs.flatMap((f) => f.blocked))].join(', ')})`
      : null;
    const parts = [
      blocked ?? shape(),
      via ? `its passage is shown as proof by ${stemOf(via)}` : null,
    ].filter((p): p is string => p !== null);
    return parts.join('; ');
  };

  const hasDate = (r: (typeof kb.relations)[number]): boolean =>
    r.from !== undefined && (r.from.certainty ?? 'EXACT') === 'EXACT';
  const sameKind = (r: (typeof kb.relations)[number]): number =>
    kb.relations.filter((o) => o.type === r.type && o.object === r.object).length;

  const relationShape = (r: (typeof kb.relations)[number]): string => {
    if (r.status !== 'FACT') {
      const what =
        r.status === 'OPINION'
          ? 'an opinion'
          : r.status === 'CLAIM'
            ? 'a claim'
            : `a ${r.status.toLowerCase()} claim`;
      return `${what}${r.claimedBy ? ` (${r.claimedBy})` : ''}: no template states a claim as a relation; claims are asked through explanation and stance records, which carry who makes them`;
    }
    if (
      r.type === 'ATTACKED' &&
      idx.kb.events.some((e) => e.slug === r.context && /\bwar\b/i.test(e.title))
    ) {
      return "the war's own act: a stem naming the war gives it away (audit 12)";
    }
    if (r.type === 'LED') {
      return 'a leader ruling a state: asked as an office record (offices.json), not as an act between two parties';
    }
    if (r.type === 'KEPT_TIES') {
      return 'the sources name these states as exceptions to an isolation, not as ties kept (audit 3)';
    }
    if (sameKind(r) > 1) {
      return `${sameKind(r)} KB subjects share this act and object: a "who" has several right answers, and no cited fact refutes another party as a wrong option (open world)`;
    }
    if (!hasDate(r)) {
      return 'no exact period in its passages: a "who did this, when" needs one (gate B7), and an open-world "who" has no refutable wrong option';
    }
    return 'no cited opposite act in the same window: no wrong option can be proven wrong (open world)';
  };

  const figureShape = (f: (typeof kb.figures)[number]): string => {
    if (f.amountHigh !== undefined) {
      return 'a range: a true/false amount or "which figure" cannot be keyed exactly';
    }
    if (f.status === 'DISPUTED') {
      return 'disputed: asked only with both sides, which this figure lacks';
    }
    if (f.measures === 'SEATS') {
      return 'seats in an Iraqi election that the sources do not tie to Iran and Syria: off topic (audits 3 and 19)';
    }
    if (f.measures === 'DURATION' && f.asOf === undefined) {
      return 'a duration with no date to count from: a student cannot place it (audits 3 and 19)';
    }
    const spoken = kb.quotes.find((q) => q.citation === f.citation);
    if (spoken) {
      return `a figure in a speaker's own words (“${spoken.words.slice(0, 40)}…”): a turn of phrase, not a measurement, so no "what did it count" is asked`;
    }
    return 'no other count within ten times its amount to stand as a wrong option common sense cannot rule out (figure-period), and its label carries a year its passage does not state (figure-true-false)';
  };

  /** quote-context asked every quote's subject; it is withheld from the bank since audit 19. */
  const WITHHELD_CONTEXT =
    "quote-context, which asks what the words were about, is withheld: the quoted words ruled out every other quote's subject (audit 19)";
  const withContextNote = (r: string | null): string | null =>
    r === null || r.includes('quote-context') ? r : `${r}; ${WITHHELD_CONTEXT}`;
  /** grow12's reviewed quote table names why it leaves a quote out. */
  const reviewed = (id: string, r: string | null): string | null =>
    r === null || LEFT_OUT_QUOTES[id] === undefined
      ? r
      : `${r}; the reviewed quote table (grow12) leaves it out: ${LEFT_OUT_QUOTES[id]}`;
  const quoteShape = (q: (typeof kb.quotes)[number]): string => {
    const words = q.words.split(/\s+/).length;
    if (words < 6) {
      return `a ${words}-word fragment: "who said" over it tests recognition of a phrase, not the speaker's position (gate S5); ${WITHHELD_CONTEXT}`;
    }
    return `the speaker is the only plausible one for the topic, so "who said" would answer itself; ${WITHHELD_CONTEXT}`;
  };

  const rows: CoverageRow[] = [
    ...kb.relations.map(
      (r): CoverageRow => ({
        kind: 'relation',
        id: r.id,
        label: `\`${r.id}\` (${r.type})`,
        reason: reasonFor(`relation:${r.id}`, r.citations, () => relationShape(r)),
      }),
    ),
    ...kb.figures.map(
      (f): CoverageRow => ({
        kind: 'figure',
        id: f.id,
        label: `\`${f.id}\``,
        reason: reasonFor(`figure:${f.id}`, [f.citation], () => figureShape(f)),
      }),
    ),
    ...kb.quotes.map(
      (q): CoverageRow => ({
        kind: 'quote',
        id: q.id,
        label: `\`${q.id}\``,
        reason: reviewed(
          q.id,
          withContextNote(reasonFor(`quote:${q.id}`, [q.citation], () => quoteShape(q))),
        ),
      }),
    ),
  ];

  const count = (kind: string): string => {
    const all = rows.filter((r) => r.kind === kind);
    return `${all.filter((r) => r.reason === null).length}/${all.length}`;
  };
  const lines = [
    '# What the bank does not ask, and why',
    '',
    `Generated by \`api/scripts/kb-coverage.ts --seed ${seed}\` from the bank and every template's drafts;`,
    '`kb-coverage.test.ts` fails when a record is missing here. A record counts as asked when a bank item keys',
    'it or cites it to refute a wrong option. Issue 11 asks that every relation, figure and quote is asked',
    'or named here with the reason.',
    '',
    `Asked (seed ${seed}, ${questions.length} items): relations ${count('relation')}, figures ${count('figure')}, quotes ${count('quote')}.`,
    '',
    '| kind | record | why not asked |',
    '|---|---|---|',
    ...rows.filter((r) => r.reason !== null).map((r) => `| ${r.kind} | ${r.label} | ${r.reason} |`),
    '',
  ];
  return { rows, markdown: lines.join('\n') };
};
