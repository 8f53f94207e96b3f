/**
 * Why-items against the real KB (issue 11): every wrong option is provably wrong. Six audit rounds
 * found that a reason the sources give for one Iranian or Syrian step can hold for another, so a
 * wrong option here must come from another party's step or from a step the other way, and the
 * passages cited for it must not carry the key's reason (nor the key's passages the wrong reason).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Explanation } from '@quiz/prisma/knowledge';
import { sharedBank } from '../../../../test/factories/bank';
import { checkQuestion } from '../gate';
import type { BankQuestion } from '../types';
import { buildKbIndex } from '.';
import { finalise } from './build-bank';
import { loadKbFiles } from './load-kb-files';
import { seededRng } from './rng';
import { TEMPLATES } from './templates';
import { CAUSE_MATCHES, CAUSE_MULTIS } from './templates/cause-templates';
import {
  ACCOUNT_ITEMS,
  CLAIM_ITEMS,
  claimWhoTemplate,
  inAccountTemplate,
} from './templates/claimant-templates';
import {
  contrastFault,
  deciderOf,
  explainStepTemplate,
  GENERIC_REASON,
  ownWords,
  whyContrastTemplate,
} from './templates/contrast-templates';
import {
  type Anchor,
  QUOTE_MATCHES,
  QUOTE_WHOS,
  STORY_MULTIS,
} from './templates/quote-table-templates';
import {
  RIVAL_ITEMS,
  RIVAL_MULTIS,
  whyRivalMultiTemplate,
  whyRivalTemplate,
} from './templates/rival-templates';
import { rememberEras, targetOf } from './templates/understanding-templates';

const kb = loadKbFiles();
const idx = buildKbIndex(kb);
rememberEras(idx);
const { questions } = sharedBank({ kb, seed: 1 });

const WHY_TEMPLATES = new Set(['explain-step', 'why-contrast', 'explain-why', 'explain-what']);
/**
 * explain-step and why-contrast are withheld from the bank since audit 7 (16 of its 20 defects:
 * wrong options sound but so far from the step that the stem excludes them), so their rules are
 * checked on every draft they propose, with the bank's own why-items.
 */
const rng = seededRng(1);
const whyItems = [
  ...[explainStepTemplate, whyContrastTemplate].flatMap((t) =>
    t.generate(idx).flatMap((group) => group.map((d) => finalise(d, rng))),
  ),
  ...questions.filter((q) => WHY_TEMPLATES.has(q.template)),
];

/** The explanation record behind an option id ("why-<id>" / "what-<id>", cut at 64 characters). */
const recordOf = (optionId: string): Explanation | undefined => {
  const bare = optionId.replace(/^(why|what)-/, '');
  return kb.explanations.find((x) => x.id === bare || x.id.startsWith(bare));
};
const keyRecord = (q: BankQuestion): Explanation | undefined =>
  idx.explanations.get(q.factIds[0]?.replace(/^explanation:/, '') ?? '');
const wrongRecords = (q: BankQuestion): Explanation[] =>
  (q.prompt.options ?? [])
    .filter((o) => !q.key.optionIds?.includes(o.id))
    .map((o) => recordOf(o.id))
    .filter((x): x is Explanation => x !== undefined);
const quotesOf = (x: Explanation): string =>
  x.citations.map((c) => idx.citations.get(c)?.quote ?? '').join(' ');

/** Iran's standing aims in Syria (audit 4, item 67): arguably behind any Iranian or Syrian step. */
const STANDING_AIM = /\b(corridor|counterweight|foothold|resistance|land route|Mediterranean)\b/i;

/** why-rival entries dropped after audits 10 and 11: their rivals could not explain the development. */
const DROPPED = new Set([
  'israeli-strikes-forced-irgc-pullback',
  // Audit 18, item 84: no rival a reader could take for Iran's early support.
  'iran-early-support-to-prevent-assads-fall',
  // Audit 30, items 85 and 87: its rivals read as jokes beside a flight.
  'iran-air-flights-for-weapons',
]);

