// Report drafts from the work itself (an ended event, exam or contest): plain Chinese paragraphs
// with the figures filled in, one paragraph a line; the event's and the exam's builders from plain
// facts (the actions read the documents). Never markup: the feed alone turns paragraphs
// into a post's HTML (escaped, then sanitised), so what the organiser reads and edits is text.
// Pure; unit-tested in test/unit/report-text.test.ts.

import { beijingParts } from './time';

/** The longest post title the feed takes. */
export const REPORT_TITLE_MAX = 40;

/**
 * The last paragraph of every draft: the organiser writes over it. Bracketed so nobody takes it
 * for finished text, and so the editor can say it is still there before publishing.
 */
export const REPORT_CLOSING_PROMPT = '【请补充：活动的收获、大家的体会和下一步打算，写好后删去这句提示】';

/** Whether text still holds the closing prompt (or any 【请补充：…】 left in it). */
export function hasReportPrompt(text: string): boolean {
  return /【请补充：[^】]*】/.test(text);
}

/** One paragraph of text: line breaks and runs of spaces folded, since a line is a paragraph. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text cut to `max` characters, with … when cut (a long title or question stem). */
export function shorten(text: string, max: number): string {
  const t = oneLine(text);
  const chars = [...t];
  return chars.length <= max ? t : `${chars.slice(0, max - 1).join('')}…`;
}

/** A post title: 党课｜题目, cut to what the feed takes. */
export function reportTitle(label: string, title: string): string {
  return shorten(`${label}｜${oneLine(title)}`, REPORT_TITLE_MAX);
}

/** A Beijing calendar day in words: 2026年12月5日. */
export function reportDay(epochMs: number): string {
  const p = beijingParts(epochMs);
  return `${p.y}年${p.m}月${p.d}日`;
}

/** A share as a whole percent (67%), or null when nobody was asked. */
export function reportPercent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 100) : null;
}

/** A figure of a unit: its name and a part of a whole (attended of signed up, took of asked). */
export interface ReportRow {
  name: string;
  part: number;
  whole: number;
}

/**
 * One unit in words: 机关第一党支部67%（2/3人）; a unit with nobody asked says `none` (无人报名)
 * instead of a rate it does not have.
 */
export function rowText(r: ReportRow, none: string): string {
  const p = reportPercent(r.part, r.whole);
  return p === null ? `${r.name}${none}` : `${r.name}${p}%（${r.part}/${r.whole}人）`;
}

/**
 * The by-unit sentence, only when there is more than one unit to compare (one unit's figure is the
 * total already said): 各支部出席情况：A67%（2/3人）；B50%（1/2人）。
 */
export function unitsParagraph(lead: string, rows: readonly ReportRow[], none: string): string | null {
  if (rows.length < 2) return null;
  return `${lead}：${rows.map((r) => rowText(r, none)).join('；')}。`;
}

/**
 * The draft's paragraphs: each folded to one line, empty ones dropped, the closing prompt last.
 * What a draft action hands the feed, and (joined by line breaks) what it answers the organiser.
 */
export function reportParagraphs(lines: ReadonlyArray<string | null | undefined | false>): string[] {
  const out = lines.filter((l): l is string => typeof l === 'string').map(oneLine).filter((l) => l !== '');
  return [...out, REPORT_CLOSING_PROMPT];
}

/** The draft as the organiser reads it: one paragraph a line. */
export function reportText(paragraphs: readonly string[]): string {
  return paragraphs.join('\n');
}

/** From one day to another in words, or the one day when they are the same. */
function daysText(from: number, to: number): string {
  const a = reportDay(from);
  const b = reportDay(to);
  return a === b ? a : `${a}至${b}`;
}

// ---- an ended event -----------------------------------------------------------------------------

export interface EventReportFacts {
  startsAt: number;
  /** The unit that organised it (or, failing that, the organiser's name). */
  organiser: string;
  kindLabel: string;
  title: string;
  place: string;
  confirmed: number;
  attended: number;
  /** Attendance (part) of those signed up (whole) by unit. */
  rows: ReportRow[];
  description: string;
}

