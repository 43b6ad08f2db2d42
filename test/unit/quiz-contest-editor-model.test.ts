// The contest editor's form model (src/subpackages/quiz-admin/editorModel.ts): a new contest's
// defaults by the organiser's role, a saved contest as the form, the checks said before saving,
// the saveContest payload (which the contract's schema accepts), whom it may address, the question
// before publishing, and why a contest can no longer be edited.
import { quizSchemas } from '../../core/contracts/quiz';
import type { ManagedContest, MeMember } from '../../core/contracts';
import { audienceOptions, blankContestForm, contestDraftOf, contestEditRefusal, contestFormOf, contestFormProblem, parseTags, publishQuestion } from '../../src/subpackages/quiz-admin/editorModel';

const NOW = Date.UTC(2036, 10, 20, 1, 23); // 09:23 Beijing
const admin: MeMember = { id: 'm1', name: '张伟', role: 'org_admin', roleLabel: '单位管理员', category: 'full', unit: { id: 'br-office', name: '机关第一党支部' }, org: { id: 'org-demo', name: '示例市直机关党委' } };
const organiser: MeMember = { ...admin, role: 'unit_organiser', roleLabel: '支部管理员', unit: { id: 'br-school', name: '实验中学党支部' } };
const units = [{ id: 'br-school', name: '实验中学党支部' }];

describe('a new contest', () => {
  it('opens at the next whole hour for a week: 20 questions of 20 s, two counting rounds; the whole organisation for an org admin, the first unit for an organiser', () => {
    const f = blankContestForm(NOW, admin, units);
    expect(f).toMatchObject({ opensAt: Date.UTC(2036, 10, 20, 2), closesAt: Date.UTC(2036, 10, 27, 2), questionsPerRound: 20, timed: true, seconds: 20, countingRounds: 2, audienceUnitId: 'org-demo' });
    expect(blankContestForm(NOW, organiser, units).audienceUnitId).toBe('br-school');
    expect(audienceOptions(admin, units).map((o) => o.label)).toEqual(['全单位（示例市直机关党委）', '实验中学党支部']);
    expect(audienceOptions(organiser, units).map((o) => o.value)).toEqual(['br-school']);
  });
});

describe('checks and payload', () => {
  const ok = { ...blankContestForm(NOW, organiser, units), title: '党史知识竞赛', tagsText: '党史、 党章党规,党史' };
  it('says what is missing or out of bounds, in words', () => {
    expect(contestFormProblem(ok)).toBeNull();
    expect(contestFormProblem({ ...ok, title: '  ' })).toBe('请填写竞赛名称');
    expect(contestFormProblem({ ...ok, audienceUnitId: null })).toBe('请选择参赛范围');
    expect(contestFormProblem({ ...ok, closesAt: ok.opensAt })).toBe('结束时间应晚于开始时间');
    expect(contestFormProblem({ ...ok, tagsText: Array.from({ length: 11 }, (_, i) => `t${i}`).join('、') })).toBe('最多10个标签');
    // Untimed: the seconds field is not read.
    expect(contestFormProblem({ ...ok, timed: false, seconds: 1 })).toBeNull();
  });
  it('sends what the contract accepts: tags split and unique, untimed as null', () => {
    expect(parseTags('党史、 党章党规,党史；新中国史')).toEqual(['党史', '党章党规', '新中国史']);
    const draft = contestDraftOf({ ...ok, timed: false });
    expect(draft).toMatchObject({ title: '党史知识竞赛', secondsPerQuestion: null, tags: ['党史', '党章党规'], audienceUnitId: 'br-school' });
    expect(quizSchemas.saveContest.safeParse({ contest: draft }).success).toBe(true);
    expect(quizSchemas.saveContest.safeParse({ contest: contestDraftOf(ok) }).success).toBe(true);
  });
  it('asks before publishing with the rules members will meet', () => {
    expect(publishQuestion(ok, '实验中学党支部')).toContain('实验中学党支部的党员从 2036-11-20 10:00 起可以参加：每局20题、每题20秒、每天前2局计分（每局满分300分）');
  });
});

describe('a saved contest', () => {
  const saved: ManagedContest = {
    contestId: 'ct1',
    title: '党史知识竞赛',
    description: '',
    opensAt: NOW,
    closesAt: NOW + 86_400_000,
    status: 'published',
    phase: 'open',
    rules: { questionsPerRound: 10, breakSeconds: 0, secondsPerQuestion: null, countingRounds: 1, graceSeconds: 2, basePoints: 10, speedBonus: 0, roundMax: 100 },
    audienceUnitId: 'br-school',
    audienceName: '实验中学党支部',
    tags: ['党史'],
    createdByName: '李强',
    updatedAt: NOW,
    access: 'manage',
  };
  it('comes back as the form it was saved from', () => {
    expect(contestFormOf(saved)).toMatchObject({ questionsPerRound: 10, timed: false, seconds: 20, countingRounds: 1, audienceUnitId: 'br-school', tagsText: '党史' });
  });
  it('is no longer edited once cancelled or ended', () => {
    expect(contestEditRefusal(saved)).toBeNull();
    expect(contestEditRefusal({ ...saved, phase: 'ended' })).toBe('竞赛已结束，不能再修改');
    expect(contestEditRefusal({ ...saved, status: 'cancelled', phase: 'cancelled' })).toBe('竞赛已取消，不能再修改');
  });
});