describe('why-items (explain-step, why-contrast) on the real KB', () => {
  it('are proposed in number but withheld from the bank until their wrong options pass an audit', () => {
    const n = (t: string) => whyItems.filter((q) => q.template === t).length;
    expect(n('explain-step')).toBeGreaterThanOrEqual(15);
    expect(n('why-contrast')).toBeGreaterThanOrEqual(8);
    expect(TEMPLATES.map((t) => t.id)).not.toEqual(
      expect.arrayContaining(['explain-step', 'why-contrast']),
    );
    expect(questions.filter((q) => ['explain-step', 'why-contrast'].includes(q.template))).toEqual(
      [],
    );
  });

  it('key the record they ask about, and requery finds no second key', () => {
    for (const q of whyItems.filter((w) => ['explain-step', 'why-contrast'].includes(w.template))) {
      const x = keyRecord(q);
      expect(x).toBeDefined();
      expect(q.key.optionIds).toHaveLength(1);
      expect(recordOf(q.key.optionIds?.[0] ?? '')?.id).toBe(x?.id);
      for (const o of wrongRecords(q)) {
        expect([o.id, o.topic === x?.topic, o.answer === x?.answer]).toEqual([o.id, false, false]);
      }
    }
  });

  it('take every wrong option from another party or from a step the other way (contrastFault)', () => {
    const faults = whyItems.flatMap((q) => {
      const x = keyRecord(q);
      return x
        ? wrongRecords(q)
            .map((o) => [q.stem, o.id, contrastFault(idx, x, o)] as const)
            .filter(([, , f]) => f !== null)
        : [[q.stem, 'no key record', 'missing'] as const];
    });
    expect(faults).toEqual([]);
  });

  it('never offer a standing Iranian aim for an Iranian or Syrian step, nor a reason so broad it fits anything', () => {
    const alliance = new Set(['iran', 'syria', 'hezbollah']);
    const bad = whyItems
      .filter((q) => q.template === 'why-contrast' || q.template === 'explain-why')
      .flatMap((q) => {
        const own = alliance.has(deciderOf(keyRecord(q)?.topic ?? '') ?? '');
        return wrongRecords(q).map((o) => [q.stem, o.answer, own] as const);
      })
      .filter(([, a, own]) => (own && STANDING_AIM.test(a)) || GENERIC_REASON.test(a));
    expect(bad).toEqual([]);
  });

  it("show no wrong option whose cited passages carry the key's reason, nor a wrong reason the key's passages give", () => {
    const bad: string[] = [];
    for (const q of whyItems) {
      const x = keyRecord(q);
      if (!x) {
        continue;
      }
      const keyReason = [...ownWords(x.answer)].filter((t) => t.length > 4);
      const keyPassages = ownWords(quotesOf(x));
      for (const o of wrongRecords(q)) {
        const theirPassages = ownWords(quotesOf(o));
        const carried = keyReason.filter((t) => theirPassages.has(t));
        // Two distinctive words of the key's reason in the wrong step's own passages would let a
        // reader argue that source gives the same reason there.
        if (carried.length >= 2) {
          bad.push(`${q.stem} | ${o.id} carries ${carried.join(', ')}`);
        }
        const wrongReason = [...ownWords(o.answer)].filter((t) => t.length > 4);
        const given = wrongReason.filter((t) => keyPassages.has(t));
        if (q.template === 'why-contrast' && given.length >= 2) {
          bad.push(`${q.stem} | key passages give ${given.join(', ')} of ${o.id}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('give each wrong option feedback that says what is true of it, never the key again', () => {
    for (const q of whyItems) {
      const key = q.key.rationales?.find((r) => r.isCorrect);
      for (const r of q.key.rationales?.filter((w) => !w.isCorrect) ?? []) {
        expect(r.citationIds.length).toBeGreaterThan(0);
        expect(r.text).not.toContain(key?.text ?? '∅');
        expect(r.text).toMatch(/^According to /);
      }
    }
  });
});

describe('contrastFault: the audits’ true distractors stay out', () => {
  const x = (id: string): Explanation => {
    const r = idx.explanations.get(id);
    if (!r) {
      throw new Error(`no explanation ${id}`);
    }
    return r;
  };

  it.each([
    // Audit 4: relaxations offered these, and a reviewer rightly called them true.
    ['israeli-strikes-forced-irgc-pullback', 'suspected-syrian-leaks-eroded-trust'],
    ['israeli-warning-kept-syria-out', 'arab-rapprochement-worried-tehran'],
    // Audit 4, item 67: Iran's standing aim behind another Iranian step.
    ['iran-fears-economic-competitors', 'iran-sought-long-term-foothold'],
    // One war, one story: Khamenei's backing and Chizari's training mission.
    [
      'chizari-sent-to-train-security-services',
      'khamenei-supports-islamic-anti-american-movements',
    ],
    // Same side, same direction: preventing Assad's fall and the land corridor.
    ['land-corridor-tehran-beirut', 'iran-early-support-to-prevent-assads-fall'],
  ])('%s is not refuted by %s', (a, b) => {
    expect(contrastFault(idx, x(a), x(b))).not.toBeNull();
  });

  it.each([
    // Another party's step, another time: Germany's deportation debate beside Hafez's choice.
    ['hafez-sought-counterweight-to-israel-and-iraq', 'scholz-remarks-answered-police-murder'],
    // The United States' step beside the cooling of the 2020s.
    ['gaza-neutrality-drove-decline', 'irgc-syria-role-fed-nuclear-deal-exit'],
  ])('%s may face %s', (a, b) => {
    expect(contrastFault(idx, x(a), x(b))).toBeNull();
  });

  it('names the party that takes each step', () => {
    expect(deciderOf('Russia bolstered its presence in Syria')).toBe('russia');
    expect(deciderOf('Damascus avoided involvement in the Gaza conflict')).toBe('syria');
    expect(deciderOf('Sanctions on Iran Air were expanded again')).toBe('united-states');
    expect(deciderOf('The United States withdrew from the 2015 nuclear deal')).toBe(
      'united-states',
    );
    expect(deciderOf('Iran pushed into Syria’s economy')).toBe('iran');
  });
});

/**
 * why-rival and why-rival-multi (issue 11, after audit 7): every wrong option is a reason the
 * sources give for a comparable development, and no source gives it, or lets a reader defend it,
 * for the asked one. Checked against the KB and the full texts of the five source documents.
 */
describe('why-rival items: plausible rivals, never a second right answer', () => {
  const SEEDS =
    process.env.SEEDS_DIR ||
    path.resolve(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'seeds');
  const rivalRng = seededRng(1);
  const items = [whyRivalTemplate, whyRivalMultiTemplate].flatMap((t) =>
    t.generate(idx).flatMap((g) => g.map((d) => finalise(d, rivalRng))),
  );
  const single = items.filter((q) => q.template === 'why-rival');
  const multi = items.filter((q) => q.template === 'why-rival-multi');
  const optRecord = (id: string): Explanation | undefined =>
    kb.explanations.find((x) => `why-${x.id}`.slice(0, 64) === id);
  const wrong = (q: BankQuestion) =>
    (q.prompt.options ?? []).filter((o) => !q.key.optionIds?.includes(o.id));

  /** Word stems (six letters) of a text's own words, KB actors' names and offices left out. */
  const NAMES = new Set(
    kb.actors.flatMap((a) =>
      [a.name, a.shortName ?? '', ...a.aliases, ...a.offices.map((o) => o.title)].flatMap((n) => [
        ...ownWords(n),
      ]),
    ),
  );
  const stems = (text: string, names = false): Set<string> =>
    new Set(
      [...ownWords(text)]
        .filter((w) => w.length > 3 && (names || !NAMES.has(w)))
        .map((w) => w.slice(0, 6)),
    );
  const sentences: string[] = existsSync(SEEDS)
    ? readdirSync(SEEDS).flatMap((f) =>
        readFileSync(path.join(SEEDS, f), 'utf8')
          .split(/(?<=[.!?])\s+|\n+/)
          .filter((s) => s.trim().length > 0),
      )
    : [];
  /**
   * A sentence of the sources that states the option (three of its word stems) about the asked
   * development (one of its topic's own stems, names aside): the option would be defensible.
   */
  const sourceGivesFor = (topic: string, label: string, rivalTopic = ''): string | undefined => {
    const said = [...stems(label, true)];
    // The development's own words (five letters or more, names aside), less those the option or
    // the rival's own development shares with it: "Revolution" marks the Cedar Revolution as well
    // as Iran's, "economic" Iran's aid in 2011 as well as its push into Syria's economy in 2024.
    const theirs = stems(rivalTopic);
    const mark = [...stems(topic)].filter(
      (t) => t.length >= 5 && !said.includes(t) && !theirs.has(t),
    );
    const plain = stems(label);
    return sentences.find((s) => {
      const w = stems(s, true);
      const hit = said.filter((t) => w.has(t));
      // Names alone ("Bashar al-Assad") do not make a sentence state the option.
      return (
        hit.length >= 3 && hit.filter((t) => plain.has(t)).length >= 2 && mark.some((t) => w.has(t))
      );
    });
  };
  /** A KB record giving a reason for the asked development that shares two words with the option. */
  const kbGivesFor = (x: Explanation, label: string): Explanation | undefined => {
    const said = stems(label);
    return kb.explanations.find(
      (o) =>
        (o.topic === x.topic || targetOf(o) === targetOf(x)) &&
        o.kind === x.kind &&
        [...stems(o.answer)].filter((t) => said.has(t)).length >= 2,
    );
  };

  it('needs the source documents', () => {
    expect(existsSync(SEEDS)).toBe(true);
    expect(sentences.length).toBeGreaterThan(300);
  });

  it('are proposed for every table entry and pass the gate in number', () => {
    // Entries whose fair rivals (same actor or a comparable development, at most an era away) are
    // fewer than two are not asked (audit 22).
    expect(single.length).toBeGreaterThanOrEqual(5);
    expect(single.length).toBeLessThanOrEqual(RIVAL_ITEMS.length);
    expect(multi.length).toBeGreaterThanOrEqual(RIVAL_MULTIS.length);
    const passed = items.filter(
      (q) => checkQuestion(q, idx).filter((f) => f.severity === 'BLOCK').length === 0,
    );
    expect(passed.filter((q) => q.template === 'why-rival').length).toBeGreaterThanOrEqual(5);
    expect(passed.filter((q) => q.template === 'why-rival-multi').length).toBeGreaterThanOrEqual(1);
  });

  it('key the asked record alone; requery re-derives the same key', () => {
    for (const q of single) {
      const x = keyRecord(q);
      expect(q.key.optionIds).toEqual([`why-${x?.id}`.slice(0, 64)]);
      expect(whyRivalTemplate.requery(q, idx)).toEqual({ ok: true, key: q.key.optionIds });
    }
    for (const q of multi) {
      const r = whyRivalMultiTemplate.requery(q, idx);
      expect(r.ok && [...r.key].sort()).toEqual([...(q.key.optionIds ?? [])].sort());
    }
  });

  it('take each wrong option from another development, refuted by its own cited record', () => {
    for (const q of items) {
      const keys = (q.key.optionIds ?? []).map((id) => optRecord(id));
      for (const o of wrong(q)) {
        const r = optRecord(o.id);
        expect(r).toBeDefined();
        for (const k of keys) {
          expect([
            o.label,
            r?.topic === k?.topic,
            targetOf(r as Explanation) === targetOf(k as Explanation),
          ]).toEqual([o.label, false, false]);
        }
        const why = q.key.rationales.find((x) => x.ref === o.id);
        expect(why?.factIds).toEqual([`explanation:${r?.id}`]);
        expect(why?.citationIds.length).toBeGreaterThan(0);
        // A multi-select's wrong option names the source that does not give it (audit 16).
        expect(why?.text).toMatch(/^(?:Not here: |[A-Z][\w ]+ does not give this\. )/);
      }
    }
  });

  it('word every option from its own record (answer, detail or cited quote)', () => {
    for (const q of items) {
      for (const o of q.prompt.options ?? []) {
        const r = optRecord(o.id) as Explanation;
        const own = stems(`${r.answer} ${r.detail} ${r.topic} ${quotesOf(r)}`, true);
        const said = [...stems(o.label)];
        const missing = said.filter((t) => !own.has(t));
        // One connecting word of ours at most ("chance", "wanted") per option.
        expect([o.label, missing.length <= 1]).toEqual([o.label, true]);
      }
    }
  });

  it('offer no wrong option that the KB or any source gives for the asked development', () => {
    const bad: string[] = [];
    for (const it of RIVAL_ITEMS) {
      const x = idx.explanations.get(it.key) as Explanation;
      for (const r of it.rivals) {
        const inKb = kbGivesFor(x, r.label);
        const inText = sourceGivesFor(
          it.topic ?? x.topic,
          r.label,
          idx.explanations.get(r.id)?.topic,
        );
        if (inKb || inText) {
          bad.push(`${x.topic} | ${r.label} | ${inKb?.id ?? inText}`);
        }
      }
    }
    for (const m of RIVAL_MULTIS) {
      for (const r of m.rivals) {
        const inKb = kb.explanations.find(
          (o) =>
            m.topics.includes(o.topic) &&
            [...stems(o.answer)].filter((t) => stems(r.label).has(t)).length >= 2,
        );
        const inText = sourceGivesFor(m.stemTopic, r.label, idx.explanations.get(r.id)?.topic);
        if (inKb || inText) {
          bad.push(`${m.stemTopic} | ${r.label} | ${inKb?.id ?? inText}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('catch a true rival: the checks flag reasons the sources do give for the development', () => {
    const pullback = idx.explanations.get('israeli-strikes-forced-irgc-pullback') as Explanation;
    expect(
      sourceGivesFor(pullback.topic, 'The escalating Israeli pressure on Iranian positions'),
    ).toMatch(/evacuate the IRGC/);
    const cooling = idx.explanations.get('gaza-neutrality-drove-decline') as Explanation;
    expect(
      kbGivesFor(cooling, "Iran's exclusion from reconstruction and a debt Syria did not repay")
        ?.id,
    ).toBe('exclusion-and-unpaid-debt-frustrated-iran');
  });

  it.each([
    // Rebel gains: IranWire says Iran's gains were "quickly collapsing" when the IRGC pulled back.
    ['israeli-strikes-forced-irgc-pullback', 'assad-survival-a-strategic-imperative'],
    // Leaks that got Iranian officers killed are part of the same story as the strikes.
    ['israeli-strikes-forced-irgc-pullback', 'suspected-syrian-leaks-eroded-trust'],
    // Chizari's training mission was part of Iran's early support.
    ['iran-early-support-to-prevent-assads-fall', 'chizari-sent-to-train-security-services'],
    // Moving weapons through Syria to Hezbollah (IranWire) fits "distribute missiles to allies".
    ['iran-early-support-to-prevent-assads-fall', 'gantz-says-iran-builds-missiles-in-syria'],
    // Hezbollah is a proxy: deniability could be read into its founding.
    ['hezbollah-founded-to-spread-ideology-and-repel-invasion', 'axis-militias-gave-deniability'],
    // Russia's Golan monitoring centre is part of the same build-up.
    ['russia-feared-us-iran-deal-so-bolstered-presence', 'russian-golan-centre-purpose'],
    // Velayati's counterweight holds for Iran in any period.
    [
      'syria-a-corridor-to-hezbollah-and-israels-borders',
      'velayati-golden-counterweight-to-israel',
    ],
    // Syria's Alawite/Shia ties are a reason for the alliance in any period (IranWire, IDF).
    ['hafez-sought-counterweight-to-israel-and-iraq', 'religious-affinity-reinforced-alliance'],
    // IranWire has Iran moving weapons through Syria to Hezbollah: one story with Gantz's claim.
    ['iran-air-flights-for-weapons', 'gantz-says-iran-builds-missiles-in-syria'],
    ['gantz-says-iran-builds-missiles-in-syria', 'iran-air-flights-for-weapons'],
    // No source says how the Afghan and Pakistani fighters reached Syria: flights are arguable.
    ['iran-air-flights-for-weapons', 'fatemiyoun-zeinabiyoun-fought-for-assad'],
    // MENA ties Iran's agreements and investments to recovering its costs and beating competitors.
    ['agreements-2019-for-economic-cooperation', 'iran-seeks-to-recover-war-costs'],
    ['agreements-2019-for-economic-cooperation', 'iran-fears-economic-competitors'],
    // Chizari's mission was part of Iran's early support, and of the stand Khamenei explained.
    ['chizari-sent-to-train-security-services', 'iran-early-support-to-prevent-assads-fall'],
    [
      'chizari-sent-to-train-security-services',
      'khamenei-supports-islamic-anti-american-movements',
    ],
  ])('never offers %s the rival %s (defensible there)', (key, rival) => {
    const it = RIVAL_ITEMS.find((i) => i.key === key);
    // Items dropped after an audit (rivals no reader could take for the development) have no entry.
    if (DROPPED.has(key)) {
      expect(it).toBeUndefined();
      return;
    }
    expect(it).toBeDefined();
    expect(it?.rivals.map((r) => r.id)).not.toContain(rival);
  });

  it.each([
    'exclusion-and-unpaid-debt-frustrated-iran',
    'unkept-iranian-promises',
    'russia-feared-us-iran-deal-so-bolstered-presence',
    'usip-economic-woes-and-isolation-deepened-ties',
  ])('the cooling item never offers %s as a wrong reason', (rival) => {
    for (const q of multi) {
      expect(wrong(q).map((o) => optRecord(o.id)?.id)).not.toContain(rival);
    }
  });

  it("key a multi-select only with the named source's own reasons, never words it quotes", () => {
    for (const q of multi) {
      for (const id of q.key.optionIds ?? []) {
        const k = optRecord(id) as Explanation;
        expect(k.accordingTo).toMatch(/^(Mohammad Alrumaihi|IranWire)/);
        expect(k.accordingTo).not.toMatch(/\b(via|quoted|unnamed|official)\b/);
      }
    }
  });
});

/**
 * claim-who (why8): "Who gives this reason for it: …?" Every option is checked against the full
 * texts of the five sources: the key claimant's paragraph carries the stem's reason, and no
 * paragraph naming a wrong claimant (or, for a paper, no paragraph of it) does.
 */
describe('claim-who items: the wrong claimants never give the asked reason', () => {
  const SEEDS =
    process.env.SEEDS_DIR ||
    path.resolve(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'seeds');
  const files = existsSync(SEEDS)
    ? readdirSync(SEEDS)
        .sort()
        .map((f) => readFileSync(path.join(SEEDS, f), 'utf8'))
    : [];
  const lines = (f: number): string[] => (files[f] ?? '').split('\n').filter((l) => l.trim());
  const mena = () => lines(3);
  const alrumaihi = () => lines(4).slice(0, lines(4).findIndex((l) => /is an author/.test(l)) + 1);
  /**
   * Where the sources have each claimant speak, found by the texts' own words, not the table's:
   * a person's paragraphs, a paper's whole text (Alrumaihi's up to his byline, not the page's FAQ).
   */
  const SPOKEN: Record<string, () => string[]> = {
    'An Israeli report cited by the MENA Research Center': () =>
      mena().filter((l) => /Israeli (report|sources)/.test(l)),
    'Diplomatic sources cited by the MENA Research Center': () =>
      mena().filter((l) => /diplomatic sources/i.test(l)),
    'Andrew Tabler, a Washington Institute analyst cited by the MENA Research Center': () =>
      mena().filter((l) => /Tabler/.test(l)),
    "Hassan Nasrallah, Hezbollah's leader, as Mohammad Alrumaihi reports": () =>
      alrumaihi().filter((l) => /Nasrallah/.test(l)),
    'A Syrian official quoted by Mohammad Alrumaihi': () =>
      alrumaihi().filter((l) => /Syrian officials?\b/.test(l)),
    'Heshmatollah Falahatpisheh, a former Iranian parliamentary committee head': () =>
      mena().filter((l) => /Falahatpisheh/.test(l)),
    'Amer al-Sabaileh, a Jordanian researcher cited by the MENA Research Center': () =>
      mena().filter((l) => /Sabaileh/.test(l)),
    'Mohammad Al-Abdullah, a Syrian researcher cited by the MENA Research Center': () =>
      mena().filter((l) => /Al-Abdullah|economic researcher/.test(l)),
    'An Iranian general quoted by Mohammad Alrumaihi': () =>
      alrumaihi().filter((l) => /Iranian general/.test(l)),
    'Abdul Amir Rabihaoui, an Iranian trade official quoted by Iranian media': () =>
      mena().filter((l) => /Rabihaoui/.test(l)),
    'A leaked Iranian presidency document, as Mohammad Alrumaihi reports': () =>
      alrumaihi().filter((l) => /leaked/.test(l)),
    'The MENA Research Center (2024)': mena,
    IranWire: () => lines(2),
    'Mohammad Alrumaihi (2024)': alrumaihi,
    // The extracts, and the article's snippet on the search page.
    "Wikipedia's article on Iran–Syria relations": () => [
      ...lines(0),
      ...lines(1).filter((l) => /deeply ambivalent/.test(l)),
    ],
    // The snippet under The Atlantic's heading on the search page.
    'The Atlantic (December 2025)': () => lines(1).filter((l) => /harsh blow to Khamenei/.test(l)),
  };
  const NAMES = new Set(
    kb.actors.flatMap((a) =>
      [a.name, a.shortName ?? '', ...a.aliases].flatMap((n) => [...ownWords(n)]),
    ),
  );
  /** The claim's own words (six-letter stems, names and the bond's everyday words aside). */
  const EVERYDAY = /^(syria|regime|relati|betwee|during|states?|countr)/;
  const stems = (text: string): Set<string> =>
    new Set(
      [...ownWords(text)]
        .filter((w) => w.length > 3 && !NAMES.has(w))
        .map((w) => w.slice(0, 6))
        .filter((w) => !EVERYDAY.test(w)),
    );
  const claimOf = (stem: string): string =>
    stem.slice(stem.lastIndexOf(': ') + 2).replace(/\?$/, '');
  /** Every paragraph of the five texts, to tell a claim's telling words from everyday ones. */
  const corpus = files.flatMap((f) => f.split('\n')).filter((l) => l.trim());
  /** How often the sources use a word: in how many paragraphs. */
  const uses = new Map<string, number>();
  for (const p of corpus) {
    for (const t of stems(p)) {
      uses.set(t, (uses.get(t) ?? 0) + 1);
    }
  }
  /**
   * What a paragraph shares with a claim, by how telling each shared word is: 2 for a word at most
   * four paragraphs use ("unfulfilled", "restraint") or an amount ("$50"), 1 for one at most twelve
   * use ("Western"), 0 for everyday words ("while", "support"). Three or more: the paragraph
   * states the claim.
   */
  const weight = (t: string): number =>
    (uses.get(t) ?? 0) <= 4 ? 2 : (uses.get(t) ?? 0) <= 12 ? 1 : 0;
  const score = (claim: string, p: string): number => {
    const words = stems(p);
    const amounts = (claim.match(/\$\d+/g) ?? []).filter((a) => p.includes(a)).length * 2;
    return [...stems(claim)].filter((t) => words.has(t)).reduce((n, t) => n + weight(t), amounts);
  };
  /** The score of the paragraph among these that comes closest to stating the claim. */
  const most = (claim: string, paragraphs: readonly string[]): number =>
    Math.max(0, ...paragraphs.map((p) => score(claim, p)));
  const crng = seededRng(1);
  const items = claimWhoTemplate.generate(idx).flatMap((g) => g.map((d) => finalise(d, crng)));

  it('needs the source documents', () => {
    expect(files).toHaveLength(5);
  });

  it('asks every table entry, and every item passes the gate', () => {
    expect(items).toHaveLength(CLAIM_ITEMS.length);
    for (const q of items) {
      expect([q.stem, checkQuestion(q, idx).filter((f) => f.severity === 'BLOCK')]).toEqual([
        q.stem,
        [],
      ]);
    }
  });

  it("finds the stem's claim where the key claimant speaks, and nowhere a wrong one does", () => {
    const bad: string[] = [];
    for (const q of items) {
      const claim = claimOf(q.stem);
      for (const o of q.prompt.options ?? []) {
        const spoken = SPOKEN[o.label];
        expect([o.label, spoken !== undefined]).toEqual([o.label, true]);
        const paragraphs = spoken?.() ?? [];
        expect([o.label, paragraphs.length > 0]).toEqual([o.label, true]);
        const n = most(claim, paragraphs);
        if (process.env.SHOW_CLAIM_SCORES) {
          console.log(`${n}\t${o.label}\t${claim}`);
        }
        const isKey = q.key.optionIds?.includes(o.id);
        if (isKey ? n < 3 : n >= 3) {
          bad.push(`${claim} | ${o.label} | ${isKey ? 'key silent' : 'wrong one says it'} (${n})`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('catches a claimant who does give the reason (the check can fail)', () => {
    // Alrumaihi has the regime viewing its dissociation "as potential rewards": left out on purpose.
    const rewards = CLAIM_ITEMS.find((i) => i.key === 'assad-restraint-for-rewards');
    const claim = claimOf(rewards?.stem ?? '');
    expect(most(claim, SPOKEN['Mohammad Alrumaihi (2024)']?.() ?? [])).toBeGreaterThanOrEqual(3);
  });

  it('re-derives each key from the record alone and gives every wrong option its own record', () => {
    for (const q of items) {
      expect(claimWhoTemplate.requery(q, idx)).toEqual({ ok: true, key: q.key.optionIds });
      for (const r of q.key.rationales.filter((x) => !x.isCorrect)) {
        expect(r.factIds).toHaveLength(1);
        expect(r.factIds[0]).not.toBe(q.factIds[0]);
        expect(r.citationIds.length).toBeGreaterThan(0);
        expect(r.text).toMatch(/^Not /);
      }
    }
  });
});

/**
 * in-account (why9): "According to X's account, who did it / what was it for?" Each item's answer
 * is read off the full source texts by the passage's own construction ("revealed that X had
 * personally requested", "Secretary-General X has utilised his influence … to mediate", "golden
 * counterweight [to X]", "To illustrate X, Falahatpisheh"): the key must be what that passage
 * names, and no wrong option may be; nor may any other paragraph of the five texts name a wrong
 * option for the asked act.
 */
describe('in-account items: the passage names the key and no wrong option', () => {
  const SEEDS =
    process.env.SEEDS_DIR ||
    path.resolve(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'seeds');
  const corpus = existsSync(SEEDS)
    ? readdirSync(SEEDS)
        .sort()
        .flatMap((f) => readFileSync(path.join(SEEDS, f), 'utf8').split('\n'))
        .filter((l) => l.trim())
    : [];
  /** Per item (by key record): the act's paragraphs, and what the passage's construction names. */
  const READ: Record<string, { act: RegExp; names: RegExp }> = {
    'explanation:iran-air-flights-for-weapons': {
      act: /requested the increased flights/,
      names: /revealed that (\w+) had personally requested/,
    },
    'relation:nasrallah-mediated-syria-iran-disputes': {
      act: /mediat/,
      names:
        /Secretary-General ([\w ]+?) has utilised his influence with Syrian President Bashar Al Assad to mediate/,
    },
    'explanation:velayati-golden-counterweight-to-israel': {
      act: /golden counterweight/,
      names: /golden counterweight \[to (\w+)\]/,
    },
    'explanation:falahatpisheh-turkey-trade-no-permanent-friends': {
      act: /20 times more than the exchanges/,
      names: /To illustrate (the saying that [^,]+, [^,]+), Falahatpisheh/,
    },
  };
  const lower = (t: string): string => t.toLowerCase().replace(/^that /, '');
  /** The words of an option a passage would use: its label before any description. */
  const head = (label: string): string =>
    lower((label.split(/, (?:the|a|an) /)[0] ?? label).replace(/^(?:the|iran's) /i, ''));
  const irng = seededRng(1);
  const items = inAccountTemplate.generate(idx).flatMap((g) => g.map((d) => finalise(d, irng)));

  it('needs the source documents', () => {
    expect(corpus.length).toBeGreaterThan(100);
  });

  it('asks every table entry, and every item passes the gate', () => {
    expect(items).toHaveLength(ACCOUNT_ITEMS.length);
    for (const q of items) {
      expect([q.stem, checkQuestion(q, idx).filter((f) => f.severity === 'BLOCK')]).toEqual([
        q.stem,
        [],
      ]);
    }
  });

  it('keys what the passage names, and no wrong option is named by it or by any paragraph on the act', () => {
    const bad: string[] = [];
    for (const q of items) {
      const read = READ[q.factIds[0] ?? ''];
      expect([q.factIds[0], read !== undefined]).toEqual([q.factIds[0], true]);
      const act = corpus.filter((l) => read?.act.test(l));
      const named = act.map((l) => l.match(read?.names ?? /$^/)?.[1]).filter((n) => n);
      expect([q.stem, named.length]).toEqual([q.stem, 1]);
      const answer = (named[0] ?? '').toLowerCase();
      for (const o of q.prompt.options ?? []) {
        const isKey = q.key.optionIds?.includes(o.id) ?? false;
        const h = head(o.label);
        if (isKey !== (answer.includes(h) || h.includes(answer))) {
          bad.push(`${o.label}: ${isKey ? 'key not named' : 'wrong option named'} ("${answer}")`);
        }
        // A wrong party named in a paragraph on the act: only as what the feedback says it did.
        const hit = act.find((l) => l.toLowerCase().includes(h));
        if (!isKey && hit && !read?.names.test(hit)) {
          bad.push(`${o.label}: in "${hit.slice(0, 80)}"`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('catches a wrong key (the check can fail)', () => {
    const answer = 'israel';
    expect(head('Iraq').includes(answer)).toBe(false);
    expect(head('Qassem Soleimani, the Quds Force commander')).toBe('qassem soleimani');
    expect('soleimani'.includes(head('The head of Iran Air'))).toBe(false);
  });

  it('re-derives each key from the passage and drops it when the passage no longer carries it', () => {
    for (const q of items) {
      expect(inAccountTemplate.requery(q, idx)).toEqual({ ok: true, key: q.key.optionIds });
      for (const r of q.key.rationales.filter((x) => !x.isCorrect)) {
        expect(r.citationIds.length).toBeGreaterThan(0);
        expect(r.text).toMatch(/^Not /);
      }
    }
    const q = items[0];
    const cid = idx.facts.get(q?.factIds[0] ?? '')?.citations ?? [];
    const saved = cid.map((c) => idx.citations.get(c));
    try {
      for (const c of cid) {
        const x = idx.citations.get(c);
        if (x) {
          idx.citations.set(c, { ...x, quote: 'nothing of the kind' });
        }
      }
      expect(q && inAccountTemplate.requery(q, idx)).toEqual({ ok: true, key: [] });
    } finally {
      cid.forEach((c, i) => {
        const x = saved[i];
        if (x) {
          idx.citations.set(c, x);
        }
      });
    }
  });
});

/**
 * cause-multi and cause-match (grow11): every key's and every refuting record's passages are in
 * the five texts word for word; no sentence of the texts states a wrong multi-select option (all
 * its distinctive words together); and each matching target is worded from its own record's
 * passages more than from any other pair's (a target another pair's passages carry as well could
 * be swapped).
 */
describe('cause items: keys and refutations in the texts, no wrong option stated, no swappable target', () => {
  const SEEDS =
    process.env.SEEDS_DIR ||
    path.resolve(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'seeds');
  const flat = (t: string) =>
    t.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').toLowerCase();
  const texts = existsSync(SEEDS)
    ? readdirSync(SEEDS).map((f) => flat(readFileSync(path.join(SEEDS, f), 'utf8')))
    : [];
  const sentences = texts.flatMap((t) => t.split(/(?<=[.!?])\s+/));
  const stems = (t: string): string[] => [
    ...new Set(
      (flat(t).match(/[a-z']{4,}/g) ?? [])
        .filter(
          (w) =>
            !/^(syria|iran|which|their|there|about|among|other|these|with|that|from|into)/.test(w),
        )
        .map((w) => w.slice(0, 5)),
    ),
  ];
  const quotes = (recordId: string): string[] =>
    (idx.explanations.get(recordId)?.citations ?? []).map((c) => idx.citations.get(c)?.quote ?? '');

  it('needs the source documents', () => {
    expect(texts.length).toBe(5);
  });

  it('finds every cited passage of every key and refuting record in the texts', () => {
    const missing: string[] = [];
    const records = [
      ...CAUSE_MULTIS.flatMap((m) => [...m.keys, ...m.wrong].map((o) => o.record)),
      ...CAUSE_MATCHES.flatMap((m) => m.pairs.map((p) => p.record)),
    ];
    for (const r of new Set(records)) {
      for (const q of quotes(r)) {
        if (!texts.some((t) => t.includes(flat(q)))) {
          missing.push(`${r}: ${q}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('no sentence of the five texts states a wrong multi-select option', () => {
    const stated: string[] = [];
    for (const m of CAUSE_MULTIS) {
      for (const o of m.wrong) {
        const s = stems(o.label);
        // The refuting record's own passages may carry the words: they say whose they are.
        const own = [
          ...quotes(o.record),
          ...(idx.facts.get(o.alsoOf ?? '')?.citations ?? []).map(
            (c) => idx.citations.get(c)?.quote ?? '',
          ),
        ].map(flat);
        const hit = sentences.find(
          (x) => s.length > 1 && s.every((w) => x.includes(w)) && !own.some((q) => x.includes(q)),
        );
        if (hit) {
          stated.push(`${m.name}: ${o.label} <- ${hit}`);
        }
      }
    }
    expect(stated).toEqual([]);
  });

  it('the check can fail: a key worded as a wrong option is found stated', () => {
    const s = stems('Territorial gains against opposition forces, including the capture of Aleppo');
    expect(sentences.some((x) => s.every((w) => x.includes(w)))).toBe(true);
  });

  it('words each matching target from its own record more than from any other pair of the item', () => {
    const swappable: string[] = [];
    for (const m of CAUSE_MATCHES) {
      const passage = (r: string) =>
        flat(`${quotes(r).join(' ')} ${idx.explanations.get(r)?.detail ?? ''}`);
      for (const p of m.pairs) {
        const s = stems(p.target);
        const score = (r: string) => s.filter((w) => passage(r).includes(w)).length;
        const own = score(p.record);
        const rival = Math.max(...m.pairs.filter((o) => o !== p).map((o) => score(o.record)));
        if (own <= rival || own * 2 < s.length) {
          swappable.push(`${m.name}/${p.record}: own ${own} of ${s.length}, other ${rival}`);
        }
      }
    }
    expect(swappable).toEqual([]);
  });
});

/**
 * Quotes in context and three stories (grow12): every anchor, remark and cited passage is in the
 * five texts word for word; a matching's remark sits in no sentence that places another pair; no
 * sentence of the texts states a wrong select-all option outside its refuting passage; each typed
 * answer is named in the sentence that places the remark.
 */
describe('grow12 quote items: anchors in the texts, no wrong option stated, no pair placed twice', () => {
  const SEEDS =
    process.env.SEEDS_DIR ||
    path.resolve(__dirname, '..', '..', '..', '..', '..', '..', 'shared', 'seeds');
  // Alrumaihi writes "“ IRGC operations room”": an opening quote's stray space is not a word gap.
  const flat = (t: string) =>
    t
      .replace(/“\s+/g, '“')
      .replace(/[’‘]/g, "'")
      .replace(/[“”]/g, '"')
      .replace(/\s+/g, ' ')
      .toLowerCase();
  const texts = existsSync(SEEDS)
    ? readdirSync(SEEDS).map((f) => flat(readFileSync(path.join(SEEDS, f), 'utf8')))
    : [];
  const sentences = texts.flatMap((t) => t.split(/(?<=[.!?])\s+/));
  const stems = (t: string): string[] => [
    ...new Set(
      (flat(t).match(/[a-z']{4,}/g) ?? [])
        .filter((w) => !/^(syria|iran|which|their|there|about|with|that|from|into|when)/.test(w))
        .map((w) => w.slice(0, 5)),
    ),
  ];
  const passage = (id: string) => flat(idx.citations.get(id)?.quote ?? '');
  const inTexts = (q: string) => texts.some((t) => t.includes(q));
  const anchors: Anchor[] = [
    ...QUOTE_MATCHES.flatMap((m) => m.pairs.flatMap((p) => p.anchors)),
    ...STORY_MULTIS.flatMap((m) => m.options.flatMap((o) => o.anchors)),
    ...QUOTE_WHOS.flatMap((w) => w.anchors),
  ];
  /** The quoted words of a matching item ("Iran: “advisory mission”" -> advisory mission). */
  const remark = (item: string) => flat(item.split('“')[1]?.split('”')[0] ?? '');

  it('needs the source documents', () => {
    expect(texts.length).toBe(5);
  });

  it('finds every anchor passage, and its words, in the texts', () => {
    const missing = anchors.filter(
      (a) => !inTexts(passage(a.citation)) || !passage(a.citation).includes(flat(a.words)),
    );
    expect(missing).toEqual([]);
  });

  it('finds every remark a matching shows in the texts, beside no other pair of its item', () => {
    const bad: string[] = [];
    for (const m of QUOTE_MATCHES) {
      for (const p of m.pairs.filter((x) => x.item.includes('“'))) {
        const words = remark(p.item);
        const where = sentences.filter((x) => x.includes(words));
        if (where.length === 0) {
          bad.push(`${p.item}: not in the texts`);
        }
        for (const o of m.pairs.filter((x) => x !== p)) {
          const other = o.anchors.map((a) => flat(a.words));
          if (where.some((x) => other.some((w) => x.includes(w)))) {
            bad.push(`${p.item}: in a sentence placing ${o.item}`);
          }
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('no sentence of the texts states a wrong select-all option outside its refuting passage', () => {
    const stated: string[] = [];
    for (const m of STORY_MULTIS) {
      for (const o of m.options.filter((x) => !x.key)) {
        const s = stems(o.label);
        const own = o.anchors.map((a) => passage(a.citation));
        const hit = sentences.find(
          (x) => s.length > 1 && s.every((w) => x.includes(w)) && !own.some((q) => x.includes(q)),
        );
        if (hit) {
          stated.push(`${o.label} <- ${hit}`);
        }
      }
    }
    expect(stated).toEqual([]);
  });

  it('the check can fail: a wrong option worded as the passage has it is found stated', () => {
    const s = stems('Soleimani had personally requested the increased flights');
    expect(sentences.some((x) => s.every((w) => x.includes(w)))).toBe(true);
  });

  it('names each typed answer in the sentence that places the remark', () => {
    const bad: string[] = [];
    for (const w of QUOTE_WHOS) {
      const a = idx.actors.get(w.answer);
      const names = [a?.name, a?.shortName, ...(a?.aliases ?? [])]
        .filter((n): n is string => Boolean(n))
        .map(flat);
      const first = w.anchors[0];
      const where = sentences.filter((x) => first && x.includes(flat(first.words)));
      if (!where.some((x) => names.some((n) => x.includes(n)))) {
        bad.push(`${w.answer}: not named where "${first?.words}" stands`);
      }
    }
    expect(bad).toEqual([]);
  });
});
