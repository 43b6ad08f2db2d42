// Not an action: kept only because test/unit/questions.test.ts imports seedQuestions from this
// path. seedQuestions lives in ../bank; delete this file once that test imports it from there.

export { seedQuestions } from '../bank';
