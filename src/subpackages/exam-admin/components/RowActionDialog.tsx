// The 补时 / 重新开放 sheet for one roster member: minutes and a reason on record, then the call to the exam function.
import Taro from '@tarojs/taro';
import type { RosterRow } from '@core/contracts';
import { ReasonDialog } from '@/components/Dialog';
import { call, toApiError } from '@/api';

const EXTRA_REASONS = ['网络中断', '手机故障', '不熟悉操作', '其他特殊情况'];
const REOPEN_REASONS = ['答题中途断网', '误操作提前交卷', '手机故障'];

export interface RowActionDialogProps {
  examId: string;
  kind: 'extra' | 'reopen';
  row: RosterRow;
  /** After a success (the roster and the numbers are stale). */
  onDone: () => void;
  onClose: () => void;
}

export default function RowActionDialog({ examId, kind, row, onDone, onClose }: RowActionDialogProps) {
  const submitAction = async (reason: string, minutes = 0): Promise<string | null> => {
    try {
      if (kind === 'extra') {
        await call('exam', 'grantExtraTime', { examId, memberIds: [row.memberId], minutes, reason });
        void Taro.showToast({ title: `已为${row.name}补时 ${minutes} 分钟`, icon: 'none' });
      } else {
        if (!row.attemptId) return '找不到这次答题记录';
        await call('exam', 'reopenAttempt', { attemptId: row.attemptId, minutes, reason });
        void Taro.showToast({ title: `已为${row.name}重新开放 ${minutes} 分钟`, icon: 'none' });
      }
      onDone();
      return null;
    } catch (e) {
      return toApiError(e).message;
    }
  };

  return (
    <ReasonDialog
      id={kind === 'extra' ? 'extra-dialog' : 'reopen-dialog'}
      title={kind === 'extra' ? `为${row.name}补时` : `为${row.name}重新开放`}
      desc={kind === 'extra' ? '正在答题的，时间立即加上；还没开始的，开始答题时加上。' : '重新开放后，可以在规定的分钟数内继续作答，交卷后重新评分。'}
      confirmText={kind === 'extra' ? '确认补时' : '确认重新开放'}
      minutes={kind === 'extra' ? 10 : 30}
      minutesLabel={kind === 'extra' ? '增加多少分钟' : '可以再答多少分钟'}
      minLength={1}
      presets={kind === 'extra' ? EXTRA_REASONS : REOPEN_REASONS}
      onSubmit={submitAction}
      onClose={onClose}
    />
  );
}
