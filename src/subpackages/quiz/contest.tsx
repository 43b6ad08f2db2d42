// 知识竞赛: the intro (rules in plain words, the member's standing), then a round one question at a
// time. Each answer goes to the server at once and comes back with the verdict, the right answer,
// 解析 and the points, with the next question. In a timed contest a countdown is always visible;
// when it runs out the page says so to the server itself (time up, no points), and after a verdict
// the next question starts by itself when its time begins (the server stamps it a few seconds
// ahead, for reading 解析). Times on screen follow the server's clock, not the phone's.
// An answer that reaches the server after its time (a slow tap, a slow network) is refused: the page
// says so in large words and itself tells the server the time ran out, which brings the right
// answer and 解析 and moves the round on — no extra tap for the member.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { ContestAnswer, ContestQuestionRound, ContestRoundSummary, QuizAnswerView, QuizQuestion, ContestVerdict } from '@core/contracts';
import { LATE_ANSWER_MESSAGE } from '@core/domain/quiz/contest';
import { call, toApiError } from '@/api';
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
  /** The member's answer to this question reached the server after its time: refused, said so. */
  late: boolean;
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
    late: false,
  };
}

const isEmpty = (a: QuizAnswerView) => (a.choice ?? []).length === 0 && (a.text ?? []).every((t) => t.trim() === '');

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
      {play.late ? (
        <Card>
          <View className='notice notice--bad contest-late' role='alert' id='contest-late'>
            <Text className='notice__title contest-late__title'>{LATE_ANSWER_MESSAGE}</Text>
            <Text className='notice__text'>您的答案到达时已超过答题时间。下面是正确答案和解析，稍后自动进入下一题。</Text>
          </View>
        </Card>
      ) : null}
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
  const [sending, setSending] = useState(false);
  const [answerError, setAnswerError] = useState<string | null>(null);
  const busy = useRef(false);
  /** The question whose "time ran out" went to the server: sent once. */
  const timeUpSent = useRef<string | null>(null);
  const [play, setPlay] = useState<Play | null>(null);
  const [showSummary, setShowSummary] = useState(false);

  const begin = async () => {
    setAnswerError(null);
    setShowSummary(false);
    const r = await start.run({ contestId });
    if (r) setPlay(playOf(r, Date.now()));
  };

  const send = useCallback(
    async (a: QuizAnswerView) => {
      if (!play || play.verdict || busy.current) return;
      const qid = play.q.qid;
      if (isEmpty(a)) {
        if (timeUpSent.current === qid) return;
        timeUpSent.current = qid;
      }
      busy.current = true;
      setSending(true);
      setAnswerError(null);
      let late = false;
      try {
        let res: ContestAnswer;
        try {
          res = await call('quiz', 'answerContest', { roundId: play.roundId, qid, ...a });
        } catch (e) {
          const err = toApiError(e);
          if (isEmpty(a) || err.code !== 'FAILED_PRECONDITION' || err.message !== LATE_ANSWER_MESSAGE) throw err;
          // Too late for the server: say so, and say the time ran out, which brings the key and 解析.
          late = true;
          timeUpSent.current = qid;
          setPlay({ ...play, late: true });
          res = await call('quiz', 'answerContest', { roundId: play.roundId, qid });
        }
        const received = Date.now();
        const next =
          res.next && res.servedAt !== null
            ? { q: res.next, startsLocal: toLocal(res.servedAt, res.serverNow, received), endsLocal: res.deadline === null || play.seconds === null ? null : toLocal(res.servedAt, res.serverNow, received) + play.seconds * 1000 }
            : null;
        // The member did answer, too late: shown as such (0 points, as the server recorded it).
        const verdict: ContestVerdict = late ? { ...res.verdict, late: true, timedOut: false } : res.verdict;
        setPlay({ ...play, late, verdict, next, summary: res.summary, answered: [...play.answered, { q: play.q, v: verdict }] });
      } catch (e) {
        if (late) setPlay({ ...play, late: true });
        setAnswerError(toApiError(e).message);
      } finally {
        busy.current = false;
        setSending(false);
      }
    },
    [play],
  );

  const goOn = () => {
    if (!play) return;
    if (play.next) setPlay({ ...play, q: play.next.q, startsLocal: play.next.startsLocal, endsLocal: play.next.endsLocal, verdict: null, next: null, late: false });
    else {
      setShowSummary(true);
      setTick((t) => t + 1);
    }
  };

  const reload = () => {
    setAnswerError(null);
    setPlay(null);
    void begin();
  };

  let body;
  if (play && showSummary && play.summary) {
    // Late answers are refused by the server and recorded there as unanswered; this page knows which.
    const lateHere = play.answered.filter((x) => x.v.late).length;
    body = <ContestSummaryView s={{ ...play.summary, lateCount: play.summary.lateCount + lateHere }} answered={play.answered} contestId={contestId} starting={start.running} onAgain={() => void begin()} />;
  } else if (play && !showSummary) {
    body = <Round play={play} sending={sending} error={answerError} onAnswer={(a) => void send(a)} onNext={goOn} onReload={reload} />;
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
