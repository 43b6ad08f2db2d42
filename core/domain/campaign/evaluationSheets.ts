// The 四落实 evaluation workbook's sheets, laid out from the units' rows (./evaluation.ts): 汇总 (one
// row per unit, tree order, the four headings side by side), one sheet per unit with the headings
// as labelled blocks and its written assessment, and 说明 (what each column counts, in plain
// Chinese). Rates are numbers in percentage format; "—" when there is nothing to divide by. Pure.

import { formatBeijing } from '../time';
import { gradeWord, reportWords, sheetNames, type UnitEvaluation } from './evaluation';

/** A cell: text, a number, empty, or a number with its display format (a rate as 85.0%). */
export type SheetCell = string | number | null | { value: number; numFmt: string };

export interface SheetLayout {
  name: string;
  rows: SheetCell[][];
  widths: number[];
  /** Rows kept in view and bold at the top. */
  headerRows: number;
  /** Ranges merged into one cell (A1:A2). */
  merges: string[];
  /** Further rows in bold (1-based): a unit sheet's block headings. */
  boldRows: number[];
}

export const PERCENT_FORMAT = '0.0%';
export const SUMMARY_SHEET = '汇总';
export const NOTES_SHEET = '说明';
/** An activity list on a unit's sheet names at most this many; the rest is a count. */
export const SHEET_LINES_MAX = 20;

export function percentCell(share: number | null): SheetCell {
  return share === null ? '—' : { value: share, numFmt: PERCENT_FORMAT };
}

/** The column names of 汇总's second header row, by heading; 单位 and 上级单位 span both rows. */
export const SUMMARY_GROUPS: ReadonlyArray<{ heading: string; columns: readonly string[] }> = [
  { heading: '人员', columns: ['应参加', '已绑定', '参加人数', '覆盖率', '领导班子参加', '领导班子人数'] },
  { heading: '时间', columns: ['应报送', '按时报送', '晚交', '未交', '按时率'] },
  { heading: '内容', columns: ['考试', '活动', '学习打卡', '竞赛', '实事'] },
  { heading: '效果', columns: ['参与率', '考试及格率', '实事完成', '实事总数', '逾期'] },
  { heading: '评价', columns: ['评价等次', '书面评价'] },
];

const column = (n: number) => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

export function summarySheet(rows: readonly UnitEvaluation[]): SheetLayout {
  const first: SheetCell[] = ['单位', '上级单位'];
  const second: SheetCell[] = [null, null];
  const merges = ['A1:A2', 'B1:B2'];
  for (const g of SUMMARY_GROUPS) {
    const from = first.length + 1;
    first.push(g.heading, ...g.columns.slice(1).map(() => null));
    second.push(...g.columns);
    merges.push(`${column(from)}1:${column(from + g.columns.length - 1)}1`);
  }
  const data = rows.map((r): SheetCell[] => [
    r.unit.name,
    r.parentName,
    r.people.members,
    r.people.bound,
    r.people.participants,
    percentCell(r.people.coverage),
    r.people.leadersTookPart ?? '—',
    r.people.leaders,
    r.timing.owed,
    r.timing.onTime,
    r.timing.late,
    r.timing.missing,
    percentCell(r.timing.onTimeRate),
    r.content.exams,
    r.content.events,
    r.content.checkins,
    r.content.contests,
    r.content.tasks,
    percentCell(r.effect.participation),
    percentCell(r.effect.passRate),
    r.effect.tasksDone,
    r.effect.tasksTotal,
    r.effect.overdue,
    gradeWord(r.assessment?.grade),
    r.assessment?.text || null,
  ]);
  const widths = [24, 18, ...SUMMARY_GROUPS.flatMap((g) => g.columns.map((c) => Math.max(8, c.length * 2 + 2)))];
  widths[widths.length - 1] = 40;
  return { name: SUMMARY_SHEET, rows: [first, second, ...data], widths, headerRows: 2, merges, boldRows: [] };
}

export interface UnitSheetContext {
  campaignTitle: string;
  /** The period counted, in words: 2026-03-01 至 2026-05-31. */
  period: string;
}

