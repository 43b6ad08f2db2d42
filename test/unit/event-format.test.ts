// Pure display helpers of the event pages: seats left and the member's standing in words, Beijing
// times, the detail page's id from `?id=` or the mini-program code's scene, the scanned on-site
// code, when the organiser's screen fetches the next code, and the organiser's form helpers.
import {
  attendanceText,
  cardSeatsText,
  attendanceUrlFromScan,
  eventIdFromParams,
  eventMoment,
  eventWhen,
  myStatusText,
  qrRefreshDelay,
  seatsTakenPercent,
  seatsText,
  showsSeats,
  statusTagClass,
} from '../../src/utils/event-format';
import { attendanceLabel, defaultEventTimes, moveStart, rateText } from '../../src/subpackages/event-admin/components/format';
import { beijingParts } from '../../core/domain/time';
import { fromBeijing, parseWhole } from '../../src/utils/field-input';
import { eventTimesProblem } from '../../core/domain/event';

/** UTC instant of a Beijing wall time. */
const beijing = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 8, mi);
const NOW = beijing(2025, 5, 1, 10, 17); // Thursday 1 May 2025, 10:17 Beijing

describe('seats left in words', () => {
  it('says 不限名额 without a limit, 剩余N个名额 while seats are left, and whether a full event still takes a waitlist', () => {
    expect(seatsText(null, true)).toBe('不限名额');
    expect(seatsText(3, true)).toBe('剩余3个名额');
    expect(seatsText(1, false)).toBe('剩余1个名额');
    expect(seatsText(0, true)).toBe('已满，可候补');
    expect(seatsText(0, false)).toBe('名额已满');
    expect(seatsText(0, null)).toBe('名额已满');
  });

  it('on a card (no waitlist flag) calls a full event open for the waitlist only when someone already waits', () => {
    expect(cardSeatsText({ seatsLeft: 0, waitlist: true })).toBe('已满，可候补');
    expect(cardSeatsText({ seatsLeft: 0, waitlist: false })).toBe('名额已满');
    expect(cardSeatsText({ seatsLeft: 2, waitlist: false })).toBe('剩余2个名额');
    expect(cardSeatsText({ seatsLeft: null, waitlist: true })).toBe('不限名额');
  });

  it('fills the seats bar by the share taken, and has no bar without a limit', () => {
    expect(seatsTakenPercent(3, 3)).toBe(0);
    expect(seatsTakenPercent(3, 1)).toBe(67);
    expect(seatsTakenPercent(3, 0)).toBe(100);
    expect(seatsTakenPercent(0, null)).toBeNull();
  });

  it('shows seats only before the event starts', () => {
    expect(['upcoming', 'signup_open', 'signup_closed'].every((p) => showsSeats(p as never))).toBe(true);
    expect(['ongoing', 'ended', 'cancelled'].some((p) => showsSeats(p as never))).toBe(false);
  });
});

describe("the member's standing", () => {
  it('is one word: 已签到 over anything else, 候补第N位 with a place, else the status label; nothing without a sign-up', () => {
    expect(myStatusText(null)).toBeNull();
    expect(myStatusText('confirmed')).toBe('已报名');
    expect(myStatusText('confirmed', { attended: true })).toBe('已签到');
    expect(myStatusText('waitlisted', { waitPosition: 3 })).toBe('候补第3位');
    expect(myStatusText('waitlisted', { waitPosition: null })).toBe('候补中');
    expect(myStatusText('pending')).toBe('待审核');
    expect(myStatusText('cancelled')).toBe('已取消');
    expect(myStatusText('rejected')).toBe('未通过');
  });

  it('has a tag style per status, and attendance wins', () => {
    expect(statusTagClass('confirmed')).toBe('tag tag--red');
    expect(statusTagClass('waitlisted')).toBe('tag tag--gold');
    expect(statusTagClass('cancelled')).toBe('tag');
    expect(statusTagClass('confirmed', true)).toBe('tag tag--ok');
  });

  it('says 已签到 or, once a confirmed member missed an ended event, 未到; nothing before that', () => {
    expect(attendanceText({ status: 'confirmed', attended: true, phase: 'ongoing' })).toBe('已签到');
    expect(attendanceText({ status: 'confirmed', attended: false, phase: 'ended' })).toBe('未到');
    expect(attendanceText({ status: 'confirmed', attended: false, phase: 'ongoing' })).toBe('');
    expect(attendanceText({ status: 'cancelled', attended: false, phase: 'ended' })).toBe('');
  });
});

describe('Beijing times', () => {
  it('writes a moment with its weekday, the year only when it is not this year', () => {
    expect(eventMoment(beijing(2025, 5, 3, 9, 0), NOW)).toBe('5月3日 周六 09:00');
    expect(eventMoment(beijing(2026, 1, 2, 14, 30), NOW)).toBe('2026年1月2日 周五 14:30');
    // 23:30 UTC is already the next day in Beijing.
    expect(eventMoment(Date.UTC(2025, 4, 3, 23, 30), NOW)).toBe('5月4日 周日 07:30');
  });

  it('writes an event within a day as one date and two times, else both ends', () => {
    expect(eventWhen(beijing(2025, 5, 3, 9), beijing(2025, 5, 3, 11, 30), NOW)).toBe('5月3日 周六 09:00–11:30');
    expect(eventWhen(beijing(2025, 5, 3, 9), beijing(2025, 5, 4, 17), NOW)).toBe('5月3日 周六 09:00 至 5月4日 周日 17:00');
  });
});

