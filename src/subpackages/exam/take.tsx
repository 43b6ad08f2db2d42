// 答题: one question per screen, large options, the countdown always visible (drawn from the
// server's clock), answers saved as the member goes, an answer sheet to jump around, and a
// submit confirmation that names the unanswered questions. At the deadline the paper is handed
// in automatically. Leaving the page is reported to the server, which flags an attempt past the
// exam's tolerance for the organiser to check.
import { useEffect, useMemo, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { AnswerView, AttemptView, PaperQuestion } from '@core/contracts';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { LoadingOrError } from '@/components/Loaded';
import { EmptyView, LoadingView } from '@/components/StateView';
import { protectFromCapture } from '@/api';
import { useAction } from '@/hooks';
import { goTab } from '@/utils/nav';
import { isAnsweredView, isResult } from './shared';
import { readStoredAnswers, type AnswerInput } from './useAttemptSession';
import QuestionView from './components/QuestionView';
import AnswerSheet from './components/AnswerSheet';
import TakeBar from './components/TakeBar';
import { confirmSubmit, SubmittingCover } from './components/SubmitConfirm';
import { resultUrl, useHandIn } from './components/useHandIn';
import './take.scss';

function Taking({ view }: { view: AttemptView }) {
  const { attemptId, questions } = view;
  const stored = useMemo(() => readStoredAnswers(attemptId), [attemptId]);
  const [answers, setAnswers] = useState<Record<string, AnswerView>>(() => {
    const merged: Record<string, AnswerView> = { ...view.answers };
    for (const a of stored) merged[a.qid] = { choice: a.choice, text: a.text };
    return merged;
  });
  const [current, setCurrent] = useState(() => {
    // Resuming: open at the first question not yet answered.
    const anyAnswered = questions.some((q) => isAnsweredView(q, view.answers[q.qid]));
    const first = questions.findIndex((q) => !isAnsweredView(q, view.answers[q.qid]));
    return anyAnswered && first >= 0 ? first : 0;
  });
  const [sheetOpen, setSheetOpen] = useState(false);
  const { session, remaining, submitting, handIn, isBusy, isLeaving } = useHandIn(view, stored, () => setSheetOpen(false));

  const setAnswer = (q: PaperQuestion, next: AnswerView) => {
    if (submitting || isLeaving()) return;
    setAnswers((prev) => ({ ...prev, [q.qid]: next }));
    const input: AnswerInput = q.type === 'fill' ? { qid: q.qid, text: next.text ?? [] } : { qid: q.qid, choice: next.choice ?? [] };
    session.queue(input);
  };

  const q = questions[current];
  const onChoose = (position: number) => {
    const prev = answers[q.qid]?.choice ?? [];
    let choice: number[];
    if (q.type === 'multiple') choice = prev.includes(position) ? prev.filter((p) => p !== position) : [...prev, position].sort((a, b) => a - b);
    else choice = [position];
    setAnswer(q, { choice });
  };
  const onBlank = (blank: number, value: string) => {
    const text = Array.from({ length: q.blankCount }, (_, i) => answers[q.qid]?.text?.[i] ?? '');
    text[blank] = value;
    setAnswer(q, { text });
  };

  const askSubmit = async () => {
    if (isBusy()) return;
    if (await confirmSubmit(questions, answers)) void handIn('member');
  };

  const answeredCount = questions.filter((x) => isAnsweredView(x, answers[x.qid])).length;
  const last = current === questions.length - 1;

  return (
    <View className='take'>
      <TakeBar
        remaining={remaining}
        saveState={session.saveState}
        submitDisabled={submitting !== false}
        onSubmit={() => void askSubmit()}
        answered={answeredCount}
        total={questions.length}
      />

      <QuestionView q={q} total={questions.length} answer={answers[q.qid]} onChoose={onChoose} onBlank={onBlank} />

      <View className='take-nav'>
        <Button id='take-prev' className='take-nav__btn' fill='outline' disabled={current === 0} onClick={() => setCurrent((c) => Math.max(0, c - 1))}>
          上一题
        </Button>
        <Button id='take-sheet' className='take-nav__btn' fill='outline' onClick={() => setSheetOpen(true)}>
          答题卡
        </Button>
        <Button
          id='take-next'
          className='take-nav__btn'
          type='primary'
          onClick={() => (last ? void askSubmit() : setCurrent((c) => Math.min(questions.length - 1, c + 1)))}
        >
          {last ? '交卷' : '下一题'}
        </Button>
      </View>

      {sheetOpen ? (
        <AnswerSheet
          questions={questions}
          answers={answers}
          current={current}
          onPick={(i) => {
            setCurrent(i);
            setSheetOpen(false);
          }}
          onClose={() => setSheetOpen(false)}
        />
      ) : null}

      <SubmittingCover submitting={submitting} />
    </View>
  );
}

export default function ExamTakePage() {
  const router = useRouter();
  const attemptId = router.params.attemptId ?? '';
  const load = useAction('exam', 'getAttempt', attemptId ? { attemptId } : null, [attemptId]);
  const data = load.data;
  const closed = data !== undefined && isResult(data);

  // Screenshots and recordings are hidden while the paper is on screen (Android WeChat).
  useEffect(() => {
    protectFromCapture(true);
    return () => protectFromCapture(false);
  }, []);

  // Already handed in (another phone, the deadline, an organiser): show the result instead.
  useEffect(() => {
    if (closed) void Taro.redirectTo({ url: resultUrl(attemptId, false) });
  }, [closed, attemptId]);

  let body;
  if (!attemptId) {
    body = (
      <Card>
        <EmptyView
          title='没有找到这次答题'
          desc='请从“答题”页打开考试'
          action={
            <Button block type='primary' onClick={() => goTab('answer')}>
              去答题
            </Button>
          }
        />
      </Card>
    );
  } else if (data === undefined) {
    body = <LoadingOrError state={load} loadingText='正在打开试卷…' />;
  } else if (isResult(data)) {
    // Not the shared Loaded's spinner: the paper has arrived as a result, and the page is leaving for it.
    body = (
      <Card>
        <LoadingView text='已交卷，正在打开成绩…' />
      </Card>
    );
  } else if (data.questions.length === 0) {
    body = (
      <Card>
        <EmptyView title='试卷没有题目' desc='请联系支部管理员' />
      </Card>
    );
  } else {
    body = <Taking view={data} />;
  }
  return <PageShell className='take-shell'>{body}</PageShell>;
}
