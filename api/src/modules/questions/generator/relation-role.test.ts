/**
 * relation-role (issue 11, relations): "Which of these happened during the Iran–Iraq War?" over
 * statements. Unit tests on a KB cut down from the real one (so a rule, not the data, is tested),
 * and a soundness test over the real KB and the five source texts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '@quiz/prisma/knowledge';
import { sharedBank } from '../../../../test/factories/bank';
import { checkQuestion } from '../gate';
import type { BankQuestion } from '../types';
import { buildKbIndex } from '.';
import { finalise } from './build-bank';
import { loadKbFiles } from './load-kb-files';
import { seededRng } from './rng';
import { relationRoleTemplate } from './templates/relation-role';

const SEEDS_DIR =
  process.env.SEEDS_DIR ||
  path.resolve(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'seeds');

const realKb = loadKbFiles();

const draftsOf = (kb: KnowledgeBase): BankQuestion[] => {
  const idx = buildKbIndex(kb);
  const rng = seededRng(1);
  return relationRoleTemplate.generate(idx).flatMap((g) => g.map((d) => finalise(d, rng)));
};

const keyLabels = (q: BankQuestion): string[] =>
  (q.prompt.options ?? []).filter((o) => q.key.optionIds?.includes(o.id)).map((o) => o.label);
const wrongLabels = (q: BankQuestion): string[] =>
  (q.prompt.options ?? []).filter((o) => !q.key.optionIds?.includes(o.id)).map((o) => o.label);

describe('relation-role on a cut-down KB', () => {
  const without = (ids: string[]): KnowledgeBase => ({
    ...realKb,
    relations: realKb.relations.filter((r) => !ids.includes(r.id)),
  });

  it('keys the war’s FACT relations and refutes each wrong statement by a cited relation or passage', () => {
    const items = draftsOf(realKb);
    // One item since audit 12: "Saddam Hussein attacked Iran" is the war itself, no key.
    expect(items.length).toBeGreaterThanOrEqual(1);
    const idx = buildKbIndex(realKb);
    for (const q of items) {
      expect(q.key.optionIds).toHaveLength(2);
      expect(q.prompt.options).toHaveLength(4);
      for (const r of q.key.rationales) {
        expect([r.ref, r.factIds.length > 0, r.citationIds.length > 0]).toEqual([
          r.ref,
          true,
          true,
        ]);
      }
      const re = relationRoleTemplate.requery(q, idx);
      expect(re.ok && [...re.key].sort()).toEqual([...(q.key.optionIds ?? [])].sort());
    }
    const keys = items.flatMap(keyLabels);
    expect(keys).toEqual(
      expect.arrayContaining(['Syria sided with Iran', 'Saudi Arabia isolated Syria']),
    );
  });

  it('never offers a party the KB says nothing about: without the exclusivity passage no Arab state is "sided with Iran"', () => {
    const kb: KnowledgeBase = {
      ...realKb,
      relations: realKb.relations.map((r) =>
        r.id === 'syria-sided-with-iran-iran-iraq-war'
          ? { ...r, citations: r.citations.filter((c) => !/only|alone/.test(c)) }
          : r,
      ),
      citations: realKb.citations.map((c) =>
        /only-arab|alone-among/.test(c.id) ? { ...c, quote: 'Syria stood by Iran.' } : c,
      ),
    };
    const wrongs = draftsOf(kb).flatMap(wrongLabels);
    // Saudi Arabia is still refuted (it isolated Syria); Oman, Jordan … were refuted only by "alone".
    expect(wrongs.filter((w) => /sided with Iran$/.test(w) && !/^Saudi/.test(w))).toEqual([]);
  });

  it('never states "X isolated Syria" without the exception record that refutes it', () => {
    const wrongs = draftsOf(without(['sudan-kept-ties-with-syria-iran-iraq-war'])).flatMap(
      wrongLabels,
    );
    expect(wrongs).not.toContain('Sudan isolated Syria');
    expect(
      draftsOf(realKb)
        .flatMap(wrongLabels)
        .some((w) => / isolated Syria$/.test(w)),
    ).toBe(true);
  });

  it('never states a kept-ties exception as a true act (the source names exceptions, not ties kept)', () => {
    expect(
      draftsOf(realKb)
        .flatMap(keyLabels)
        .some((k) => /kept/.test(k)),
    ).toBe(false);
  });

  it('gives each war item its own stem and passes the gate', () => {
    const items = draftsOf(realKb);
    expect(new Set(items.map((q) => q.stem)).size).toBe(items.length);
    const idx = buildKbIndex(realKb);
    for (const q of items) {
      expect(checkQuestion(q, idx).filter((f) => f.severity === 'BLOCK')).toEqual([]);
    }
  });
});

describe('relation-role against the five source texts', () => {
  if (!existsSync(SEEDS_DIR)) {
    it('needs the source documents', () => {
      throw new Error(`The source documents are not at ${SEEDS_DIR}: set SEEDS_DIR.`);
    });
    return;
  }
  const texts = readdirText(SEEDS_DIR);
  const sentences = texts
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/[’‘]/g, "'"))
    .filter(Boolean);
  const idx = buildKbIndex(realKb);
  const { questions } = sharedBank({ kb: realKb, seed: 1 });
  const items = [...draftsOf(realKb), ...questions.filter((q) => q.template === 'relation-role')];

  it('cites, for every option, passages that are verbatim in the documents', () => {
    const flat = texts.replace(/\s+/g, ' ').replace(/[’‘]/g, "'");
    for (const q of items) {
      for (const r of q.key.rationales) {
        for (const c of r.citationIds) {
          const quote = (idx.citations.get(c)?.quote ?? '')
            .replace(/\s+/g, ' ')
            .replace(/[’‘]/g, "'");
          expect([c, flat.includes(quote)]).toEqual([c, true]);
        }
      }
    }
  });

  // The party as the doer (at most five words before the act's verb), then the object.
  const VERB: Record<string, string> = {
    'sided with': '(sid(e|ed|ing) with|stood (by|with)|support\\w*|back\\w*|allied with)',
    isolated: '(isolat\\w*|cut (its )?ties|sever\\w*|broke with)',
  };
  const supporting = (statement: string): string[] | null => {
    const m = /^(.+?) (sided with|isolated) (.+)$/.exec(statement);
    if (!m) {
      return null;
    }
    const [, who = '', verb = '', whom = ''] = m;
    const doer = new RegExp(`\\b${who}\\W+(\\w+\\W+){0,5}?${VERB[verb]}\\b[^.]*\\b${whom}\\b`, 'i');
    return sentences.filter((s) => doer.test(s));
  };

  it('finds the documents’ sentences for a true statement (the matcher can see one)', () => {
    expect(supporting('Syria sided with Iran')?.length).toBeGreaterThan(0);
  });

  it('offers no wrong statement that a sentence of the documents makes true', () => {
    for (const q of items) {
      for (const w of wrongLabels(q)) {
        expect([w, supporting(w)]).toEqual([w, []]);
      }
    }
  });
});

function readdirText(dir: string): string {
  const { readdirSync } = require('node:fs') as typeof import('node:fs');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}
