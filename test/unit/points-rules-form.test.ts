// The points rules editor's form model: it starts from the scheduled change (else the rules in
// force) and tomorrow, says what stops a save before sending, and its payload passes the schema.
import type { PointsRulesView } from '../../core/contracts/points';
import { pointsSchemas } from '../../core/contracts/points';
import { DEFAULT_POINTS_RULES } from '../../core/domain/points';
import { formProblem, initialForm, payloadOf, setRule } from '../../src/subpackages/points/rulesForm';

const view = (over: Partial<PointsRulesView> = {}): PointsRulesView => ({
  today: '2036-05-10',
  current: { v: 0, from: null, rules: DEFAULT_POINTS_RULES },
  scheduled: null,
  log: [],
  sources: [],
  canEdit: true,
  ...over,
});

describe('points rules form', () => {
  it('starts from the rules in force and tomorrow, or from a change already scheduled', () => {
    expect(initialForm(view())).toEqual({ from: '2036-05-11', rules: DEFAULT_POINTS_RULES, note: '' });
    const rules = { ...DEFAULT_POINTS_RULES, quiz: { points: 2, cap: 8 } };
    const scheduled = { v: 1, from: '2036-05-20', rules, byName: '张伟', at: 0, note: '', changes: [] };
    expect(initialForm(view({ scheduled }))).toMatchObject({ from: '2036-05-20', rules });
  });

  it('refuses today or earlier and figures out of bounds, before anything is sent', () => {
    const form = initialForm(view());
    expect(formProblem(form, '2036-05-10')).toBeNull();
    expect(formProblem({ ...form, from: '2036-05-10' }, '2036-05-10')).toBe('新规则最早从明天起生效');
    expect(formProblem(setRule(form, 'quiz', { cap: 101 }), '2036-05-10')).toBe('每日上限应为 0 到 100 分');
    expect(formProblem(setRule(form, 'event', { points: 21 }), '2036-05-10')).toBe('分值应为 0 到 20 分');
  });

  it('sends a payload the contract accepts, the note trimmed', () => {
    const form = { ...setRule(initialForm(view()), 'checkin', { points: 2, cap: 2 }), note: ' 鼓励打卡 ' };
    const payload = payloadOf(form);
    expect(payload).toMatchObject({ from: '2036-05-11', note: '鼓励打卡', rules: { checkin: { points: 2, cap: 2 } } });
    expect(pointsSchemas.savePointsRules.safeParse(payload).success).toBe(true);
  });
});
