// 答题: one question per screen, large options, the countdown always visible (drawn from the
// server's clock), answers saved as the member goes, an answer sheet to jump around, and a
// submit confirmation that names the unanswered questions. At the deadline the paper is handed
// in automatically. Leaving the page is reported to the server, which flags an attempt past the
// exam's tolerance for the organiser to check.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import type { AnswerView, AttemptView, PaperQuestion } from '@core/contracts';
import { QUESTION_TYPE_LABELS } from '@core/domain/exam/questions';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { LoadingOrError } from '@/components/Loaded';
import { EmptyView, LoadingView } from '@/components/StateView';
import { ApiError, protectFromCapture } from '@/api';
import { useAction } from '@/hooks';
import { countdownText, numberList } from '@/utils/exam-format';
import { goTab, PAGE } from '@/utils/nav';
import { isAnsweredView, isResult, letter } from './shared';
import { readStoredAnswers, useAttemptSession, type AnswerInput, type SaveState } from './useAttemptSession';
import './take.scss';

const WARN_MS = 5 * 60_000;

const SAVE_TEXT: Record<SaveState, string> = {
  saved: '✓ 已保存',
  pending: '… 保存中',
  saving: '… 保存中',
  failed: '! 未保存（网络异常，将自动重试）',
};

function resultUrl(attemptId: string, auto: boolean): string {
  return `${PAGE.examResult}?attemptId=${attemptId}${auto ? '&auto=1' : ''}`;
}

function QuestionView({
  q,
  total,
  answer,
  onChoose,
  onBlank,
}: {
  q: PaperQuestion;
  total: number;
  answer: AnswerView | undefined;
  onChoose: (position: number) => void;
  onBlank: (blank: number, value: string) => void;
}) {
  const chosen = answer?.choice ?? [];
  const texts = answer?.text ?? [];
  return (
    <Card className='take-q' id='take-question'>
      <View className='take-q__meta'>
        <Text className='tag tag--red take-q__type'>{QUESTION_TYPE_LABELS[q.type]}</Text>
        <Text className='take-q__index' id='take-index'>
          第 {q.index} / {total} 题
        </Text>
        <Text className='take-q__points'>{q.points} 分</Text>
      </View>
      <Text className='take-q__stem' id='take-stem'>
        {q.stem}
      </Text>
      {q.type === 'multiple' ? <Text className='take-q__hint'>多选题：可以选择多个答案，再点一次取消</Text> : null}
      {q.type === 'fill' ? <Text className='take-q__hint'>填空题：每个空填一个答案</Text> : null}

      {q.type !== 'fill' ? (
        <View className='take-options'>
          {q.options.map((opt, i) => {
            const on = chosen.includes(i);
            return (
              <View
                key={i}
                className={`exam-option take-option${on ? ' take-option--on' : ''}`}
                data-index={i}
                aria-checked={on}
                role={q.type === 'multiple' ? 'checkbox' : 'radio'}
                onClick={() => onChoose(i)}
              >
                <Text className='exam-option__badge'>{letter(i)}</Text>
                <Text className='exam-option__text'>{opt}</Text>
                {on ? <Text className='exam-option__mark take-option__mark'>✓ 已选</Text> : null}
              </View>
            );
          })}
        </View>
      ) : (
        <View className='take-blanks'>
          {Array.from({ length: q.blankCount }, (_, i) => (
            <View key={i} className='field'>
              <Text className='field__label'>第 {i + 1} 空</Text>
              <Input
                className='field__input take-blank'
                data-index={i}
                placeholderClass='placeholder'
                placeholder='请输入答案'
                maxlength={50}
                value={texts[i] ?? ''}
                onInput={(e) => onBlank(i, e.detail.value)}
              />
            </View>
          ))}
        </View>
      )}
    </Card>
  );
}

