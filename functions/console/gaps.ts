// The console's gap actions (core/contracts/consoleGaps.ts), wired by ./index.ts.
import { exportGaps } from './actions/exportGaps';
import { gapsNudge } from './actions/gapsNudge';
import { leaderGaps } from './actions/leaderGaps';
import { listGaps } from './actions/listGaps';
import { memberPicture } from './actions/memberPicture';

export const gapHandlers = { listGaps, memberPicture, gapsNudge, exportGaps, leaderGaps };
