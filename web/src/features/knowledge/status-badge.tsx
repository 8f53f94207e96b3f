import type { FactStatus } from '@/gql/graphql';

type StatusBadgeProps = { status: FactStatus; claimedBy?: string | null };

const BADGES: Record<FactStatus, { text: string; className: string; by: string }> = {
  FACT: { text: '✓ Established fact', className: 'badge badge--good', by: '' },
  DISPUTED: { text: '⚖ Disputed', className: 'badge badge--warn', by: '' },
  CLAIM: { text: '❝ Claim', className: 'badge badge--bad', by: 'claimed by' },
  OPINION: { text: '❞ Opinion', className: 'badge badge--accent', by: 'the opinion of' },
  REPORTED: { text: '▤ Reported', className: 'badge', by: 'reported by' },
};

/**
 * How sure the knowledge base is of a fact, in words and with a symbol (never colour alone);
 * claims, opinions and reports name who makes them.
 */
export const StatusBadge = ({ status, claimedBy }: StatusBadgeProps) => {
  const badge = BADGES[status];
  return (
    <span className="status">
      <span className={badge.className}>{badge.text}</span>
      {claimedBy && badge.by ? (
        <span className="status__by">
          {badge.by} {claimedBy}
        </span>
      ) : null}
    </span>
  );
};
