// Rounds a member may start per minute in contests (docs/QUIZ.md, 知识竞赛): the daily quiz's rule,
// counted apart so a member's daily round and a contest round never take each other's turn.

import { ROUNDS_PER_MINUTE } from '../../core/domain/quiz';
import { MINUTE_MS, type LimitRule } from '../lib/rateLimit';

export const CONTEST_ROUND_LIMIT: LimitRule = { scope: 'contest-rounds', limit: ROUNDS_PER_MINUTE, windowMs: MINUTE_MS, kind: 'writes', freshFirst: true };
