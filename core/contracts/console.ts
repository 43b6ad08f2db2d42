// Contract of the `console` cloud function (工作台): an organiser's one picture of a unit's subtree
// for a period — figures of every activity from the contexts' roll-ups, units side by side, trends,
// and what waits for the organiser. Each member's gaps across all activities are in
// ./consoleGaps.ts. The console reads through the other contexts' ports and writes nothing of theirs.

import * as z from 'zod';
import { idField, periodField } from './common';
import { actionSchemas } from './lazy';
import { gapActions, type GapResponses } from './consoleGaps';

export const figureActions = {
  /**
   * A unit's figures for a period (docs/CONSOLE.md): its subtree and each direct child side by
   * side, the unit's per-day trend, and what waits for the caller. Without `unitId`, the first
   * unit the caller manages (the organisation for an org admin).
   */
  getConsole: () => z
    .object({
      unitId: idField().nullish(),
      period: periodField(),
    })
    .strict(),
} as const;

export const consoleSchemas = actionSchemas({
  ...figureActions,
  /** Each member's gaps: ./consoleGaps.ts. */
  ...gapActions,
});

export type ConsoleRequests = { [A in keyof typeof consoleSchemas]: z.input<(typeof consoleSchemas)[A]> };

export type ExamPhase = 'upcoming' | 'open' | 'closed';

/** One exam overlapping the period, counted over one subtree. */
export interface ConsoleExam {
  examId: string;
  title: string;
  kind: 'exam' | 'makeup';
  phase: ExamPhase;
  closesAt: number;
  /** Who the exam asks in the subtree. */
  audience: number;
  submitted: number;
  passed: number;
  /** Not started while the window is open (未参加) … */
  notYet: number;
  /** … and after it closed (缺考). */
  absent: number;
}

/** A subtree's figures for the period. Rates are 0–1, or null when there is nothing to divide by. */
export interface ConsoleFigures {
  units: number;
  members: number;
  bound: number;
  exams: {
    items: ConsoleExam[];
    audience: number;
    submitted: number;
    passed: number;
    /** submitted / audience over the period's exams. */
    rate: number | null;
    /** passed / submitted. */
    passRate: number | null;
  };
  checkins: {
    total: number;
    /** Bound members × days: what every bound member checking in every day would make. */
    possible: number;
    rate: number | null;
  };
  events: { count: number; confirmed: number; attended: number; rate: number | null };
  quiz: {
    /** Member-days of a finished daily round. */
    participantDays: number;
    possible: number;
    rate: number | null;
  };
  contests: { count: number; participants: number; rounds: number };
  points: { points: number; memberDays: number };
}

export interface ConsoleChild {
  id: string;
  name: string;
  kindLabel: string;
  /** Closed units keep their history; they are shown apart. */
  closed: boolean;
  figures: ConsoleFigures;
}

export type WaitingKind = 'submissions' | 'bindRequests' | 'comments' | 'quizFlags' | 'questionReports';

export interface WaitingItem {
  kind: WaitingKind;
  label: string;
  count: number;
  /** A page holds more than this: the count is "at least". */
  more: boolean;
}

export interface ConsoleView {
  unit: { id: string; name: string; kindLabel: string; parentId: string | null };
  /** The parent, when the caller manages it too (the way back up). */
  parent: { id: string; name: string } | null;
  /** The units whose subtrees the caller manages (the picker). */
  scopes: Array<{ id: string; name: string }>;
  period: { kind: 'week' | 'month' | 'range'; fromDay: string; toDay: string; label: string; days: number };
  waiting: WaitingItem[];
  total: ConsoleFigures;
  children: ConsoleChild[];
  trend: { days: string[]; checkins: number[]; quiz: number[]; points: number[] };
}

export interface FigureResponses {
  getConsole: ConsoleView;
}

export type ConsoleResponses = FigureResponses & GapResponses;

export type * from './consoleGaps';
