// The console's gap actions: organisers of the target's subtree only.
import type { Table } from './types';

export const consoleGapRows: Table = {};
