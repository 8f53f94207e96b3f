import { GraphQLRequestError } from './client';
import { describeError, LIVE_GAME_MESSAGE } from './error-messages';

describe('describeError', () => {
  it('says a set is being played live rather than "reload the page"', () => {
    const error = new GraphQLRequestError('live', 'CONFLICT', 200, undefined, 'LIVE_GAME');
    expect(describeError(error)).toBe(LIVE_GAME_MESSAGE);
    expect(describeError(new GraphQLRequestError('changed', 'CONFLICT', 200))).toMatch(/Reload/);
  });
});
