// Entry of the `points` cloud function: wiring only. Deployed as cloudfunctions/points/index.js.
// Other contexts award points through ./ports.ts inside their own functions, not through this one.

import { pointsSchemas, type PointsResponses } from '../../core/contracts/points';
import { getOpenid, platformDeps } from '../lib/platform';
import { createRouter } from '../lib/router';
import { myPoints } from './actions/myPoints';
import { pointsHistory } from './actions/pointsHistory';
import { pointsRules } from './actions/pointsRules';
import { savePointsRules } from './actions/savePointsRules';
import { unitPoints } from './actions/unitPoints';
import { repairUnitDays } from './repair';
import { runRollups } from './rollups';

export const main = createRouter<typeof pointsSchemas, PointsResponses>(
  'points',
  pointsSchemas,
  { myPoints, pointsHistory, pointsRules, savePointsRules, unitPoints },
  {
    getOpenid,
    deps: platformDeps,
    // One trigger per function (WeChat): the repair of the units' day counters a died award left
    // short (before the roll-ups read them), then the closed-day roll-ups.
    onTimer: async (deps) => ({ unitDays: await repairUnitDays(deps), rollups: await runRollups(deps) }),
  },
);
