// The campaign context's tasks actions (core/contracts/campaign*.ts): who may run each on A's objects.
import type { Table } from './types';

export const campaignTasksRows: Table = {};
