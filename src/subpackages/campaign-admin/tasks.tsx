// 实事清单: the organiser's task lists at a glance. First the roll-up of their unit (lists, items,
// done, overdue over the subtree, then each unit directly below side by side with a bar of the
// done share; a unit's row opens its own roll-up), then the task lists of that subtree with each
// one's counts, and 新建清单 (unit, kind, title, 向群众公开). The server checks role and subtree on
// every call; AdminGate only spares a member a page they cannot use.
import { useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { ManagedUnit, MeMember, TaskListKind, TaskListSummary, TaskRollupRow } from '@core/contracts';
import PageShell from '@/components/PageShell';
import AdminGate from '@/components/AdminGate';
import Card from '@/components/Card';
import Chips from '@/components/Chips';
import { SwitchLine } from '@/components/Editor';
import FormError from '@/components/FormError';
import Loaded from '@/components/Loaded';
import { Button } from '@/components/nut';
import { EmptyView } from '@/components/StateView';
import { useAction, useMutation } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import { donePercent, TASK_KIND_LABEL, TASK_KIND_OPTIONS } from '@/utils/task-format';
import './tasks.scss';

interface Form {
  unitId: string;
  kind: TaskListKind;
  title: string;
  public: boolean;
}

function CreateForm({ units, unitId, onCreated, onClose }: { units: ManagedUnit[]; unitId: string | null; onCreated: (listId: string) => void; onClose: () => void }) {
  const first = units.find((u) => u.id === unitId) ?? (units.length === 1 ? units[0] : undefined);
  const [form, setForm] = useState<Form>({ unitId: first?.id ?? '', kind: 'service', title: '', public: false });
  const [problem, setProblem] = useState<{ field: 'unit' | 'title' | null; message: string } | null>(null);
  const create = useMutation('campaign', 'createTaskList');
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async () => {
    if (!form.unitId) return setProblem({ field: 'unit', message: '请选择清单所属的单位' });
    if (form.title.trim().length < 2) return setProblem({ field: 'title', message: '清单名称至少2个字' });
    setProblem(null);
    const done = await create.run({ unitId: form.unitId, kind: form.kind, title: form.title.trim(), public: form.public });
    if (!done) return;
    void Taro.showToast({ title: '清单已建好，请添加事项', icon: 'none' });
    onCreated(done.listId);
  };

  return (
    <Card
      title='新建清单'
      id='tasks-form'
      extra={
        <Text id='tasks-form-close' className='tk-close' onClick={onClose}>
          ✕ 收起
        </Text>
      }
    >
      <View className='field'>
        <Text className='field__label'>所属单位</Text>
        {units.length === 0 ? <Text className='muted'>没有可以建清单的单位</Text> : null}
        <Chips id='tasks-unit' options={units.map((u) => ({ value: u.id, label: u.name }))} selected={[form.unitId]} onToggle={(unitId) => set({ unitId })} />
        {problem?.field === 'unit' ? <Text className='tk-field-error'>{problem.message}</Text> : null}
      </View>
      <View className='field'>
        <Text className='field__label'>清单类型</Text>
        <Chips id='tasks-kind' options={TASK_KIND_OPTIONS} selected={[form.kind]} onToggle={(kind) => set({ kind })} />
      </View>
      <View className='field'>
        <Text className='field__label'>清单名称</Text>
        <Input
          id='tasks-title'
          className='field__input'
          placeholderClass='placeholder'
          placeholder='如：2025年“我为群众办实事”清单'
          maxlength={40}
          value={form.title}
          onInput={(e) => set({ title: e.detail.value })}
        />
        {problem?.field === 'title' ? <Text className='tk-field-error'>{problem.message}</Text> : null}
      </View>
      <SwitchLine id='tasks-public' label='向群众公开' hint='打开后可以分享清单，群众能看到事项、进度和标为公开的照片，看不到负责人姓名和电话' checked={form.public} onChange={(v) => set({ public: v })} />
      <FormError id='tasks-form-error' message={create.error?.message} />
      <Button id='tasks-submit' block className='btn-gap' type='primary' size='large' loading={create.running} disabled={create.running} onClick={() => void submit()}>
        建立清单
      </Button>
    </Card>
  );
}

function RollupRow({ row, onOpen }: { row: TaskRollupRow; onOpen: () => void }) {
  const pct = donePercent(row.done, row.total);
  return (
    <View className='tk-row' id={`tasks-unit-row-${row.unitId}`} hoverClass='tk-row--pressed' onClick={onOpen}>
      <View className='tk-row__head'>
        <Text className='tk-row__title'>{row.unitName}</Text>
        {row.overdue > 0 ? <Text className='tag tag--red'>逾期 {row.overdue}</Text> : null}
        <Text className='tk-row__arrow'>›</Text>
      </View>
      <View className='tk-bar' aria-hidden>
        <View className='tk-bar__fill' style={{ width: `${pct}%` }} />
      </View>
      <Text className='tk-row__meta'>
        清单 {row.lists} · 事项 {row.total} · 已完成 {row.done}（{pct}%）
      </Text>
    </View>
  );
}

function Rollup({ unitId, tick, onOpen }: { unitId: string | null; tick: number; onOpen: (unitId: string) => void }) {
  const rollup = useAction('campaign', 'taskRollup', { unitId }, [unitId, tick]);
  return (
    <Loaded state={rollup} fresh title='完成情况'>
      {({ unit, children }) => (
        <Card title={`${unit.unitName} 完成情况`} id='tasks-rollup'>
          <View className='admin-stats'>
            <View className='admin-stats__item' id='tasks-total-lists'>
              <Text className='admin-stats__value'>{unit.lists}</Text>
              <Text className='admin-stats__label'>清单</Text>
            </View>
            <View className='admin-stats__item' id='tasks-total-items'>
              <Text className='admin-stats__value'>{unit.total}</Text>
              <Text className='admin-stats__label'>事项</Text>
            </View>
            <View className='admin-stats__item admin-stats__item--ok' id='tasks-total-done'>
              <Text className='admin-stats__value'>{unit.done}</Text>
              <Text className='admin-stats__label'>已完成</Text>
            </View>
            <View className={unit.overdue > 0 ? 'admin-stats__item admin-stats__item--red' : 'admin-stats__item'} id='tasks-total-overdue'>
              <Text className='admin-stats__value'>{unit.overdue}</Text>
              <Text className='admin-stats__label'>逾期</Text>
            </View>
          </View>
          {children.length > 0 ? (
            <View id='tasks-children'>
              <Text className='admin-note'>下级单位（点开看它的清单）</Text>
              {children.map((c) => (
                <RollupRow key={c.unitId} row={c} onOpen={() => onOpen(c.unitId)} />
              ))}
            </View>
          ) : null}
        </Card>
      )}
    </Loaded>
  );
}

function ListRow({ list }: { list: TaskListSummary }) {
  const open = () => goPage(`${PAGE.campaignTaskList}?id=${list.listId}`);
  return (
    <View className='tk-row' id={`tasks-list-${list.listId}`} hoverClass='tk-row--pressed' onClick={open}>
      <View className='tk-row__head'>
        <Text className='tk-row__title'>{list.title}</Text>
        <Text className='tk-row__arrow'>›</Text>
      </View>
      <View className='tk-row__tags'>
        <Text className='tag'>{TASK_KIND_LABEL[list.kind]}</Text>
        {list.public ? <Text className='tag tag--gold'>已公开</Text> : null}
        {list.overdue > 0 ? <Text className='tag tag--red'>逾期 {list.overdue}</Text> : null}
      </View>
      <Text className='tk-row__meta'>
        {list.unitName} · 事项 {list.total} · 已完成 {list.done}
      </Text>
    </View>
  );
}

function Tasks({ viewer }: { viewer: MeMember }) {
  // The unit looked at: null is the caller's own (the server's default); a tapped child replaces it.
  const [trail, setTrail] = useState<string[]>([]);
  const unitId = trail.length > 0 ? trail[trail.length - 1] : null;
  const [tick, setTick] = useState(0);
  const lists = useAction('campaign', 'listTaskLists', { unitId }, [unitId, tick]);
  const units = useAction('org', 'listUnits', {}, []);
  const [creating, setCreating] = useState(false);
  const firstShow = useRef(true);
  const reload = () => setTick((t) => t + 1);
  const open = (units.data?.units ?? []).filter((u) => u.status === 'active');

  useDidShow(() => {
    // Back from a list: its counts may have moved.
    if (firstShow.current) firstShow.current = false;
    else reload();
  });
  usePullDownRefresh(() => {
    reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  return (
    <View>
      {trail.length > 0 ? (
        <View className='page-intro'>
          <Text id='tasks-up' className='tk-back' onClick={() => setTrail((t) => t.slice(0, -1))}>
            ‹ 返回上一级
          </Text>
        </View>
      ) : null}
      <Rollup unitId={unitId} tick={tick} onOpen={(id) => setTrail((t) => [...t, id])} />
      {creating && units.data ? (
        <CreateForm
          units={open}
          unitId={unitId ?? viewer.unit.id}
          onClose={() => setCreating(false)}
          onCreated={(listId) => {
            setCreating(false);
            reload();
            goPage(`${PAGE.campaignTaskList}?id=${listId}`);
          }}
        />
      ) : (
        <Card>
          <Button id='tasks-new' block type='primary' size='large' loading={creating && units.loading} onClick={() => setCreating(true)}>
            新建清单
          </Button>
          {creating && units.error ? <FormError message={units.error.message} className='btn-gap' /> : null}
          <Text className='admin-note'>为民办实事清单、问题清单、责任清单：每件事有负责人和截止日期，办结时留下照片。</Text>
        </Card>
      )}
      <Card title='清单' id='tasks-lists'>
        <Loaded bare fresh state={lists}>
          {({ items }) =>
            items.length === 0 ? (
              <EmptyView title='还没有清单' desc='点“新建清单”，把要办的事一件件列出来' />
            ) : (
              items.map((l) => <ListRow key={l.listId} list={l} />)
            )
          }
        </Loaded>
      </Card>
    </View>
  );
}

export default function TasksPage() {
  return (
    <PageShell>
      <AdminGate>{(viewer) => <Tasks viewer={viewer} />}</AdminGate>
    </PageShell>
  );
}
