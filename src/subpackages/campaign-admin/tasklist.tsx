// 清单详情: one task list (getTaskList) — its counts, its items with 负责人, the deadline in words and
// the status, filtered 全部/未完成/逾期/已完成; for its organisers 添加事项 (owner from the unit's
// roster, a deadline day), 修改清单 (title, 向群众公开) and, once public, 分享公开清单 (a share card in
// WeChat, a link to copy in the browser). An item's owner may open the list too: the server shows
// them their own items and no organiser controls (mayEdit). Refusals stand next to their field.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import type { TaskItemView, TaskListView } from '@core/contracts';
import { beijingDayKey } from '@core/domain/time';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import Chips from '@/components/Chips';
import { SwitchLine } from '@/components/Editor';
import FormError from '@/components/FormError';
import Loaded from '@/components/Loaded';
import { Button } from '@/components/nut';
import { EmptyView } from '@/components/StateView';
import { copyText, IS_H5 } from '@/api';
import { useAction, useMutation } from '@/hooks';
import { goPage, PAGE } from '@/utils/nav';
import {
  defaultDeadline,
  doneOfText,
  filterItems,
  itemDeadlineLine,
  overdueText,
  publicShareText,
  statusTagClass,
  TASK_FILTER_EMPTY,
  TASK_FILTERS,
  TASK_KIND_LABEL,
  TASK_STATUS_LABEL,
  type TaskFilter,
} from '@/utils/task-format';
import TaskItemForm, { type TaskItemValues } from './components/TaskItemForm';
import './tasklist.scss';

const publicPath = (listId: string) => `${PAGE.campaignPublicTasks}?listId=${listId}`;

function ItemRow({ item, listId, today }: { item: TaskItemView; listId: string; today: string }) {
  const late = item.status !== 'done' && item.overdue ? overdueText(item.deadlineDay, today) : null;
  return (
    <View className='tk-row' id={`tasklist-item-${item.itemId}`} hoverClass='tk-row--pressed' onClick={() => goPage(`${PAGE.campaignTaskItem}?listId=${listId}&itemId=${item.itemId}`)}>
      <View className='tk-row__head'>
        <Text className='tk-row__title'>{item.title}</Text>
        <Text className='tk-row__arrow'>›</Text>
      </View>
      <View className='tk-row__tags'>
        <Text className={statusTagClass(item.status, item.overdue)}>{TASK_STATUS_LABEL[item.status]}</Text>
        {late ? <Text className='tag tag--red'>{late}</Text> : null}
      </View>
      <Text className='tk-row__meta'>负责人：{item.ownerName}</Text>
      <Text className={late ? 'tk-row__meta tk-overdue' : 'tk-row__meta'}>{itemDeadlineLine(item, today)}</Text>
    </View>
  );
}

function AddItemForm({ list, today, onDone, onClose }: { list: TaskListView; today: string; onDone: () => void; onClose: () => void }) {
  const add = useMutation('campaign', 'addTaskItem');
  const submit = async (values: TaskItemValues) => {
    const done = await add.run({ listId: list.listId, ...values });
    if (!done) return;
    void Taro.showToast({ title: '事项已添加', icon: 'none' });
    onDone();
  };
  return (
    <TaskItemForm
      id='tasklist-add'
      title='添加事项'
      submitText='添加事项'
      unitId={list.unitId}
      today={today}
      initial={{ title: '', detail: '', ownerMemberId: '', deadlineDay: defaultDeadline(today) }}
      running={add.running}
      refusal={add.error?.message ?? null}
      onSubmit={(values) => void submit(values)}
      onClose={onClose}
    />
  );
}

function EditListForm({ list, onDone, onClose }: { list: TaskListView; onDone: () => void; onClose: () => void }) {
  const [title, setTitle] = useState(list.title);
  const [open, setOpen] = useState(list.public);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation('campaign', 'updateTaskList');
  const submit = async () => {
    if (title.trim().length < 2) return setProblem('清单名称至少2个字');
    setProblem(null);
    const done = await save.run({ listId: list.listId, title: title.trim(), public: open });
    if (!done) return;
    void Taro.showToast({ title: '清单已保存', icon: 'none' });
    onDone();
  };
  return (
    <Card title='修改清单' id='tasklist-edit' extra={<Text id='tasklist-edit-close' className='tk-close' onClick={onClose}>✕ 收起</Text>}>
      <View className='field'>
        <Text className='field__label'>清单名称</Text>
        <Input id='tasklist-edit-title' className='field__input' maxlength={40} value={title} onInput={(e) => setTitle(e.detail.value)} />
        {problem ? <Text className='tk-field-error'>{problem}</Text> : null}
      </View>
      <SwitchLine id='tasklist-edit-public' label='向群众公开' hint='群众能看到事项、进度和标为公开的照片，看不到负责人姓名和电话' checked={open} onChange={setOpen} />
      <FormError id='tasklist-edit-error' message={save.error?.message} />
      <Button id='tasklist-edit-submit' block className='btn-gap' type='primary' size='large' loading={save.running} disabled={save.running} onClick={() => void submit()}>
        保存
      </Button>
    </Card>
  );
}

