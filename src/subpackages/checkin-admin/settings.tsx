// 打卡设置: the organisation's make-up rules (how many days back, how many a month) and the daily
// reminder (on or off, at what Beijing time). Org admins change them; branch organisers see them.
import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CheckinRequests, CheckinSettings } from '@core/contracts';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import Loaded from '@/components/Loaded';
import AdminGate from '@/components/AdminGate';
import FormError from '@/components/FormError';
import NumberField from '@/components/NumberField';
import { Button, Switch } from '@/components/nut';
import { useAction, useMutation } from '@/hooks';
import './components/ui.scss';
import './settings.scss';

type Values = CheckinRequests['updateSettings'];

function valuesOf(s: CheckinSettings): Values {
  return { makeupWindowDays: s.makeupWindowDays, makeupPerMonth: s.makeupPerMonth, reminderEnabled: s.reminderEnabled, reminderTime: s.reminderTime };
}

function ReadOnly({ s }: { s: CheckinSettings }) {
  const lines: Array<[string, string, string]> = [
    ['settings-view-window', '补卡期限', s.makeupWindowDays > 0 ? `漏打的日子 ${s.makeupWindowDays} 天内可以补卡` : '不能补卡'],
    ['settings-view-per-month', '每月补卡次数', `${s.makeupPerMonth} 次`],
    ['settings-view-reminder', '每日提醒', s.reminderEnabled ? `开，每天 ${s.reminderTime}` : '关'],
  ];
  return (
    <Card title='打卡设置' id='settings-view'>
      {lines.map(([id, label, value]) => (
        <View key={id} className='settings-line' id={id}>
          <Text className='settings-line__label'>{label}</Text>
          <Text className='settings-line__value'>{value}</Text>
        </View>
      ))}
      <Text className='admin-note'>打卡设置由单位管理员统一修改。</Text>
    </Card>
  );
}

function Editor({ initial }: { initial: CheckinSettings }) {
  const [values, setValues] = useState<Values>(() => valuesOf(initial));
  const save = useMutation('checkin', 'updateSettings');
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }));

  const submit = async () => {
    const done = await save.run(values);
    if (!done) return;
    setValues(valuesOf(done));
    void Taro.showToast({ title: '已保存', icon: 'none' });
  };

  return (
    <>
      <Card title='补卡' id='settings-makeup'>
        <NumberField
          id='settings-window'
          label='补卡期限'
          hint='漏打的日子多少天内可以补（0 为不能补卡）'
          value={values.makeupWindowDays}
          onChange={(makeupWindowDays) => set({ makeupWindowDays })}
          min={0}
          max={7}
          unit='天'
        />
        <NumberField
          id='settings-per-month'
          label='每月补卡次数'
          hint='每人每月最多补几次'
          value={values.makeupPerMonth}
          onChange={(makeupPerMonth) => set({ makeupPerMonth })}
          min={0}
          max={10}
          unit='次'
        />
      </Card>
      <Card title='每日提醒' id='settings-reminder-card'>
        <View className='settings-switch'>
          <Text className='settings-switch__label'>提醒还没打卡的党员</Text>
          <Text className='muted'>{values.reminderEnabled ? '开' : '关'}</Text>
          <Switch id='settings-reminder' checked={values.reminderEnabled} onChange={(v: boolean) => set({ reminderEnabled: v })} />
        </View>
        {values.reminderEnabled ? (
          <View className='field'>
            <Text className='field__label'>
              提醒时间<Text className='field__hint'> 北京时间</Text>
            </Text>
            <Picker mode='time' value={values.reminderTime} onChange={(e) => set({ reminderTime: String(e.detail.value) })}>
              <View id='settings-time' className='ca-daybox' data-time={values.reminderTime}>
                <Text>{values.reminderTime}</Text>
                <Text className='ca-daybox__arrow'>›</Text>
              </View>
            </Picker>
          </View>
        ) : null}
        <Text className='admin-note'>只提醒开启了打卡提醒的党员，每人每天最多一次。</Text>
      </Card>
      <Card>
        <FormError id='settings-error' message={save.error?.message} />
        <Button id='settings-save' block type='primary' size='large' loading={save.running} disabled={save.running} onClick={() => void submit()}>
          保存设置
        </Button>
      </Card>
    </>
  );
}

function Settings() {
  const settings = useAction('checkin', 'getSettings', {}, []);
  return <Loaded state={settings}>{(data) => (data.canEdit ? <Editor initial={data} /> : <ReadOnly s={data} />)}</Loaded>;
}

export default function CheckinSettingsPage() {
  return (
    <PageShell>
      <AdminGate>{() => <Settings />}</AdminGate>
    </PageShell>
  );
}
