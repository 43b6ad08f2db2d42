// The pure rules of reports owed upward (core/domain/campaign/reports.ts) and the attachment byte
// check (functions/campaign/attachments.ts).
import { dueInstant, isOverdue, lateMinutesAt, orderRows, rowState, totalsOf } from '../../core/domain/campaign/reports';
import { bytesMatchExtension, extensionOf } from '../../functions/campaign/attachments';
import type { ReportStatusRow } from '../../core/contracts/campaign';

const MIN = 60_000;
// 2026-12-10 23:59:59.999 Beijing = 2026-12-10 15:59:59.999 UTC
const DUE_END = Date.UTC(2026, 11, 10, 15, 59, 59, 999);

describe('due instant and lateness', () => {
  it('a report is due at the very end of its Beijing due day', () => {
    expect(dueInstant('2026-12-10')).toBe(DUE_END);
    expect(new Date(dueInstant('2026-12-31')).toISOString()).toBe('2026-12-31T15:59:59.999Z');
  });

  it('on time up to the last millisecond; a started minute after counts whole', () => {
    expect(lateMinutesAt('2026-12-10', DUE_END)).toBeNull();
    expect(lateMinutesAt('2026-12-10', DUE_END - 3 * 86_400_000)).toBeNull();
    expect(lateMinutesAt('2026-12-10', DUE_END + 1)).toBe(1);
    expect(lateMinutesAt('2026-12-10', DUE_END + 1 + 2 * 24 * 60 * MIN)).toBe(2 * 24 * 60 + 1);
  });

  it('once the campaign closed early (taking reports late), late counts from the close', () => {
    const closedAt = DUE_END - 2 * 86_400_000;
    expect(lateMinutesAt('2026-12-10', closedAt - MIN, closedAt)).toBeNull();
    expect(lateMinutesAt('2026-12-10', closedAt + 90 * MIN, closedAt)).toBe(90);
    // Closed after the due day: still from the due day's end.
    expect(lateMinutesAt('2026-12-10', DUE_END + 10 * MIN, DUE_END + 5 * MIN)).toBe(10);
  });

  it('overdue after the due day or once closed', () => {
    expect(isOverdue('2026-12-10', DUE_END, false)).toBe(false);
    expect(isOverdue('2026-12-10', DUE_END + 1, false)).toBe(true);
    expect(isOverdue('2026-12-10', DUE_END - 86_400_000, true)).toBe(true);
  });
});

describe('row states', () => {
  const before = DUE_END - MIN;
  const after = DUE_END + MIN;
  it('nothing sent: pending before the due day, missing after it; a draft is shown until then', () => {
    expect(rowState(null, '2026-12-10', before, false)).toBe('pending');
    expect(rowState(null, '2026-12-10', after, false)).toBe('missing');
    expect(rowState({ state: 'draft' }, '2026-12-10', before, false)).toBe('draft');
    expect(rowState({ state: 'draft' }, '2026-12-10', after, false)).toBe('missing');
    expect(rowState(null, '2026-12-10', before, true)).toBe('missing');
  });
  it('a sent report keeps its own state whatever the day', () => {
    for (const s of ['submitted', 'returned', 'accepted'] as const) {
      expect(rowState({ state: s }, '2026-12-10', before, false)).toBe(s);
      expect(rowState({ state: s }, '2026-12-10', after, true)).toBe(s);
    }
  });
});

describe('order and totals', () => {
  const row = (unitId: string, state: ReportStatusRow['state'], lateMinutes: number | null = null, depth = 1) => ({ unitId, unitName: unitId, state, lateMinutes, depth });
  const rows = [
    row('accepted', 'accepted'),
    row('onTime', 'submitted'),
    row('pending', 'pending'),
    row('draft', 'draft', null, 2),
    row('returned', 'returned'),
    row('missingDeep', 'missing', null, 2),
    row('missing', 'missing'),
    row('late', 'submitted', 1500),
    row('acceptedLate', 'accepted', 30),
  ];
  it('late first, then missing, returned, pending, submitted, accepted; shallower first within', () => {
    expect(orderRows(rows).map((r) => r.unitId)).toEqual(['late', 'missing', 'missingDeep', 'returned', 'pending', 'draft', 'onTime', 'accepted', 'acceptedLate']);
  });
  it('within a rank and depth, by name in Chinese order (pinyin)', () => {
    const named = ['实验中学党支部', '机关第一党支部', '离退休干部党支部'].map((unitName) => ({ unitName, state: 'missing' as const, lateMinutes: null, depth: 1 }));
    expect(orderRows(named).map((r) => r.unitName)).toEqual(['机关第一党支部', '离退休干部党支部', '实验中学党支部']);
  });
  it('totals: submitted counts everything received (late and accepted among them); the rest add up to expected', () => {
    const t = totalsOf(rows);
    expect(t).toEqual({ expected: 9, submitted: 4, late: 2, accepted: 2, returned: 1, missing: 2, pending: 2 });
    expect(t.submitted + t.returned + t.missing + t.pending).toBe(t.expected);
  });
});

describe('attachment bytes agree with the extension', () => {
  const b = (...xs: number[]) => Buffer.from([...xs, 0, 0, 0, 0]);
  it('pdf, OLE doc/xls, zip docx/xlsx, jpeg, png', () => {
    expect(bytesMatchExtension(Buffer.from('%PDF-1.7\n'), 'pdf')).toBe(true);
    expect(bytesMatchExtension(b(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'doc')).toBe(true);
    expect(bytesMatchExtension(b(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'xls')).toBe(true);
    expect(bytesMatchExtension(b(0x50, 0x4b, 0x03, 0x04), 'docx')).toBe(true);
    expect(bytesMatchExtension(b(0x50, 0x4b, 0x03, 0x04), 'xlsx')).toBe(true);
    expect(bytesMatchExtension(b(0xff, 0xd8, 0xff, 0xe0), 'jpg')).toBe(true);
    expect(bytesMatchExtension(b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'png')).toBe(true);
  });
  it('refuses a program renamed .pdf, a zip called .pdf, a pdf called .docx, HTML, empty files and unknown kinds', () => {
    expect(bytesMatchExtension(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 'pdf')).toBe(false);
    expect(bytesMatchExtension(b(0x50, 0x4b, 0x03, 0x04), 'pdf')).toBe(false);
    expect(bytesMatchExtension(Buffer.from('%PDF-1.7\n'), 'docx')).toBe(false);
    expect(bytesMatchExtension(Buffer.from('<html><script>'), 'doc')).toBe(false);
    expect(bytesMatchExtension(Buffer.alloc(0), 'png')).toBe(false);
    expect(bytesMatchExtension(Buffer.from('%PDF-1.7\n'), 'exe')).toBe(false);
  });
  it('the extension is the stored path’s', () => {
    expect(extensionOf('cloud://env.bucket/uploads/document/abc-def/plan.docx')).toBe('docx');
    expect(extensionOf('cloud://env.bucket/uploads/document/abc-def/noext')).toBe('');
  });
});
