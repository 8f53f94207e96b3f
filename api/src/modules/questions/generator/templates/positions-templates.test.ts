/**
 * The positions families on a fixture: the real KB's actors, eras and citations with a made-up set
 * of issue stances, so each rule (contradiction, shared window, open world, pairwise exclusion,
 * reversal order) is tested on a case built for it.
 */
import type { KnowledgeBase, Stance } from '@quiz/prisma/knowledge';
import { checkQuestion } from '../../gate';
import type { BankQuestion } from '../../types';
import { finalise } from '../build-bank';
import { buildKbIndex } from '../kb-index';
import { loadKbFiles } from '../load-kb-files';
import { seededRng } from '../rng';
import {
  contradicts,
  issueStances,
  refuterFor,
  stanceChangeTemplate,
  stanceMatchTemplate,
  stancePositionTemplate,
} from './positions-templates';

const real = loadKbFiles();
const cite = real.citations[0]?.id as string;

const stance = (
  id: string,
  actor: string,
  position: Stance['position'],
  phrase: string,
  from: string,
  to?: string,
  extra: Partial<Stance> = {},
): Stance => ({
  id,
  actor,
  position,
  towardIssue: 'the test issue',
  statement: `${actor} ${phrase}.`,
  issue: 'test-issue',
  issueLabel: 'the test issue',
  positionPhrase: phrase,
  from: { value: from, precision: 'YEAR' },
  ...(to ? { to: { value: to, precision: 'YEAR' } } : {}),
  eras: [],
  themes: ['diplomacy'],
  citations: [cite],
  status: 'FACT',
  accordingTo: 'Wikipedia',
  ...extra,
});

const fixture = (stances: Stance[]): KnowledgeBase => ({ ...real, stances });
const draftsOf = (kb: KnowledgeBase, t: typeof stancePositionTemplate): BankQuestion[] => {
  const idx = buildKbIndex(kb);
  const rng = seededRng(3);
  return t.generate(idx).flatMap((g) => g.map((d) => finalise(d, rng)));
};
const keyLabel = (q: BankQuestion) =>
  (q.prompt.options ?? []).find((o) => q.key.optionIds?.includes(o.id))?.label;

describe('contradicts', () => {
  it('pairs SUPPORTS with OPPOSES, and NEUTRAL with either', () => {
    expect(contradicts('SUPPORTS', 'OPPOSES')).toBe(true);
    expect(contradicts('OPPOSES', 'SUPPORTS')).toBe(true);
    expect(contradicts('NEUTRAL', 'SUPPORTS')).toBe(true);
    expect(contradicts('OPPOSES', 'NEUTRAL')).toBe(true);
    expect(contradicts('SUPPORTS', 'SUPPORTS')).toBe(false);
  });

  it('never reads a conditional, mixed or ambivalent stance as support or opposition', () => {
    for (const p of ['CONDITIONAL', 'MIXED', 'AMBIVALENT'] as const) {
      for (const q of [
        'SUPPORTS',
        'OPPOSES',
        'NEUTRAL',
        'CONDITIONAL',
        'MIXED',
        'AMBIVALENT',
      ] as const) {
        expect(contradicts(p, q)).toBe(false);
        expect(contradicts(q, p)).toBe(false);
      }
    }
  });
});

