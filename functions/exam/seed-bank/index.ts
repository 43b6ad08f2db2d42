// Built-in question bank (内置题库): 四史 and 党章党规 questions written for this project, each
// answer checked against the historical record, each with a one-line explanation. Seeded into the
// demo organisation and offered to a new organisation in one step.

import { DANGSHI } from './dangshi';
import { DANGZHANG } from './dangzhang';
import { GAIGE } from './gaige';
import { SHEHUIZHUYI } from './shehuizhuyi';
import { XINZHONGGUO } from './xinzhongguo';
import type { SeedQuestionRow } from './types';

export type { SeedQuestionRow };

export const SEED_BANK: SeedQuestionRow[] = [...DANGSHI, ...XINZHONGGUO, ...GAIGE, ...SHEHUIZHUYI, ...DANGZHANG];
