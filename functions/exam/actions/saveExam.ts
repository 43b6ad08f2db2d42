// saveExam: create or change an exam draft. The units must be ones the organiser manages (the whole
// organisation only for org admins); a fixed paper's questions must be active in the bank. A
// published exam is no longer changed.

import type { ExamDraft, ExamResponses } from '../../../core/contracts/exam';
import { paperTotal } from '../../../core/domain/exam';
import type { QuestionType } from '../../../core/domain/exam/questions';
import { COLLECTIONS } from '../../lib/collections';
import { insert, list, updateWhere, type Database } from '../../lib/db';
import { forbidden, invalid, precondition } from '../../lib/errors';
import { type Caller, mayManage, requireOrganiser, unitsByIds } from '../../org/ports';
import type { ActionContext } from '../../lib/router';
import { examForOrganiser } from '../access';
import { draftView } from '../drafts';
import { ALL_UNITS, type ExamDoc, type QuestionDoc } from '../model';

/** Paper size and total score, from the fixed list's questions or the rules' counts. */
async function paperShape(db: Database, me: Caller, draft: ExamDraft): Promise<{ typeCounts: Record<QuestionType, number>; questionCount: number; totalScore: number }> {
  const typeCounts: Record<QuestionType, number> = { single: 0, multiple: 0, judge: 0, fill: 0 };
  if (draft.paper.mode === 'fixed') {
    const wanted = [...new Set(draft.paper.questionIds)];
    if (wanted.length !== draft.paper.questionIds.length) throw invalid('试卷中有重复的题目');
    const _ = db.command;
    const qs = await list<QuestionDoc>(db.collection(COLLECTIONS.questions).where({ _id: _.in(wanted) }).limit(wanted.length));
    const found = new Map(qs.filter((q) => q.orgId === me.orgId).map((q) => [q._id, q]));
    const missing = wanted.filter((id) => !found.get(id));
    if (missing.length > 0) throw invalid(`有 ${missing.length} 道题在题库中找不到`);
    if (qs.some((q) => q.status !== 'active')) throw invalid('试卷中有已停用的题目');
    for (const q of qs) typeCounts[q.type]++;
  } else {
    for (const r of draft.paper.rules) typeCounts[r.type] += r.count;
  }
  const types = (Object.keys(typeCounts) as QuestionType[]).flatMap((t) => Array<QuestionType>(typeCounts[t]).fill(t));
  return { typeCounts, questionCount: types.length, totalScore: paperTotal(types, draft.points) };
}

export async function saveExam(input: { examId?: string | null; exam: ExamDraft }, ctx: ActionContext): Promise<ExamResponses['saveExam']> {
  const { db, clock, ids } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const draft = input.exam;
  if (draft.closesAt <= draft.opensAt) throw invalid('结束时间应晚于开始时间');
  const unitIds = [...new Set(draft.unitIds)];
  if (unitIds.length === 0 && me.role !== 'org_admin') throw forbidden('只有单位管理员可以面向全体支部发布考试');
  if (unitIds.length > 0) {
    const units = await unitsByIds(db, unitIds, me.orgId);
    if (units.length !== unitIds.length || units.some((u) => u.parentId === null || u.status !== 'active')) throw invalid('所选支部不存在或已撤销');
    if (units.some((u) => !mayManage(me, u))) throw forbidden('只能面向您管理的组织发布考试');
  }
  const shape = await paperShape(db, me, draft);
  if (draft.passScore > shape.totalScore) throw invalid(`及格分不能高于总分 ${shape.totalScore} 分`);
  const now = new Date(clock.now());
  const settings = { ...draft, unitIds, audience: unitIds.length ? unitIds : [ALL_UNITS], ...shape, updatedAt: now };

  if (!input.examId) {
    const doc: ExamDoc = {
      _id: ids.random(12),
      orgId: me.orgId,
      kind: 'exam',
      parentId: null,
      inviteOnly: false,
      status: 'draft',
      createdBy: me._id,
      createdAt: now,
      publishedAt: null,
      ...settings,
    };
    await insert(db, COLLECTIONS.exams, { ...doc });
    return draftView(doc);
  }
  const current = await examForOrganiser(db, me, input.examId, 'edit');
  if (current.status !== 'draft') throw precondition('考试已发布，不能再修改');
  const _ = db.command;
  const n = await updateWhere(db.collection(COLLECTIONS.exams).where({ _id: current._id, status: 'draft' }), {
    ...settings,
    unitIds: _.set(settings.unitIds),
    audience: _.set(settings.audience),
    paper: _.set(settings.paper),
    points: _.set(settings.points),
    typeCounts: _.set(settings.typeCounts),
  });
  if (n !== 1) throw precondition('考试已发布，不能再修改');
  return draftView({ ...current, ...settings });
}
