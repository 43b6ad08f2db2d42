// 活动: branch events and sign-up arrive in a later issue; until then an honest empty state.
import ComingEmpty from '@/components/ComingEmpty';
import './index.scss';

export default function ActivityPage() {
  return (
    <ComingEmpty
      id='activity-empty'
      title='活动'
      intro='支部组织生活和主题党日活动'
      emptyTitle='暂无活动'
      emptyDesc='支部发布活动后，可以在这里报名'
    />
  );
}