/** Units named one by one in a by-unit sentence; the rest of an org-wide activity as a number. */
export const REPORT_UNITS_NAMED = 20;

function unitsWithRest(lead: string, rows: readonly ReportRow[], none: string): string | null {
  const named = rows.slice(0, REPORT_UNITS_NAMED);
  const line = unitsParagraph(lead, named, none);
  return line && rows.length > named.length ? `${line.slice(0, -1)}；另有${rows.length - named.length}个支部略。` : line;
}

export function eventReportParagraphs(f: EventReportFacts): string[] {
  const rate = reportPercent(f.attended, f.confirmed);
  return reportParagraphs([
    `${reportDay(f.startsAt)}，${f.organiser}组织开展了${f.kindLabel}活动“${f.title}”，地点在${f.place}。`,
    `本次活动共${f.confirmed}人报名，${f.attended}人出席。${rate === null ? '' : `报名党员的出席率为${rate}%。`}`,
    unitsWithRest('各支部出席情况', f.rows, '无人报名'),
    f.description ? `活动内容：${f.description}` : null,
  ]);
}

// ---- an ended exam ------------------------------------------------------------------------------

/** How long a question's stem may run in a report. */
export const REPORT_STEM_MAX = 30;
/** Questions named as most often missed. */
export const REPORT_MISSED = 3;

export interface ExamUnitFacts {
  name: string;
  /** Asked to take it (the unit's members, or those invited). */
  asked: number;
  took: number;
  passed: number;
}

export interface ExamReportFacts {
  opensAt: number;
  /** The close (exclusive): an exam closing at midnight ended the day before. */
  closesAt: number;
  organiser: string;
  title: string;
  totalScore: number;
  passScore: number;
  overall: ExamUnitFacts;
  averageScore: number | null;
  units: ExamUnitFacts[];
  /** The questions most often answered wrong, most first; null while they may not be named. */
  missed: Array<{ stem: string; answered: number; correct: number }> | null;
}

function examUnitText(u: ExamUnitFacts): string {
  const took = reportPercent(u.took, u.asked);
  if (took === null) return `${u.name}无应考人员`;
  const pass = reportPercent(u.passed, u.took);
  return `${u.name}参考率${took}%（${u.took}/${u.asked}人）${pass === null ? '' : `，及格率${pass}%`}`;
}

export function examReportParagraphs(f: ExamReportFacts): string[] {
  const o = f.overall;
  const took = reportPercent(o.took, o.asked);
  const pass = reportPercent(o.passed, o.took);
  const figures =
    o.took === 0
      ? `应考${o.asked}人，没有人交卷。`
      : `应考${o.asked}人，实考${o.took}人${took === null ? '' : `，参考率${took}%`}；及格${o.passed}人，及格率${pass}%${f.averageScore === null ? '' : `；平均${f.averageScore}分`}。`;
  const named = f.units.slice(0, REPORT_UNITS_NAMED);
  const units =
    f.units.length < 2
      ? null
      : `各支部情况：${named.map(examUnitText).join('；')}${f.units.length > named.length ? `；另有${f.units.length - named.length}个支部略` : ''}。`;
  const missed = (f.missed ?? []).filter((q) => q.answered > q.correct).slice(0, REPORT_MISSED);
  return reportParagraphs([
    `${daysText(f.opensAt, f.closesAt - 1)}，${f.organiser}组织开展了“${f.title}”考试，满分${f.totalScore}分，${f.passScore}分及格。`,
    figures,
    units,
    missed.length > 0
      ? `答错较多的题目：${missed.map((q, i) => `${i + 1}.“${shorten(q.stem, REPORT_STEM_MAX)}”答对率${reportPercent(q.correct, q.answered)}%`).join('；')}。这些内容将在今后的学习中重点讲解。`
      : null,
  ]);
}
