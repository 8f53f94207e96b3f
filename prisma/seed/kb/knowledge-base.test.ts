import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatDate } from './dates';
import { KB_DATA_DIR, loadKnowledgeBase } from './load';
import type { KnowledgeBase } from './schema';
import { checkRoles, coverageReport, validateKnowledgeBase } from './validate';

// The knowledge base against the five source documents. SEEDS_DIR names another folder.
const SEEDS_DIR =
  process.env.SEEDS_DIR || path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'seeds');

const kb = loadKnowledgeBase(KB_DATA_DIR);
const copy = (): KnowledgeBase => structuredClone(kb);

describe('the knowledge base', () => {
  it('finds the source documents', () => {
    if (!existsSync(SEEDS_DIR)) {
      throw new Error(
        `The source documents are not at ${SEEDS_DIR}: set SEEDS_DIR to the folder holding 000_…txt to 004_…txt.`,
      );
    }
  });

  it('is valid: every quote verbatim in its source, every reference resolved, every date sound', () => {
    expect(validateKnowledgeBase(kb, SEEDS_DIR)).toEqual([]);
  });

  it('says what every quote is about, for the quote-context items (issue 11)', () => {
    expect(kb.quotes.filter((q) => !q.subject).map((q) => q.id)).toEqual([]);
  });

  it('names and dates its sources in words a student may read (issue 11: no capture notes)', () => {
    // Students see a source's title and the date before the first colon or semicolon of its
    // label (the rest says how it was worked out, for teachers).
    for (const source of kb.sources) {
      expect([source.slug, source.title]).not.toEqual([
        source.slug,
        expect.stringMatching(/no headline|in the copy|\bline \d|snippet/i),
      ]);
      const head = source.publishedLabel.split(/[:;]/, 1)[0] ?? '';
      expect([source.slug, head]).toEqual([source.slug, expect.stringMatching(/\b(19|20)\d\d\b/)]);
      expect([source.slug, head]).not.toEqual([
        source.slug,
        expect.stringMatching(/excerpt|captured|copy|Hassan Haniyeh/i),
      ]);
    }
  });

  it('is large enough to teach from', () => {
    const facts = kb.events.length + kb.relations.length + kb.quotes.length + kb.figures.length;
    expect(facts).toBeGreaterThan(100);
    expect(kb.actors.length).toBeGreaterThan(60);
    expect(new Set(kb.citations.map((c) => c.source)).size).toBe(5);
    // The coverage report the issue asks the tests to print.
    console.log(coverageReport(kb));
  });

  it('states what the sources say about Arab states and Iran in 1980–88, and no more', () => {
    const duringWar = kb.relations.filter((r) => r.context === 'iran-iraq-war');
    const sidedWithIran = duringWar.filter((r) => r.type === 'SIDED_WITH' && r.object === 'iran');
    expect(sidedWithIran.map((r) => r.subject)).toEqual(['syria']);
    const keptTiesWithSyria = duringWar
      .filter((r) => r.type === 'KEPT_TIES' && r.object === 'syria')
      .map((r) => r.subject)
      .sort();
    expect(keptTiesWithSyria).toEqual(['algeria', 'lebanon', 'libya', 'oman', 'sudan']);
    for (const slug of ['lebanon', 'algeria', 'sudan', 'oman', 'libya']) {
      expect(
        kb.relations.some(
          (r) =>
            r.subject === slug && r.object === 'iran' && ['SIDED_WITH', 'ALLIED'].includes(r.type),
        ),
      ).toBe(false);
    }
  });

  it('keeps both claims of a disputed date with their sources', () => {
    const strike = kb.events.find((e) => e.status === 'DISPUTED' && e.start.value === '2024-04-01');
    expect(strike?.disputes.length).toBeGreaterThanOrEqual(2);
    const sources = new Set(
      strike?.disputes.map((d) => kb.citations.find((c) => c.id === d.citation)?.source),
    );
    expect(sources.size).toBeGreaterThanOrEqual(2);
  });
});

