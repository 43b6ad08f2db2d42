// 补卡: the make-up form for a missed day picked on the calendar, the same fields as today's check-in.
import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Card from '@/components/Card';
import { useMutation } from '@/hooks';
import { dayTitle } from '@/utils/checkin-format';
import EntryForm, { type Entry } from './EntryForm';
import './MakeupForm.scss';

export default function MakeupForm({ day, onDone, onClose }: { day: string; onDone: () => void; onClose: () => void }) {
  const makeUp = useMutation('checkin', 'makeUp');
  const submit = async (entry: Entry) => {
    const res = await makeUp.run({ ...entry, day });
    if (!res) return;
    void Taro.showToast({ title: '补卡成功', icon: 'success' });
    onDone();
  };
  return (
    <Card id='makeup-form' title={`补卡：${dayTitle(day)}`} extra={<Text id='makeup-close' className='makeup__close' onClick={onClose}>✕ 取消</Text>}>
      <Text className='makeup__desc'>补上这一天的学习记录，补卡后连续天数会接上。</Text>
      <EntryForm
        key={day}
        prefix='makeup'
        submitLabel='补卡'
        running={makeUp.running}
        serverError={makeUp.error?.message ?? null}
        onSubmit={(e) => void submit(e)}
        onPhotoChange={makeUp.reset}
      />
    </Card>
  );
}
