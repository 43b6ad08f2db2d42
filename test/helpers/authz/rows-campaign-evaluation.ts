// The campaign context's evaluation actions (core/contracts/campaign*.ts): who may run each on A's objects.
import type { Table } from './types';

export const campaignEvaluationRows: Table = {};
