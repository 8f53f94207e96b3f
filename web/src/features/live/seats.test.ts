import { forgetSeats, seatKey } from './seats';

describe('forgetSeats', () => {
  it('forgets every live seat of this browser at sign-out, and nothing else', () => {
    window.localStorage.setItem(seatKey('g1'), 'g1.secret');
    window.localStorage.setItem(seatKey('g2'), 'g2.secret');
    window.localStorage.setItem('theme', 'dark');
    forgetSeats();
    expect(window.localStorage.getItem(seatKey('g1'))).toBeNull();
    expect(window.localStorage.getItem(seatKey('g2'))).toBeNull();
    expect(window.localStorage.getItem('theme')).toBe('dark');
  });
});
