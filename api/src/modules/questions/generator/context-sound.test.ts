/**
 * Soundness of the quotes-and-figures-in-context items against the five source documents themselves
 * (issue 11): every quote-context and figure-period draft from the real KB keys a record whose words
 * or amount stand verbatim in its source, with every name of the key's wording standing near them,
 * and every wrong option is another record traceable the same way that the item's own record
 * refutes (another quote's words, another amount). Reads the documents from SEEDS_DIR like the KB
 * validator test, but checks them by its own path, not the validator's.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Figure, Quote } from '@quiz/prisma/knowledge';
import type { BankQuestion } from '../types';
import { finalise } from './build-bank';
import { buildKbIndex } from './kb-index';
import { loadKbFiles } from './load-kb-files';
import { seededRng } from './rng';
import { askableFigure } from './templates/common';
import { figurePeriodTemplate, quoteContextTemplate } from './templates/context-templates';
import type { Template } from './types';

const SEEDS_DIR =
  process.env.SEEDS_DIR ||
  path.resolve(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'seeds');

const kb = loadKbFiles();
const idx = buildKbIndex(kb);

const drafts = (t: Template): BankQuestion[] => {
  const rng = seededRng(1);
  return t.generate(idx).flatMap((g) => g.map((d) => finalise(d, rng)));
};

/** Straight quotes and apostrophes, one space: the documents use curly ones. */
const plain = (t: string): string =>
  t
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

/** Characters either side of a record's passage in which the names of its wording must stand. */
const NEAR = 1500;

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
];

/** How a document may write an amount: "18", "3,000", "seven". */
const amountForms = (n: number): string[] => [
  String(n),
  n.toLocaleString('en-US'),
  ...(n < NUMBER_WORDS.length ? [NUMBER_WORDS[n] as string] : []),
];

/** The nouns a document may count a unit in ("seven individuals" for 7 people). */
const UNIT_NOUNS: Record<string, string[]> = {
  people: ['people', 'individuals', 'members'],
  seats: ['seats'],
  weeks: ['weeks'],
  years: ['years'],
  agreements: ['agreements'],
};

