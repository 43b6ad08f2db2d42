// 更正答案并重新评分: when an exam's answer key was wrong, the organiser picks the question, sets
// the right answer, sees how many papers and passes change, gives a reason and confirms. The
// server refuses anyone who may still take a window carrying the question (docs/SECURITY.md).
// Reached from 考试情况, from a 纠错 report (`report`: closed as 已修改 once the regrade is done)
// or from the bank editor after a key was corrected there (`key`: that key, proposed here).
import { useEffect, useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { RegradePreview } from '@core/contracts';
import { parseAlternatives } from '@core/domain/exam/questionCells';
import { OPTION_LETTERS, QUESTION_TYPE_LABELS } from '@core/domain/exam/questions';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import FormError from '@/components/FormError';
import { Button } from '@/components/nut';
import { LoadingOrError } from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { useAction, useMutation } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import './components/ui.scss';
import './regrade.scss';

/** Choose the question: the exam's questions, as the statistics list them. */
function PickQuestion({ examId }: { examId: string }) {
  const stats = useAction('exam', 'examStats', { examId }, [examId]);
  if (!stats.data) return <LoadingOrError state={stats} />;
  const questions = [...stats.data.questions].sort((a, b) => a.index - b.index);
  return (
    <Card title='选择答案有误的题目'>
      {questions.length === 0 ? <EmptyView title='这场考试还没有题目统计' /> : null}
      {questions.map((q) => (
        <View key={q.qid} id={`regrade-pick-${q.index}`} className='regrade-pick' onClick={() => goPage(`${PAGE.examRegrade}?id=${examId}&qid=${q.qid}`)}>
          <Text className='regrade-pick__head'>
            第 {q.index} 题 · {QUESTION_TYPE_LABELS[q.type]} · {q.accuracy === null ? '无人作答' : `答对 ${q.correct}/${q.answered} 人次`}
          </Text>
          <Text className='regrade-pick__stem clamp-2'>{q.stem}</Text>
        </View>
      ))}
    </Card>
  );
}

/** A blank's alternatives as the organiser types them back: | when one of them holds a / itself. */
const blankText = (alts: string[]) => alts.join(alts.some((a) => /[/／]/.test(a)) ? ' | ' : ' / ');

const keyText = (p: RegradePreview, answer: number[], blanks: string[][]) =>
  p.type === 'fill' ? blanks.map((b, i) => `第${i + 1}空：${blankText(b)}`).join('；') : answer.map((i) => `${OPTION_LETTERS[i]}. ${p.options[i]}`).join('；');

/**
 * The key proposed by the page that sent the organiser here (the bank editor: the correct options
 * by their text, since the exam pinned its own copy of the options), when it fits the question.
 */
function proposedKey(raw: string | undefined, current: RegradePreview): { answer: number[]; blanks: string[][] } {
  try {
    const k = JSON.parse(decodeURIComponent(raw ?? '')) as { texts?: unknown; blanks?: unknown };
    const texts = Array.isArray(k.texts) ? k.texts.filter((x): x is string => typeof x === 'string') : [];
    const answer = texts.map((x) => current.options.findIndex((o) => o.trim() === x.trim()));
    if (answer.includes(-1)) return current.currentKey;
    const blanks = Array.isArray(k.blanks) ? k.blanks.filter((b): b is string[] => Array.isArray(b) && b.every((x) => typeof x === 'string')) : [];
    if (current.type === 'fill' ? blanks.length === current.currentKey.blanks.length : answer.length > 0) return { answer, blanks };
  } catch {
    // No key proposed, or not one this page wrote: start from the key the exam pinned.
  }
  return current.currentKey;
}

function RegradeForm({ examId, qid, current, proposed, reportId }: { examId: string; qid: string; current: RegradePreview; proposed?: string; reportId?: string }) {
  const start = proposedKey(proposed, current);
  const [answer, setAnswer] = useState<number[]>(start.answer);
  const [blanks, setBlanks] = useState<string[]>(start.blanks.map(blankText));
  const [reason, setReason] = useState('');
  const [fixBank, setFixBank] = useState(true);
  const [preview, setPreview] = useState<RegradePreview | null>(null);
  const previewer = useMutation('exam', 'previewRegrade');
  const regrade = useMutation('exam', 'regradeExam');
  const resolve = useMutation('exam', 'resolveQuestionReport');
  // A blank's alternatives typed with “/”, “|” or “或” between them, read as the import reads a cell.
  const key = { answer: current.type === 'fill' ? [] : answer, blanks: current.type === 'fill' ? blanks.map((typed) => parseAlternatives(typed)) : [] };

  // Any change to the answer asks for a new preview before confirming.
  const keyJson = JSON.stringify(key);
  useEffect(() => setPreview(null), [keyJson]);

  const toggle = (i: number) => setAnswer((a) => (current.type === 'multiple' ? (a.includes(i) ? a.filter((x) => x !== i) : [...a, i].sort()) : [i]));

  const runPreview = async () => {
    const p = await previewer.run({ examId, questionId: qid, key });
    if (p) setPreview(p);
  };

  const confirm = async () => {
    const payload = { examId, questionId: qid, key, reason: reason.trim(), fixBank };
    let out = await regrade.run(payload);
    // A large exam is regraded over several calls; each carries on where the last stopped.
    for (let round = 0; out && !out.done && round < 20; round++) out = await regrade.run(payload);
    if (!out?.done) return;
    void Taro.showToast({ title: `已重新评分，${out.changed} 份答卷分数有变化`, icon: 'none' });
    // The member's report that led here is answered with the fix (the reply names no key); if that
    // fails, the page stays with the reason (the regrade itself is done: confirming again is a no-op).
    if (reportId && !(await resolve.run({ reportId, resolution: 'fixed', reply: '答案已更正，成绩已重新计算，谢谢指出' }))) return;
    setTimeout(() => goPage(`${PAGE.examStats}?id=${examId}`), 1200);
  };

  return (
    <>
      <Card title='题目'>
        <Text className='regrade-stem'>{current.stem}</Text>
        {current.type !== 'fill' ? current.options.map((o, i) => <Text key={i} className='regrade-option'>{`${OPTION_LETTERS[i]}. ${o}`}</Text>) : null}
        <Text className='regrade-current' id='regrade-current'>
          现在的答案：{keyText(current, current.currentKey.answer, current.currentKey.blanks)}
        </Text>
      </Card>

      <Card title='正确答案应为'>
        {current.type === 'fill' ? (
          blanks.map((b, i) => (
            <View key={i} className='field'>
              <Text className='field__label'>
                第 {i + 1} 空<Text className='field__hint'> 几种说法都算对时，用“/”“|”或“或”隔开</Text>
              </Text>
              <Input id={`regrade-blank-${i}`} className='field__input' maxlength={200} value={b} onInput={(e) => setBlanks((all) => all.map((x, k) => (k === i ? e.detail.value : x)))} />
            </View>
          ))
        ) : (
          <Chips id='regrade-answer' multiple={current.type === 'multiple'} options={current.options.map((o, i) => ({ value: i, label: current.type === 'judge' ? o : OPTION_LETTERS[i] }))} selected={answer} onToggle={toggle} />
        )}
        <FormError message={previewer.error?.message} className='btn-gap' />
        <Button id='regrade-preview' className='btn-gap' type='primary' fill='outline' block loading={previewer.running} onClick={() => void runPreview()}>
          看看哪些成绩会变
        </Button>
      </Card>

      {preview ? (
        <Card title='重新评分后'>
          {preview.sameKey ? (
            <Text className='regrade-summary'>这就是现在的答案，不需要更正。</Text>
          ) : (
            <>
              <Text className='regrade-summary' id='regrade-summary'>
                {preview.attempts} 份答卷中，{preview.changed} 份分数变化；及格人数 {preview.passedBefore} → {preview.passedAfter}
              </Text>
              {preview.changes.map((c, i) => (
                <Text key={i} className='regrade-change'>
                  {c.name}：{c.before} 分 → {c.after} 分{c.passedBefore !== c.passedAfter ? (c.passedAfter ? '（变为及格）' : '（变为不及格）') : ''}
                </Text>
              ))}
              <View className='field btn-gap'>
                <Text className='field__label'>更正原因</Text>
                <Textarea id='regrade-reason' className='field__textarea' maxlength={200} placeholder='例如：标准答案录错了，应为 B' placeholderClass='placeholder' value={reason} onInput={(e) => setReason(e.detail.value)} />
              </View>
              <Chips id='regrade-fix-bank' multiple options={[{ value: 1, label: '同时更正题库里的这道题' }]} selected={fixBank ? [1] : []} onToggle={() => setFixBank((f) => !f)} />
              <Text className='regrade-hint'>确认后，党员的成绩单上会显示“本题答案已更正，成绩已重新计算”。</Text>
              {reportId ? <Text className='regrade-hint'>完成后，这条纠错反馈会标为“已修改”并回复党员。</Text> : null}
              <FormError message={regrade.error?.message ?? resolve.error?.message} className='btn-gap' />
              <Button id='regrade-confirm' className='btn-gap' type='primary' block loading={regrade.running} disabled={reason.trim().length < 2} onClick={() => void confirm()}>
                确认更正并重新评分
              </Button>
            </>
          )}
        </Card>
      ) : null}
    </>
  );
}

function LoadQuestion({ examId, qid, proposed, reportId }: { examId: string; qid: string; proposed?: string; reportId?: string }) {
  const current = useAction('exam', 'previewRegrade', { examId, questionId: qid }, [examId, qid]);
  if (!current.data) return <LoadingOrError state={current} />;
  return <RegradeForm examId={examId} qid={qid} current={current.data} proposed={proposed} reportId={reportId} />;
}

export default function RegradePage() {
  const router = useRouter();
  const examId = router.params.id || '';
  const qid = router.params.qid || '';
  return (
    <PageShell>
      <AdminGate>
        {() =>
          !examId ? (
            <Card>
              <EmptyView title='没有指定考试' desc='请从“考试情况”或“纠错反馈”进入' />
            </Card>
          ) : qid ? (
            <LoadQuestion examId={examId} qid={qid} proposed={router.params.key} reportId={router.params.report} />
          ) : (
            <PickQuestion examId={examId} />
          )
        }
      </AdminGate>
    </PageShell>
  );
}
