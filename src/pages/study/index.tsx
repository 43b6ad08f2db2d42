// 学习: study tasks and check-in arrive in a later issue; until then an honest empty state.
import ComingEmpty from '@/components/ComingEmpty';
import './index.scss';

export default function StudyPage() {
  return (
    <ComingEmpty
      id='study-empty'
      title='学习'
      intro='支部布置的学习任务和每日学习打卡'
      emptyTitle='暂无学习任务'
      emptyDesc='支部发布学习任务后会显示在这里'
    />
  );
}
