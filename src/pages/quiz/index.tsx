// 答题: daily questions and exams arrive in a later issue; until then an honest empty state.
import ComingEmpty from '@/components/ComingEmpty';
import './index.scss';

export default function QuizPage() {
  return (
    <ComingEmpty
      id='quiz-empty'
      title='答题'
      intro='每日答题和支部组织的考试'
      emptyTitle='暂无答题和考试'
      emptyDesc='支部发布每日答题或考试后会显示在这里'
    />
  );
}
