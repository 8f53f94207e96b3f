import fc from 'fast-check';
import { distance as levenshtein } from 'fastest-levenshtein';
import {
  baseForm,
  collidingRejects,
  editDistance,
  foldedForm,
  gradeShortAnswer,
  isAccepted,
  type ShortAnswerKey,
  type ShortAnswerMatch,
  sanitiseAnswerText,
  typoBudget,
} from './short-answer';

const hafez: ShortAnswerKey = {
  answers: ['Hafez al-Assad', 'Hafiz Assad'],
  rejects: ['Bashar al-Assad', 'Rifaat al-Assad'],
};
const hezbollah: ShortAnswerKey = {
  answers: ['Hezbollah', 'Hizb Allah', 'Party of God'],
  rejects: ['Amal Movement'],
};
const khamenei: ShortAnswerKey = {
  answers: ['Ali Khamenei', 'Khamenei', 'Ayatollah Khamenei'],
  rejects: ['Ruhollah Khomeini', 'Khomeini'],
};
const iran: ShortAnswerKey = { answers: ['Iran', 'Islamic Republic of Iran'], rejects: ['Iraq'] };
const un: ShortAnswerKey = { answers: ['United Nations', 'UN', 'U.N.'] };
const resolution: ShortAnswerKey = { answers: ['Resolution 598'] };
const soleimani: ShortAnswerKey = { answers: ['Qasem Soleimani', 'Soleimani'] };
const sadr: ShortAnswerKey = { answers: ['Musa al-Sadr', 'Imam Musa Sadr'], rejects: [] };
const irgc: ShortAnswerKey = {
  answers: ['Islamic Revolutionary Guard Corps', 'IRGC', 'Revolutionary Guards'],
  rejects: ['Quds Force'],
};

describe('gradeShortAnswer: a table of answers', () => {
  it.each<[string, ShortAnswerKey, string, ShortAnswerMatch, string | null]>([
    // Exact, after case, spacing, punctuation and articles.
    ['canonical as written', hafez, 'Hafez al-Assad', 'EXACT', 'Hafez al-Assad'],
    ['lower case, no hyphen', hafez, 'hafez al assad', 'EXACT', 'Hafez al-Assad'],
    ['upper case', hafez, 'HAFEZ AL-ASSAD', 'EXACT', 'Hafez al-Assad'],
    ['article dropped', hafez, 'Hafez Assad', 'EXACT', 'Hafez al-Assad'],
    ['extra spaces and a full stop', hafez, '  Hafez   al-Assad. ', 'EXACT', 'Hafez al-Assad'],
    ['el- for al-', hafez, 'Hafez el-Assad', 'EXACT', 'Hafez al-Assad'],
    ['leading "the"', iran, 'the Iran', 'EXACT', 'Iran'],
    ['diacritics', khamenei, 'Alī Khāmeneʾī', 'EXACT', 'Ali Khamenei'],
    ['hamza as apostrophe', khamenei, "Ali Khamene'i", 'EXACT', 'Ali Khamenei'],
    ['curly apostrophe', khamenei, 'Ali Khamene’i', 'EXACT', 'Ali Khamenei'],
    ['dots of an acronym', un, 'U.N.', 'ALIAS', 'UN'],
    // Aliases.
    ['listed alias', hafez, 'Hafiz Assad', 'ALIAS', 'Hafiz Assad'],
    ['short name alias', khamenei, 'khamenei', 'ALIAS', 'Khamenei'],
    ['title alias', khamenei, 'Ayatollah Khamenei', 'ALIAS', 'Ayatollah Khamenei'],
    ['translated alias', hezbollah, 'party of god', 'ALIAS', 'Party of God'],
    ['acronym', irgc, 'irgc', 'ALIAS', 'IRGC'],
    ['acronym with dots', irgc, 'I.R.G.C.', 'ALIAS', 'IRGC'],
    ['alias with the joined article', sadr, 'Musa as-Sadr', 'EXACT', 'Musa al-Sadr'],
    // Transliteration variants.
    ['e/i and o/u', hezbollah, 'Hizbullah', 'VARIANT', 'Hezbollah'],
    ['Hizballah', hezbollah, 'Hizballah', 'ALIAS', 'Hizb Allah'],
    ['one word for two', hezbollah, 'Hezb ollah', 'EXACT', 'Hezbollah'],
    ['doubled letter single', hafez, 'Hafez al-Asad', 'VARIANT', 'Hafez al-Assad'],
    ['Hafiz with the article', hafez, 'Hafiz al-Assad', 'ALIAS', 'Hafiz Assad'],
    ['ou for u', sadr, 'Moussa Sadr', 'VARIANT', 'Musa al-Sadr'],
    ['q for k', soleimani, 'Kasem Soleimani', 'VARIANT', 'Qasem Soleimani'],
    // Typos within the budget.
    ['one letter missing', hezbollah, 'Hizbulah', 'VARIANT', 'Hezbollah'],
    ['two letters swapped', hezbollah, 'Hezbolalh', 'TYPO', 'Hezbollah'],
    ['one wrong letter, long word', khamenei, 'Ali Khamenai', 'TYPO', 'Ali Khamenei'],
    [
      'two typos in a long name',
      irgc,
      'Islamik Revolutionery Guard Corps',
      'TYPO',
      'Islamic Revolutionary Guard Corps',
    ],
    ['typo in a short alias word', irgc, 'Revolutionary Gaurds', 'TYPO', 'Revolutionary Guards'],
    // Typos beyond the budget, or near misses.
    ['three wrong letters', hezbollah, 'Hozbexxah', 'WRONG', null],
    ['short name gets no typo', iran, 'Irna', 'WRONG', null],
    ['listed near miss', hafez, 'Bashar al-Assad', 'NEAR_MISS', 'Bashar al-Assad'],
    ['near miss spelt loosely', hafez, 'bashar assad', 'NEAR_MISS', 'Bashar al-Assad'],
    ['near miss with a typo', hafez, 'Bashaar al-Asad', 'NEAR_MISS', 'Bashar al-Assad'],
    ['Iraq for Iran', iran, 'Iraq', 'NEAR_MISS', 'Iraq'],
    ['Khomeini for Khamenei', khamenei, 'Khomeini', 'NEAR_MISS', 'Khomeini'],
    ['typo closer to the near miss', khamenei, 'Khomeni', 'NEAR_MISS', 'Khomeini'],
    ['a surname shared by several', hafez, 'Assad', 'WRONG', null],
    ['other organisation', irgc, 'Quds Force', 'NEAR_MISS', 'Quds Force'],
    ['number is never fuzzy', resolution, 'Resolution 589', 'WRONG', null],
    ['number exact', resolution, 'resolution 598', 'EXACT', 'Resolution 598'],
    // Input that is not an answer.
    ['empty', hafez, '', 'WRONG', null],
    ['only spaces', hafez, '   \t ', 'WRONG', null],
    ['only punctuation', hafez, '?!.,-', 'WRONG', null],
    ['emoji', hafez, '🙂🙂🙂', 'WRONG', null],
    ['combining marks only', hafez, '\u0301\u0301\u0308', 'WRONG', null],
    ['another script', iran, 'ایران', 'WRONG', null],
    ['huge input', hafez, 'Hafez al-Assad '.repeat(500), 'WRONG', null],
    ['lone surrogate', hafez, '\uD800Hafez', 'WRONG', null],
    ['only an article', hafez, 'al', 'WRONG', null],
  ])('%s: %p / %p → %s', (_name, key, text, match, matched) => {
    const grade = gradeShortAnswer(text, key);
    expect(grade.match).toBe(match);
    expect(grade.matched).toBe(matched);
  });
});

