// The exam context's section of the 答题 tab: the member's exams in three tabs (待考, 已完成, 已结束). Each card says when, how long, how
// many questions, the pass mark and where the member stands; a tap opens the exam's intro page.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ExamCard } from '@core/contracts';
import Card from '@/components/Card';
import PagedList from '@/components/PagedList';
import { usePaged } from '@/hooks';
import { EXAM_STATUS, examWindow, scoreText } from '@/utils/exam-format';
import { goPage, PAGE } from '@/utils/nav';
import './ExamsSection.scss';
import Segments from '@/components/Segments';

type Tab = 'todo' | 'done' | 'ended';

const TABS: Array<{ value: Tab; label: string }> = [
  { value: 'todo', label: '待考' },
  { value: 'done', label: '已完成' },
  { value: 'ended', label: '已结束' },
];

const EMPTY: Record<Tab, { title: string; desc: string }> = {
  todo: { title: '暂无待考的考试', desc: '支部发布考试后会显示在这里，开考前就可以先看考试说明' },
  done: { title: '还没有交卷的考试', desc: '交卷后，考试和成绩会显示在这里' },
  ended: { title: '暂无已结束的考试', desc: '考试结束后会显示在这里，可以查看成绩和答案' },
};

function ExamItem({ exam }: { exam: ExamCard }) {
  const status = EXAM_STATUS[exam.status];
  const canTakeMore = exam.attemptsLeft > 0 && (exam.status === 'open' || exam.status === 'failed');
  return (
    <View className='exam-card' id={`exam-${exam.id}`} hoverClass='exam-card--pressed' onClick={() => goPage(`${PAGE.examIntro}?id=${exam.id}`)}>
      <View className='exam-card__head'>
        <Text className='exam-card__title'>
          {exam.kind === 'makeup' ? <Text className='tag tag--gold exam-card__makeup'>补考</Text> : null}
          {exam.title}
        </Text>
        <Text className={`tag exam-tag--${status.tone} exam-card__status`}>{status.label}</Text>
      </View>
      <Text className='exam-card__line'>时间：{examWindow(exam.opensAt, exam.closesAt)}</Text>
      <Text className='exam-card__line'>
        时长 {exam.durationMinutes} 分钟 · 共 {exam.questionCount} 题
      </Text>
      <Text className='exam-card__line'>
        满分 {scoreText(exam.totalScore)} 分 · {scoreText(exam.passScore)} 分及格
      </Text>
      {exam.bestScore !== null || canTakeMore ? (
        <View className='exam-card__foot'>
          {exam.bestScore !== null ? <Text className='exam-card__best'>最好成绩 {scoreText(exam.bestScore)} 分</Text> : <Text />}
          {canTakeMore ? <Text className='exam-card__left'>还可参加 {exam.attemptsLeft} 次</Text> : null}
        </View>
      ) : null}
      <Text className='exam-card__arrow'>›</Text>
    </View>
  );
}

function ExamList({ tab, refreshKey }: { tab: Tab; refreshKey: number }) {
  const list = usePaged('exam', 'listExams', { tab }, [tab, refreshKey]);
  return (
    <PagedList list={list} empty={EMPTY[tab]} id={`quiz-list-${tab}`} moreId='quiz-more'>
      {(items) => items.map((e) => <ExamItem key={e.id} exam={e} />)}
    </PagedList>
  );
}

/** The member's exams, for the 答题 tab. */
export default function ExamsSection({ refreshKey }: { refreshKey: number }) {
  const [tab, setTab] = useState<Tab>('todo');
  return (
    <>
      <View className='quiz-tabs'>
        <Segments id='quiz-tabs' options={TABS} value={tab} onChange={setTab} itemId={(v) => `quiz-tab-${v}`} />
      </View>
      <Card>
        <ExamList tab={tab} refreshKey={refreshKey} />
      </Card>
    </>
  );
}
