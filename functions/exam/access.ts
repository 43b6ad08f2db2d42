// Who may see or run what: the exam a member may take and their own attempts; the exams, units
// and attempts an organiser may view or change.

import { audienceReaches } from '../../core/domain/org/units';
import { COLLECTIONS } from '../lib/collections';
import { getById, list, type Database } from '../lib/db';
import { forbidden, notFound } from '../lib/errors';
import type { UnitDoc } from '../lib/model';
import type { ActionContext } from '../lib/router';
import { type Caller, getUnit, managedUnits, mayManage, scopeIds, unitsByIds, unitsOfOrg, unitsUnder } from '../org/ports';
import { ALL_UNITS, type AttemptDoc, type ExamDoc, type QuestionReportDoc } from './model';

// ---------------------------------------------------------------------------------------------
// Members

/** A published exam the member's branch is in the audience of (make-ups also need an invitation). */
export async function examForMember(db: Database, member: Caller, examId: string): Promise<ExamDoc> {
  const exam = await getById<ExamDoc>(db, COLLECTIONS.exams, examId);
  if (!exam || exam.orgId !== member.orgId || exam.status !== 'published') throw notFound('找不到这场考试');
  // An audience unit reaches the members of every unit below it.
  if (!audienceReaches(exam.audience, member.unitPath, ALL_UNITS)) throw forbidden('这场考试不面向您所在的支部');
  return exam;
}

/** The member's own attempt; another member's id is refused without saying whose it is. */
export async function ownAttempt(db: Database, member: Caller, id: string): Promise<AttemptDoc> {
  const attempt = await getById<AttemptDoc>(db, COLLECTIONS.examAttempts, id);
  if (!attempt || attempt.memberId !== member._id) throw notFound('找不到这次答题记录');
  return attempt;
}

// ---------------------------------------------------------------------------------------------
// Organisers

/**
 * Organisers who may change an exam: org admins, its author, or organisers whose subtrees hold
 * every unit it targets. `targets` are the exam's audience units (read by the caller).
 */
export function canEditExam(member: Caller, exam: ExamDoc, targets: UnitDoc[]): boolean {
  if (exam.orgId !== member.orgId) return false;
  if (member.role === 'org_admin') return true;
  if (member.role !== 'unit_organiser') return false;
  if (exam.createdBy === member._id) return true;
  return exam.unitIds.length > 0 && targets.length === exam.unitIds.length && targets.every((u) => mayManage(member, u));
}

/**
 * Organisers who may look at an exam: it reaches some of their members — it targets everyone, a
 * unit inside their subtrees, or a unit above one of their scope units (`scopes`, read by the caller).
 */
export function canViewExam(member: Caller, exam: ExamDoc, targets: UnitDoc[], scopes: UnitDoc[]): boolean {
  if (exam.orgId !== member.orgId) return false;
  if (member.role === 'org_admin') return true;
  if (member.role !== 'unit_organiser') return false;
  if (exam.audience.includes(ALL_UNITS)) return true;
  return targets.some((u) => mayManage(member, u) || scopes.some((s) => s.path.includes(u._id)));
}

/** The exam if the organiser may view (or edit) it; one more read for a unit organiser. */
export async function examForOrganiser(db: Database, member: Caller, examId: string, need: 'view' | 'edit'): Promise<ExamDoc> {
  const exam = await getById<ExamDoc>(db, COLLECTIONS.exams, examId);
  if (!exam || exam.orgId !== member.orgId) throw notFound('找不到这场考试');
  if (member.role === 'org_admin') return exam;
  let allowed = false;
  if (member.role === 'unit_organiser') {
    const targetIds = exam.audience.filter((id) => id !== ALL_UNITS);
    const scopeUnitIds = scopeIds(member);
    const read = await unitsByIds(db, [...new Set([...targetIds, ...scopeUnitIds])], exam.orgId);
    const targets = read.filter((u) => targetIds.includes(u._id));
    const scopes = read.filter((u) => scopeUnitIds.includes(u._id));
    allowed = need === 'edit' ? canEditExam(member, exam, targets) : canViewExam(member, exam, targets, scopes);
  }
  if (!allowed) throw forbidden('您不是这场考试所面向组织的管理员');
  return exam;
}

/**
 * The units an exam reaches — the units it names and every unit below them, or every unit for
 * an org-wide exam — other than the organisation's root. One read.
 */
