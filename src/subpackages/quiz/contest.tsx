// 知识竞赛: the intro (rules in plain words, the member's standing), then a round one question at a
// time. Each answer goes to the server at once and comes back with the verdict, the right answer,
// 解析 and the points, with the next question. In a timed contest a countdown is always visible;
// when it runs out the page says so to the server itself (time up, no points), and after a verdict
// the next question starts by itself when its time begins (the server stamps it a few seconds
// ahead, for reading 解析). Times on screen follow the server's clock, not the phone's.
import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { ContestAnswer, ContestQuestionRound, ContestRoundSummary, QuizAnswerView, QuizQuestion, ContestVerdict } from '@core/contracts';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import Loaded from '@/components/Loaded';
import { useAction, useMutation } from '@/hooks';
import QuestionBlock from './components/QuestionBlock';
import { ContestIntro, ContestSummaryView, Countdown, useTicker, VerdictPoints, type Answered } from './contestParts';
import { secondsLeft } from '@/utils/contest-format';
import './daily.scss';
import './contest.scss';

interface Play {
  roundId: string;
  number: number;
  counting: boolean;
  total: number;
  seconds: number | null;
  q: QuizQuestion;
  /** When this question's time starts and ends on the phone's clock (ends: null when untimed). */
  startsLocal: number;
  endsLocal: number | null;
  verdict: ContestVerdict | null;
  next: { q: QuizQuestion; startsLocal: number; endsLocal: number | null } | null;
  summary: ContestRoundSummary | null;
  answered: Answered[];
}

/** A server instant on the phone's clock: `serverNow` was the server's time as the answer left it. */
const toLocal = (serverAt: number, serverNow: number, receivedLocal: number) => serverAt - serverNow + receivedLocal;

function playOf(r: ContestQuestionRound, receivedLocal: number): Play {
  const startsLocal = toLocal(r.servedAt, r.serverNow, receivedLocal);
  return {
    roundId: r.roundId,
    number: r.number,
    counting: r.counting,
    total: r.total,
    seconds: r.secondsPerQuestion,
    q: r.question,
    startsLocal,
    endsLocal: r.secondsPerQuestion === null ? null : startsLocal + r.secondsPerQuestion * 1000,
    verdict: null,
    next: null,
    summary: null,
    answered: [],
  };
}

function Round({ play, sending, error, onAnswer, onNext, onReload }: { play: Play; sending: boolean; error: string | null; onAnswer: (a: QuizAnswerView) => void; onNext: () => void; onReload: () => void }) {
  const timed = play.seconds !== null;
  const now = useTicker(timed);
  const waiting = play.verdict !== null && play.next !== null;
  // A round taken up again during the pause: the question shows when its time begins.
  const notYet = timed && play.verdict === null && now < play.startsLocal;
  const left = waiting ? secondsLeft(play.next?.startsLocal ?? now, now) : notYet ? secondsLeft(play.startsLocal, now) : play.endsLocal !== null ? secondsLeft(play.endsLocal, now) : 0;
  const timeUp = useRef<string | null>(null);

  // Time up with no answer: the page tells the server (no points), once per question.
  useEffect(() => {
    if (!timed || notYet || play.verdict || sending || left > 0 || timeUp.current === play.q.qid) return;
    timeUp.current = play.q.qid;
    onAnswer({});
  }, [timed, notYet, play.verdict, play.q.qid, sending, left, onAnswer]);
  // After the verdict the next question comes by itself when its time begins.
  useEffect(() => {
    if (waiting && timed && left <= 0) onNext();
  }, [waiting, timed, left, onNext]);

  return (
    <>
      <View className='quiz-head'>
        <Text className={`quiz-kind ${play.counting ? 'quiz-kind--scored' : ''}`} id='contest-round-kind'>
          {play.counting ? `第 ${play.number} 局 · 计分` : `第 ${play.number} 局 · 练习`}
        </Text>
        <View className='quiz-progress'>
          <View className='quiz-progress__fill' style={{ width: `${Math.round(((play.q.index - (play.verdict ? 0 : 1)) / play.total) * 100)}%` }} />
        </View>
        {timed && (!play.verdict || waiting) ? <Countdown left={left} waiting={waiting || notYet} /> : null}
      </View>
      {notYet ? (
        <Card>
          <Text className='contest-wait' id='contest-wait'>
            第 {play.q.index} 题 {left} 秒后开始
          </Text>
        </Card>
      ) : (
        <QuestionBlock key={play.q.qid} q={play.q} total={play.total} verdict={play.verdict} sending={sending} onAnswer={onAnswer} />
      )}
      {play.verdict ? (
        <Card>
          <VerdictPoints v={play.verdict} />
        </Card>
      ) : null}
      {error ? (
        <Card>
          <View className='notice notice--bad' role='alert' id='contest-error'>
            <Text className='notice__title'>! {error}</Text>
            <Text className='notice__text'>点“重新载入”，从没答的那道题接着答。</Text>
          </View>
          <Button id='contest-reload' block fill='outline' className='btn-gap' onClick={onReload}>
            重新载入
          </Button>
        </Card>
      ) : null}
      {play.verdict ? (
        <View className='quiz-nav'>
          {/* Timed: the next question starts by itself; its time is the server's, not this button's. */}
          <Button id='contest-next' block type='primary' size='large' className='quiz-nav__btn' disabled={waiting && timed} onClick={onNext}>
            {play.next ? (timed ? `${left} 秒后自动进入下一题` : '下一题') : '查看结果'}
          </Button>
        </View>
      ) : null}
    </>
  );
}

