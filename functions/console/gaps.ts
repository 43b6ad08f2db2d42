// The console's gap actions (core/contracts/consoleGaps.ts), wired by ./index.ts.
export const gapHandlers = {};
