// Organisers' exams: their list, a draft's editor, saving a draft and publishing it. Publishing
// pins the questions (content and version) into the exam's key, so later edits of the bank never
// change an open exam; the per-branch counters are created at the same time.

import type { ExamDraft, ExamResponses, ManagedExamRow } from '../../../core/contracts/exam';
import { drawShortfall, paperTotal, type PoolEntry } from '../../../core/domain/exam';
import type { QuestionType } from '../../../core/domain/questions';
import { audienceReaches } from '../../../core/domain/units';
import { COLLECTIONS } from '../../lib/collections';
import { insert, insertBatch, list, updateWhere, type Database } from '../../lib/db';
import { conflict, forbidden, invalid, precondition } from '../../lib/errors';
import { type Caller, mayManage, requireOrganiser, unitsByIds, unitsOfOrg, unitsUnder } from '../../org/ports';
import { afterCursor, encodeKeyset } from '../../lib/paging';
import type { ActionContext } from '../../lib/router';
import { contentOf } from '../bank';
import { ALL_UNITS, type ExamDoc, type ExamPoolDoc, type ExamQuestionDoc, type QuestionDoc, type StatsDoc } from '../model';
import { ensureStats, examForOrganiser, examPhase, pinnedId, type Pinned } from '../shared';

const PAGE = 20;
/** A rules paper draws from at most this many pinned questions (the key stays well under 16 MB). */
const POOL_LIMIT = 3000;

type DraftOutput = ExamDraft;

export async function listManagedExams(input: { cursor?: string | null }, ctx: ActionContext): Promise<ExamResponses['listManagedExams']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const _ = db.command;
  // One read for the organisation's units: names and member counts for the page, and for a unit
  // organiser which exams concern them — those naming a unit of their subtrees or one above them.
  const units = await unitsOfOrg(db, me.orgId);
  const visible = units.filter((u) => mayManage(me, u));
  const base: Record<string, unknown> = { orgId: me.orgId };
  if (me.role !== 'org_admin') {
    const above = new Set(visible.flatMap((u) => u.path));
    base.audience = _.in([...above, ALL_UNITS]);
  }
  const where = afterCursor(_, base, 'createdAt', input.cursor, true);
  const docs = await list<ExamDoc>(db.collection(COLLECTIONS.exams).where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(PAGE + 1));
  const page = docs.slice(0, PAGE);
  const names = new Map(units.map((u) => [u._id, u.name]));
  const byId = new Map(units.map((u) => [u._id, u]));
  const stats = page.length
    ? await list<StatsDoc>(db.collection(COLLECTIONS.examStats).where({ examId: _.in(page.map((e) => e._id)) }).limit(1000))
    : [];
  const now = clock.now();
  const last = page[page.length - 1];
  return {
    items: page.map((e): ManagedExamRow => {
      const mine = stats.filter((s) => {
        const u = byId.get(s.unitId);
        return s.examId === e._id && u !== undefined && mayManage(me, u);
      });
      return {
        id: e._id,
        title: e.title,
        kind: e.kind,
        parentId: e.parentId,
        status: e.status,
        phase: examPhase(e, now),
        opensAt: e.opensAt,
        closesAt: e.closesAt,
        unitNames: e.unitIds.length === 0 ? ['全体支部'] : e.unitIds.map((u) => names.get(u) ?? '').filter(Boolean),
        submitted: mine.reduce((n, s) => n + s.submitted, 0),
        audience: e.inviteOnly
          ? mine.reduce((n, s) => n + s.invited, 0)
          : visible.filter((u) => audienceReaches(e.audience, u.path, ALL_UNITS)).reduce((n, u) => n + u.memberCount, 0),
      };
    }),
    nextCursor: docs.length > PAGE && last ? encodeKeyset([new Date(last.createdAt).getTime(), last._id]) : null,
  };
}

function settingsOf(e: ExamDoc): DraftOutput {
  return {
    title: e.title,
    description: e.description,
    unitIds: e.unitIds,
    opensAt: e.opensAt,
    closesAt: e.closesAt,
    durationMinutes: e.durationMinutes,
    paper: e.paper,
    points: e.points,
    multiplePartial: e.multiplePartial,
    shuffleQuestions: e.shuffleQuestions,
    shuffleOptions: e.shuffleOptions,
    passScore: e.passScore,
    maxAttempts: e.maxAttempts,
    releaseAnswers: e.releaseAnswers,
    switchTolerance: e.switchTolerance,
  };
}

function draftView(e: ExamDoc): ExamResponses['getExamDraft'] {
  return { id: e._id, status: e.status, exam: settingsOf(e), totalScore: e.totalScore, questionCount: e.questionCount };
}

export async function getExamDraft(input: { examId: string }, ctx: ActionContext): Promise<ExamResponses['getExamDraft']> {
  const me = await requireOrganiser(ctx);
  return draftView(await examForOrganiser(ctx.deps.db, me, input.examId, 'view'));
}

