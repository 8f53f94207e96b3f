/**
 * Quotes in context and three stories, from the reviewed table (grow12): every pair, key, wrong
 * option and typed answer is pinned, so a swap in the table fails here; the gate's re-query (A1)
 * blocks an item whose key is tampered with (two targets swapped, a wrong option keyed, a key left
 * out, another person typed); and a KB change under a pair (its passage reworded, its quote given to
 * another speaker, a refuting clause gone, a citation dropped from its record) drops the item
 * instead of shipping it.
 */
import type { KnowledgeBase } from '@quiz/prisma/knowledge';
import { checkQuestion } from '../../gate';
import { collidingRejects } from '../../short-answer';
import type { BankQuestion } from '../../types';
import { buildBank, finalise } from '../build-bank';
import { buildKbIndex } from '../kb-index';
import { loadKbFiles } from '../load-kb-files';
import { seededRng } from '../rng';
import {
  QUOTE_MATCHES,
  QUOTE_WHOS,
  quoteMatchTemplate,
  quoteWhoTemplate,
  STORY_MULTIS,
  storyMultiTemplate,
} from './quote-table-templates';

const real = loadKbFiles();
const idx = buildKbIndex(real);
const draftsOf = (t: typeof quoteMatchTemplate, kb: KnowledgeBase = real): BankQuestion[] => {
  const i = buildKbIndex(kb);
  const rng = seededRng(5);
  return t.generate(i).flatMap((g) => g.map((d) => finalise(d, rng)));
};
const blocks = (q: BankQuestion) =>
  checkQuestion(q, idx)
    .filter((f) => f.severity === 'BLOCK')
    .map((f) => f.id);
const labelOf = (list: { id: string; label: string }[] | undefined, id: string) =>
  list?.find((o) => o.id === id)?.label;
/** Labels as shown: curly quotes become straight ones in options (`finalise`). */
const shown = (xs: string[]): string[] => xs.map((x) => x.replace(/[“”]/g, '"'));
const pairsOf = (q: BankQuestion): string[] =>
  (q.key.pairs ?? []).map(
    (p) => `${labelOf(q.prompt.items, p.itemId)} => ${labelOf(q.prompt.targets, p.targetId)}`,
  );
const keysOf = (q: BankQuestion): string[] =>
  (q.key.optionIds ?? []).map((id) => labelOf(q.prompt.options, id) ?? id).sort();
const wrongOf = (q: BankQuestion): string[] =>
  (q.prompt.options ?? [])
    .filter((o) => !q.key.optionIds?.includes(o.id))
    .map((o) => o.label)
    .sort();
const find = (qs: BankQuestion[], stem: RegExp): BankQuestion => {
  const found = qs.filter((q) => stem.test(q.stem));
  expect(found).toHaveLength(1);
  return found[0] as BankQuestion;
};
/** The KB with one citation's words replaced. */
const reworded = (id: string, from: string, to: string): KnowledgeBase => ({
  ...real,
  citations: real.citations.map((c) =>
    c.id === id ? { ...c, quote: c.quote.replace(from, to) } : c,
  ),
});

const matches = draftsOf(quoteMatchTemplate);
const multis = draftsOf(storyMultiTemplate);
const whos = draftsOf(quoteWhoTemplate);

const MATCH_CASES: { stem: RegExp; pairs: string[] }[] = [
  {
    stem: /what did each of these remarks refer to or answer/,
    pairs: [
      "A Syrian official: “We aligned ourselves with the Iranians, but many of their promises went unfulfilled, and now we are seeking a way out of this impasse.” => An earlier statement by Iran's ambassador in Damascus that Washington was ready for a major settlement",
      'Bashar al-Assad: “no tangible results” => His engagement with the United States',
      'Iran: “advisory mission” => Its deployment of the Quds Force and even regular army commanders to Syria',
    ],
  },
  {
    stem: /what did each of these say about Iran's forces in Syria as Israeli strikes mounted/,
    pairs: [
      "Iran's ambassador in Damascus, as the Syrian daily Al Watan quoted him => Iran meant to keep its forces in the country, and its advisers remained as before",
      'Sources from non-Syrian militias affiliated with Iran in the Damascus countryside => Iran was drawing up plans to evacuate the IRGC under escalating Israeli pressure',
      'Local people accompanying an Iranian adviser in Syria => They feared for their own safety after repeated Israeli air strikes',
    ],
  },
];

