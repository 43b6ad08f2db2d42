// Entry of the `console` cloud function: wiring only. Deployed as cloudfunctions/console/index.js.
// The console reads the other contexts through their ports; it owns no collection.

import { consoleSchemas, type ConsoleResponses } from '../../core/contracts/console';
import { getOpenid, platformDeps } from '../lib/platform';
import { createRouter } from '../lib/router';
import { figureHandlers } from './figures';
import { gapHandlers } from './gaps';

export const main = createRouter<typeof consoleSchemas, ConsoleResponses>('console', consoleSchemas, { ...figureHandlers, ...gapHandlers }, { getOpenid, deps: platformDeps });
