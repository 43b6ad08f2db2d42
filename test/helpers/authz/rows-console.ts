// The console context's rows: its figures (./rows-console-figures.ts) and its gap lists
// (./rows-console-gaps.ts).

import { consoleFigureRows } from './rows-console-figures';
import { consoleGapRows } from './rows-console-gaps';
import type { Table } from './types';

export const consoleRows: Table = { ...consoleFigureRows, ...consoleGapRows };