export default function QuizContestPage() {
  const contestId = useRouter().params.id ?? '';
  const [tick, setTick] = useState(0);
  const card = useAction('quiz', 'getContest', contestId ? { contestId } : null, [contestId, tick]);
  const start = useMutation('quiz', 'startContestRound');
  const answer = useMutation('quiz', 'answerContest');
  const [play, setPlay] = useState<Play | null>(null);
  const [showSummary, setShowSummary] = useState(false);

  const begin = async () => {
    answer.reset();
    setShowSummary(false);
    const r = await start.run({ contestId });
    if (r) setPlay(playOf(r, Date.now()));
  };

  const send = async (a: QuizAnswerView) => {
    if (!play || play.verdict) return;
    const res: ContestAnswer | null = await answer.run({ roundId: play.roundId, qid: play.q.qid, ...a });
    if (!res) return;
    const received = Date.now();
    const next =
      res.next && res.servedAt !== null
        ? { q: res.next, startsLocal: toLocal(res.servedAt, res.serverNow, received), endsLocal: res.deadline === null || play.seconds === null ? null : toLocal(res.servedAt, res.serverNow, received) + play.seconds * 1000 }
        : null;
    setPlay({ ...play, verdict: res.verdict, next, summary: res.summary, answered: [...play.answered, { q: play.q, v: res.verdict }] });
  };

  const goOn = () => {
    if (!play) return;
    if (play.next) setPlay({ ...play, q: play.next.q, startsLocal: play.next.startsLocal, endsLocal: play.next.endsLocal, verdict: null, next: null });
    else {
      setShowSummary(true);
      setTick((t) => t + 1);
    }
  };

  const reload = () => {
    answer.reset();
    setPlay(null);
    void begin();
  };

  let body;
  if (play && showSummary && play.summary) {
    body = <ContestSummaryView s={play.summary} answered={play.answered} contestId={contestId} starting={start.running} onAgain={() => void begin()} />;
  } else if (play && !showSummary) {
    body = <Round play={play} sending={answer.running} error={answer.error?.message ?? null} onAnswer={(a) => void send(a)} onNext={goOn} onReload={reload} />;
  } else {
    body = (
      <Loaded state={card}>
        {(c) => (
          <>
            <ContestIntro c={c} starting={start.running} onStart={() => void begin()} />
            {start.error ? (
              <Card>
                <View className='notice notice--bad' role='alert' id='contest-start-error'>
                  <Text className='notice__title'>! {start.error.message}</Text>
                </View>
              </Card>
            ) : null}
          </>
        )}
      </Loaded>
    );
  }
  return <PageShell className='quiz-shell'>{body}</PageShell>;
}