describe('the understanding layer', () => {
  const about = (pred: (x: KnowledgeBase['explanations'][number]) => boolean) =>
    kb.explanations.filter(pred).map((x) => x.id);

  it('answers the "why" questions the issue lists, each attributed', () => {
    // Why Syria sided with Iran; what Iran wanted; what the war cost; why relations cooled;
    // why Hezbollah was founded; the Fatemiyoun and Zeinabiyoun; the Russia–Iran rivalry.
    expect(
      about((x) => x.relation === 'syria-sided-with-iran-iran-iraq-war').length,
    ).toBeGreaterThan(1);
    expect(about((x) => x.kind === 'PURPOSE' && x.actor === 'iran').length).toBeGreaterThan(4);
    expect(
      about((x) => x.kind === 'CONSEQUENCE' && x.actor === 'iran' && x.area !== undefined).length,
    ).toBeGreaterThan(4);
    expect(
      about((x) => x.topic === 'relations between Iran and Syria cooled').length,
    ).toBeGreaterThan(5);
    expect(about((x) => x.relation === 'irgc-trained-hezbollah')).not.toEqual([]);
    expect(about((x) => x.relation === 'irgc-trained-fatemiyoun')).not.toEqual([]);
    expect(
      about((x) => x.themes.includes('russia') && x.actor === 'russia').length,
    ).toBeGreaterThan(1);
    for (const x of kb.explanations) {
      expect({ id: x.id, accordingTo: x.accordingTo.length > 0 }).toEqual({
        id: x.id,
        accordingTo: true,
      });
    }
  });

  it('never states a lower-bound, inferred or process date as exact where the issue found one', () => {
    const certainty = (slug: string) =>
      kb.events.find((e) => e.slug === slug)?.start.certainty ?? 'EXACT';
    expect(certainty('akbari-rules-out-withdrawal')).toBe('AFTER');
    expect(certainty('iran-war-spending-document-leaked')).toBe('INFERRED');
    expect(certainty('saudi-embassy-reopening-prepared')).toBe('PROCESS');
  });

  it('stores dates no more exactly than the sources give them (audit 1)', () => {
    const ev = (slug: string) => kb.events.find((e) => e.slug === slug);
    // "In the spring of 2022", "Since the fall of 2020": seasons, not their first months.
    expect(ev('ned-price-normalisation-remark')?.start).toMatchObject({ precision: 'SEASON' });
    expect(ev('assad-reveals-us-talks')?.start).toMatchObject({ precision: 'SEASON' });
    expect(formatDate({ value: '2022-03', precision: 'SEASON' })).toBe('spring 2022');
    expect(formatDate({ value: '2020-09', precision: 'SEASON' })).toBe('autumn 2020');
    // March 2011 is when the crisis erupted; the civil war is dated only to 2011.
    expect(ev('syrian-crisis-erupts')?.title).not.toMatch(/civil war/i);
    expect(ev('syrian-crisis-erupts')?.summary).not.toMatch(/March 2011[^;.]*civil war/);
    // "In August" and "post-Mousavi's death": no year in what a reader sees.
    expect(ev('iran-war-spending-document-leaked')?.start.label).not.toMatch(/\d{4}/);
    expect(ev('akbari-rules-out-withdrawal')?.start.label).not.toMatch(/\d{4}/);
    expect(ev('assad-visits-iran-after-raisi-death')?.start.label).not.toMatch(/\d{4}/);
    // The interview was published on Tuesday; the words were not dated.
    const sharaa = kb.quotes.find((q) => q.id === 'sharaa-most-important-objective');
    expect(sharaa?.date?.certainty).toBe('INFERRED');
    // The interview's own day is inferred: the context gives the report's date, never the
    // interview's (audit 4, item 48: "published on Tuesday" meant nothing to a student).
    expect(sharaa?.context).toMatch(/reported on 12 November 2025/);
    expect(sharaa?.context).not.toMatch(/11 November|on Tuesday/);
  });

  it('records recurring events as series, so no occurrence year is a safe wrong answer', () => {
    const years = (slug: string) =>
      kb.series.find((se) => se.slug === slug)?.occurrences.map((o) => o.date.value.slice(0, 4));
    expect(years('syrian-and-iranian-leaders-meet')).toEqual(['1984', '2022', '2024']);
    expect(years('wars-in-lebanon')).toEqual(['1982', '2006']);
    expect(kb.series.every((se) => se.complete === false)).toBe(true);
  });

  it("keeps a source's wrong name as a recorded error, not as the name", () => {
    const haniyeh = kb.actors.find((a) => a.formerSlugs.includes('hassan-haniyeh'));
    expect(haniyeh?.name).toBe('Ismail Haniyeh');
    expect(kb.sourceErrors.find((e) => e.actor === haniyeh?.slug)?.asWritten).toBe(
      'Hassan Haniyeh',
    );
  });
});

