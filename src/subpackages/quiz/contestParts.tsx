// Pieces of the contest page: the intro (rules in plain words, the member's standing, the big start
// button), the countdown, and the end of a round (score, whether it counted, points, place, and
// every question's 解析 again, since a timed round moves on by itself).
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ContestCard, ContestRoundSummary, ContestVerdict, QuizQuestion } from '@core/contracts';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { goPage, goTab, PAGE } from '@/utils/nav';
import { rightAnswerText } from '@/utils/quiz-format';
import { PHASE_LABELS, pointsLine, rulesLines, standingText, startLabel, windowText } from '@/utils/contest-format';

/** Re-renders every quarter second while `on`, so a countdown follows the clock. */
export function useTicker(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [on]);
  return now;
}

export function ContestIntro({ c, starting, onStart }: { c: ContestCard; starting: boolean; onStart: () => void }) {
  return (
    <>
      <Card className='contest-intro' id='contest-intro'>
        <View className='contest-intro__head'>
          <Text className={c.phase === 'open' ? 'tag tag--red' : 'tag'} id='contest-phase'>
            {PHASE_LABELS[c.phase]}
          </Text>
          <Text className='contest-intro__who'>{c.audienceName}</Text>
        </View>
        <Text className='contest-intro__title'>{c.title}</Text>
        <Text className='contest-intro__line'>时间：{windowText(c.opensAt, c.closesAt)}</Text>
        {c.description ? <Text className='contest-intro__line'>{c.description}</Text> : null}
        <Text className='contest-intro__standing' id='contest-standing'>
          {standingText(c)}
        </Text>
        {c.phase === 'open' ? (
          <Button id='contest-start' block type='primary' size='large' className='contest-intro__go' loading={starting} disabled={starting} onClick={onStart}>
            {startLabel(c)}
          </Button>
        ) : (
          <Text className='notice__text'>{c.phase === 'upcoming' ? '竞赛还没有开始，到时间再来。' : '竞赛已经结束，可以看看排行。'}</Text>
        )}
        <Button id='contest-board' block fill='outline' size='large' className='btn-gap' onClick={() => goPage(`${PAGE.quizBoard}?id=${c.contestId}`)}>
          看排行
        </Button>
      </Card>
      <Card title='答题规则' id='contest-rules'>
        {rulesLines(c.rules).map((line, i) => (
          <Text key={i} className='contest-rule'>
            {i + 1}. {line}
          </Text>
        ))}
      </Card>
    </>
  );
}

/** The countdown of a timed question: whole seconds, in words, larger and red in the last five. */
export function Countdown({ left, waiting }: { left: number; waiting: boolean }) {
  const urgent = !waiting && left <= 5;
  return (
    <View className={`contest-clock${urgent ? ' contest-clock--urgent' : ''}`} id='contest-clock' role='timer' aria-live='off'>
      <Text className='contest-clock__num' id='contest-clock-num'>
        {left}
      </Text>
      <Text className='contest-clock__word'>{waiting ? '秒后开始' : '秒'}</Text>
    </View>
  );
}

export function VerdictPoints({ v }: { v: ContestVerdict }) {
  return (
    <Text className={`contest-points${v.points > 0 ? ' contest-points--won' : ''}`} id='contest-points'>
      {v.points > 0 ? '✓ ' : ''}
      {pointsLine(v)}
    </Text>
  );
}

export interface Answered {
  q: QuizQuestion;
  v: ContestVerdict;
}

export function ContestSummaryView({ s, answered, contestId, starting, onAgain }: { s: ContestRoundSummary; answered: Answered[]; contestId: string; starting: boolean; onAgain: () => void }) {
  const [showAll, setShowAll] = useState(false);
  return (
    <>
      <Card className='quiz-summary' id='contest-summary'>
        <Text className='quiz-summary__title'>本局答完了</Text>
        <Text className='quiz-summary__score' id='contest-score'>
          {s.score} 分
        </Text>
        <Text className='quiz-summary__line'>
          答对 {s.correctCount} / {s.total} 题（本局满分 {s.roundMax} 分）
        </Text>
        <Text className={`quiz-kind ${s.counting ? 'quiz-kind--scored' : ''}`} id='contest-kind'>
          {s.counting ? '计分局：已计入竞赛成绩' : '练习局：不计入成绩'}
        </Text>
        {s.lateCount + s.fastCount > 0 ? (
          <Text className='quiz-summary__line' id='contest-flagged'>
            {s.lateCount > 0 ? `超时提交 ${s.lateCount} 题` : ''}
            {s.lateCount > 0 && s.fastCount > 0 ? '，' : ''}
            {s.fastCount > 0 ? `答得太快 ${s.fastCount} 题` : ''}，这些题不得分
          </Text>
        ) : null}
        {s.points !== null ? (
          <Text className='quiz-summary__line' id='contest-ledger'>
            获得积分 {s.points} 分
          </Text>
        ) : null}
        <Text className='quiz-summary__streak' id='contest-total'>
          竞赛总成绩 {s.contestTotal} 分{s.rank !== null ? `，总榜第 ${s.rank} 名` : ''}
        </Text>
        <View className='quiz-summary__actions'>
          <Button id='contest-again' block type='primary' size='large' loading={starting} disabled={starting} onClick={onAgain}>
            再来一局
          </Button>
          <Button id='contest-to-board' block fill='outline' size='large' className='btn-gap' onClick={() => goPage(`${PAGE.quizBoard}?id=${contestId}`)}>
            看排行
          </Button>
          <Button block fill='outline' size='large' className='btn-gap' onClick={() => goTab('answer')}>
            返回答题
          </Button>
        </View>
      </Card>
      {answered.length > 0 ? (
        <Card title='本局解析' id='contest-review'>
          {(showAll ? answered : answered.slice(0, 3)).map(({ q, v }) => (
            <View key={q.qid} className='contest-review__item'>
              <Text className='contest-review__stem'>
                {q.index}. {q.stem}
              </Text>
              <Text className={v.correct ? 'contest-review__ok' : 'contest-review__bad'}>
                {v.correct ? '✓ 答对' : '✗ 答错'} · 正确答案：{rightAnswerText(q, v)} · {pointsLine(v)}
              </Text>
              {v.explanation ? <Text className='contest-review__explain'>解析：{v.explanation}</Text> : null}
            </View>
          ))}
          {!showAll && answered.length > 3 ? (
            <Button block fill='outline' className='btn-gap' onClick={() => setShowAll(true)}>
              查看全部 {answered.length} 题
            </Button>
          ) : null}
        </Card>
      ) : null}
    </>
  );
}
