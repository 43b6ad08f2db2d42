// The console's figure actions: organisers of the target's subtree only.
import type { Table } from './types';

export const consoleFigureRows: Table = {};