// The validator must catch each kind of error; otherwise the test above proves nothing.
describe('the validator', () => {
  const firstCitation = () => kb.citations[0] as KnowledgeBase['citations'][number];
  it.each<[string, (k: KnowledgeBase) => void, RegExp]>([
    [
      'an altered quote',
      (k) => {
        const c = k.citations[0];
        if (c) {
          c.quote = `${c.quote} and something the source never said`;
        }
      },
      new RegExp(firstCitation().id),
    ],
    [
      'a role line whose citation is missing',
      (k) => {
        const a = k.actors.find((x) => x.slug === 'mohsen-chizari');
        if (a?.role) {
          a.role.citations = ['no-such-passage'];
        }
      },
      /actor mohsen-chizari role: \[role\] citation "no-such-passage" does not exist/,
    ],
    [
      'a role line citing a passage that is not the actor’s',
      (k) => {
        const a = k.actors.find((x) => x.slug === 'mohsen-chizari');
        if (a?.role) {
          a.role.citations = ['wiki-agreements-january-2019'];
        }
      },
      /actor mohsen-chizari role: \[role\] cites wiki-agreements-january-2019, not among/,
    ],
    [
      'a role anchor no cited passage states',
      (k) => {
        const a = k.actors.find((x) => x.slug === 'fatemiyoun-brigade');
        if (a?.role) {
          a.role.text =
            'A brigade of Afghan Shias that commanders from Tehran directed in Syria in 2013';
          a.role.anchors = ['afghan shias', '2013'];
        }
      },
      /actor fatemiyoun-brigade role: \[role\] anchor "2013" is not in its cited passages/,
    ],
    [
      'a reference to a missing actor',
      (k) => {
        k.events[0]?.participants.push({ actor: 'atlantis', role: 'ally' });
      },
      /atlantis/,
    ],
    [
      'an impossible date',
      (k) => {
        const e = k.events[0];
        if (e) {
          e.start = { value: '2023-02-30', precision: 'DAY' };
        }
      },
      /2023-02-30/,
    ],
    [
      'an event without citations',
      (k) => {
        const e = k.events[1];
        if (e) {
          e.citations = [];
        }
      },
      /citation/,
    ],
    [
      'an unanchored "currently" in a summary',
      (k) => {
        const e = k.events[2];
        if (e) {
          e.summary = `${e.summary} Syria currently backs this.`;
        }
      },
      /currently/i,
    ],
    [
      'an editorial note in a summary',
      (k) => {
        const e = k.events[2];
        if (e) {
          e.summary = `${e.summary} It happened in 2023 (inferred from the paper's date).`;
        }
      },
      /\[student-text\]/,
    ],
    [
      'an inferred year in a date label',
      (k) => {
        const e = k.events.find((x) => x.slug === 'assad-visits-iran-after-raisi-death');
        if (e) {
          e.start = { ...e.start, label: "2024, about two weeks after Raisi's death" };
        }
      },
      /\[label\] INFERRED/,
    ],
    [
      'a duplicate id',
      (k) => {
        const r = k.relations[0];
        if (r) {
          k.relations.push({ ...r });
        }
      },
      /more than once/,
    ],
    [
      'an explanation that explains nothing',
      (k) => {
        const x = k.explanations[0];
        if (x) {
          x.relation = undefined;
          x.event = undefined;
        }
      },
      /explains nothing/,
    ],
    [
      'an explanation pointing at a missing relation',
      (k) => {
        const x = k.explanations[0];
        if (x) {
          x.relation = 'no-such-relation';
        }
      },
      /relation "no-such-relation" does not exist/,
    ],
    [
      'an undated stance filed under an era without saying why',
      (k) => {
        const st = k.stances.find((s) => !s.from && !s.to);
        if (st) {
          st.eras = ['civil-war'];
          st.dateReasoning = undefined;
        }
      },
      /undated, so its eras need a dateReasoning/,
    ],
    [
      'a stance dated outside its era',
      (k) => {
        const st = k.stances.find((s) => s.from);
        if (st) {
          st.eras = ['after-assad'];
        }
      },
      /eras after-assad do not contain/,
    ],
    [
      'an actor both supporting and opposing one issue in overlapping windows',
      (k) => {
        const st = k.stances.find((s) => s.id === 'syria-joins-us-led-coalition-1990');
        if (st) {
          // The 1990 coalition stance left open-ended would still hold in 2006.
          st.to = undefined;
        }
      },
      /\[stance-issue\] syria both supports and opposes syria-and-the-united-states/,
    ],
    [
      'two labels for one issue',
      (k) => {
        const st = k.stances.find((s) => s.id === 'russia-backs-assad-from-2015');
        if (st) {
          st.issueLabel = 'Assad';
        }
      },
      /\[stance-issue\] issue syrian-government-in-the-civil-war is labelled/,
    ],
    [
      'an issue stance with no position phrase',
      (k) => {
        const st = k.stances.find((s) => s.issue);
        if (st) {
          st.positionPhrase = undefined;
        }
      },
      /\[stance-issue\] an issue needs its issueLabel and a positionPhrase/,
    ],
    [
      'a position phrase that names its actor',
      (k) => {
        const st = k.stances.find((s) => s.id === 'nasrallah-defends-syrian-neutrality');
        if (st) {
          st.positionPhrase = "Nasrallah publicly defended Syria's non-involvement";
        }
      },
      /\[stance-issue\] positionPhrase .* must be a verb phrase/,
    ],
    [
      'a position phrase naming someone its passages do not',
      (k) => {
        const st = k.stances.find((s) => s.id === 'putin-works-to-keep-syria-neutral');
        if (st) {
          st.positionPhrase = 'worked with Erdogan to keep the Syrian regime neutral';
        }
      },
      /putin-works-to-keep-syria-neutral positionPhrase: \[backing\]/,
    ],
    [
      'a series occurrence whose date differs from its event',
      (k) => {
        const o = k.series.flatMap((se) => se.occurrences).find((x) => x.event);
        if (o) {
          o.date = { value: '2016-06', precision: 'MONTH' };
        }
      },
      /differs from its event's start/,
    ],
    [
      'series occurrences out of order',
      (k) => {
        const se = k.series.find((x) => x.occurrences.length > 1);
        se?.occurrences.reverse();
      },
      /chronological order/,
    ],
    [
      'a source error whose wrong text is not in its citation',
      (k) => {
        const e = k.sourceErrors[0];
        if (e) {
          e.asWritten = 'Hussein Haniyeh';
        }
      },
      /is not in citation/,
    ],
    [
      'a non-FACT occurrence without claimedBy',
      (k) => {
        const o = k.series[0]?.occurrences[0];
        if (o) {
          o.status = 'REPORTED';
        }
      },
      /needs claimedBy/,
    ],
    // The evidence rules: each kind of defect the reading of the KB against its sources found.
    [
      'a description sentence whose claim no cited passage carries (USIP "economic woes")',
      (k) => {
        const a = k.actors.find((x) => x.slug === 'usip');
        if (a) {
          a.citations = ['usip-hezbollah-reliance'];
          a.description = `${a.description} It says Syria's isolation from the West drove the tie.`;
        }
      },
      /actor usip description: \[backing\].*West/,
    ],
    [
      'a year in a summary that no cited passage gives',
      (k) => {
        const e = k.events.find((x) => x.slug === 'iran-iraq-war');
        if (e) {
          e.summary = `${e.summary} A ceasefire followed in 1989.`;
        }
      },
      /event iran-iraq-war summary: \[backing\].*1989/,
    ],
    [
      'an EXACT date that no cited passage gives (a month dated by a lower bound)',
      (k) => {
        const e = k.events.find((x) => x.slug === 'akbari-rules-out-withdrawal');
        if (e) {
          e.start = { value: '2023-12', precision: 'MONTH' };
        }
      },
      /event akbari-rules-out-withdrawal start: \[date-evidence\] 2023-12/,
    ],
    [
      'a non-EXACT date without a basis',
      (k) => {
        const r = k.relations.find((x) => x.id === 'israel-killed-razi-mousavi');
        if (r?.from) {
          r.from = { value: r.from.value, precision: r.from.precision, certainty: 'INFERRED' };
        }
      },
      /relation israel-killed-razi-mousavi from: \[date-certainty\]/,
    ],
    [
      'a person named with a first name no passage gives ("Hassan" Rouhani)',
      (k) => {
        const a = k.actors.find((x) => x.slug === 'rouhani');
        if (a) {
          a.name = 'Hassan Rouhani';
        }
      },
      /actor rouhani: \[name-evidence\] name "Hassan Rouhani" — Hassan/,
    ],
    [
      'an alias with a title from elsewhere ("Imam")',
      (k) => {
        k.actors.find((x) => x.slug === 'musa-al-sadr')?.aliases.push('Imam Musa Sadr');
      },
      /actor musa-al-sadr: \[name-evidence\] alias "Imam Musa Sadr"/,
    ],
    [
      'a corrected name without its source-error record',
      (k) => {
        k.sourceErrors = k.sourceErrors.filter((e) => e.actor !== 'ismail-haniyeh');
      },
      /actor ismail-haniyeh: \[name-evidence\] name "Ismail Haniyeh" — Ismail/,
    ],
    [
      'a confrontation typed as a negotiation',
      (k) => {
        k.relations.push({
          id: 'kerry-negotiated-with-zarif',
          type: 'NEGOTIATED_WITH',
          subject: 'john-kerry',
          object: 'mohammad-javad-zarif',
          summary: 'John Kerry confronted Zarif over Iran Air flights to Damascus.',
          citations: ['iranwire-kerry-confronted'],
          status: 'CLAIM',
          claimedBy: 'Mohammad Javad Zarif (leaked audio)',
        });
      },
      /relation kerry-negotiated-with-zarif: \[relation-evidence\] type NEGOTIATED_WITH but a cited passage describes a confrontation/,
    ],
    [
      'a demand that forces leave typed as support',
      (k) => {
        k.relations.push({
          id: 'iran-supported-syria-sovereignty',
          type: 'SUPPORTED',
          subject: 'iran',
          object: 'syria',
          summary: 'According to Reuters, Iran insisted that foreign forces leave Syria.',
          citations: ['wiki-reuters-foreign-forces'],
          status: 'REPORTED',
          claimedBy: 'Reuters',
        });
      },
      /relation iran-supported-syria-sovereignty: \[relation-evidence\] type SUPPORTED but a cited passage describes a demand to leave/,
    ],
    [
      'a dismissal of a document recorded as a side taken',
      (k) => {
        const p = k.events
          .find((x) => x.slug === 'iran-war-spending-document-leaked')
          ?.participants.find((x) => x.actor === 'syria');
        if (p) {
          p.stance = 'AGAINST';
        }
      },
      /participant syria: \[stance-evidence\]/,
    ],
    [
      'a host/visitor role that no passage supports',
      (k) => {
        const p = k.events
          .find((x) => x.slug === 'khamenei-raisi-meet-assad')
          ?.participants.find((x) => x.actor === 'bashar-al-assad');
        if (p) {
          p.role = 'visitor';
        }
      },
      /participant bashar-al-assad: \[role-evidence\] role "visitor"/,
    ],
    [
      'a series occurrence with a date its passages do not give',
      (k) => {
        const o = k.series
          .flatMap((x) => x.occurrences)
          .find((x) => x.id === 'khamenei-and-raisi-meet-bashar-2022');
        if (o) {
          o.date = { value: '2022-05-09', precision: 'DAY' };
          o.event = undefined;
        }
      },
      /occurrence khamenei-and-raisi-meet-bashar-2022 date: \[date-evidence\] 2022-05-09.*day 9/,
    ],
    [
      'an explanation answer that says more than its passages (a year)',
      (k) => {
        const x = k.explanations.find(
          (e) => e.id === 'hafez-sought-counterweight-to-israel-and-iraq',
        );
        if (x) {
          x.answer = `${x.answer}, from 1979`;
        }
      },
      /explanation hafez-sought-counterweight-to-israel-and-iraq answer: \[backing\].*1979/,
    ],
    [
      'a quote without its occasion',
      (k) => {
        const q = k.quotes[0];
        if (q) {
          q.occasion = undefined;
        }
      },
      /\[quote-context\]/,
    ],
    [
      "a quote's lead that is not the source's framing right before it",
      (k) => {
        const q = k.quotes.find((x) => x.id === 'khamenei-overthrow-syria-political-system');
        if (q) {
          q.lead = 'praised the West and its regional allies for';
        }
      },
      /quote khamenei-overthrow-syria-political-system: lead is not the cited passage's words/,
    ],
    [
      "a quote's subject that copies its words",
      (k) => {
        const q = k.quotes.find((x) => x.id === 'velayati-golden-counterweight');
        if (q) {
          q.subject = 'why Iran is not prepared to lose Syria';
        }
      },
      /quote velayati-golden-counterweight: subject copies the quote's words/,
    ],
    [
      "a quote's subject naming someone the source does not name near the words",
      (k) => {
        const q = k.quotes.find((x) => x.id === 'sharaa-most-important-objective');
        if (q) {
          // Trump is in the sources, but not anywhere near al-Sharaa's interview.
          q.subject = "his country's ties with Washington, after a meeting with Donald Trump";
        }
      },
      /quote sharaa-most-important-objective: \[namedNearby\] subject names "Donald"/,
    ],
    [
      "a figure's ask that states its amount",
      (k) => {
        const f = k.figures.find((x) => x.id === 'consulate-strike-killed-7');
        if (f) {
          f.ask = 'the 7 people killed in the strike on the consulate';
        }
      },
      /figure consulate-strike-killed-7: ask states the amount/,
    ],
    [
      "a figure's ask naming what its passage does not name nearby",
      (k) => {
        const f = k.figures.find((x) => x.id === 'badr-organization-seats');
        if (f) {
          f.ask = 'seats the Badr Organization won in the Egyptian elections';
        }
      },
      /figure badr-organization-seats ask: \[namedNearby\] subject names "Egyptian"/,
    ],
    [
      'an empty quote subject',
      (k) => {
        const q = k.quotes[0];
        if (q) {
          q.subject = '  ';
        }
      },
      /subject is empty/,
    ],
  ])('reports %s', (_name, mutate, expected) => {
    const broken = copy();
    mutate(broken);
    const problems = validateKnowledgeBase(broken, SEEDS_DIR);
    expect(problems.join('\n')).toMatch(expected);
  });
});

