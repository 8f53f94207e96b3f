import { idMapsOf, publicKey, publicPrompt, publicResponse, storedResponse } from './public-ids';

const prompt = {
  options: [
    { id: 'syrian-crisis-erupts', label: 'The Syrian crisis erupts' },
    { id: '1979', label: '1979' },
  ],
  items: [
    { id: 'hezbollah', label: 'Hezbollah' },
    { id: 'amal', label: 'Amal' },
  ],
  targets: [{ id: 'lebanon', label: 'Lebanon' }],
  quote: 'kept as it is',
};

describe('public ids', () => {
  const maps = idMapsOf(prompt);

  it('names choices by place only, keeping labels, order and the other fields', () => {
    expect(publicPrompt(prompt)).toEqual({
      options: [
        { id: 'o1', label: 'The Syrian crisis erupts' },
        { id: 'o2', label: '1979' },
      ],
      items: [
        { id: 'i1', label: 'Hezbollah' },
        { id: 'i2', label: 'Amal' },
      ],
      targets: [{ id: 't1', label: 'Lebanon' }],
      quote: 'kept as it is',
    });
    expect(JSON.stringify(publicPrompt(prompt))).not.toMatch(/syrian-crisis|hezbollah|lebanon/);
  });

  it('is stable: the same question always gets the same ids', () => {
    expect(publicPrompt(prompt)).toEqual(publicPrompt(structuredClone(prompt)));
  });

  it('maps a response back to stored ids, and forward again', () => {
    const response = {
      optionIds: ['o2'],
      order: ['i2', 'i1'],
      pairs: [{ itemId: 'i1', targetId: 't1' }],
    };
    const stored = storedResponse(response, maps);
    expect(stored).toEqual({
      optionIds: ['1979'],
      order: ['amal', 'hezbollah'],
      pairs: [{ itemId: 'hezbollah', targetId: 'lebanon' }],
    });
    expect(publicResponse(stored, maps)).toEqual(response);
  });

  it('keeps ids it does not know unknown: a stored slug or another list’s id is no option', () => {
    const stored = storedResponse(
      {
        optionIds: ['syrian-crisis-erupts', 'i1', 'O1', 'o1 '],
        order: ['o1'],
        pairs: [{ itemId: 't1', targetId: 'i1' }],
      },
      maps,
    );
    const known = new Set(['syrian-crisis-erupts', '1979', 'hezbollah', 'amal', 'lebanon']);
    const all = [
      ...(stored.optionIds ?? []),
      ...(stored.order ?? []),
      ...(stored.pairs ?? []).flatMap((p) => [p.itemId, p.targetId]),
    ];
    expect(all).toHaveLength(7);
    expect(all.filter((id) => known.has(id))).toEqual([]);
  });

  it('leaves fields without ids alone', () => {
    expect(storedResponse({ year: 1979 }, maps)).toEqual({ year: 1979 });
    expect(storedResponse({ text: 'o1' }, maps)).toEqual({ text: 'o1' });
  });

  it('shows the key and its rationales in public ids ("year" stays)', () => {
    const key = {
      optionIds: ['1979'],
      order: ['amal', 'hezbollah'],
      pairs: [{ itemId: 'amal', targetId: 'lebanon' }],
      rationales: [
        { ref: '1979', isCorrect: true, text: 'a', citationIds: [], factIds: [] },
        { ref: 'amal', isCorrect: false, text: 'b', citationIds: [], factIds: [] },
        { ref: 'lebanon', isCorrect: false, text: 'c', citationIds: [], factIds: [] },
        { ref: 'year', isCorrect: true, text: 'd', citationIds: [], factIds: [] },
      ],
    };
    expect(publicKey(key, maps)).toEqual({
      optionIds: ['o2'],
      order: ['i2', 'i1'],
      pairs: [{ itemId: 'i2', targetId: 't1' }],
      rationales: [
        { ref: 'o2', isCorrect: true, text: 'a', citationIds: [], factIds: [] },
        { ref: 'i2', isCorrect: false, text: 'b', citationIds: [], factIds: [] },
        { ref: 't1', isCorrect: false, text: 'c', citationIds: [], factIds: [] },
        { ref: 'year', isCorrect: true, text: 'd', citationIds: [], factIds: [] },
      ],
    });
  });
});
