// 考试说明: everything a member should know before starting: the window, the time allowed, the
// questions by type and their points, the pass mark, attempts, when answers are published and the
// rule on leaving the page. One main button says what can be done now (开始 / 继续 / 查看成绩).
import { useRef, useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { ExamIntro } from '@core/contracts';
import { QUESTION_TYPE_LABELS, QUESTION_TYPES } from '@core/domain/exam/questions';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import Loaded from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import FormError from '@/components/FormError';
import { askConfirm } from '@/components/Dialog/confirm';
import { askReminders, toApiError } from '@/api';
import { useAction, useMutation } from '@/hooks';
import { beijingDateTime, EXAM_STATUS, examWindow, scoreText } from '@/utils/exam-format';
import { goPage, goTab, PAGE } from '@/utils/nav';
import './intro.scss';

/** Question types on this paper, in paper order (单选, 多选, 判断, 填空). */
function typesOf(exam: ExamIntro) {
  return QUESTION_TYPES.filter((t) => exam.typeCounts[t] > 0);
}

function switchRule(tolerance: number): string {
  if (tolerance === 0) return '答题时离开答题页面（切换到其他应用或聊天）将被标记，由管理员核查';
  return `答题时离开答题页面超过 ${tolerance} 次将被标记，由管理员核查`;
}

function Fact({ id, label, children }: { id?: string; label: string; children: ReactNode }) {
  return (
    <View className='exam-fact' id={id}>
      <Text className='exam-fact__label'>{label}</Text>
      <View className='exam-fact__value'>{children}</View>
    </View>
  );
}

function Intro({ exam, onChanged }: { exam: ExamIntro; onChanged: () => void }) {
  const start = useMutation('exam', 'startExam');
  const [reminding, setReminding] = useState(false);
  const status = EXAM_STATUS[exam.status];
  const types = typesOf(exam);
  const used = exam.attempts.length;
  const canStart = exam.status === 'open' || (exam.status === 'failed' && exam.attemptsLeft > 0);
  const latest = exam.attempts[exam.attempts.length - 1];
  // intro.attemptId is the running attempt or, when none runs, the last graded one.
  const resultId = latest?.status === 'submitted' ? latest.id : exam.status !== 'in_progress' ? exam.attemptId : null;

  const onStart = async () => {
    const ok = await askConfirm({
      title: used > 0 ? `第 ${used + 1} 次答题` : '开始答题',
      content: `考试时长 ${exam.durationMinutes} 分钟，开始后计时不会暂停，时间到自动交卷。请独立作答，确定现在开始吗？`,
      confirmText: '开始',
      cancelText: '再看看',
    });
    if (!ok) return;
    const view = await start.run({ examId: exam.id });
    if (!view) {
      onChanged(); // the standing may have changed (closed, attempts used up): show it
      return;
    }
    void Taro.redirectTo({ url: `${PAGE.examTake}?attemptId=${view.attemptId}` });
  };

  const onContinue = () => {
    if (exam.attemptId) void Taro.redirectTo({ url: `${PAGE.examTake}?attemptId=${exam.attemptId}` });
  };

  const onRemind = async () => {
    if (reminding) return;
    setReminding(true);
    try {
      const accepted = await askReminders(['exam']);
      void Taro.showToast({ title: accepted.includes('exam') ? '已开启提醒' : '未开启提醒', icon: 'none' });
    } catch (e) {
      void Taro.showToast({ title: toApiError(e).message, icon: 'none' });
    } finally {
      setReminding(false);
    }
  };

  let action;
  if (exam.status === 'in_progress' && exam.attemptId) {
    action = (
      <>
        <View className='notice notice--wait'>
          <Text className='notice__title'>✎ 您有一次答题还没有交卷</Text>
          <Text className='notice__text'>计时没有暂停，请尽快继续作答。</Text>
        </View>
        <Button id='exam-continue' block className='btn-gap' type='primary' size='large' onClick={onContinue}>
          继续答题
        </Button>
      </>
    );
  } else if (exam.status === 'upcoming') {
    action = (
      <Button id='exam-upcoming' block type='primary' size='large' disabled>
        开考时间：{beijingDateTime(exam.opensAt)}
      </Button>
    );
  } else if (exam.status === 'missed') {
    action = (
      <View className='notice notice--bad' id='exam-missed'>
        <Text className='notice__title'>— 缺考</Text>
        <Text className='notice__text'>考试已结束，您没有参加这场考试。如需补考，请联系支部管理员。</Text>
      </View>
    );
  } else if (exam.status === 'closed') {
    action = (
      <View className='notice notice--bad' id='exam-closed'>
        <Text className='notice__title'>考试已结束</Text>
      </View>
    );
  }

  return (
    <>
      <Card>
        <View className='intro-head'>
          <Text className='intro-title'>
            {exam.kind === 'makeup' ? <Text className='tag tag--gold intro-makeup'>补考</Text> : null}
            {exam.title}
          </Text>
          <Text className={`tag exam-tag--${status.tone} intro-status`} id='exam-status'>
            {status.label}
          </Text>
        </View>
        {exam.description ? <Text className='intro-desc'>{exam.description}</Text> : null}
        {exam.bestScore !== null ? (
          <Text className='intro-best'>
            最好成绩 {scoreText(exam.bestScore)} 分（{scoreText(exam.passScore)} 分及格）
          </Text>
        ) : null}
      </Card>

      <Card title='考试须知' id='exam-facts'>
        <Fact label='考试时间'>
          <Text>{examWindow(exam.opensAt, exam.closesAt)}</Text>
          <Text className='exam-fact__sub'>北京时间，结束后不能再开始答题</Text>
        </Fact>
        <Fact id='exam-fact-duration' label='答题时长'>
          <Text>{exam.durationMinutes} 分钟</Text>
          <Text className='exam-fact__sub'>从开始答题起计时，中途退出也不暂停；到了考试结束时间也会自动交卷</Text>
        </Fact>
        <Fact label='题量'>
          <Text>共 {exam.questionCount} 题</Text>
          {types.length > 0 ? <Text className='exam-fact__sub'>{types.map((t) => `${QUESTION_TYPE_LABELS[t]} ${exam.typeCounts[t]} 道`).join('、')}</Text> : null}
        </Fact>
        <Fact label='分值'>
          {types.map((t) => (
            <Text key={t} className='intro-points'>
              {QUESTION_TYPE_LABELS[t]}每题 {scoreText(exam.points[t])} 分
            </Text>
          ))}
          {exam.typeCounts.multiple > 0 ? (
            <Text className='exam-fact__sub'>
              {exam.multiplePartial ? '多选题少选得一半分，选错不得分' : '多选题须全部选对才得分，少选、多选都不得分'}
            </Text>
          ) : null}
        </Fact>
        <Fact label='及格'>
          <Text>
            满分 {scoreText(exam.totalScore)} 分，{scoreText(exam.passScore)} 分及格
          </Text>
        </Fact>
        <Fact label='作答次数'>
          <Text>
            共 {exam.maxAttempts} 次，已用 {used} 次，剩余 {exam.attemptsLeft} 次
          </Text>
        </Fact>
        <Fact label='答案公布'>
          <Text>{exam.releaseAnswers === 'after_submit' ? '交卷后即可查看答案（最后一次作答后）' : '考试结束后公布答案'}</Text>
        </Fact>
        <Fact label='离开页面'>
          <Text>{switchRule(exam.switchTolerance)}</Text>
        </Fact>
      </Card>

      <Card>
        <View className='notice notice--wait intro-closed-book'>
          <Text className='notice__title'>本次考试为闭卷考试</Text>
          <Text className='notice__text'>请独立作答，不要翻阅资料，也不要与他人讨论。</Text>
        </View>

        <FormError className='btn-gap' id='exam-start-error' message={start.error?.message} />

        <View className='intro-actions'>
          {action}
          {canStart ? (
            <Button id='exam-start' block type='primary' size='large' loading={start.running} disabled={start.running} onClick={() => void onStart()}>
              {used > 0 ? `再考一次（剩余 ${exam.attemptsLeft} 次）` : '开始答题'}
            </Button>
          ) : null}
          {(exam.status === 'passed' || exam.status === 'failed') && resultId ? (
            <Button
              id='exam-result'
              block
              className='btn-gap'
              type={canStart ? 'default' : 'primary'}
              fill={canStart ? 'outline' : 'solid'}
              size='large'
              onClick={() => goPage(`${PAGE.examResult}?attemptId=${resultId}`)}
            >
              查看成绩
            </Button>
          ) : null}
          {exam.status === 'upcoming' || exam.status === 'open' ? (
            <Button id='exam-remind' block className='btn-gap' fill='outline' loading={reminding} disabled={reminding} onClick={() => void onRemind()}>
              考试提醒
            </Button>
          ) : null}
        </View>
      </Card>

      {exam.attempts.some((a) => a.status === 'submitted') ? (
        <Card title='我的答题记录' id='exam-attempts'>
          {exam.attempts
            .filter((a) => a.status === 'submitted')
            .map((a) => (
              <View
                key={a.id}
                id={`attempt-${a.number}`}
                className='row-link intro-attempt'
                hoverClass='intro-attempt--pressed'
                onClick={() => goPage(`${PAGE.examResult}?attemptId=${a.id}`)}
              >
                <View className='intro-attempt__main'>
                  <Text className='intro-attempt__title'>
                    第 {a.number} 次 · {a.score === null ? '—' : `${scoreText(a.score)} 分`} · {a.passed ? '✓ 通过' : '✕ 未通过'}
                  </Text>
                  {a.regraded ? <Text className='intro-attempt__sub'>答案已更正，成绩已重新计算</Text> : null}
                  {a.submittedAt ? <Text className='intro-attempt__sub'>交卷：{beijingDateTime(a.submittedAt)}</Text> : null}
                </View>
                <Text className='row-link__arrow'>›</Text>
              </View>
            ))}
        </Card>
      ) : null}
    </>
  );
}

export default function ExamIntroPage() {
  const router = useRouter();
  const examId = router.params.id ?? '';
  const exam = useAction('exam', 'getExam', examId ? { examId } : null, [examId]);
  const shown = useRef(false);

  // Back from a result or a take page: the standing may have changed.
  useDidShow(() => {
    if (shown.current && examId) exam.reload();
    shown.current = true;
  });

  return (
    <PageShell>
      {examId ? (
        <Loaded state={exam}>{(data) => <Intro exam={data} onChanged={exam.reload} />}</Loaded>
      ) : (
        <Card>
          <EmptyView
            title='没有找到这场考试'
            desc='请从“答题”页打开考试'
            action={
              <Button block type='primary' onClick={() => goTab('answer')}>
                去答题
              </Button>
            }
          />
        </Card>
      )}
    </PageShell>
  );
}