describe('the event-role layer (checkRoles)', () => {
  const actors = new Map(kb.actors.map((a) => [a.slug, a]));
  const eventOf = (k: KnowledgeBase, slug: string) => {
    const e = k.events.find((x) => x.slug === slug);
    if (!e) {
      throw new Error(`no event ${slug}`);
    }
    return e;
  };
  const party = (k: KnowledgeBase, slug: string, actor: string) => {
    const p = eventOf(k, slug).participants.find((x) => x.actor === actor);
    if (!p) {
      throw new Error(`no participant ${actor}`);
    }
    return p;
  };
  const WAR = 'iran-iraq-war';

  it('passes the curated events', () => {
    expect(kb.events.flatMap((e) => checkRoles(e, actors))).toEqual([]);
  });

  it.each<[string, (k: KnowledgeBase) => void, string, RegExp]>([
    [
      'a part without a role setting',
      (k) => {
        party(k, 'gaza-war-begins', 'syria').part = 'stayed out of the war';
      },
      'gaza-war-begins',
      /participant syria: \[roles\] part, overlapsWith and statedBySetting need the event's roleSetting/,
    ],
    [
      'a role setting with fewer than three parts',
      (k) => {
        eventOf(k, 'gaza-war-begins').roleSetting = 'In Gaza in 2023';
        party(k, 'gaza-war-begins', 'syria').part = 'stayed out of the war';
      },
      'gaza-war-begins',
      /at least three participants with a part/,
    ],
    [
      'a one-sided overlap',
      (k) => {
        party(k, WAR, 'saudi-arabia').overlapsWith = ['libya'];
      },
      WAR,
      /participant saudi-arabia: \[roles\] overlapsWith "libya" is not declared on libya too/,
    ],
    [
      'an overlap with a participant without a part',
      (k) => {
        party(k, WAR, 'saudi-arabia').overlapsWith = ['oman'];
      },
      WAR,
      /overlapsWith "oman" is not another participant with a part/,
    ],
    [
      'two parties with one part and no overlap',
      (k) => {
        party(k, WAR, 'saudi-arabia').part = 'sided with Iran';
      },
      WAR,
      /participant syria: \[roles\] same part as saudi-arabia but no overlapsWith/,
    ],
    [
      'a part naming its own actor',
      (k) => {
        party(k, WAR, 'libya').part = 'was the Libya that sold weapons to Iran';
      },
      WAR,
      /part "was the Libya that sold weapons to Iran" names its own actor/,
    ],
    [
      'source bookkeeping as a part',
      (k) => {
        party(k, WAR, 'libya').part = 'reported the weapons sales';
      },
      WAR,
      /is source bookkeeping, not a part played/,
    ],
    [
      'a part that is not a verb phrase',
      (k) => {
        party(k, WAR, 'libya').part = 'Arms seller';
      },
      WAR,
      /should be a lower-case verb phrase/,
    ],
    [
      'a setting year outside the event',
      (k) => {
        eventOf(k, WAR).roleSetting = 'During the Iran–Iraq War (1980–91)';
      },
      WAR,
      /roleSetting states 1991, outside the event's 1980–1988/,
    ],
    [
      'a setting year for an inferred date',
      (k) => {
        const e = eventOf(k, WAR);
        e.start = { ...e.start, certainty: 'INFERRED', basis: 'test' };
      },
      WAR,
      /roleSetting states 1980 but the event's date is not exact/,
    ],
    [
      'a setting that does not open with a preposition',
      (k) => {
        eventOf(k, WAR).roleSetting = 'The Iran–Iraq War (1980–88)';
      },
      WAR,
      /roleSetting should open with a preposition/,
    ],
  ])('reports %s', (_name, mutate, slug, expected) => {
    const broken = copy();
    mutate(broken);
    expect(checkRoles(eventOf(broken, slug), actors).join('\n')).toMatch(expected);
  });
});
