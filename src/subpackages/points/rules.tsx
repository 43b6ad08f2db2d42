// 积分规则: how each source earns and its daily cap, a change saved for a later day, and the dated
// change log (what changed, who, from when). Org admins also get the editor: new figures from a
// day they choose, tomorrow at the earliest, so today's points never change under anyone.
import { useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PointsRulesView, RulesVersionView } from '@core/contracts';
import { POINT_SOURCES, RULE_LIMITS, SOURCE_LABELS, SOURCE_UNITS, type PointsRules } from '@core/domain/points';
import { formatBeijing } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import MemberGate from '@/components/MemberGate';
import Card from '@/components/Card';
import Loaded from '@/components/Loaded';
import FormError from '@/components/FormError';
import NumberField from '@/components/NumberField';
import { Button } from '@/components/nut';
import { useAction, useMutation } from '@/hooks';
import { earliestFrom, formProblem, initialForm, payloadOf, setRule, type RulesForm } from './rulesForm';
import './points.scss';

function ruleLine(rules: PointsRules, s: (typeof POINT_SOURCES)[number]): string {
  const r = rules[s];
  if (r.points === 0 || r.cap === 0) return '暂不计分';
  return `${SOURCE_UNITS[s].label} ${r.points} 分，每日最多 ${r.cap} 分`;
}

function RuleTable({ rules, id }: { rules: PointsRules; id: string }) {
  return (
    <View id={id}>
      {POINT_SOURCES.map((s) => (
        <View key={s} className='points-rule' id={`${id}-${s}`}>
          <Text className='points-rule__label'>{SOURCE_LABELS[s]}</Text>
          <Text className='points-rule__text'>{ruleLine(rules, s)}</Text>
        </View>
      ))}
    </View>
  );
}

function VersionRow({ v, today }: { v: RulesVersionView; today: string }) {
  const state = v.from > today ? '将于' : '自';
  return (
    <View className='points-log' id={`points-log-${v.v}`}>
      <Text className='points-log__head'>
        {state} {v.from} 起执行
      </Text>
      {v.changes.length > 0 ? v.changes.map((c) => <Text key={c} className='points-log__change'>{c}</Text>) : <Text className='points-log__change'>规则未变</Text>}
      {v.note ? <Text className='points-log__note'>说明：{v.note}</Text> : null}
      <Text className='points-log__meta'>
        {v.byName} 修改于 {formatBeijing(v.at)}
      </Text>
    </View>
  );
}

function Editor({ view, onSaved }: { view: PointsRulesView; onSaved: (v: PointsRulesView) => void }) {
  const [form, setForm] = useState<RulesForm>(() => initialForm(view));
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation('points', 'savePointsRules');
  const submit = async () => {
    const p = formProblem(form, view.today);
    setProblem(p);
    if (p) return;
    const done = await save.run(payloadOf(form));
    if (!done) return;
    onSaved(done);
    void Taro.showToast({ title: '已保存', icon: 'none' });
  };
  return (
    <Card title='修改积分规则' id='points-editor'>
      <View className='field'>
        <Text className='field__label'>
          生效日期<Text className='field__hint'> 最早明天，当天的积分不受影响</Text>
        </Text>
        <Picker mode='date' value={form.from} start={earliestFrom(view.today)} onChange={(e) => setForm({ ...form, from: String(e.detail.value) })}>
          <View id='points-from' className='points-daybox' data-day={form.from}>
            <Text>{form.from}</Text>
            <Text className='points-daybox__arrow'>›</Text>
          </View>
        </Picker>
      </View>
      {POINT_SOURCES.map((s) => (
        <View key={s} className='points-edit'>
          <Text className='points-edit__title'>{SOURCE_LABELS[s]}</Text>
          <NumberField
            id={`points-edit-${s}-points`}
            label={`${SOURCE_UNITS[s].label}得分`}
            value={form.rules[s].points}
            onChange={(points) => setForm((f) => setRule(f, s, { points }))}
            min={0}
            max={RULE_LIMITS.points}
            unit='分'
          />
          <NumberField
            id={`points-edit-${s}-cap`}
            label='每日上限'
            value={form.rules[s].cap}
            onChange={(cap) => setForm((f) => setRule(f, s, { cap }))}
            min={0}
            max={RULE_LIMITS.cap}
            unit='分'
          />
        </View>
      ))}
      <View className='field'>
        <Text className='field__label'>
          修改说明<Text className='field__hint'> 选填，党员可以看到</Text>
        </Text>
        <Input id='points-note' className='field__input' maxlength={100} value={form.note} placeholder='例如：鼓励每日答题' onInput={(e) => setForm({ ...form, note: e.detail.value })} />
      </View>
      <FormError id='points-editor-error' message={problem ?? save.error?.message} />
      <Button id='points-save' block type='primary' size='large' loading={save.running} disabled={save.running} onClick={() => void submit()}>
        保存，{form.from} 起执行
      </Button>
    </Card>
  );
}

function Rules({ initial }: { initial: PointsRulesView }) {
  const [view, setView] = useState(initial);
  return (
    <>
      <Card title='现行规则' id='points-current' extra={<Text className='muted'>{view.current.from ? `${view.current.from} 起` : '默认规则'}</Text>}>
        <RuleTable rules={view.current.rules} id='points-current-rules' />
        <Text className='points-hint'>每类积分每天有上限，达到上限后当天不再增加。规则调整只从以后的日期起执行，已获得的积分不变。</Text>
      </Card>
      {view.scheduled ? (
        <Card title={`${view.scheduled.from} 起执行的新规则`} id='points-scheduled'>
          <RuleTable rules={view.scheduled.rules} id='points-scheduled-rules' />
        </Card>
      ) : null}
      <Card title='变更记录' id='points-log'>
        {view.log.length === 0 ? <Text className='points-hint'>规则还没有修改过，一直按默认规则计分。</Text> : view.log.map((v) => <VersionRow key={v.v} v={v} today={view.today} />)}
      </Card>
      {view.canEdit ? <Editor view={view} onSaved={setView} /> : null}
    </>
  );
}

function Loader({ refreshKey }: { refreshKey: number }) {
  const rules = useAction('points', 'pointsRules', {}, [refreshKey]);
  return <Loaded state={rules}>{(data) => <Rules key={`${data.log.length}-${data.today}`} initial={data} />}</Loaded>;
}

export default function PointsRulesPage() {
  return (
    <PageShell className='points-page'>
      <MemberGate why='绑定后才能查看积分规则。'>{(refreshKey) => <Loader refreshKey={refreshKey} />}</MemberGate>
    </PageShell>
  );
}