describe('stance-position', () => {
  const camp = [
    stance('a-opposes', 'iran', 'OPPOSES', 'condemned the plan', '2010', '2012'),
    stance('b-supports', 'russia', 'SUPPORTS', 'praised the plan', '2010', '2012'),
    stance('c-supports', 'turkey', 'SUPPORTS', 'funded the plan', '2011', '2013'),
    stance('d-supports', 'united-arab-emirates', 'SUPPORTS', 'funded the plan', '2011', '2011'),
  ];

  it('keys the minority actor and offers the other camp’s positions, each refuted by its own stance', () => {
    const qs = draftsOf(fixture(camp), stancePositionTemplate);
    const iran = qs.find((q) => q.factIds[0] === 'stance:a-opposes');
    expect(iran).toBeDefined();
    const q = iran as BankQuestion;
    expect(keyLabel(q)).toBe('It condemned the plan');
    expect((q.prompt.options ?? []).map((o) => o.label).sort()).toEqual([
      'It condemned the plan',
      'It funded the plan',
      'It praised the plan',
    ]);
    // One option per phrase; its feedback names both actors that took it and cites the refuter.
    const funded = (q.prompt.options ?? []).find((o) => o.label === 'It funded the plan');
    const r = q.key.rationales.find((x) => x.ref === funded?.id);
    expect(r?.text).toContain('turkey funded the plan.');
    expect(r?.text).toContain('united-arab-emirates funded the plan.');
    expect(r?.factIds).toEqual(
      expect.arrayContaining(['stance:c-supports', 'stance:d-supports', 'stance:a-opposes']),
    );
    expect(q.stem).toBe(
      "Which best describes Iran's position on the test issue (from 2010 to 2012)?",
    );
    expect(stancePositionTemplate.requery(q, buildKbIndex(fixture(camp)))).toEqual({
      ok: true,
      key: q.key.optionIds,
    });
    // The majority camp has one opposite position only: no item for them.
    expect(qs.map((x) => x.factIds[0])).toEqual(['stance:a-opposes']);
  });

  it('does not use a position from a window the key does not share', () => {
    const late = [
      camp[0] as Stance,
      camp[1] as Stance,
      stance('c-late', 'turkey', 'SUPPORTS', 'funded the plan', '2015', '2016'),
    ];
    expect(draftsOf(fixture(late), stancePositionTemplate)).toEqual([]);
  });

  it('never refutes by silence or by a conditional stance', () => {
    // Iran's only stance is CONDITIONAL: nothing proves it did not praise or fund the plan.
    const conditional = [
      stance('a-cond', 'iran', 'CONDITIONAL', 'would back the plan on a condition', '2010', '2012'),
      camp[1] as Stance,
      camp[2] as Stance,
      stance('e-opposes', 'israel', 'OPPOSES', 'condemned the plan', '2010', '2012'),
    ];
    const qs = draftsOf(fixture(conditional), stancePositionTemplate);
    expect(qs.some((q) => q.factIds[0] === 'stance:a-cond')).toBe(false);
    for (const q of qs) {
      expect((q.prompt.options ?? []).map((o) => o.label)).not.toContain(
        'It would back the plan on a condition',
      );
    }
  });

  it('attributes a key that is one source’s account', () => {
    const reported = [
      stance('a-opposes', 'iran', 'OPPOSES', 'condemned the plan', '2010', '2012', {
        status: 'REPORTED',
        accordingTo: 'Mohammad Alrumaihi (2024)',
      }),
      ...camp.slice(1),
    ];
    const [q] = draftsOf(fixture(reported), stancePositionTemplate);
    expect(q?.stem).toMatch(/^According to Mohammad Alrumaihi, which best describes Iran's/);
    expect(q?.explanation).toMatch(/^According to Mohammad Alrumaihi, iran condemned/);
  });

  it('gives option ids that do not name the stance or its actor', () => {
    const [q] = draftsOf(fixture(camp), stancePositionTemplate);
    for (const o of q?.prompt.options ?? []) {
      expect(o.id).toMatch(/^pos-[0-9a-f]{12}$/);
    }
  });
});

describe('stance-match', () => {
  const three = [
    stance('m-a', 'iran', 'SUPPORTS', 'praised the plan', '2010', '2012'),
    stance('m-b', 'israel', 'OPPOSES', 'condemned the plan', '2010', '2012'),
    stance('m-c', 'oman', 'NEUTRAL', 'stayed out of the plan', '2011', '2012'),
  ];

  it('matches three actors whose positions exclude one another pairwise', () => {
    const kb = fixture(three);
    const [q, ...rest] = draftsOf(kb, stanceMatchTemplate);
    expect(rest).toEqual([]);
    expect(q?.prompt.items?.map((i) => i.id).sort()).toEqual(['iran', 'israel', 'oman']);
    expect(q?.stem).toBe('Match each actor to its position on the test issue (from 2011).');
    expect(stanceMatchTemplate.requery(q as BankQuestion, buildKbIndex(kb))).toEqual({
      ok: true,
      key: (q?.key.pairs ?? []).map((p) => `${p.itemId}>${p.targetId}`).sort(),
    });
    expect(checkQuestion(q as BankQuestion, buildKbIndex(kb)).filter((f) => f.id === 'A1')).toEqual(
      [],
    );
  });

  it('does not match two actors of the same camp (swapping them would be right)', () => {
    const twoSupport = [
      ...three.slice(0, 2),
      stance('m-d', 'oman', 'SUPPORTS', 'funded the plan', '2010', '2012'),
    ];
    expect(draftsOf(fixture(twoSupport), stanceMatchTemplate)).toEqual([]);
  });
});

describe('stance-change', () => {
  const turn = [
    stance('c-1990', 'syria', 'SUPPORTS', 'joined the plan', '1990', '1990'),
    stance('c-2006', 'syria', 'OPPOSES', 'condemned the plan', '2006', '2006'),
    stance('c-2025', 'syria', 'SUPPORTS', 'praised the plan', '2025'),
  ];

  it('asks each consecutive reversal, earlier stance first, with both stances cited', () => {
    const qs = draftsOf(fixture(turn), stanceChangeTemplate);
    expect(qs.map((q) => q.factIds)).toEqual([
      ['stance:c-1990', 'stance:c-2006'],
      ['stance:c-2006', 'stance:c-2025'],
    ]);
    const first = qs[0] as BankQuestion;
    expect(first.stem).toBe("How did Syria's position on the test issue change from 1990 to 2006?");
    expect(keyLabel(first)).toBe('In 1990 it joined the plan; in 2006 it condemned the plan');
    expect(first.explanation).toContain('syria joined the plan.');
    expect(first.explanation).toContain('syria condemned the plan.');
    expect(stanceChangeTemplate.requery(first, buildKbIndex(fixture(turn)))).toEqual({
      ok: true,
      key: first.key.optionIds,
    });
  });

  it('asks the last whole year of a stance that ended within a year', () => {
    const ended = [
      stance('e-a', 'syria', 'SUPPORTS', 'joined the plan', '1980', undefined, {
        to: { value: '2024-12-08', precision: 'DAY' },
      }),
      stance('e-b', 'syria', 'OPPOSES', 'condemned the plan', '2025'),
      stance('e-c', 'syria', 'SUPPORTS', 'praised the plan', '2010', '2010'),
    ];
    const [q] = draftsOf(fixture(ended), stanceChangeTemplate);
    expect(q?.stem).toBe("How did Syria's position on the test issue change from 2023 to 2025?");
  });

  it('does not read a change into stances that overlap or agree', () => {
    const overlap = [
      stance('o-a', 'syria', 'SUPPORTS', 'joined the plan', '1990', '2000'),
      stance('o-b', 'syria', 'OPPOSES', 'condemned the plan', '1999', '2006'),
      stance('o-c', 'iran', 'SUPPORTS', 'joined the plan', '1990', '1990'),
      stance('o-d', 'iran', 'SUPPORTS', 'praised the plan', '2006', '2006'),
    ];
    expect(draftsOf(fixture(overlap), stanceChangeTemplate)).toEqual([]);
  });
});

describe('refuterFor', () => {
  it('proves nothing from a stance whose window misses the option or the stem', () => {
    const all = issueStances(
      buildKbIndex(
        fixture([
          stance('r-a', 'iran', 'OPPOSES', 'condemned the plan', '2010', '2012'),
          stance('r-b', 'russia', 'SUPPORTS', 'praised the plan', '2015', '2016'),
          stance('r-c', 'turkey', 'SUPPORTS', 'funded the plan', '2011', '2016'),
        ]),
      ),
    );
    const [iran, russia, turkey] = all;
    if (!iran || !russia || !turkey) {
      throw new Error('fixture');
    }
    expect(refuterFor(all, 'iran', russia, russia.window)).toBeNull();
    expect(refuterFor(all, 'iran', russia, iran.window)).toBeNull();
    expect(refuterFor(all, 'iran', turkey, turkey.window)?.stance.id).toBe('r-a');
    expect(refuterFor(all, 'iran', turkey, russia.window)).toBeNull();
  });
});

describe('issueStances', () => {
  it('leaves out stances with no issue', () => {
    const plain = stance('p', 'iran', 'SUPPORTS', 'x', '2010');
    const { issue: _i, issueLabel: _l, positionPhrase: _p, ...bare } = plain;
    expect(issueStances(buildKbIndex(fixture([bare as Stance])))).toEqual([]);
  });
});
