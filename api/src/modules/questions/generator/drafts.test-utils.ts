/** What the audit tests read: the drafts of named templates (no gate, no bank) and their text. */
import type { KbIndex } from './kb-index';
import { TEMPLATES } from './templates';
import type { Draft } from './types';

/** `draftsOf('who-said', …)`: every draft of those templates over `idx`, in registry order. */
export const draftsFrom =
  (idx: KbIndex) =>
  (...ids: string[]): Draft[] =>
    TEMPLATES.filter((t) => ids.includes(t.id)).flatMap((t) => t.generate(idx).flat());

/** Everything a student reads of a draft: stem, explanation, options, items, targets, feedback. */
export const draftText = (d: Draft): string =>
  [
    d.stem,
    d.explanation,
    ...(d.prompt.options ?? []).map((o) => o.label),
    ...(d.prompt.items ?? []).map((o) => o.label),
    ...(d.prompt.targets ?? []).map((o) => o.label),
    ...(d.key.rationales ?? []).map((r) => r.text),
  ].join('\n');
