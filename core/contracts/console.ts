// Contract of the `console` cloud function (工作台): an organiser's one picture of a unit's subtree
// for a period — figures of every activity from the contexts' roll-ups, units side by side, trends,
// and what waits for the organiser. Each member's gaps across all activities are in
// ./consoleGaps.ts. The console reads through the other contexts' ports and writes nothing of theirs.

import { z } from 'zod';
import { gapSchemas, type GapResponses } from './consoleGaps';

export const figureSchemas = {};

export const consoleSchemas = {
  ...figureSchemas,
  /** Each member's gaps: ./consoleGaps.ts. */
  ...gapSchemas,
};

export type ConsoleRequests = { [A in keyof typeof consoleSchemas]: z.input<(typeof consoleSchemas)[A]> };

export type FigureResponses = Record<never, never>;

export type ConsoleResponses = FigureResponses & GapResponses;

export type * from './consoleGaps';