export async function reachedUnits(db: Database, exam: ExamDoc): Promise<UnitDoc[]> {
  const units = exam.audience.includes(ALL_UNITS)
    ? await unitsOfOrg(db, exam.orgId)
    : await unitsUnder(db, exam.orgId, exam.audience);
  return units.filter((u) => u.parentId !== null);
}

/** The units an exam reaches that the organiser manages, by name. One read. */
export async function visibleUnits(db: Database, member: Caller, exam: ExamDoc): Promise<UnitDoc[]> {
  return (await reachedUnits(db, exam)).filter((u) => mayManage(member, u)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** A unit of the exam's audience asked for by id, which the organiser manages. */
export async function branchOf(ctx: ActionContext, me: Caller, exam: ExamDoc, unitId: string): Promise<UnitDoc> {
  const unit = await getUnit(ctx.deps.db, unitId);
  if (!unit || unit.orgId !== exam.orgId || unit.parentId === null) throw notFound('找不到该支部');
  if (!mayManage(me, unit)) throw forbidden('您不是该组织的管理员');
  if (!audienceReaches(exam.audience, unit.path, ALL_UNITS)) throw notFound('这场考试不面向该组织');
  return unit;
}

/** An attempt taken in a unit the organiser manages (org admins: any of the organisation). */
export async function managedAttempt(ctx: ActionContext, me: Caller, id: string): Promise<AttemptDoc> {
  const attempt = await getById<AttemptDoc>(ctx.deps.db, COLLECTIONS.examAttempts, id);
  if (!attempt || attempt.orgId !== me.orgId) throw notFound('找不到这次答题记录');
  // The unit the attempt was taken in (history stays there, even if the member moved since).
  const unit = me.role === 'org_admin' ? null : await getUnit(ctx.deps.db, attempt.unitId);
  if (me.role !== 'org_admin' && (!unit || !mayManage(me, unit))) throw forbidden('只能处理您管理的组织的答题记录');
  return attempt;
}

// ---------------------------------------------------------------------------------------------
// Members' error reports (纠错): an org admin handles all of the organisation's; a unit organiser
// those filed on exams their subtrees own, i.e. every unit the exam targets lies in them (the exams
// they may set up); an org-wide exam is the org admin's. A report naming no exam that exists goes
// by the unit it was filed in.

/** Most exams of a subtree read for its report queue (newest windows first). */
const OWNED_EXAMS_READ = 1000;

function ownsExam(exam: Pick<ExamDoc, 'unitIds'>, managedIds: ReadonlySet<string>): boolean {
  return exam.unitIds.length > 0 && exam.unitIds.every((id) => managedIds.has(id));
}

/**
 * The published exams a unit organiser's subtrees own, and the units of those subtrees (their names
 * label the reports). Two reads.
 */
export async function ownedExams(db: Database, me: Caller): Promise<{ examIds: string[]; units: UnitDoc[] }> {
  const units = await managedUnits(db, me);
  if (units.length === 0) return { examIds: [], units };
  const ids = new Set(units.map((u) => u._id));
  const _ = db.command;
  const exams = await list<ExamDoc>(
    db
      .collection(COLLECTIONS.exams)
      .where({ orgId: me.orgId, status: 'published', audience: _.in([...ids]) })
      .orderBy('closesAt', 'desc')
      .limit(OWNED_EXAMS_READ),
  );
  return { examIds: exams.filter((e) => ownsExam(e, ids)).map((e) => e._id), units };
}

/** A report the organiser may read and close; NOT_FOUND outside the organisation, FORBIDDEN outside their exams. */
export async function managedReport(db: Database, me: Caller, reportId: string): Promise<QuestionReportDoc> {
  const report = await getById<QuestionReportDoc>(db, COLLECTIONS.questionReports, reportId);
  if (!report || report.orgId !== me.orgId) throw notFound('找不到这条纠错');
  if (me.role === 'org_admin') return report;
  let allowed = false;
  if (me.role === 'unit_organiser') {
    const exam = report.examId ? await getById<ExamDoc>(db, COLLECTIONS.exams, report.examId) : null;
    if (exam && exam.orgId === me.orgId) {
      const targets = await unitsByIds(db, exam.unitIds, me.orgId);
      allowed = targets.length === exam.unitIds.length && ownsExam(exam, new Set(targets.filter((u) => mayManage(me, u)).map((u) => u._id)));
    } else {
      const unit = await getUnit(db, report.unitId);
      allowed = unit !== null && mayManage(me, unit);
    }
  }
  if (!allowed) throw forbidden('这条纠错来自您管理范围以外的考试，由单位管理员处理');
  return report;
}