function AnswerSheet({
  questions,
  answers,
  current,
  onPick,
  onClose,
}: {
  questions: PaperQuestion[];
  answers: Record<string, AnswerView>;
  current: number;
  onPick: (index: number) => void;
  onClose: () => void;
}) {
  const answered = questions.filter((q) => isAnsweredView(q, answers[q.qid])).length;
  return (
    <View className='take-sheet' id='take-sheet-panel'>
      <View className='take-sheet__mask' onClick={onClose} />
      <View className='take-sheet__panel'>
        <View className='take-sheet__head'>
          <Text className='take-sheet__title'>答题卡</Text>
          <Text className='take-sheet__count'>
            已答 {answered} 题，未答 {questions.length - answered} 题
          </Text>
        </View>
        <View className='take-sheet__legend'>
          <Text className='take-sheet__legend-item'>
            <Text className='take-sheet__swatch take-sheet__swatch--done'>✓</Text> 已答
          </Text>
          <Text className='take-sheet__legend-item'>
            <Text className='take-sheet__swatch' /> 未答
          </Text>
        </View>
        <View className='take-sheet__grid'>
          {questions.map((q, i) => {
            const done = isAnsweredView(q, answers[q.qid]);
            const classes = ['take-sheet__item', done ? 'take-sheet__item--done' : '', i === current ? 'take-sheet__item--current' : ''].filter(Boolean).join(' ');
            return (
              <View key={q.qid} id={`sheet-item-${q.index}`} className={classes} onClick={() => onPick(i)}>
                {q.index}
              </View>
            );
          })}
        </View>
        <Button id='take-sheet-close' block className='btn-gap' fill='outline' onClick={onClose}>
          返回答题
        </Button>
      </View>
    </View>
  );
}

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
  const [submitting, setSubmitting] = useState<false | 'member' | 'auto'>(false);
  const [deadline, setDeadline] = useState(view.deadline);
  const deadlineRef = useRef(view.deadline);
  deadlineRef.current = deadline;
  // Server time minus this phone's time: the countdown never trusts the phone's clock.
  const offset = useRef(view.serverNow - Date.now());
  const [, setTick] = useState(0);
  const leaving = useRef(false);
  const busy = useRef(false);
  // After a failed automatic hand-in, the next try waits a little (the network may be down).
  const nextAutoTry = useRef(0);
  const hidden = useRef(false);
  const hideReport = useRef<Promise<unknown> | null>(null);

  const goResult = useCallback(
    (auto: boolean) => {
      if (leaving.current) return;
      leaving.current = true;
      void Taro.redirectTo({ url: resultUrl(attemptId, auto) });
    },
    [attemptId],
  );

  // Whether the server's clock has reached the deadline (a refusal can also mean the paper was
  // handed in elsewhere or by an organiser; only time-up is announced as such).
  const timeUp = () => Date.now() + offset.current >= deadlineRef.current - 1_000;

  const session = useAttemptSession(attemptId, stored, {
    onServerTime: (serverNow, newDeadline) => {
      offset.current = serverNow - Date.now();
      setDeadline(newDeadline);
    },
    onClosed: (message) => {
      void Taro.showToast({ title: message, icon: 'none', duration: 2500 });
      goResult(timeUp());
    },
  });

  const { submit } = session;
  const remaining = deadline - (Date.now() + offset.current);

  const handIn = useCallback(
    async (mode: 'member' | 'auto') => {
      if (busy.current || leaving.current) return;
      busy.current = true;
      setSubmitting(mode);
      setSheetOpen(false);
      const { result, error } = await submit();
      if (result || error?.code === 'FAILED_PRECONDITION') {
        if (error) void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 });
        goResult(mode === 'auto' || result?.closedBy === 'deadline');
        return;
      }
      busy.current = false;
      setSubmitting(false);
      if (mode === 'auto') {
        // The clock has run out: the countdown effect tries again; the server closes the attempt
        // at its deadline with what was saved in any case.
        nextAutoTry.current = Date.now() + 3_000;
        return;
      }
      void Taro.showModal({ title: '交卷没有成功', content: `${error?.message ?? ''}。您的答案仍保留在本机，请稍后再点“交卷”。`, showCancel: false, confirmText: '知道了' });
    },
    [goResult, submit],
  );

  // One tick a second redraws the countdown; at zero the paper is handed in.
  useEffect(() => {
    const id = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(id);
  }, []);
  useEffect(() => {
    if (remaining <= 0 && !busy.current && !leaving.current && Date.now() >= nextAutoTry.current) void handIn('auto');
  }, [remaining, handIn]);

  useDidHide(() => {
    if (leaving.current || busy.current) return;
    hidden.current = true;
    void session.flush();
    hideReport.current = session.reportSwitch('hide');
  });

  useDidShow(() => {
    if (!hidden.current || leaving.current) return;
    hidden.current = false;
    void (async () => {
      await hideReport.current;
      const res = await session.reportSwitch('show');
      if (res instanceof ApiError) {
        if (res.code === 'FAILED_PRECONDITION') goResult(timeUp());
        return;
      }
      if (res.switchCount <= 0 || leaving.current) return;
      const over = res.switchCount > res.switchTolerance;
      void Taro.showModal({
        title: '请专心答题',
        content: over
          ? `已离开答题页面 ${res.switchCount} 次，超过了 ${res.switchTolerance} 次，本次答题已被标记，将由管理员核查。`
          : `已离开答题页面 ${res.switchCount} 次，超过 ${res.switchTolerance} 次将被标记。`,
        showCancel: false,
        confirmText: '继续答题',
      });
    })();
  });

  const setAnswer = (q: PaperQuestion, next: AnswerView) => {
    if (submitting || leaving.current) return;
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
    if (busy.current) return;
    const missing = questions.filter((x) => !isAnsweredView(x, answers[x.qid])).map((x) => x.index);
    const content = missing.length > 0 ? `还有第 ${numberList(missing)} 题未作答，确定交卷吗？` : '已全部作答。交卷后不能再修改，确定交卷吗？';
    const answer = await Taro.showModal({ title: '交卷', content, confirmText: '交卷', cancelText: '继续答题', confirmColor: '#C8161D' });
    if (answer.confirm) void handIn('member');
  };

  const answeredCount = questions.filter((x) => isAnsweredView(x, answers[x.qid])).length;
  const last = current === questions.length - 1;
  const low = remaining < WARN_MS;

  return (
    <View className='take'>
      <View className='take-bar'>
        <View className={`take-bar__time${low ? ' take-bar__time--low' : ''}`}>
          <Text className='take-bar__label'>{low ? '仅剩' : '剩余'}</Text>
          <Text className='take-bar__clock' id='take-countdown'>
            {countdownText(remaining)}
          </Text>
        </View>
        <Text className={`take-save take-save--${session.saveState}`} id='take-save'>
          {SAVE_TEXT[session.saveState]}
        </Text>
        <Button id='take-submit' className='take-bar__submit' type='primary' size='small' disabled={submitting !== false} onClick={() => void askSubmit()}>
          交卷
        </Button>
      </View>

      <View className='take-progress'>
        <View className='take-progress__track'>
          <View className='take-progress__fill' style={{ width: `${Math.round((answeredCount / questions.length) * 100)}%` }} />
        </View>
        <Text className='take-progress__text' id='take-answered'>
          已答 {answeredCount} / {questions.length} 题
        </Text>
      </View>

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

      {submitting ? (
        <View className='take-cover' id='take-submitting'>
          <View className='take-cover__box'>
            <Text className='take-cover__title'>{submitting === 'auto' ? '时间到，正在自动交卷…' : '正在交卷…'}</Text>
            <Text className='take-cover__text'>请不要关闭页面</Text>
          </View>
        </View>
      ) : null}
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
