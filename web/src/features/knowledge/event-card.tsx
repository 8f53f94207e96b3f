import { Citation, CitationList } from '@/components/citation-list';
import type { EventFieldsFragment } from '@/gql/graphql';
import { StatusBadge } from './status-badge';

/** The date at its honest precision: "12 November 1946", "June 2011", "the 1980s". */
export const eventDate = (event: Pick<EventFieldsFragment, 'start' | 'end'>): string =>
  event.end && event.end.label !== event.start.label
    ? `${event.start.label} – ${event.end.label}`
    : event.start.label;

export const EventCard = ({ event }: { event: EventFieldsFragment }) => (
  <article className="stack" aria-labelledby={`event-${event.slug}`}>
    <div>
      <p className="event__date" style={{ margin: 0 }}>
        <time dateTime={event.start.value}>{eventDate(event)}</time>
        {event.start.precision !== 'DAY' ? (
          <span className="muted small"> · known to the {event.start.precision.toLowerCase()}</span>
        ) : null}
      </p>
      <h3 className="event__title" id={`event-${event.slug}`}>
        {event.title}
      </h3>
      <div className="event__tags">
        <StatusBadge status={event.status} claimedBy={event.claimedBy} />
        {event.themes.map((theme) => (
          <span key={theme.slug} className="badge">
            {theme.name}
          </span>
        ))}
      </div>
      <p>{event.summary}</p>
      {event.location ? <p className="small muted">Where: {event.location}</p> : null}
      {event.participants.length > 0 ? (
        <p className="small muted">
          Who:{' '}
          {event.participants
            .map((participant) => `${participant.actor.name} (${participant.role})`)
            .join(', ')}
        </p>
      ) : null}
      {event.dateReasoning ? (
        <p className="small muted">About the date: {event.dateReasoning}</p>
      ) : null}
    </div>
    {event.disputes.length > 0 ? (
      <div className="notice notice--warn stack">
        <h4 style={{ margin: 0 }}>How the sources differ</h4>
        {event.disputes.map((dispute) => (
          <div key={dispute.citation.id}>
            <p style={{ marginBlockEnd: '0.5rem' }}>
              {dispute.claim}
              {dispute.date ? ` (${dispute.date.label})` : ''}
            </p>
            <Citation citation={dispute.citation} />
          </div>
        ))}
      </div>
    ) : null}
    <details className="disclosure">
      <summary>
        Sources ({event.citations.length})
        <span className="visually-hidden"> for {event.title}</span>
      </summary>
      <CitationList citations={event.citations} label={`Sources for ${event.title}`} />
    </details>
  </article>
);