describe('normal forms', () => {
  it('reduce spelling differences that are not errors', () => {
    expect(baseForm('  The  Hafez al-Assad! ')).toBe('hafez assad');
    expect(baseForm('Khāmeneʾī')).toBe('khamenei');
    expect(baseForm('ash-Sharaa')).toBe('sharaa');
    expect(foldedForm('Hezbollah')).toBe(foldedForm('Hizbullah'));
    expect(foldedForm('Hafez')).toBe(foldedForm('Hafiz'));
    expect(foldedForm('Iran')).not.toBe(foldedForm('Iraq'));
  });

  it('keep English words that look like sun-letter articles', () => {
    expect(baseForm('Bashar as president')).toBe('bashar as president');
  });

  it('sanitise strips controls, NUL, bidi marks and lone surrogates and trims', () => {
    expect(sanitiseAnswerText('  Hez\u0000bol\u202Elah\u200B \n')).toBe('Hezbollah');
    expect(sanitiseAnswerText('\uD800ok\uDC00')).toBe('ok');
    expect(sanitiseAnswerText('a\t\tb')).toBe('a b');
    expect(sanitiseAnswerText('e\u0301')).toBe('é');
  });

  it('typo budget grows with word length and is zero for numbers', () => {
    expect([typoBudget('iran'), typoBudget('assad'), typoBudget('hezbollah')]).toEqual([0, 1, 2]);
    expect(typoBudget('598')).toBe(0);
  });

  it('edit distance counts a swap of neighbours as one edit', () => {
    expect(editDistance('hezbollah', 'hezbolalh')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('iran', 'iraq')).toBe(1);
  });
});