export function unitSheet(name: string, r: UnitEvaluation, c: UnitSheetContext): SheetLayout {
  const rows: SheetCell[][] = [];
  const boldRows: number[] = [];
  const heading = (text: string) => {
    if (rows.length > 0) rows.push([]);
    rows.push([text]);
    boldRows.push(rows.length);
  };
  const table = (header: string[], lines: SheetCell[][], more: number) => {
    rows.push(header);
    boldRows.push(rows.length);
    rows.push(...lines);
    if (more > 0) rows.push([`另有 ${more} 项略`]);
  };
  rows.push([`${r.unit.name} · 四落实评估`]);
  rows.push(['专项行动', c.campaignTitle], ['上级单位', r.parentName ?? '—'], ['统计期间', c.period], ['统计范围', '本单位及全部下级单位（领导班子只计本单位）']);

  heading('一、人员');
  const p = r.people;
  rows.push(['应参加人数', p.members], ['已绑定人数', p.bound], ['参加人数', p.participants], ['覆盖率', percentCell(p.coverage)]);
  rows.push(['领导班子参加', p.leadersTookPart ?? '—'], ['领导班子人数', p.leaders]);
  if (r.leaderLines.length > 0) {
    table(
      ['领导班子成员', '是否参加'],
      r.leaderLines.map((l) => [l.name, l.tookPart === null ? '—' : l.tookPart ? '参加' : '未参加']),
      0,
    );
  }

  heading('二、时间');
  const t = r.timing;
  rows.push(['应报送', t.owed], ['按时报送', t.onTime], ['晚交', t.late], ['未交', t.missing], ['按时率', percentCell(t.onTimeRate)]);
  if (r.reportLines.length > 0) {
    table(
      ['本单位报告', '截止日期', '情况'],
      r.reportLines.map((l) => [l.title, l.dueDay, reportWords(l)]),
      0,
    );
  }

  heading('三、内容');
  const k = r.content;
  rows.push(['考试（场）', k.exams], ['活动（场）', k.events], ['学习打卡（人次）', k.checkins], ['竞赛（场）', k.contests], ['实事（项）', k.tasks]);
  if (r.examLines.length > 0) {
    table(
      ['考试名称', '应考人数', '交卷人数', '及格人数'],
      r.examLines.slice(0, SHEET_LINES_MAX).map((l) => [l.title, l.asked, l.submitted, l.passed]),
      r.examLines.length - SHEET_LINES_MAX,
    );
  }
  if (r.eventLines.length > 0) {
    table(
      ['活动名称', '报名人数', '到场人数'],
      r.eventLines.slice(0, SHEET_LINES_MAX).map((l) => [l.title, l.confirmed, l.attended]),
      r.eventLines.length - SHEET_LINES_MAX,
    );
  }

  heading('四、效果');
  const e = r.effect;
  rows.push(['参与率', percentCell(e.participation)], ['考试及格率', percentCell(e.passRate)], ['实事完成', e.tasksDone], ['实事总数', e.tasksTotal], ['逾期', e.overdue]);

  heading('评价');
  const a = r.assessment;
  rows.push(['评价等次', gradeWord(a?.grade) ?? (a ? '—' : '未评价')], ['书面评价', a?.text || null]);
  if (a) rows.push(['评价人', a.byName], ['评价时间', formatBeijing(a.at)]);
  return { name, rows, widths: [22, 40, 12, 12], headerRows: 1, merges: [], boldRows };
}

/** What each column counts, in plain words (the 说明 sheet). */
export const NOTES: ReadonlyArray<readonly [string, string]> = [
  ['统计范围', '每一行（每张单位表）是该单位及其全部下级单位的合计；领导班子只计本单位的领导班子成员。'],
  ['统计期间', '专项行动第一个阶段开始之日至最后一个阶段结束之日；行动尚未结束的，统计到今天。'],
  ['应参加', '党员名册上的人数（含未绑定微信的党员）。'],
  ['已绑定', '已绑定微信、能在小程序里参加活动的人数。'],
  ['参加人数', '统计期间参加人数最多的一场考试（交卷）或一次活动（到场）的人数。系统不逐人核对名单，所以这是参加过活动的党员人数的下限。'],
  ['覆盖率', '参加人数 ÷ 应参加。'],
  ['领导班子参加', '本单位领导班子成员中，参加过本次专项行动所关联考试（交卷）或活动（到场）的人数；行动没有关联考试或活动时为“—”。'],
  ['领导班子人数', '本单位的领导班子成员人数。'],
  ['应报送', '截止日期已过（或已经报送）的报告份数；截止日期未到又未报送的不计入。'],
  ['按时报送', '在截止日当天24点前报送的份数；退回修改的报告按原来的报送时间计算。'],
  ['晚交', '截止日之后才报送的份数。'],
  ['未交', '截止日期已过仍未报送的份数。'],
  ['按时率', '按时报送 ÷ 应报送。'],
  ['考试、活动', '统计期间开展、面向该单位（或有该单位党员参加）的考试场次、活动次数。'],
  ['学习打卡', '统计期间学习打卡的人次。'],
  ['竞赛', '统计期间开放的知识竞赛场次。'],
  ['实事', '任务清单（实事清单、问题清单、责任清单）中的事项数。'],
  ['参与率', '（考试交卷人次 + 活动到场人次）÷（应考人次 + 活动面向的党员人次）。'],
  ['考试及格率', '及格人次 ÷ 交卷人次。'],
  ['实事完成、实事总数', '已完成的事项数、事项总数。'],
  ['逾期', '截止日期已过仍未完成的事项数。'],
  ['评价等次、书面评价', '上级组织对该单位的评价（优秀、良好、一般、较差）和书面意见。'],
  ['—', '没有可以计算的数（例如应报送为0时的按时率）。'],
];

export function notesSheet(): SheetLayout {
  return { name: NOTES_SHEET, rows: [['项目', '说明'], ...NOTES.map(([k, v]) => [k, v])], widths: [20, 90], headerRows: 1, merges: [], boldRows: [] };
}

/** Every sheet of the workbook: 汇总, one per unit below the seen unit (tree order), 说明. */
export function evaluationSheets(rows: readonly UnitEvaluation[], c: UnitSheetContext): SheetLayout[] {
  const below = rows.slice(1);
  const names = sheetNames(
    below.map((r) => r.unit.name),
    [SUMMARY_SHEET, NOTES_SHEET],
  );
  return [summarySheet(rows), ...below.map((r, i) => unitSheet(names[i], r, c)), notesSheet()];
}
