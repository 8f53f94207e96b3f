import { GraphQLRequestError } from '@/lib/graphql/client';
import { answerRetryDelayMs } from './answer-retry';

describe('answerRetryDelayMs', () => {
  it('retries the network and a busy server with a growing wait', () => {
    expect(answerRetryDelayMs(new GraphQLRequestError('x', 'NETWORK_ERROR', 0), 0)).toBe(300);
    expect(answerRetryDelayMs(new GraphQLRequestError('x', 'SERVICE_UNAVAILABLE', 503), 2)).toBe(
      1200,
    );
  });

  it("retries this client's in-flight share after its Retry-After", () => {
    const busy = new GraphQLRequestError('Too many requests in progress', 'RATE_LIMITED', 429, 1);
    expect(answerRetryDelayMs(busy, 0)).toBe(1000);
    expect(answerRetryDelayMs(busy, 3)).toBe(2400);
  });

  it('does not retry a long rate limit or the answer’s own refusal', () => {
    expect(
      answerRetryDelayMs(new GraphQLRequestError('Slow down', 'RATE_LIMITED', 429, 60), 0),
    ).toBeNull();
    expect(answerRetryDelayMs(new GraphQLRequestError('Closed', 'CONFLICT', 200), 0)).toBeNull();
    expect(answerRetryDelayMs(new Error('boom'), 0)).toBeNull();
  });
});