describe('editDistance against fastest-levenshtein', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 12 });

  it('is zero only for equal strings, symmetric, and never more than Levenshtein', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = editDistance(a, b);
        expect(d === 0).toBe(a === b);
        expect(editDistance(b, a)).toBe(d);
        expect(d).toBeLessThanOrEqual(levenshtein(a, b));
        // A swap saves at most one edit of the two Levenshtein needs.
        expect(d).toBeGreaterThanOrEqual(Math.ceil(levenshtein(a, b) / 2));
      }),
    );
  });

  it('equals Levenshtein when no two neighbours can be swapped (all letters distinct)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...'abcdefghij'), { maxLength: 10 }),
        fc.string({ unit: fc.constantFrom('k', 'l'), maxLength: 4 }),
        (letters, extra) => {
          const a = letters.join('');
          const b = `${extra}${[...letters].sort().join('')}`;
          if (!letters.some((x, i) => i > 0 && b.includes(`${x}${letters[i - 1]}`))) {
            expect(editDistance(a, b)).toBe(levenshtein(a, b));
          }
        },
      ),
    );
  });

  it('counts one swap of neighbours as one edit', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 2, maxLength: 12 }),
        fc.nat(),
        (a, at) => {
          const i = at % (a.length - 1);
          const swapped = a.slice(0, i) + a[i + 1] + a[i] + a.slice(i + 2);
          expect(editDistance(a, swapped)).toBe(swapped === a ? 0 : 1);
        },
      ),
    );
  });
});

describe('collidingRejects', () => {
  it('finds near-miss names that cannot be told apart from an accepted answer', () => {
    expect(collidingRejects(['Iran'], ['Iraq'])).toEqual([]);
    expect(collidingRejects(['Hezbollah'], ['Hizbullah', 'Amal'])).toEqual(['Hizbullah']);
    expect(collidingRejects(['Ali Khamenei'], ['Ali Khameini'])).toEqual(['Ali Khameini']);
    expect(collidingRejects(['Hafez al-Assad'], ['Bashar al-Assad'])).toEqual([]);
  });
});

// Names built from letters, so properties hold for more than the table's names.
const word = fc.stringMatching(/^[A-Z][a-z]{2,9}$/);
const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));

describe('gradeShortAnswer properties', () => {
  it('never throws and always returns a known grade, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), name, (text, key) => {
        const grade = gradeShortAnswer(text, { answers: [key] });
        expect(['EXACT', 'ALIAS', 'VARIANT', 'TYPO', 'NEAR_MISS', 'WRONG']).toContain(grade.match);
      }),
    );
  });

  it('accepts every accepted answer, in any case and with any spacing', () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 4 }), fc.nat(), (answers, pick) => {
        const text = answers[pick % answers.length] ?? '';
        const shouted = ` ${text.toUpperCase().replaceAll(' ', '  ')} `;
        expect(isAccepted(gradeShortAnswer(shouted, { answers }).match)).toBe(true);
      }),
    );
  });

  it('never accepts a listed near miss, nor an answer at least as close to one as to the key', () => {
    fc.assert(
      fc.property(name, name, fc.string({ maxLength: 20 }), (key, reject, text) => {
        fc.pre(collidingRejects([key], [reject]).length === 0);
        const grade = gradeShortAnswer(reject, { answers: [key], rejects: [reject] });
        expect(isAccepted(grade.match)).toBe(false);
        const other = gradeShortAnswer(text, { answers: [key], rejects: [reject] });
        if (isAccepted(other.match)) {
          const answer = foldedForm(text).replaceAll(' ', '');
          const toKey = editDistance(answer, foldedForm(key).replaceAll(' ', ''));
          const toReject = editDistance(answer, foldedForm(reject).replaceAll(' ', ''));
          expect(toKey).toBeLessThanOrEqual(toReject);
        }
      }),
    );
  });

  it('forgives one swapped or dropped letter in a long word, and nothing in a short one', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[bcdfgjklmnprstvwxz]{9,12}$/), fc.nat(), (key, at) => {
        const i = at % (key.length - 1);
        const swapped = key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
        const dropped = key.slice(0, i) + key.slice(i + 1);
        expect(isAccepted(gradeShortAnswer(swapped, { answers: [key] }).match)).toBe(true);
        expect(isAccepted(gradeShortAnswer(dropped, { answers: [key] }).match)).toBe(true);
        const short = key.slice(0, 4);
        const changed = `${short.slice(0, 3)}${short[3] === 'z' ? 'b' : 'z'}`;
        expect(isAccepted(gradeShortAnswer(changed, { answers: [short] }).match)).toBe(false);
      }),
    );
  });

  it('is deterministic and ignores the order of the near-miss list', () => {
    fc.assert(
      fc.property(name, fc.array(name, { maxLength: 4 }), name, (key, rejects, text) => {
        const a = gradeShortAnswer(text, { answers: [key], rejects });
        const b = gradeShortAnswer(text, { answers: [key], rejects: [...rejects].reverse() });
        expect(b.match).toBe(a.match);
      }),
    );
  });
});
