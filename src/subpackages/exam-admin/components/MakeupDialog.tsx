// 安排补考: the sheet that arranges a make-up for a closed exam (whom to invite, when it opens and closes).
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { addDays, beijingParts } from '@core/domain/time';
import Chips from '@/components/Chips';
import DateTimeField from '@/components/DateTimeField';
import Dialog from '@/components/Dialog';
import { useMutation } from '@/hooks';
import { PAGE } from '@/utils/nav';
import { fromBeijing } from '@/utils/field-input';

type Include = 'absent' | 'failed' | 'both';
const INCLUDE_OPTIONS: Array<{ value: Include; label: string }> = [
  { value: 'absent', label: '缺考的' },
  { value: 'failed', label: '未通过的' },
  { value: 'both', label: '两者都要' },
];

export default function MakeupDialog({ examId, onClose }: { examId: string; onClose: () => void }) {
  const make = useMutation('exam', 'createMakeup');
  const [include, setInclude] = useState<Include>('both');
  const [opensAt, setOpensAt] = useState(() => Math.floor(Date.now() / 60_000) * 60_000);
  const [closesAt, setClosesAt] = useState(() => fromBeijing(addDays(beijingParts(Date.now()).day, 3), '18:00'));
  const [problem, setProblem] = useState<string | null>(null);

  const confirm = async () => {
    if (closesAt <= opensAt) {
      setProblem('结束时间应晚于开始时间');
      return;
    }
    setProblem(null);
    const done = await make.run({ examId, include, opensAt, closesAt });
    if (!done) return;
    void Taro.showToast({ title: `已安排补考，邀请 ${done.invited} 人`, icon: 'none' });
    void Taro.redirectTo({ url: `${PAGE.examStats}?id=${done.examId}` });
  };

  return (
    <Dialog
      id='makeup-dialog'
      title='安排补考'
      confirmText='确认安排'
      onConfirm={() => void confirm()}
      onCancel={onClose}
      running={make.running}
      error={problem ?? make.error?.message}
    >
      <Text className='ui-dialog__desc'>补考从原考试的题目中重新抽题，只有被邀请的党员能参加，原成绩保留。</Text>
      <View className='field'>
        <Text className='field__label'>邀请哪些人</Text>
        <Chips id='makeup-include' options={INCLUDE_OPTIONS} selected={[include]} onToggle={setInclude} />
      </View>
      <DateTimeField id='makeup-opens' label='补考开始' value={opensAt} onChange={setOpensAt} />
      <DateTimeField id='makeup-closes' label='补考结束' value={closesAt} onChange={setClosesAt} />
    </Dialog>
  );
}
