import { render, screen } from '@testing-library/react';
import { citation } from '@/test/fixtures';
import { bareQuote, Citation, shortDateLabel } from './citation-list';

// Two labels as the knowledge base writes them (prisma/seed/data/kb/sources.json).
const MENA =
  'mid-to-late 2024: written after the Russian announcement of 4 June 2024 and after the assassination of Hassan Haniyeh in Iran, while Bashar al-Assad still ruled (so before 8 December 2024)';
const WIKIPEDIA =
  'excerpt of a living article; its latest dated content is the fall of the Assad regime on 8 December 2024, so the excerpt was taken in or after December 2024';

describe('shortDateLabel', () => {
  it('keeps the date and leaves out how it was worked out', () => {
    expect(shortDateLabel(MENA)).toBe('Mid-to-late 2024');
    expect(shortDateLabel(WIKIPEDIA)).toBe('Excerpt of a living article');
    expect(shortDateLabel('December 2024')).toBe('December 2024');
  });
});

describe('Citation', () => {
  const withLabel = (publishedLabel: string) => {
    const base = citation('c1', 'Syria sided with Iran.');
    return { ...base, source: { ...base.source, publishedLabel } };
  };

  it('shows a student the short date only', () => {
    const { container } = render(<Citation citation={withLabel(MENA)} />);
    expect(screen.getByText('Mid-to-late 2024')).toBeTruthy();
    expect(container.textContent).not.toContain('Russian announcement');
  });

  it('shows a teacher checking the source the whole note', () => {
    render(<Citation citation={withLabel(MENA)} showLocator />);
    expect(screen.getByText(MENA)).toBeTruthy();
  });
});

describe('bareQuote', () => {
  it('drops the outer marks of a passage that is one whole quotation', () => {
    expect(bareQuote('“the regime is incapable of covering these high costs.”')).toBe(
      'the regime is incapable of covering these high costs.',
    );
    expect(bareQuote('"control the housing sector and other areas,"')).toBe(
      'control the housing sector and other areas',
    );
  });

  it('keeps marks that quote only part of the passage', () => {
    const inner = 'a longstanding member of the Iranian-led "Axis of Resistance,"';
    expect(bareQuote(inner)).toBe(inner);
    const two = '“Iran has had …,” he said, “who quickly reneged.”';
    expect(bareQuote(two)).toBe(two);
    expect(bareQuote('Both countries established diplomatic relations')).toBe(
      'Both countries established diplomatic relations',
    );
  });
});