describe('quote-match', () => {
  it('proposes the curated matchings, each passing the gate', () => {
    expect(matches).toHaveLength(QUOTE_MATCHES.length);
    for (const q of matches) {
      expect(blocks(q)).toEqual([]);
    }
  });

  it.each(MATCH_CASES)(
    'pairs each remark with what its passage places: $stem',
    ({ stem, pairs }) => {
      expect(pairsOf(find(matches, stem))).toEqual(shown(pairs));
    },
  );

  it('never lets a target repeat a distinctive word of its own remark', () => {
    const words = (s: string) =>
      new Set(
        s
          .toLowerCase()
          .replace(/[^a-z\s-]/g, ' ')
          .split(/\s+/)
          .filter((w) => w.length >= 6),
      );
    for (const it of QUOTE_MATCHES) {
      for (const p of it.pairs) {
        const quoted = p.item.split('“')[1] ?? '';
        const shared = [...words(quoted)].filter((w) => words(p.target).has(w));
        expect({ item: p.item, shared }).toEqual({ item: p.item, shared: [] });
      }
    }
  });

  it('is blocked by the re-query when two targets are swapped', () => {
    for (const q of matches) {
      const [a, b, ...rest] = q.key.pairs ?? [];
      if (!a || !b) {
        throw new Error('a matching needs pairs');
      }
      const swapped = {
        ...q,
        key: {
          ...q.key,
          pairs: [
            { itemId: a.itemId, targetId: b.targetId },
            { itemId: b.itemId, targetId: a.targetId },
            ...rest,
          ],
        },
      };
      expect(blocks(swapped)).toContain('A1');
    }
  });

  it('drops a matching whose placing passage no longer says it', () => {
    // Alrumaihi's sentence tying the official's complaint to Akbari's statement.
    const kb = reworded(
      'alrumaihi-comment-reference',
      'in reference to an earlier statement by the Iranian ambassador',
      'unrelated to any statement by the Iranian ambassador',
    );
    expect(draftsOf(quoteMatchTemplate, kb).map((q) => q.stem)).not.toContainEqual(
      expect.stringMatching(/refer to or answer/),
    );
    // The militia sources' passage no longer cited by the evacuation record.
    const kb2: KnowledgeBase = {
      ...real,
      events: real.events.map((e) =>
        e.slug === 'irgc-evacuation-plans'
          ? { ...e, citations: e.citations.filter((c) => c !== 'alrumaihi-evacuation-sources') }
          : e,
      ),
    };
    expect(draftsOf(quoteMatchTemplate, kb2).map((q) => q.stem)).not.toContainEqual(
      expect.stringMatching(/as Israeli strikes mounted/),
    );
    // And the re-query refuses the built item against that KB (A1), rather than re-keying it.
    const built = find(matches, /as Israeli strikes mounted/);
    expect(quoteMatchTemplate.requery(built, buildKbIndex(kb2)).ok).toBe(false);
  });
});

const MULTI_CASES: { stem: RegExp; keys: string[]; wrong: string[] }[] = [
  {
    stem: /Mohammad Javad Zarif say or do concerning Qassem Soleimani/,
    keys: [
      'Called him a “commander in the fight against terrorism” whom the US and Europe owed gratitude',
      'Protested to him, in the account of a leaked audio file, over Iran Air flights',
    ],
    wrong: [
      'Described the force Soleimani commanded as “soldiers without borders”',
      'Personally requested the increased Iran Air flights to Damascus',
    ],
  },
  {
    stem: /a leaked document from Iran's presidency put Tehran's spending/,
    keys: [
      'It counted the sum as a “debt” to be repaid through investments and transfers of phosphate, oil and other resources',
      'Syrian officials called it baseless when their Iranian counterparts confronted them with it',
    ],
    wrong: [
      "Iran's presidency published it as an official report on the war's cost",
      'The Iranian officials defended the document when the Syrians rejected it',
    ],
  },
  {
    stem: /happened in the Sayyida Zeinab area south of Damascus/,
    keys: [
      "Armed operatives noticeably disappeared, the more so after Razi Mousavi's killing",
      'The military deployment there came to be mainly Hezbollah, around the shrine',
    ],
    wrong: [
      'Hezbollah pulled its fighters out of the shrine area',
      "Iran's ambassador announced that Iran's military advisers were leaving Syria",
    ],
  },
  {
    stem: /Supreme Leader Ali Khamenei say in posts on his X account/,
    keys: [
      "That the West and its regional allies had failed in the past to topple Syria's political system by war",
      'That the resistance identity Syria embodies must be preserved',
    ],
    wrong: [
      'That Syria had done nothing to repay the $30 billion it owed Iran',
      "That the Iranian–Syrian relationship was strategic and progressed under Khamenei's guidance",
    ],
  },
];