function ShareBlock({ list }: { list: TaskListView }) {
  const copyLink = async () => {
    const link = `${window.location.origin}${window.location.pathname}#${publicPath(list.listId)}`;
    try {
      await copyText(publicShareText(list, link));
      void Taro.showToast({ title: '链接已复制，可粘贴到群里', icon: 'none' });
    } catch {
      void Taro.showToast({ title: '没有复制成功，请重试', icon: 'none' });
    }
  };
  return (
    <View className='admin-actions btn-gap'>
      {IS_H5 ? (
        <Button id='tasklist-share' className='admin-actions__btn' type='primary' fill='outline' onClick={() => void copyLink()}>
          分享公开清单
        </Button>
      ) : (
        <Button id='tasklist-share' className='admin-actions__btn' type='primary' fill='outline' openType='share'>
          分享公开清单
        </Button>
      )}
      <Button id='tasklist-preview' className='admin-actions__btn' fill='outline' onClick={() => goPage(publicPath(list.listId))}>
        看群众看到的样子
      </Button>
    </View>
  );
}

function TaskList({ listId }: { listId: string }) {
  const [tick, setTick] = useState(0);
  const view = useAction('campaign', 'getTaskList', { listId }, [listId, tick]);
  const [filter, setFilter] = useState<TaskFilter>('all');
  const [form, setForm] = useState<'add' | 'edit' | null>(null);
  const reload = () => setTick((t) => t + 1);
  const today = beijingDayKey(Date.now());
  const list = view.data;

  // A share card (the button or the page's menu) opens the public view once the list is public.
  useShareAppMessage(() => (list?.public ? { title: `${list.unitName}${TASK_KIND_LABEL[list.kind]}：${list.title}`, path: publicPath(listId) } : { title: '实事清单', path: `${PAGE.campaignTaskList}?id=${listId}` }));
  useDidShow(() => {
    if (view.data) reload(); // back from an item: its status may have moved
  });
  usePullDownRefresh(() => {
    reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 600);
  });

  return (
    <Loaded state={view}>
      {(l) => {
        const items = filterItems(l.items, filter);
        return (
          <>
            <View className='page-intro'>
              <Text className='page-intro__title' id='tasklist-title'>
                {l.title}
              </Text>
              <Text className='page-intro__desc'>
                {TASK_KIND_LABEL[l.kind]} · {l.unitName} · {l.public ? '已向群众公开' : '未公开'}
              </Text>
            </View>
            <Card id='tasklist-summary'>
              <View className='admin-stats'>
                <View className='admin-stats__item'>
                  <Text className='admin-stats__value'>{l.total}</Text>
                  <Text className='admin-stats__label'>事项</Text>
                </View>
                <View className='admin-stats__item admin-stats__item--ok'>
                  <Text className='admin-stats__value'>{l.done}</Text>
                  <Text className='admin-stats__label'>已完成</Text>
                </View>
                <View className={l.overdue > 0 ? 'admin-stats__item admin-stats__item--red' : 'admin-stats__item'}>
                  <Text className='admin-stats__value'>{l.overdue}</Text>
                  <Text className='admin-stats__label'>逾期</Text>
                </View>
              </View>
              {l.mayEdit ? (
                <>
                  <View className='admin-actions btn-gap'>
                    <Button id='tasklist-add-open' className='admin-actions__btn' type='primary' onClick={() => setForm('add')}>
                      添加事项
                    </Button>
                    <Button id='tasklist-edit-open' className='admin-actions__btn' fill='outline' onClick={() => setForm('edit')}>
                      修改清单
                    </Button>
                  </View>
                  {l.public ? <ShareBlock list={l} /> : <Text className='admin-note'>清单未公开，群众看不到。在“修改清单”里打开“向群众公开”后可以分享。</Text>}
                </>
              ) : null}
            </Card>
            {form === 'add' ? <AddItemForm list={l} today={today} onClose={() => setForm(null)} onDone={() => { setForm(null); reload(); }} /> : null}
            {form === 'edit' ? <EditListForm list={l} onClose={() => setForm(null)} onDone={() => { setForm(null); reload(); }} /> : null}
            <Card title={`事项（${doneOfText(l.done, l.total)}）`} id='tasklist-items'>
              <Chips id='tasklist-filter' options={TASK_FILTERS} selected={[filter]} onToggle={setFilter} />
              {items.length === 0 ? (
                <EmptyView title={TASK_FILTER_EMPTY[filter]} desc={filter === 'all' && l.mayEdit ? '点“添加事项”，写下要办的事、负责人和截止日期' : undefined} />
              ) : (
                items.map((i) => <ItemRow key={i.itemId} item={i} listId={listId} today={today} />)
              )}
            </Card>
          </>
        );
      }}
    </Loaded>
  );
}

export default function TaskListPage() {
  const listId = useRouter().params.id ?? '';
  return (
    <PageShell>
      {listId ? (
        <TaskList listId={listId} />
      ) : (
        <Card>
          <EmptyView title='没有找到这个清单' desc='请从“实事清单”打开' />
        </Card>
      )}
    </PageShell>
  );
}
