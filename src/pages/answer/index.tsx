// 答题 tab: a place, not a context. It composes the sections of the contexts that ask questions:
// the daily quiz's card on top (today's round, the streak), the knowledge contests, then the exam
// context's list.
import { Text, View } from '@tarojs/components';
import PageShell from '@/components/PageShell';
import MemberGate from '@/components/MemberGate';
import ExamsSection from '@/sections/exam/ExamsSection';
import DailyCard from '@/sections/quiz/DailyCard';
import ContestsSection from '@/sections/quiz/ContestsSection';

export default function AnswerTab() {
  return (
    <PageShell>
      <View className='page-intro'>
        <Text className='page-intro__title'>答题</Text>
        <Text className='page-intro__desc'>每日答题，以及支部组织的闭卷考试和补考</Text>
      </View>
      <MemberGate why='绑定后才能参加每日答题和支部组织的考试。'>
        {(refreshKey) => (
          <>
            <DailyCard refreshKey={refreshKey} />
            <ContestsSection refreshKey={refreshKey} />
            <ExamsSection refreshKey={refreshKey} />
          </>
        )}
      </MemberGate>
    </PageShell>
  );
}
