// Event rules (issue 5): times that fit together, the sign-up window, the cancellation cut-off,
// when on-site check-in is open, seats left and the phase shown on cards.
import {
  attendanceOpen,
  cancelDeadline,
  eventPhase,
  eventTimesProblem,
  qrWindow,
  seatsLeft,
  signupWindowRefusal,
} from '../../core/domain/event';

const H = 3_600_000;
const e = { signupOpensAt: 0, signupClosesAt: 20 * H, startsAt: 24 * H, endsAt: 26 * H };

describe('event times', () => {
  it('accept a window that closes before the start and an end after the start', () => {
    expect(eventTimesProblem(e)).toBeNull();
    expect(eventTimesProblem({ ...e, signupClosesAt: e.startsAt })).toBeNull();
  });
  it('name the problem when they do not fit', () => {
    expect(eventTimesProblem({ ...e, endsAt: e.startsAt })).toBe('结束时间应晚于开始时间');
    expect(eventTimesProblem({ ...e, endsAt: e.startsAt + 8 * 24 * H })).toBe('一次活动最长7天');
    expect(eventTimesProblem({ ...e, signupClosesAt: 0 })).toBe('报名截止时间应晚于报名开始时间');
    expect(eventTimesProblem({ ...e, signupClosesAt: e.startsAt + 1 })).toBe('报名截止时间不能晚于活动开始时间');
  });
});

describe('the sign-up window', () => {
  it('opens at its start (inclusive) and closes at its end (exclusive)', () => {
    expect(signupWindowRefusal({ ...e, signupOpensAt: 10 }, 9)).toBe('not_open');
    expect(signupWindowRefusal({ ...e, signupOpensAt: 10 }, 10)).toBeNull();
    expect(signupWindowRefusal(e, e.signupClosesAt - 1)).toBeNull();
    expect(signupWindowRefusal(e, e.signupClosesAt)).toBe('closed');
  });
});

describe('cancellation and check-in', () => {
  it('cancelling is allowed until cancelHours before the start', () => {
    expect(cancelDeadline({ startsAt: 24 * H, cancelHours: 2 })).toBe(22 * H);
    expect(cancelDeadline({ startsAt: 24 * H, cancelHours: 0 })).toBe(24 * H);
  });
  it('on-site check-in is open from an hour before the start to the end', () => {
    expect(attendanceOpen(e, 23 * H - 1)).toBe(false);
    expect(attendanceOpen(e, 23 * H)).toBe(true);
    expect(attendanceOpen(e, 26 * H)).toBe(true);
    expect(attendanceOpen(e, 26 * H + 1)).toBe(false);
  });
  it('the code changes every 15 seconds', () => {
    expect(qrWindow(14_999)).toBe(0);
    expect(qrWindow(15_000)).toBe(1);
  });
});

describe('seats and phase', () => {
  it('seats left never goes below zero, and no limit is null', () => {
    expect(seatsLeft(3, 1)).toBe(2);
    expect(seatsLeft(3, 5)).toBe(0);
    expect(seatsLeft(0, 500)).toBeNull();
  });
  it('phase follows the clock, and a cancelled event stays cancelled', () => {
    const p = (now: number, status = 'published') => eventPhase({ ...e, signupOpensAt: H, status }, now);
    expect([p(0), p(H), p(20 * H), p(24 * H), p(26 * H + 1), p(H, 'cancelled')]).toEqual(['upcoming', 'signup_open', 'signup_closed', 'ongoing', 'ended', 'cancelled']);
  });
});
