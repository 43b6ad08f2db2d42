// The message an organiser copies into the group chat to nudge members: who, what to do, by when
// and how, in plain Chinese for older members. Pure, so the server (copy texts in rosters) and the
// pages (share cards) say the same words.
import { beijingParts } from './time';

export type NudgeActivity = 'exam' | 'checkin' | 'event' | 'quiz' | 'contest';

export interface NudgeInput {
  activity: NudgeActivity;
  title: string;
  /** Epoch ms; null or absent when the activity has no end (or it has passed). */
  deadline?: number | null;
  /** Members being nudged; empty means "everyone" (a message for the whole group). */
  names: string[];
  unitName?: string;
  now: number;
}

/** More names than this and the message names the first ones and gives the count. */
export const NUDGE_NAME_LIMIT = 20;

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

// Pairs of marks people put around titles; the message adds its own 「」 once.
const PAIRS: Record<string, string> = { '「': '」', '『': '』', '《': '》', '“': '”', '"': '"', '‘': '’', "'": "'", '【': '】' };

/** True when the title's first mark is closed by its last character (not "「四史」与「党史」"). */
function wrappedWhole(s: string): boolean {
  const open = s[0];
  const close = open === undefined ? undefined : PAIRS[open];
  if (close === undefined || s.length < 2 || s[s.length - 1] !== close) return false;
  if (open === close) return s.indexOf(open, 1) === s.length - 1;
  let depth = 0;
  for (let i = 0; i < s.length; i += 1) {
    if (s[i] === open) depth += 1;
    else if (s[i] === close) {
      depth -= 1;
      if (depth === 0) return i === s.length - 1;
    }
  }
  return false;
}

/**
 * The title as it goes inside the message's own 「」: marks wrapping the whole title are dropped,
 * and 「」 inside it become 『』 (the nested form), so the message never shows 「「…」…」.
 */
export function bareTitle(title: string): string {
  let s = title.trim();
  while (wrappedWhole(s)) s = s.slice(1, -1).trim();
  return s.replace(/「/g, '『').replace(/」/g, '』');
}

/**
 * A deadline in words, Beijing time: '12月10日（周四）18:00前'. Midnight is said as 24:00 of the
 * day before (an older reader takes "12月11日 00:00" for the end of the 11th). Another year is named.
 */
export function deadlineWords(deadline: number, now: number): string {
  const midnight = beijingParts(deadline).time === '00:00';
  // One millisecond earlier lands on the day that ends at this midnight.
  const p = beijingParts(midnight ? deadline - 1 : deadline);
  const time = midnight ? '24:00' : p.time;
  const year = p.y === beijingParts(now).y ? '' : `${p.y}年`;
  return `${year}${p.m}月${p.d}日（${WEEKDAYS[p.weekday]}）${time}前`;
}

/** A Beijing day key in words, for lists about a day: '2036-11-29' → '11月29日（周六）'. */
export function dayWords(dayKey: string): string {
  const [, m, d] = dayKey.split('-').map(Number);
  // Noon UTC of that date is the same calendar date in Beijing, so the weekday is right.
  const weekday = new Date(Date.UTC(Number(dayKey.slice(0, 4)), m - 1, d, 12)).getUTCDay();
  return `${m}月${d}日（${WEEKDAYS[weekday]}）`;
}

function who(names: string[]): string {
  const clean = names.map((n) => n.trim()).filter((n) => n !== '');
  if (clean.length === 0) return '各位同志';
  if (clean.length > NUDGE_NAME_LIMIT) return `${clean.slice(0, NUDGE_NAME_LIMIT).join('、')}等${clean.length}位同志`;
  return `${clean.join('、')}同志（共${clean.length}人）`;
}

function whatAndHow(activity: NudgeActivity, title: string): { what: string; how: string } {
  const t = `「${title}」`;
  switch (activity) {
    case 'exam':
      return { what: `参加考试${t}`, how: '打开微信里的“党员学习”小程序，点下方的“答题”，找到这场考试，点“开始答题”。' };
    case 'checkin':
      return { what: `完成${t}`, how: '打开微信里的“党员学习”小程序，点下方的“学习”，学完后打卡。' };
    case 'event':
      return { what: `报名参加${t}`, how: '打开微信里的“党员学习”小程序，点下方的“活动”，找到这个活动，点“报名”。' };
    case 'quiz':
      return { what: `完成${t}`, how: '打开微信里的“党员学习”小程序，点下方的“答题”，做完今天的题目。' };
    case 'contest':
      return { what: `参加知识竞赛${t}`, how: '打开微信里的“党员学习”小程序，点下方的“答题”，找到这场竞赛，点进去答题。' };
  }
}

/** The nudge for the group chat. The title appears once, in 「」; the deadline in words, never ISO. */
export function nudgeText(input: NudgeInput): string {
  const { what, how } = whatAndHow(input.activity, bareTitle(input.title));
  const head = input.unitName && input.unitName.trim() !== '' ? `【${input.unitName.trim()}】` : '';
  const open = typeof input.deadline === 'number' && input.deadline > input.now;
  const when = open ? `请在${deadlineWords(input.deadline as number, input.now)}${what}。` : `请尽快${what}。`;
  return `${head}${who(input.names)}：${when}${how}谢谢！`;
}

export interface RemindCounts {
  sent: number;
  withoutCredit: number;
  alreadyReminded: number;
  unbound: number;
}

/**
 * What a reminder run did, said honestly, with the other way to reach each group: '已提醒 1 人；
 * 3 人未开启提醒（可复制文字或转发到群里）；4 人未绑定（请发送邀请）'. Zero parts are left out, never the first.
 */
export function remindSummary(r: RemindCounts): string {
  const parts = [`已提醒 ${r.sent} 人`];
  if (r.alreadyReminded > 0) parts.push(`${r.alreadyReminded} 人今天已提醒过`);
  if (r.withoutCredit > 0) parts.push(`${r.withoutCredit} 人未开启提醒（可复制文字或转发到群里）`);
  if (r.unbound > 0) parts.push(`${r.unbound} 人未绑定（请发送邀请）`);
  return parts.join('；');
}