describe('which event a detail page shows', () => {
  it('takes ?id=, or the mini-program code’s scene e=<id> however many times it was encoded', () => {
    expect(eventIdFromParams({ id: 'abc_123-X' })).toBe('abc_123-X');
    expect(eventIdFromParams({ scene: 'e%3Dabc123' })).toBe('abc123');
    expect(eventIdFromParams({ scene: 'e%253Dabc123' })).toBe('abc123');
    expect(eventIdFromParams({ scene: 'e=abc123' })).toBe('abc123');
    expect(eventIdFromParams({ scene: 'x%3D1%26e%3Dabc123' })).toBe('abc123');
  });

  it('refuses what is not a well-formed id', () => {
    expect(eventIdFromParams({})).toBe('');
    expect(eventIdFromParams({ id: '../x' })).toBe('');
    expect(eventIdFromParams({ scene: 'id%3Dabc' })).toBe('');
    expect(eventIdFromParams({ scene: 'e%3D' })).toBe('');
    expect(eventIdFromParams({ scene: '%E0%A4%A' })).toBe('');
  });
});

describe('a scanned on-site code', () => {
  it('opens this app’s check-in page with its event and token, from the path or a longer link', () => {
    expect(attendanceUrlFromScan('subpackages/event/attendance?e=ev1&t=Ab_9-x')).toBe('/subpackages/event/attendance?e=ev1&t=Ab_9-x');
    expect(attendanceUrlFromScan('/subpackages/event/attendance?t=tok&e=ev1')).toBe('/subpackages/event/attendance?e=ev1&t=tok');
    expect(attendanceUrlFromScan(' https://example.org/#/subpackages/event/attendance?e=ev1&t=tok ')).toBe('/subpackages/event/attendance?e=ev1&t=tok');
    // Codes made before attendance was renamed hold the old path: they open the new page.
    expect(attendanceUrlFromScan('subpackages/event/checkin?e=ev1&t=Ab_9-x')).toBe('/subpackages/event/attendance?e=ev1&t=Ab_9-x');
    expect(attendanceUrlFromScan('/subpackages/event/checkin?t=tok&e=ev1')).toBe('/subpackages/event/attendance?e=ev1&t=tok');
    expect(attendanceUrlFromScan(' https://example.org/#/subpackages/event/checkin?e=ev1&t=tok ')).toBe('/subpackages/event/attendance?e=ev1&t=tok');
  });

  it('is refused when it is anything else or lacks a part', () => {
    expect(attendanceUrlFromScan('https://example.org/')).toBeNull();
    expect(attendanceUrlFromScan('subpackages/event/detail?id=ev1')).toBeNull();
    expect(attendanceUrlFromScan('subpackages/event/checkin?e=ev1')).toBeNull();
    expect(attendanceUrlFromScan('subpackages/event/checkin?e=ev1&t=a%20b')).toBeNull();
    expect(attendanceUrlFromScan('')).toBeNull();
  });
});

describe('when the organiser’s screen fetches the next code', () => {
  it('just after the code expires when the phone’s clock agrees with the server’s', () => {
    expect(qrRefreshDelay(NOW + 4_000, NOW)).toBe(4_300);
    expect(qrRefreshDelay(NOW + 15_000, NOW)).toBe(15_300);
  });

  it('every 10 seconds when the clocks disagree (the code stays valid for at least 15 seconds after it is fetched)', () => {
    expect(qrRefreshDelay(NOW - 1, NOW)).toBe(10_000);
    expect(qrRefreshDelay(NOW + 3_600_000, NOW)).toBe(10_000);
  });
});

describe('organiser form helpers', () => {
  it('a new event opens sign-up now, closes it at 18:00 the day before, and runs 09:00–11:00 three days on', () => {
    const t = defaultEventTimes(NOW);
    expect(t).toEqual({
      signupOpensAt: beijing(2025, 5, 1, 10, 17),
      signupClosesAt: beijing(2025, 5, 3, 18, 0),
      startsAt: beijing(2025, 5, 4, 9, 0),
      endsAt: beijing(2025, 5, 4, 11, 0),
    });
    expect(eventTimesProblem(t)).toBeNull();
  });

  it('moving the start keeps the length of the event', () => {
    const t = defaultEventTimes(NOW);
    expect(moveStart(t, t.startsAt + 3_600_000)).toMatchObject({ startsAt: t.startsAt + 3_600_000, endsAt: t.endsAt + 3_600_000, signupClosesAt: t.signupClosesAt });
  });

  it('reads and writes the pickers’ Beijing date and time whatever the phone’s zone', () => {
    expect(beijingParts(beijing(2025, 5, 4, 9, 5))).toEqual({ y: 2025, m: 5, d: 4, weekday: 0, day: '2025-05-04', time: '09:05' });
    expect(fromBeijing('2025-05-04', '09:05')).toBe(beijing(2025, 5, 4, 9, 5));
  });

  it('keeps typed numbers whole and within bounds', () => {
    expect(parseWhole('3', 0, 10_000)).toBe(3);
    expect(parseWhole('３人', 0, 10_000)).toBeNull();
    expect(parseWhole('12a', 0, 10)).toBe(10);
    expect(parseWhole('', 0, 10)).toBeNull();
  });

  it('writes attendance rates and how attendance was taken', () => {
    expect(rateText(2, 3)).toBe('67%');
    expect(rateText(0, 0)).toBe('—');
    expect(attendanceLabel({ attended: true, attendedBy: 'qr' })).toBe('✓ 已签到（扫码）');
    expect(attendanceLabel({ attended: true, attendedBy: 'organiser' })).toBe('✓ 已签到（管理员登记）');
    expect(attendanceLabel({ attended: false, attendedBy: null })).toBe('○ 未签到');
  });
});
