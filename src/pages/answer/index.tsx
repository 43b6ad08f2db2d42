// 答题 tab: a place, not a context. It composes the sections of the contexts that ask questions
// (today the exam context's list; the daily quiz and contests join it here).
import { Text, View } from '@tarojs/components';
import PageShell from '@/components/PageShell';
import MemberGate from '@/components/MemberGate';
import ExamsSection from '@/sections/exam/ExamsSection';

export default function AnswerTab() {
  return (
    <PageShell>
      <View className='page-intro'>
        <Text className='page-intro__title'>答题</Text>
        <Text className='page-intro__desc'>支部组织的闭卷考试和补考</Text>
      </View>
      <MemberGate why='绑定后才能参加支部组织的考试。'>{(refreshKey) => <ExamsSection refreshKey={refreshKey} />}</MemberGate>
    </PageShell>
  );
}
