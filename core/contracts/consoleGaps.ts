// The console's gap lists (工作台 · 未参加): each member's gaps across all activities of a unit's
// subtree for a period, one member's whole picture, the nudge for a list (copy text, reminders to
// credit holders, a share card for the rest) and its xlsx export. Part of the `console` contract
// (./console.ts).

export const gapSchemas = {};

export type GapResponses = Record<never, never>;
