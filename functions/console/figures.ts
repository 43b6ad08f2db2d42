// The console's figure actions (core/contracts/console.ts), wired by ./index.ts.
import { getConsole } from './actions/getConsole';

export const figureHandlers = { getConsole };