describe('story-multi', () => {
  it('proposes the curated select-alls, each passing the gate', () => {
    expect(multis).toHaveLength(STORY_MULTIS.length);
    for (const q of multis) {
      expect(blocks(q)).toEqual([]);
    }
  });

  it.each(MULTI_CASES)(
    'keys what the source reports, nothing else: $stem',
    ({ stem, keys, wrong }) => {
      const q = find(multis, stem);
      expect(keysOf(q)).toEqual(shown(keys));
      expect(wrongOf(q)).toEqual(shown(wrong));
    },
  );

  it('gives every wrong option a cited refutation and feedback that says what is true', () => {
    for (const q of multis) {
      for (const r of q.key.rationales.filter((x) => !x.isCorrect)) {
        expect(r.text).toMatch(/^No\. [A-Z]/);
        expect(r.citationIds.length).toBeGreaterThan(0);
      }
    }
  });

  it('is blocked by the re-query when a wrong option is keyed or a key left out', () => {
    for (const q of multis) {
      const wrong = (q.prompt.options ?? []).find((o) => !q.key.optionIds?.includes(o.id));
      const [, ...others] = q.key.optionIds ?? [];
      const keyed = (optionIds: string[]) => blocks({ ...q, key: { ...q.key, optionIds } });
      expect(keyed([...(q.key.optionIds ?? []), wrong?.id ?? ''])).toContain('A1');
      expect(keyed([wrong?.id ?? '', ...others])).toContain('A1');
    }
  });

  it('drops a select-all whose refuting clause is gone from its passage', () => {
    // Were the Iranians' "refused to comment" missing, "defended the document" would be unrefuted.
    const kb = reworded('alrumaihi-baseless', ', the latter refused to comment', '');
    expect(draftsOf(storyMultiTemplate, kb).map((q) => q.stem)).not.toContainEqual(
      expect.stringMatching(/leaked document from Iran's presidency/),
    );
    const built = find(multis, /leaked document from Iran's presidency/);
    expect(storyMultiTemplate.requery(built, buildKbIndex(kb)).ok).toBe(false);
  });

  it('re-keys nothing the passage no longer says (a key whose words are gone)', () => {
    const kb = reworded(
      'alrumaihi-asharq-hezbollah',
      'primarily limited to Hezbollah',
      'primarily limited to the Syrian army',
    );
    expect(draftsOf(storyMultiTemplate, kb).map((q) => q.stem)).not.toContainEqual(
      expect.stringMatching(/Sayyida Zeinab/),
    );
  });
});

describe('quote-who', () => {
  const CASES: { stem: RegExp; answers: string[] }[] = [
    { stem: /golden ring of the resistance chain/, answers: ['Khomeini'] },
    {
      stem: /commander in the fight against terrorism/,
      answers: ['Mohammad Javad Zarif', 'Zarif', 'Javad Zarif'],
    },
    { stem: /Who was that ambassador\?/, answers: ['Hossein Akbari', 'Akbari'] },
  ];

  it('proposes the curated typed items, each passing the gate', () => {
    expect(whos).toHaveLength(QUOTE_WHOS.length);
    for (const q of whos) {
      expect(blocks(q)).toEqual([]);
    }
  });

  it.each(CASES)('grades against the person’s KB names: $stem', ({ stem, answers }) => {
    expect(find(whos, stem).key.answers).toEqual(answers);
  });

  it('types no answer whose near miss the grader could not tell apart (Khamenei, Khomeini)', () => {
    for (const q of whos) {
      expect([q.stem, collidingRejects(q.key.answers ?? [], q.key.rejects ?? [])]).toEqual([
        q.stem,
        [],
      ]);
    }
  });

  it('keeps the speaker’s name out of the stem', () => {
    for (const it of QUOTE_WHOS) {
      const a = idx.actors.get(it.answer);
      for (const n of [a?.name, a?.shortName, ...(a?.aliases ?? [])].filter(Boolean)) {
        expect(it.stem.toLowerCase()).not.toContain((n as string).toLowerCase());
      }
    }
  });

  it('is blocked by the re-query when another person is typed as the answer', () => {
    for (const q of whos) {
      expect(blocks({ ...q, key: { ...q.key, answers: ['Hassan Nasrallah'] } })).toContain('A1');
    }
  });

  it('drops a typed item whose quote the KB gives to another speaker', () => {
    const kb: KnowledgeBase = {
      ...real,
      quotes: real.quotes.map((q) =>
        q.id === 'khomeini-golden-ring' ? { ...q, speaker: 'ali-khamenei' } : q,
      ),
    };
    expect(draftsOf(quoteWhoTemplate, kb).map((q) => q.stem)).not.toContainEqual(
      expect.stringMatching(/golden ring/),
    );
    const built = find(whos, /golden ring/);
    expect(quoteWhoTemplate.requery(built, buildKbIndex(kb))).toEqual({
      ok: true,
      key: ['Ali Khamenei'],
    });
  });
});

describe('the bank', () => {
  it('ships all nine grow12 items', () => {
    const { questions } = buildBank({ kb: real, seed: 1 });
    const ours = questions.filter((q) =>
      ['quote-match', 'story-multi', 'quote-who'].includes(q.template),
    );
    expect(ours.map((q) => q.template).sort()).toEqual([
      'quote-match',
      'quote-match',
      'quote-who',
      'quote-who',
      'quote-who',
      'story-multi',
      'story-multi',
      'story-multi',
      'story-multi',
    ]);
  });
});