/** Paper size and total score, from the fixed list's questions or the rules' counts. */
async function paperShape(db: Database, me: Caller, draft: DraftOutput): Promise<{ typeCounts: Record<QuestionType, number>; questionCount: number; totalScore: number }> {
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

export async function saveExam(input: { examId?: string | null; exam: DraftOutput }, ctx: ActionContext): Promise<ExamResponses['saveExam']> {
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

export async function publishExam(input: { examId: string }, ctx: ActionContext): Promise<ExamResponses['publishExam']> {
  const { db, clock } = ctx.deps;
  const me = await requireOrganiser(ctx);
  const exam = await examForOrganiser(db, me, input.examId, 'edit');
  if (exam.status !== 'draft') throw conflict('考试已经发布');
  if (exam.closesAt <= clock.now()) throw precondition('考试结束时间已过，请先修改时间');

  const questions: Pinned = {};
  let pool: PoolEntry[];
  if (exam.paper.mode === 'fixed') {
    const _ = db.command;
    const ids = exam.paper.questionIds;
    const qs = await list<QuestionDoc>(db.collection(COLLECTIONS.questions).where({ _id: _.in(ids) }).limit(ids.length));
    const byId = new Map(qs.filter((q) => q.orgId === me.orgId && q.status === 'active').map((q) => [q._id, q]));
    if (ids.some((id) => !byId.has(id))) throw precondition('试卷中有题目已被停用或删除，请修改试卷');
    pool = ids.map((id) => {
      const q = byId.get(id) as QuestionDoc;
      questions[id] = { ...contentOf(q), version: q.version };
      return { qid: id, type: q.type, tags: q.tags };
    });
  } else {
    const rules = exam.paper.rules;
    const candidates = await activeQuestions(db, me.orgId, [...new Set(rules.map((r) => r.type))]);
    const matching = candidates.filter((q) => rules.some((r) => r.type === q.type && (r.tag === null || q.tags.includes(r.tag))));
    pool = matching.map((q) => ({ qid: q._id, type: q.type, tags: q.tags }));
    const short = drawShortfall(rules, pool);
    if (short) throw precondition(short);
    for (const q of matching) questions[q._id] = { ...contentOf(q), version: q.version };
  }

  // Pinned questions first (ids derive from exam and question: a retried publish finds them), then
  // the pool, then the counters; the exam becomes visible last, when all of it is there.
  const docs: ExamQuestionDoc[] = Object.entries(questions).map(([qid, q]) => ({ _id: pinnedId(exam._id, qid), examId: exam._id, qid, orgId: exam.orgId, ...q }));
  for (let i = 0; i < docs.length; i += 100) await insertBatch(db, COLLECTIONS.examQuestions, docs.slice(i, i + 100).map((d) => ({ ...d })));
  const poolDoc: Omit<ExamPoolDoc, '_id'> = { orgId: exam.orgId, pool, source: exam._id };
  await db.collection(COLLECTIONS.examPools).doc(exam._id).set({ data: poolDoc });
  for (const unitId of await audienceUnitIds(db, exam)) await ensureStats(db, exam._id, unitId, exam.orgId);
  const n = await updateWhere(db.collection(COLLECTIONS.exams).where({ _id: exam._id, status: 'draft' }), {
    status: 'published',
    publishedAt: new Date(clock.now()),
  });
  if (n !== 1) throw conflict('考试已经发布');
  return { examId: exam._id, questionCount: exam.questionCount, totalScore: exam.totalScore };
}

/** Active questions of the given types, newest first, read in keyset pages up to POOL_LIMIT. */
async function activeQuestions(db: Database, orgId: string, types: QuestionType[]): Promise<QuestionDoc[]> {
  const _ = db.command;
  const out: QuestionDoc[] = [];
  for (const type of types) {
    let cursor: { at: Date; id: string } | null = null;
    for (;;) {
      const base = { orgId, status: 'active', type };
      const where: object = cursor ? _.or([{ ...base, createdAt: _.lt(cursor.at) }, { ...base, createdAt: cursor.at, _id: _.lt(cursor.id) }]) : base;
      const page: QuestionDoc[] = await list<QuestionDoc>(db.collection(COLLECTIONS.questions).where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(1000));
      out.push(...page);
      if (page.length < 1000 || out.length >= POOL_LIMIT) break;
      const last: QuestionDoc = page[page.length - 1];
      cursor = { at: new Date(last.createdAt), id: last._id };
    }
  }
  return out.slice(0, POOL_LIMIT);
}

/** Every unit the exam reaches: the units it names and all below them (every unit for 'ALL'). */
export async function audienceUnitIds(db: Database, exam: ExamDoc): Promise<string[]> {
  const units = exam.audience.includes(ALL_UNITS)
    ? await unitsOfOrg(db, exam.orgId)
    : await unitsUnder(db, exam.orgId, exam.audience);
  return units.filter((u) => u.parentId !== null).map((u) => u._id);
}
