// The console's figure actions (core/contracts/console.ts), wired by ./index.ts.
export const figureHandlers = {};
