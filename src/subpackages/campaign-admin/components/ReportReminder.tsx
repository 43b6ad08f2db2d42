// 开启报送提醒: where an organiser acts on their unit's reports (after 保存草稿 / 报送 on the report
// page, and on the detail page's card of their own reports) they may turn on the `campaign`
// reminder: WeChat's one-time subscription, so each acceptance lets the server send one message
// (the timer's reminder before a due day, or 提醒未报送 from the level above). WeChat asks only
// from a tap, so the request starts in the button's own tap. In the browser build (H5, the local
// cloud) there are no subscribe messages: askReminders takes consent as given, so the flow can be
// tried end to end (as the check-in, exam and event pages do).
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { askReminders, toApiError } from '@/api';
import { Button } from '@/components/nut';

export function ReportReminder({ id, apart = false }: { id: string; apart?: boolean }) {
  const [state, setState] = useState<'idle' | 'asking' | 'on' | 'off'>('idle');
  const ask = async () => {
    setState('asking');
    try {
      const on = (await askReminders(['campaign'])).includes('campaign');
      setState(on ? 'on' : 'off');
      void Taro.showToast({ title: on ? '已开启报送提醒' : '未开启提醒', icon: 'none' });
    } catch (e) {
      setState('idle');
      void Taro.showToast({ title: toApiError(e).message, icon: 'none' });
    }
  };
  return (
    <View className={apart ? 'cmp-remind cmp-remind--apart' : 'cmp-remind'} id={id}>
      <Text className='cmp-line'>本单位的报告临近截止还没有报送时，通过微信服务通知提醒您。每开启一次，可收到一次提醒。</Text>
      {state === 'on' ? (
        <Text className='cmp-line cmp-line--ok' id={`${id}-on`}>
          ✓ 已开启报送提醒
        </Text>
      ) : (
        <Button id={`${id}-button`} className='btn-gap' block fill='outline' loading={state === 'asking'} disabled={state === 'asking'} onClick={() => void ask()}>
          开启报送提醒
        </Button>
      )}
      {state === 'off' ? <Text className='cmp-line'>没有开启：请在微信弹出的提示中选择“允许”。</Text> : null}
    </View>
  );
}
