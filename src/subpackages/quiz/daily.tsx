// 每日答题: one question at a time. Each answer goes to the server at once and comes back with the
// verdict, the right answer and 解析, then 下一题 shows the next question the same call brought; at
// the end, the round's summary. Opening the page continues a round under way (another phone, a
// closed app), else starts the day's round — the first of the day scores, later ones are practice.
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { DailyAnswer, DailyRound, QuizAnswerView, QuizQuestion, QuizVerdict, RoundSummary } from '@core/contracts';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { LoadingOrError } from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { useAction, useMe, useMutation } from '@/hooks';
import { goPage, goTab, PAGE } from '@/utils/nav';
import QuestionBlock from './components/QuestionBlock';
import RoundSummaryView from './components/RoundSummaryView';
import './daily.scss';

interface Screen {
  roundId: string;
  scored: boolean;
  total: number;
  q: QuizQuestion;
  verdict: QuizVerdict | null;
  /** What the answer brought: the next question, or the round's end. */
  next: QuizQuestion | null;
  summary: RoundSummary | null;
  showSummary: boolean;
}

function screenOf(r: DailyRound): Screen {
  return { roundId: r.roundId, scored: r.scored, total: r.total, q: r.question, verdict: null, next: null, summary: null, showSummary: false };
}

function EmptyBank() {
  const { me } = useMe();
  const canManage = me !== undefined && me.bound && me.canManage;
  return (
    <Card>
      <EmptyView
        title='题库里还没有可用于每日答题的题目'
        desc={canManage ? '请在“管理后台 → 题库”导入题目，或安装内置题库。' : '支部导入题目后就可以每天答题了。'}
        action={
          canManage ? (
            <Button block type='primary' onClick={() => goPage(PAGE.examBank)}>
              去题库
            </Button>
          ) : (
            <Button block type='primary' fill='outline' onClick={() => goTab('answer')}>
              返回答题
            </Button>
          )
        }
      />
    </Card>
  );
}

export default function QuizDailyPage() {
  const [startKey, setStartKey] = useState(0);
  const start = useAction('quiz', 'startDaily', {}, [startKey]);
  const answer = useMutation('quiz', 'answerDaily');
  const [screen, setScreen] = useState<Screen | null>(null);

  useEffect(() => {
    if (start.data && !start.loading) setScreen(screenOf(start.data));
  }, [start.data, start.loading]);

  const restart = () => {
    answer.reset();
    setScreen(null);
    setStartKey((k) => k + 1);
  };

  const send = async (a: QuizAnswerView) => {
    if (!screen || screen.verdict) return;
    const res: DailyAnswer | null = await answer.run({ roundId: screen.roundId, qid: screen.q.qid, ...a });
    if (res) setScreen({ ...screen, verdict: res.verdict, next: res.next, summary: res.summary });
  };

  const goOn = () => {
    if (!screen) return;
    if (screen.next) setScreen({ ...screen, q: screen.next, verdict: null, next: null });
    else setScreen({ ...screen, showSummary: true });
  };

  let body;
  if (!screen) {
    if (start.error?.code === 'FAILED_PRECONDITION') body = <EmptyBank />;
    else body = <LoadingOrError state={start} loadingText='正在准备题目…' />;
  } else if (screen.showSummary && screen.summary) {
    body = <RoundSummaryView summary={screen.summary} starting={start.loading} onPractice={restart} />;
  } else {
    body = (
      <>
        <View className='quiz-head'>
          <Text className={`quiz-kind ${screen.scored ? 'quiz-kind--scored' : ''}`} id='quiz-round-kind'>
            {screen.scored ? '今日答题 · 计分' : '练习 · 不计分'}
          </Text>
          <View className='quiz-progress'>
            <View className='quiz-progress__fill' style={{ width: `${Math.round(((screen.q.index - (screen.verdict ? 0 : 1)) / screen.total) * 100)}%` }} />
          </View>
        </View>
        <QuestionBlock key={screen.q.qid} q={screen.q} total={screen.total} verdict={screen.verdict} sending={answer.running} onAnswer={(a) => void send(a)} />
        {answer.error ? (
          <Card>
            <View className='notice notice--bad' role='alert' id='quiz-error'>
              <Text className='notice__title'>! {answer.error.message}</Text>
              <Text className='notice__text'>点“重新载入”，从没答的那道题接着答。</Text>
            </View>
            <Button id='quiz-reload' block fill='outline' className='btn-gap' onClick={restart}>
              重新载入
            </Button>
          </Card>
        ) : null}
        {screen.verdict ? (
          <View className='quiz-nav'>
            <Button id='quiz-next' block type='primary' size='large' className='quiz-nav__btn' onClick={goOn}>
              {screen.next ? '下一题' : '查看结果'}
            </Button>
          </View>
        ) : null}
      </>
    );
  }
  return <PageShell className='quiz-shell'>{body}</PageShell>;
}
