// Today's check-in (学习打卡): the form, or 今日已打卡 and, right after checking in, the offer to turn on reminders.
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MyCheckins } from '@core/contracts';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { useMutation } from '@/hooks';
import { askReminders } from '@/api/platform';
import { toApiError } from '@/api';
import { dayTitle } from '@/utils/checkin-format';
import EntryForm, { type Entry } from './EntryForm';
import './TodayCheckin.scss';

export default function TodayCheckin({ data, onChecked }: { data: MyCheckins; onChecked: () => void }) {
  const checkIn = useMutation('checkin', 'checkIn');
  const [justChecked, setJustChecked] = useState(false);
  const [reminder, setReminder] = useState<'idle' | 'asking' | 'on' | 'off'>('idle');

  const submit = async (entry: Entry) => {
    const res = await checkIn.run(entry);
    if (!res) return;
    setJustChecked(true);
    void Taro.showToast({ title: '打卡成功', icon: 'success' });
    onChecked();
  };

  const remind = async () => {
    setReminder('asking');
    try {
      const accepted = await askReminders(['checkin']);
      const on = accepted.includes('checkin');
      setReminder(on ? 'on' : 'off');
      void Taro.showToast({ title: on ? '已开启提醒' : '未开启提醒', icon: 'none' });
    } catch (e) {
      setReminder('idle');
      void Taro.showToast({ title: toApiError(e).message, icon: 'none' });
    }
  };

  if (data.checkedToday || justChecked) {
    return (
      <Card title='学习打卡' id='checkin-today'>
        <View className='notice notice--ok' id='checkin-done'>
          <Text className='notice__title'>✓ 今日已打卡</Text>
          <Text className='notice__text'>明天记得继续学习打卡。</Text>
        </View>
        {justChecked ? (
          reminder === 'on' ? (
            <Text className='checkin-remind__on' id='checkin-remind-on'>
              ✓ 已开启打卡提醒
            </Text>
          ) : (
            <Button id='checkin-remind' block className='btn-gap' fill='outline' loading={reminder === 'asking'} disabled={reminder === 'asking'} onClick={() => void remind()}>
              开启打卡提醒
            </Button>
          )
        ) : null}
      </Card>
    );
  }
  return (
    <Card title='学习打卡' id='checkin-today'>
      <Text className='checkin-today__date'>今天 {dayTitle(data.today)}，还没有打卡</Text>
      <EntryForm
        prefix='checkin'
        submitLabel='打卡'
        running={checkIn.running}
        serverError={checkIn.error?.message ?? null}
        onSubmit={(e) => void submit(e)}
        onPhotoChange={checkIn.reset}
      />
    </Card>
  );
}
