// The knowledge contest's words on screen, for the 答题 tab's card and the quiz subpackages' pages
// (no Taro, no I/O; test/unit/quiz-contest-format.test.ts): the rules in plain sentences, the
// window, a member's standing, the countdown, a verdict's line and a unit's participation.
import type { ContestCard, ContestRulesView, ContestVerdict } from '@core/contracts';
import type { ContestPhase } from '@core/domain/quiz/contest';
import { formatBeijing } from '@core/domain/time';

export const PHASE_LABELS: Record<ContestPhase, string> = {
  draft: '草稿',
  upcoming: '未开始',
  open: '进行中',
  ended: '已结束',
  cancelled: '已取消',
};

/** '12月1日 09:00 至 12月8日 09:00' in Beijing time. */
export function windowText(opensAt: number, closesAt: number): string {
  const part = (ms: number) => {
    const s = formatBeijing(ms); // YYYY-MM-DD HH:mm
    return `${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日 ${s.slice(11)}`;
  };
  return `${part(opensAt)} 至 ${part(closesAt)}`;
}

/** The rules, one short sentence each, as a member reads them before a round. */
export function rulesLines(r: ContestRulesView): string[] {
  const lines = [`每局 ${r.questionsPerRound} 道题，答完一题马上看到对错和解析。`];
  if (r.secondsPerQuestion === null) {
    lines.push('不限时，慢慢想，不用着急。', `每答对一题得 ${r.basePoints} 分。`);
  } else {
    lines.push(
      `每题限时 ${r.secondsPerQuestion} 秒，屏幕上有倒计时；看完解析 ${r.breakSeconds} 秒后自动进入下一题。`,
      `答对一题得 ${r.basePoints} 分，答得越快最多再加 ${r.speedBonus} 分；超时不得分。`,
    );
  }
  lines.push(`每天前 ${r.countingRounds} 局计入成绩和排行，之后的是练习。`, '答题太快（来不及读题）不得分，并会提示给组织者。');
  return lines;
}

/** The member's standing on the card: rounds played, total, what is left today. */
export function standingText(c: Pick<ContestCard, 'phase' | 'me' | 'rules'>): string {
  const me = c.me;
  if (me.open) return `第 ${me.open.number} 局进行中：已答 ${me.open.answeredCount} / ${me.open.total} 题`;
  const played = me.rounds > 0 ? `已计分 ${me.rounds} 局，共 ${me.total} 分` : '还没有参加';
  if (c.phase !== 'open') return played;
  const left = me.countingLeftToday > 0 ? `今天还有 ${me.countingLeftToday} 局计分` : '今天的计分局已用完，可以继续练习';
  return `${played}；${left}`;
}

/** What the start button says. */
export function startLabel(c: Pick<ContestCard, 'me'>): string {
  if (c.me.open) return '继续答题';
  return c.me.countingLeftToday > 0 ? '开始答题' : '练习一局';
}

/** Whole seconds left before `endLocal` (0 at the end), for the countdown. */
export function secondsLeft(endLocal: number, nowLocal: number): number {
  return Math.max(0, Math.ceil((endLocal - nowLocal) / 1000));
}

/** The line under a verdict that says what it was worth (and why nothing, when nothing). */
export function pointsLine(v: Pick<ContestVerdict, 'correct' | 'late' | 'fast' | 'timedOut' | 'points'>): string {
  if (v.timedOut) return '时间到，本题不得分';
  if (v.late) return '超过答题时间才提交，本题不得分';
  if (v.fast) return '答得太快，来不及读题，本题不得分';
  return v.correct ? `本题得 ${v.points} 分` : '本题不得分';
}

/** A participation rate in words, never by colour alone. */
export function rateText(rate: number, participants: number, members: number): string {
  return `参与率 ${rate}%（${participants} / ${members} 人）`;
}