describe('quotes and figures in context against the source documents', () => {
  if (!existsSync(SEEDS_DIR)) {
    it('needs the source documents', () => {
      throw new Error(`The source documents are not at ${SEEDS_DIR}: set SEEDS_DIR.`);
    });
    return;
  }
  const docs = new Map(
    kb.sources.map((s) => [s.slug, plain(readFileSync(path.join(SEEDS_DIR, s.file), 'utf8'))]),
  );

  /** The cited passage's document and where the passage stands in it. */
  const located = (citationId: string): { doc: string; at: number; passage: string } => {
    const c = idx.citations.get(citationId);
    const doc = docs.get(c?.source ?? '') ?? '';
    const passage = plain(c?.quote ?? '?');
    return { doc, at: doc.indexOf(passage), passage };
  };

  /** Names (capitalised words) of our wording that stand nowhere near the passage. */
  const namesFarFrom = (wording: string, citationId: string): string[] => {
    const { doc, at, passage } = located(citationId);
    const near = doc.slice(Math.max(0, at - NEAR), at + passage.length + NEAR);
    return [...plain(wording).matchAll(/\b[A-Z][\w.-]*/g)]
      .map((m) => m[0].replace(/'s$/, '').replace(/(?<![A-Z])\.$/, ''))
      .filter((name) => !near.includes(name));
  };

  /** Problems with a quote as an option: its words, its passage, its subject's names. */
  const quoteTrace = (q: Quote): string[] => {
    const { doc, at, passage } = located(q.citation);
    const out: string[] = [];
    if (at < 0) {
      out.push(`${q.id}: passage not in its document`);
    }
    if (!passage.includes(plain(q.words)) || !doc.includes(plain(q.words))) {
      out.push(`${q.id}: words not verbatim in the passage`);
    }
    out.push(...namesFarFrom(q.subject ?? '', q.citation).map((n) => `${q.id}: "${n}" not near`));
    return out;
  };

  /** Problems with a figure as an option: its amount counted in its passage, its ask's names near. */
  const figureTrace = (f: Figure): string[] => {
    const { at, passage } = located(f.citation);
    const out: string[] = [];
    if (at < 0) {
      out.push(`${f.id}: passage not in its document`);
    }
    const nouns = UNIT_NOUNS[f.unit] ?? [f.unit];
    const counted = amountForms(f.amount).some((a) =>
      nouns.some((u) => new RegExp(`\\b${a}(?: [\\w-]+)?(?: [\\w-]+)? ${u}\\b`).test(passage)),
    );
    if (!counted) {
      out.push(`${f.id}: ${f.amount} ${f.unit} not counted in its passage`);
    }
    out.push(...namesFarFrom(f.ask ?? '', f.citation).map((n) => `${f.id}: "${n}" not near`));
    return out;
  };

  const quoteOf = (optionId: string): Quote | undefined =>
    kb.quotes.find((q) => `ctx-${q.id}`.slice(0, 64) === optionId);
  const figureOf = (optionId: string): Figure | undefined =>
    kb.figures.find((f) => `cnt-${f.id}`.slice(0, 64) === optionId);

  const contexts = drafts(quoteContextTemplate);
  const periods = drafts(figurePeriodTemplate);

  it('asks every quote in context and every figure with an ask', () => {
    const asked = new Set(contexts.map((q) => q.factIds[0]));
    expect(kb.quotes.filter((q) => !asked.has(`quote:${q.id}`)).map((q) => q.id)).toEqual([]);
    const counted = new Set(periods.map((q) => q.factIds[0]));
    expect(
      kb.figures
        .filter((f) => f.ask && askableFigure(f) && !counted.has(`figure:${f.id}`))
        .map((f) => f.id),
    ).toEqual([]);
  });

  it("keys a quote's subject and offers other quotes' subjects, all traceable in the documents", () => {
    const bad: string[] = [];
    for (const q of contexts) {
      const asked = kb.quotes.find((x) => `quote:${x.id}` === q.factIds[0]);
      if (!asked) {
        bad.push(`no quote for ${q.stem}`);
        continue;
      }
      // The stem shows the words as the source gives them.
      if (!plain(q.stem).includes(plain(asked.words).replace(/\.$/, ''))) {
        bad.push(`${asked.id}: the stem does not show the words`);
      }
      for (const o of q.prompt.options ?? []) {
        const quote = quoteOf(o.id);
        if (!quote) {
          bad.push(`${asked.id}: option ${o.id} is no quote`);
          continue;
        }
        bad.push(...quoteTrace(quote));
        const isKey = q.key.optionIds?.includes(o.id) ?? false;
        if (isKey !== (quote.id === asked.id)) {
          bad.push(`${asked.id}: ${o.id} keyed wrongly`);
        }
        // A wrong subject belongs to other words, said on another occasion.
        if (
          !isKey &&
          (quote.words === asked.words || (quote.event && quote.event === asked.event))
        ) {
          bad.push(`${asked.id}: ${o.id} shares the asked words or event`);
        }
        // Its feedback quotes those other words, verbatim.
        const r = q.key.rationales?.find((x) => x.ref === o.id);
        if (!isKey && !plain(r?.text ?? '').includes(plain(quote.words).replace(/\.$/, ''))) {
          bad.push(`${asked.id}: feedback on ${o.id} does not quote its words`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('keys the figure whose passage counts the asked amount, and offers only other amounts', () => {
    const bad: string[] = [];
    for (const q of periods) {
      const asked = kb.figures.find((f) => `figure:${f.id}` === q.factIds[0]);
      if (!asked) {
        bad.push(`no figure for ${q.stem}`);
        continue;
      }
      if (!new RegExp(`\\b${asked.amount.toLocaleString('en-US')} count\\?$`).test(q.stem)) {
        bad.push(`${asked.id}: the stem does not ask its amount`);
      }
      for (const o of q.prompt.options ?? []) {
        const f = figureOf(o.id);
        if (!f) {
          bad.push(`${asked.id}: option ${o.id} is no figure`);
          continue;
        }
        bad.push(...figureTrace(f));
        const isKey = q.key.optionIds?.includes(o.id) ?? false;
        if (isKey !== (f.id === asked.id)) {
          bad.push(`${asked.id}: ${o.id} keyed wrongly`);
        }
        if (!isKey && f.amount === asked.amount) {
          bad.push(`${asked.id}: ${o.id} has the asked amount too`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('re-derives every key (requery)', () => {
    for (const [t, qs] of [
      [quoteContextTemplate, contexts],
      [figurePeriodTemplate, periods],
    ] as const) {
      for (const q of qs) {
        const r = t.requery(q, idx);
        expect([q.stem, r]).toEqual([q.stem, { ok: true, key: q.key.optionIds }]);
      }
    }
  });
});
