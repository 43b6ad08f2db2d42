// Subtree totals of the daily quiz's per-unit figures: each unit's own figures are added to every
// unit on its path (itself and each unit above it), so a unit's roll-up is its whole subtree.
// Figures of units no longer in the tree are dropped (history stays with the unit's id).

export interface QuizFigures {
  participants: number;
  correct: number;
  answered: number;
  perfect: number;
}

export const NO_FIGURES: QuizFigures = { participants: 0, correct: 0, answered: 0, perfect: 0 };

function add(a: QuizFigures, b: QuizFigures): QuizFigures {
  return { participants: a.participants + b.participants, correct: a.correct + b.correct, answered: a.answered + b.answered, perfect: a.perfect + b.perfect };
}

export function subtreeFigures(
  units: ReadonlyArray<{ _id: string; path: readonly string[] }>,
  own: ReadonlyArray<{ unitId: string } & QuizFigures>,
): Map<string, QuizFigures> {
  const paths = new Map(units.map((u) => [u._id, u.path]));
  const sums = new Map<string, QuizFigures>();
  for (const row of own) {
    for (const id of paths.get(row.unitId) ?? []) sums.set(id, add(sums.get(id) ?? NO_FIGURES, row));
  }
  return sums;
}
