// Rounds a member may start per minute (docs/QUIZ.md, "Anti-automation"). A person reading five
// questions needs well over twenty seconds a round; a script starting rounds to harvest the bank's
// keys does not, and is refused with RESOURCE_EXHAUSTED. Continuing a round under way is free.

import { ROUNDS_PER_MINUTE } from '../../core/domain/quiz';
import { MINUTE_MS, type LimitRule } from '../lib/rateLimit';

export const ROUND_LIMIT: LimitRule = { scope: 'quiz-rounds', limit: ROUNDS_PER_MINUTE, windowMs: MINUTE_MS, kind: 'writes', freshFirst: true };
