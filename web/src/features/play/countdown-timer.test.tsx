import { act, render, screen } from '@testing-library/react';
import { CountdownTimer, formatClock, localEnd } from './countdown-timer';

describe('CountdownTimer', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date('2026-11-25T10:00:00.000Z'));
  });
  afterEach(() => jest.useRealTimers());

  const deadlineIn = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

  it('shows the time left as a timer', () => {
    render(<CountdownTimer deadline={deadlineIn(30)} timeLimitSec={30} onExpire={() => {}} />);
    expect(screen.getByRole('timer')).toHaveAccessibleName('Time left: 30 seconds');
    expect(screen.getByText('0:30')).toBeInTheDocument();
    act(() => jest.advanceTimersByTime(5_000));
    expect(screen.getByText('0:25')).toBeInTheDocument();
  });

  it('announces "10 seconds left" once, then submits at zero', () => {
    const onExpire = jest.fn();
    render(<CountdownTimer deadline={deadlineIn(12)} timeLimitSec={12} onExpire={onExpire} />);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('');
    act(() => jest.advanceTimersByTime(2_100));
    expect(status).toHaveTextContent('10 seconds left.');
    expect(screen.getByRole('timer')).toHaveClass('timer--low');
    act(() => jest.advanceTimersByTime(5_000));
    expect(status).toHaveTextContent('10 seconds left.');
    expect(onExpire).not.toHaveBeenCalled();
    act(() => jest.advanceTimersByTime(5_000));
    expect(onExpire).toHaveBeenCalledTimes(1);
    expect(status).toHaveTextContent("Time's up.");
    act(() => jest.advanceTimersByTime(5_000));
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('stops when the answer is in', () => {
    const onExpire = jest.fn();
    const { rerender } = render(
      <CountdownTimer deadline={deadlineIn(5)} timeLimitSec={5} onExpire={onExpire} />,
    );
    rerender(
      <CountdownTimer deadline={deadlineIn(5)} timeLimitSec={5} onExpire={onExpire} isStopped />,
    );
    act(() => jest.advanceTimersByTime(10_000));
    expect(onExpire).not.toHaveBeenCalled();
  });

  it('never gives more than the limit when the local clock runs behind the server', () => {
    const now = Date.now();
    expect(localEnd(new Date(now + 90_000).toISOString(), 20, now)).toBe(now + 20_000);
    expect(localEnd(new Date(now + 5_000).toISOString(), 20, now)).toBe(now + 5_000);
  });

  it.each([
    [0, '0:00'],
    [9.2, '0:10'],
    [75, '1:15'],
    [-3, '0:00'],
  ])('formats %s s as %s', (seconds, text) => {
    expect(formatClock(seconds)).toBe(text);
  });
});
