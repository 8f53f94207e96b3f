// Parent types of the knowledge types whose GraphQL shape differs from the database row: the
// full KB records live in the `data` Json columns (format of prisma/seed/kb/schema.ts).
import type { Actor, Era, Event, Figure, Office, Quote, Relation } from '@quiz/prisma';
import type {
  DateValue,
  Actor as KbActor,
  Event as KbEvent,
  Figure as KbFigure,
  Office as KbOffice,
  Quote as KbQuote,
  Relation as KbRelation,
} from '@quiz/prisma/knowledge';

export type ParticipantParent = KbEvent['participants'][number];
export type DisputeParent = KbEvent['disputes'][number];

// The seed writes `data` from the parsed, validated files, so reading it back as the KB type is
// safe; these helpers keep the cast in one place.
export const eventRecord = (row: Event): KbEvent => row.data as unknown as KbEvent;
export const actorRecord = (row: Actor): KbActor => row.data as unknown as KbActor;
export const officeRecord = (row: Office): KbOffice => row.data as unknown as KbOffice;
export const relationRecord = (row: Relation): KbRelation => row.data as unknown as KbRelation;
export const quoteRecord = (row: Quote): KbQuote => row.data as unknown as KbQuote;
export const figureRecord = (row: Figure): KbFigure => row.data as unknown as KbFigure;
export const eraDates = (row: Era): { start: DateValue; end: DateValue | null } => ({
  start: row.start as unknown as DateValue,
  end: (row.end as unknown as DateValue | null) ?? null,
});
