// Demo exams for `npm start`: the built-in bank in the demo organisation, one closed-book exam
// open for a week to every branch, and one that ended yesterday with results and absentees (so
// statistics, the 缺考 list and a make-up can be tried at once). Created through the real `exam`
// function, as the demo org admin; once (a marker in `meta`).

import type { LocalCloud } from '../../localcloud';
import { getById, insert, type Database } from '../../functions/lib/db';
import { COLLECTIONS } from '../../functions/lib/collections';
import { DEMO_ORG } from './demo-data';

const MARKER = 'demo-exams-v1';
const CONTEST_MARKER = 'demo-contest-v1';
const HOUR = 3600_000;

type Answer = { qid: string; choice?: number[]; text?: string[] };

export async function seedDemoExams(cloud: LocalCloud, db: Database): Promise<{ seeded: boolean }> {
  if (await getById(db, COLLECTIONS.meta, MARKER)) return { seeded: false };
  const call = async <T>(openid: string, action: string, payload: unknown = {}): Promise<T> => {
    const { result } = await cloud.invoke('exam', { action, payload }, { openid });
    const r = result as { ok: boolean; data: T; message?: string };
    if (!r.ok) throw new Error(`demo exams: ${action} failed: ${r.message}`);
    return r.data;
  };
  await call('demo-admin', 'installSeedBank');
  const now = Date.now();
  const rules = [
    { type: 'single', tag: null, count: 6 },
    { type: 'multiple', tag: null, count: 2 },
    { type: 'judge', tag: null, count: 4 },
    { type: 'fill', tag: null, count: 1 },
  ];

  // Yesterday's exam, taken by some members at the time it was open.
  const yesterday = now - 26 * HOUR;
  cloud.clock.set(yesterday);
  try {
    const past = await call<{ id: string }>('demo-admin', 'saveExam', {
      exam: {
        title: '「四史」学习教育测试（已结束）',
        description: '闭卷作答，独立完成。',
        unitIds: ['br-office', 'br-school', 'br-retired'],
        opensAt: yesterday - HOUR,
        closesAt: yesterday + 2 * HOUR,
        durationMinutes: 30,
        paper: { mode: 'rules', rules },
        passScore: 18,
      },
    });
    await call('demo-admin', 'publishExam', { examId: past.id });
    const takers: Array<[string, number]> = [
      ['demo-m-02', 1],
      ['demo-m-03', 0.9],
      ['demo-m-04', 0.5],
      ['demo-m-12', 0.8],
      ['demo-m-13', 0.4],
      ['demo-m-22', 1],
      ['demo-m-23', 0.7],
    ];
    for (const [openid, share] of takers) {
      const a = await call<{ attemptId: string; questions: Array<{ qid: string }> }>(openid, 'startExam', { examId: past.id });
      const right = correctAnswers(cloud.db, a.attemptId);
      const answers = right.map((x, i) => (i < Math.round(right.length * share) ? x : wrong(x)));
      await call(openid, 'submitAttempt', { attemptId: a.attemptId, answers });
    }
  } finally {
    cloud.clock.reset();
  }

  // The open exam draws from the 党史 questions only: an open window keeps every question it may
  // draw out of the daily quiz and contests (docs/EXAMS.md, "What practice may serve"), so drawing
  // from the whole bank would leave the demo's daily quiz with nothing to serve for a week.
  const partyHistory = rules.map((r) => ({ ...r, tag: '党史' }));
  const open = await call<{ id: string }>('demo-admin', 'saveExam', {
    exam: {
      title: '党史知识闭卷测试',
      description: '闭卷考试，请独立作答。答案在考试结束后公布。',
      unitIds: [],
      opensAt: now - HOUR,
      closesAt: now + 7 * 24 * HOUR,
      durationMinutes: 20,
      paper: { mode: 'rules', rules: partyHistory },
      passScore: 18,
    },
  });
  await call('demo-admin', 'publishExam', { examId: open.id });
  await insert(db, COLLECTIONS.meta, { _id: MARKER, at: new Date() });
  return { seeded: true };
}

/**
 * A knowledge contest open for a week to the whole demo organisation (untimed, so anyone can try
 * it at their own pace), created and published through the real `quiz` function by the org admin;
 * once (its own marker, so a data directory from before contests gets one too).
 */
export async function seedDemoContest(cloud: LocalCloud, db: Database): Promise<{ seeded: boolean }> {
  if (await getById(db, COLLECTIONS.meta, CONTEST_MARKER)) return { seeded: false };
  const call = async <T>(action: string, payload: unknown): Promise<T> => {
    const { result } = await cloud.invoke('quiz', { action, payload }, { openid: 'demo-admin' });
    const r = result as { ok: boolean; data: T; message?: string };
    if (!r.ok) throw new Error(`demo contest: ${action} failed: ${r.message}`);
    return r.data;
  };
  const now = Date.now();
  const { contestId } = await call<{ contestId: string }>('saveContest', {
    contest: {
      title: '新中国史和改革开放史知识竞赛',
      description: '每局 10 题，不限时，每天前 2 局计分。答完每题即可看到解析。',
      opensAt: now - HOUR,
      closesAt: now + 7 * 24 * HOUR,
      questionsPerRound: 10,
      secondsPerQuestion: null,
      countingRounds: 2,
      audienceUnitId: DEMO_ORG.id,
      tags: ['新中国史', '改革开放史'],
    },
  });
  await call('publishContest', { contestId });
  await insert(db, COLLECTIONS.meta, { _id: CONTEST_MARKER, at: new Date() });
  return { seeded: true };
}

/**
 * The right answers to one attempt's paper, in the positions its member sees, read from the
 * database as only a demo script or a test may: the key never leaves the function otherwise.
 */
export function correctAnswers(db: LocalCloud['db'], attemptId: string): Answer[] {
  const [doc] = db.find('examAttempts', { _id: attemptId }) as Array<{
    paper: Array<{ qid: string; order: number[] }>;
    key: Record<string, { type: string; answer: number[]; blanks: string[][] }>;
  }>;
  return doc.paper.map((p) => {
    const k = doc.key[p.qid];
    return k.type === 'fill' ? { qid: p.qid, text: k.blanks.map((b) => b[0]) } : { qid: p.qid, choice: k.answer.map((o) => p.order.indexOf(o)) };
  });
}

function wrong(a: Answer): Answer {
  if (a.text) return { qid: a.qid, text: a.text.map(() => '不知道') };
  const c = a.choice ?? [0];
  return { qid: a.qid, choice: [c[0] === 0 ? 1 : 0] };
}
