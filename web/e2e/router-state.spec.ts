import { expect, test } from '@playwright/test';

// Probe round 8: a Next-Router-State-Tree header (sent with `RSC: 1` on client navigations) that
// Next.js cannot parse made any page answer 500 and log an error line, for anyone. The web server
// refuses it with 400 in front of Next.js (src/server/router-state.ts); real navigations, which
// send a readable tree, are untouched.

const RSC = { RSC: '1' };

test('an unreadable router state is a 400, not a 500', async ({ request }) => {
  for (const tree of [
    'x',
    '%E0%A4%A',
    '[]',
    encodeURIComponent('["",{"children":["teacher",{"children":["classes",{}]}]},null,null,true]'),
  ]) {
    for (const path of ['/', '/leaderboard?_rsc=abc', '/teacher/classes/x?_rsc=abc']) {
      const response = await request.get(path, {
        headers: { ...RSC, 'Next-Router-State-Tree': tree },
        maxRedirects: 5,
      });
      expect(response.status(), `${path} with ${tree}`).toBe(400);
    }
  }
});

test('a server action request (the app has none) is a 400', async ({ request }) => {
  const response = await request.post('/', {
    headers: { 'Next-Action': '0'.repeat(40), 'Content-Type': 'text/plain' },
    data: '[]',
    maxRedirects: 0,
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain('no server actions');
});

test('a readable router state still gets the flight data', async ({ request }) => {
  const tree = encodeURIComponent(JSON.stringify(['', { children: ['__PAGE__', {}] }, null, null]));
  const response = await request.get('/leaderboard', {
    headers: { ...RSC, 'Next-Router-State-Tree': tree },
    maxRedirects: 5,
  });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/x-component');
});
