// The contest editor's form model (pure: no Taro, unit-tested in test/unit/quiz-contest-editor-model.test.ts):
// a blank form, the form of a saved contest, what is wrong with it in words, the draft the server
// takes, who it may address, and the question asked before publishing. The server checks it all again.
import type { ContestDraft, ManagedContest, ManagedUnit, MeMember } from '@core/contracts';
import { CONTEST_TAGS_MAX, contestProblem, roundMax } from '@core/domain/quiz/contest';
import { formatBeijing } from '@core/domain/time';

export interface ContestForm {
  title: string;
  description: string;
  opensAt: number;
  closesAt: number;
  questionsPerRound: number;
  timed: boolean;
  seconds: number;
  countingRounds: number;
  audienceUnitId: string | null;
  /** Tags as typed: separated by 、，, or spaces. */
  tagsText: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The next whole hour, a week long, 20 questions of 20 s, the first 2 rounds a day counting. */
export function blankContestForm(now: number, viewer: MeMember, units: ReadonlyArray<Pick<ManagedUnit, 'id'>>): ContestForm {
  const opensAt = Math.ceil(now / HOUR) * HOUR;
  const audience = viewer.role === 'org_admin' ? viewer.org.id : (units[0]?.id ?? null);
  return { title: '', description: '', opensAt, closesAt: opensAt + 7 * DAY, questionsPerRound: 20, timed: true, seconds: 20, countingRounds: 2, audienceUnitId: audience, tagsText: '' };
}

export function contestFormOf(c: ManagedContest): ContestForm {
  return {
    title: c.title,
    description: c.description,
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    questionsPerRound: c.rules.questionsPerRound,
    timed: c.rules.secondsPerQuestion !== null,
    seconds: c.rules.secondsPerQuestion ?? 20,
    countingRounds: c.rules.countingRounds,
    audienceUnitId: c.audienceUnitId,
    tagsText: c.tags.join('、'),
  };
}

export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[、，,;；\s]+/).map((t) => t.trim()).filter(Boolean))];
}

export function contestFormProblem(f: ContestForm): string | null {
  if (f.title.trim() === '') return '请填写竞赛名称';
  if (f.audienceUnitId === null) return '请选择参赛范围';
  const tags = parseTags(f.tagsText);
  if (tags.length > CONTEST_TAGS_MAX) return `最多${CONTEST_TAGS_MAX}个标签`;
  if (tags.some((t) => [...t].length > 30)) return '每个标签最多30字';
  return contestProblem({ ...f, secondsPerQuestion: f.timed ? f.seconds : null });
}

export function contestDraftOf(f: ContestForm): ContestDraft {
  return {
    title: f.title.trim(),
    description: f.description.trim(),
    opensAt: f.opensAt,
    closesAt: f.closesAt,
    questionsPerRound: f.questionsPerRound,
    secondsPerQuestion: f.timed ? f.seconds : null,
    countingRounds: f.countingRounds,
    audienceUnitId: f.audienceUnitId ?? '',
    tags: parseTags(f.tagsText),
  };
}

/** Who the contest may address: the whole organisation (org admins) and the units the organiser manages. */
export function audienceOptions(viewer: MeMember, units: ReadonlyArray<Pick<ManagedUnit, 'id' | 'name'>>): Array<{ value: string; label: string }> {
  const whole = viewer.role === 'org_admin' ? [{ value: viewer.org.id, label: `全单位（${viewer.org.name}）` }] : [];
  return [...whole, ...units.map((u) => ({ value: u.id, label: u.name }))];
}

/** The confirmation before publishing: what members will meet, in words. */
export function publishQuestion(f: ContestForm, audienceName: string): string {
  const time = f.timed ? `每题${f.seconds}秒` : '不限时';
  return `发布后，${audienceName}的党员从 ${formatBeijing(f.opensAt)} 起可以参加：每局${f.questionsPerRound}题、${time}、每天前${f.countingRounds}局计分（每局满分${roundMax({ questionsPerRound: f.questionsPerRound, secondsPerQuestion: f.timed ? f.seconds : null })}分）。发布后规则不能再改，只能延长结束时间。`;
}

/** Why a saved contest can no longer be edited, or null. */
export function contestEditRefusal(c: Pick<ManagedContest, 'status' | 'phase'>): string | null {
  if (c.status === 'cancelled') return '竞赛已取消，不能再修改';
  if (c.phase === 'ended') return '竞赛已结束，不能再修改';
  return null;
}
