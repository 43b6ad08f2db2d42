// 考试成绩: the score right after handing in, pass or fail against the pass mark, how the paper
// was closed, and either the way to the answers or when they will be published.
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { AttemptResult } from '@core/contracts';
import PageShell from '@/components/PageShell';
import ResultLoader from './ResultLoader';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { beijingDateTime, durationText, scoreText } from '@/utils/exam-format';
import { goPage, goTab, PAGE } from '@/utils/nav';
import './result.scss';

const CLOSED_BY: Record<AttemptResult['closedBy'], string> = {
  member: '本人交卷',
  deadline: '到时自动交卷',
  organiser: '管理员收卷',
};

function Fact({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className='exam-fact' id={id}>
      <Text className='exam-fact__label'>{label}</Text>
      <Text className='exam-fact__value'>{value}</Text>
    </View>
  );
}

function Result({ r, auto: autoParam }: { r: AttemptResult; auto: boolean }) {
  // The take page says the clock ran out; an organiser's 收卷 is reported as such instead.
  const auto = autoParam && r.closedBy !== 'organiser';
  return (
    <>
      {auto ? (
        <View className='result-auto'>
          <View className='notice notice--wait' id='result-auto'>
            <Text className='notice__title'>时间到，已自动交卷</Text>
            <Text className='notice__text'>已按保存的答案评分。</Text>
          </View>
        </View>
      ) : null}

      {r.regrade ? (
        <View className='result-auto'>
          <View className='notice notice--ok' id='result-regrade' role='status'>
            <Text className='notice__title'>{r.regrade.notice}</Text>
            <Text className='notice__text'>
              第 {r.regrade.questions.join('、')} 题的标准答案有误，已更正。您的成绩由 {scoreText(r.regrade.scoreBefore)} 分改为 {scoreText(r.regrade.scoreAfter)} 分
              {r.regrade.passedBefore !== r.regrade.passedAfter ? (r.regrade.passedAfter ? '，现已通过' : '，现未通过') : ''}。
            </Text>
          </View>
        </View>
      ) : null}

      <Card className='result-hero'>
        <Text className='result-title'>{r.title}</Text>
        <View className='result-score' id='result-score'>
          <Text className='result-score__value'>{scoreText(r.score)}</Text>
          <Text className='result-score__total'> / {scoreText(r.total)} 分</Text>
        </View>
        <Text className={`result-verdict ${r.passed ? 'result-verdict--pass' : 'result-verdict--fail'}`} id='result-verdict'>
          {r.passed ? '✓ 通过' : '✕ 未通过'}
        </Text>
        <Text className='result-pass'>及格线 {scoreText(r.passScore)} 分</Text>
      </Card>

      <Card title='答题情况'>
        <Fact label='答对' value={`${r.correctCount} 题（共 ${r.questionCount} 题）`} id='result-correct' />
        <Fact label='已答' value={`${r.answeredCount} / ${r.questionCount} 题`} id='result-answered' />
        <Fact label='用时' value={durationText(r.durationSeconds)} />
        <Fact label='交卷时间' value={r.submittedAt ? beijingDateTime(r.submittedAt) : '—'} />
        {/* The page hands the paper in itself at zero (within the server's grace), which the
            server records as the member's own hand-in; to the member it was the clock. */}
        <Fact label='交卷方式' value={auto && r.closedBy === 'member' ? CLOSED_BY.deadline : CLOSED_BY[r.closedBy]} id='result-closed-by' />
      </Card>

      <Card>
        {r.review ? (
          <Button id='result-review' block type='primary' size='large' onClick={() => goPage(`${PAGE.examReview}?attemptId=${r.attemptId}`)}>
            查看答题解析
          </Button>
        ) : (
          <View className='notice notice--wait' id='result-review-later'>
            <Text className='notice__title'>答案暂未公布</Text>
            <Text className='notice__text'>
              {r.reviewAt ? `答案将于 ${beijingDateTime(r.reviewAt)}（北京时间）考试结束后公布` : '答案公布后可以在这里查看'}
            </Text>
          </View>
        )}
        <Button id='result-back' block className='btn-gap' fill='outline' size='large' onClick={() => goTab('answer')}>
          返回答题
        </Button>
      </Card>
    </>
  );
}

export default function ExamResultPage() {
  const auto = useRouter().params.auto === '1';
  return (
    <PageShell>
      <ResultLoader missingTitle='没有找到这次成绩' loadingText='正在计算成绩…'>
        {(r) => <Result r={r} auto={auto} />}
      </ResultLoader>
    </PageShell>
  );
}
