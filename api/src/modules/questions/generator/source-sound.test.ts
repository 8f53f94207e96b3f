/**
 * Soundness of the "who says what" items against the five source documents themselves (issue 11):
 * a wrong outlet's text (the whole document, or its snippet on the search page) contains none of
 * the claim's distinctive words, the key outlet's text carries the cited passages, and `requery`
 * finds the same key. Reads the documents from SEEDS_DIR like the KB validator test.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BankQuestion } from '../types';
import { finalise } from './build-bank';
import { buildKbIndex } from './kb-index';
import { loadKbFiles } from './load-kb-files';
import { seededRng } from './rng';
import OUTLET_WORDS from './templates/outlet-words.json';
import {
  claimTokens,
  distinctiveTokens,
  outletLabel,
  outletOf,
  outletTexts,
  outletWords,
  sourceMatchTemplate,
  sourceMultiTemplate,
  sourceTrueFalseTemplate,
  sourceWhichTemplate,
} from './templates/source-templates';

const SEEDS_DIR =
  process.env.SEEDS_DIR ||
  path.resolve(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'seeds');

const kb = loadKbFiles();
const idx = buildKbIndex(kb);

const drafts = (t: typeof sourceWhichTemplate): BankQuestion[] => {
  const rng = seededRng(1);
  return t.generate(idx).flatMap((g) => g.map((d) => finalise(d, rng)));
};

const explanationOf = (q: BankQuestion) => {
  const x = idx.explanations.get(q.factIds[0]?.replace(/^explanation:/, '') ?? '');
  if (!x) {
    throw new Error(`no explanation for ${q.stem}`);
  }
  return x;
};

describe('who-says-what items against the source documents', () => {
  if (!existsSync(SEEDS_DIR)) {
    it('needs the source documents', () => {
      throw new Error(`The source documents are not at ${SEEDS_DIR}: set SEEDS_DIR.`);
    });
    return;
  }
  const texts = outletTexts(kb, (file) => readFileSync(path.join(SEEDS_DIR, file), 'utf8'));
  const words = (o: string): Set<string> => new Set(claimTokens(texts.get(o) ?? ''));
  const which = drafts(sourceWhichTemplate);
  const tf = drafts(sourceTrueFalseTemplate);

  it("reads the outlets' words from the current documents (outlet-words.json is not stale)", () => {
    expect(outletWords(texts)).toEqual(OUTLET_WORDS);
  });

  it('generates items of both kinds', () => {
    expect(which.length).toBeGreaterThanOrEqual(40);
    expect(tf.length).toBeGreaterThanOrEqual(40);
    expect(tf.some((q) => q.key.optionIds?.[0] === 'false')).toBe(true);
    expect(tf.some((q) => q.key.optionIds?.[0] === 'true')).toBe(true);
  });

  it('never offers an outlet whose text uses a distinctive word of the claim', () => {
    const bad: string[] = [];
    for (const q of which) {
      const x = explanationOf(q);
      const claim = distinctiveTokens(idx, x.answer);
      expect(claim.length).toBeGreaterThanOrEqual(2);
      for (const o of q.prompt.options ?? []) {
        if (q.key.optionIds?.includes(o.id)) {
          continue;
        }
        const hit = claim.filter((w) => words(o.id.replace(/^src-/, '')).has(w));
        if (hit.length > 0) {
          bad.push(`${o.label} uses ${hit.join(',')} | ${q.stem}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('keys the outlet whose text carries every cited passage', () => {
    for (const q of which) {
      const x = explanationOf(q);
      const key = (q.key.optionIds?.[0] ?? '').replace(/^src-/, '');
      const text = (texts.get(key) ?? '').replace(/\s+/g, ' ');
      for (const c of x.citations) {
        expect([
          c,
          text.includes((idx.citations.get(c)?.quote ?? '?').replace(/\s+/g, ' ')),
        ]).toEqual([c, true]);
      }
    }
  });

  it('says False only of a whole document silent on the claim, True only of the cited one', () => {
    for (const q of tf) {
      const x = explanationOf(q);
      const named = [...texts.keys()].find((o) =>
        q.stem.startsWith(`True or false: ${outletLabel(o)} gives`),
      );
      expect([q.stem, named !== undefined]).toEqual([q.stem, true]);
      const cited = x.citations.map((c) =>
        outletOf(idx.citations.get(c) ?? { source: '', locator: '' }),
      );
      if (q.key.optionIds?.[0] === 'true') {
        expect(cited).toContain(named);
      } else {
        expect(cited).not.toContain(named);
        expect(['wikipedia', 'iranwire', 'mena', 'alrumaihi']).toContain(named);
        const hit = distinctiveTokens(idx, x.answer).filter((w) => words(named ?? '').has(w));
        expect([q.stem, hit]).toEqual([q.stem, []]);
      }
    }
  });

  const multi = drafts(sourceMultiTemplate);
  const match = drafts(sourceMatchTemplate);
  const claimOf = (id: string) => idx.explanations.get(id.replace(/^src-/, ''));
  const silent = (outlet: string, id: string): string[] => {
    const x = claimOf(id);
    return x ? distinctiveTokens(idx, x.answer).filter((w) => words(outlet).has(w)) : ['?'];
  };

  it('offers in "which accounts does X give" only claims X gives or X is silent on', () => {
    expect(multi.length).toBeGreaterThanOrEqual(8);
    for (const q of multi) {
      const named = [...texts.keys()].find((o) =>
        q.stem.includes(` does ${outletLabel(o).replace(/^The /, 'the ')} give?`),
      );
      expect([q.stem, named !== undefined]).toEqual([q.stem, true]);
      for (const o of q.prompt.options ?? []) {
        const x = claimOf(o.id);
        const cited = (x?.citations ?? []).map((c) =>
          outletOf(idx.citations.get(c) ?? { source: '', locator: '' }),
        );
        if (q.key.optionIds?.includes(o.id)) {
          expect(cited).toContain(named);
        } else {
          expect([o.label, silent(named ?? '', o.id)]).toEqual([o.label, []]);
        }
      }
    }
  });

  it('matches each claim to the only target outlet that is not silent on it', () => {
    expect(match.length).toBeGreaterThanOrEqual(2);
    for (const q of match) {
      for (const p of q.key.pairs ?? []) {
        for (const t of q.prompt.targets ?? []) {
          if (t.id !== p.targetId) {
            expect([p.itemId, t.id, silent(t.id.replace(/^src-/, ''), p.itemId)]).toEqual([
              p.itemId,
              t.id,
              [],
            ]);
          }
        }
      }
    }
  });

  it('re-derives every key by the cited quotes (requery)', () => {
    for (const [t, qs] of [
      [sourceWhichTemplate, which],
      [sourceTrueFalseTemplate, tf],
      [sourceMultiTemplate, multi],
      [sourceMatchTemplate, match],
    ] as const) {
      for (const q of qs) {
        const r = t.requery(q, idx);
        const key =
          q.type === 'MATCHING'
            ? (q.key.pairs ?? []).map((p) => `${p.itemId}>${p.targetId}`).sort()
            : [...(q.key.optionIds ?? [])].sort();
        const got = r.ok ? { ok: true, key: [...r.key].sort() } : r;
        expect([q.stem, got]).toEqual([q.stem, { ok: true, key }]);
      }
    }
  });

  it('writes feedback that says what is true of each wrong outlet, never the key again', () => {
    for (const q of which) {
      const keyText = q.key.rationales?.find((r) => r.isCorrect)?.text ?? '';
      for (const r of q.key.rationales ?? []) {
        if (!r.isCorrect) {
          expect(r.text).not.toBe(keyText);
          expect(r.text).toMatch(
            /^Not .+: this comes from .+\. .+ (explains|says|is the source for another point)\b/,
          );
          expect(r.factIds.length).toBeGreaterThan(0);
        }
      }
      expect(q.stem).not.toMatch(/\b(IranWire|Wikipedia|MENA|Alrumaihi)\b/);
    }
  });
});
