// What practice may serve (docs/EXAMS.md): never an exam-only question, a retired one, or one a
// window may still put on a paper; a pin ends at its instant.
import { isPracticeSafe, pinnedUntilFor, PIN_MARGIN_MS } from '../../core/domain/exam/practice';
import { KEY_HOLD_LOOKBACK_MS } from '../../core/domain/exam/keys';

const NOW = Date.UTC(2026, 10, 23, 2, 0, 0);

describe('isPracticeSafe', () => {
  it('GIVEN an active question no window pinned THEN practice may serve it', () => {
    expect(isPracticeSafe({ status: 'active' }, NOW)).toBe(true);
    expect(isPracticeSafe({ status: 'active', examOnly: false, pinnedUntil: null }, NOW)).toBe(true);
  });

  it('GIVEN a question kept for exams only, or retired THEN never', () => {
    expect(isPracticeSafe({ status: 'active', examOnly: true }, NOW)).toBe(false);
    expect(isPracticeSafe({ status: 'retired' }, NOW)).toBe(false);
    expect(isPracticeSafe({ status: 'retired', examOnly: false, pinnedUntil: NOW - 1 }, NOW)).toBe(false);
  });

  it('GIVEN a pin THEN not before it ends; at its very instant and after, yes', () => {
    expect(isPracticeSafe({ status: 'active', pinnedUntil: NOW + 1 }, NOW)).toBe(false);
    expect(isPracticeSafe({ status: 'active', pinnedUntil: NOW }, NOW)).toBe(true);
    expect(isPracticeSafe({ status: 'active', pinnedUntil: NOW - 1 }, NOW)).toBe(true);
    // An exam-only question stays out after its pin has ended.
    expect(isPracticeSafe({ status: 'active', examOnly: true, pinnedUntil: NOW - 1 }, NOW)).toBe(false);
  });
});

describe('pinnedUntilFor', () => {
  it('pins past the close by the same span the key-hold rule looks back (24 h)', () => {
    expect(PIN_MARGIN_MS).toBe(24 * 3600_000);
    expect(PIN_MARGIN_MS).toBe(KEY_HOLD_LOOKBACK_MS);
    expect(pinnedUntilFor(NOW)).toBe(NOW + 24 * 3600_000);
  });
});
