// 清单详情: one task list (getTaskList) — its counts, its items with 负责人, the deadline in words and
// the status, filtered 全部/未完成/逾期/已完成; for its organisers 添加事项 (owner from the unit's
// roster, a deadline day), 修改清单 (title, 向群众公开) and, once public, 分享公开清单 (a share card in
// WeChat, a link to copy in the browser). An item's owner may open the list too: the server shows
// them their own items and no organiser controls (mayEdit). Refusals stand next to their field.
import { useState } from 'react';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
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
  dayText,
  defaultDeadline,
  doneOfText,
  filterItems,
  itemDeadlineLine,
  itemFieldOf,
  overdueText,
  publicShareText,
  statusTagClass,
  TASK_FILTER_EMPTY,
  TASK_FILTERS,
  TASK_KIND_LABEL,
  TASK_STATUS_LABEL,
  type ItemField,
  type TaskFilter,
} from '@/utils/task-format';
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
  const members = useAction('org', 'listMembers', { unitId: list.unitId, limit: 100 }, [list.unitId]);
  const [title, setTitle] = useState('');
  const [detail, setDetail] = useState('');
  const [owner, setOwner] = useState('');
  const [deadline, setDeadline] = useState(defaultDeadline(today));
  const [problem, setProblem] = useState<{ field: ItemField | null; message: string } | null>(null);
  const add = useMutation('campaign', 'addTaskItem');

  const submit = async () => {
    add.reset();
    if (title.trim().length < 2) return setProblem({ field: 'title', message: '事项名称至少2个字' });
    if (!owner) return setProblem({ field: 'owner', message: '请选择负责人' });
    setProblem(null);
    const done = await add.run({ listId: list.listId, title: title.trim(), detail: detail.trim(), ownerMemberId: owner, deadlineDay: deadline });
    if (!done) return;
    void Taro.showToast({ title: '事项已添加', icon: 'none' });
    onDone();
  };
  // The server's refusal goes next to the field it names, else under the form.
  const serverProblem = add.error ? { field: itemFieldOf(add.error.message), message: add.error.message } : null;
  const shown = problem ?? serverProblem;
  const at = (field: ItemField) =>
    shown?.field === field ? (
      <Text className='tk-field-error' id={`tasklist-add-${field}-error`}>
        {shown.message}
      </Text>
    ) : null;

  return (
    <Card title='添加事项' id='tasklist-add' extra={<Text id='tasklist-add-close' className='tk-close' onClick={onClose}>✕ 收起</Text>}>
      <View className='field'>
        <Text className='field__label'>事项名称</Text>
        <Input id='tasklist-add-title' className='field__input' placeholderClass='placeholder' placeholder='如：修好小区门口的路灯' maxlength={60} value={title} onInput={(e) => setTitle(e.detail.value)} />
        {at('title')}
      </View>
      <View className='field'>
        <Text className='field__label'>
          事项说明<Text className='field__hint'> 选填</Text>
        </Text>
        <Textarea id='tasklist-add-detail' className='field__textarea' placeholderClass='placeholder' placeholder='要办成什么样，找谁，怎么验收' maxlength={1000} value={detail} onInput={(e) => setDetail(e.detail.value)} />
        {at('detail')}
      </View>
      <View className='field'>
        <Text className='field__label'>负责人</Text>
        {members.loading ? <Text className='muted'>正在读取名单…</Text> : null}
        {members.error ? <FormError message={members.error.message} /> : null}
        {members.data && members.data.items.length === 0 ? <Text className='muted'>这个单位的名单里还没有党员</Text> : null}
        <Chips id='tasklist-owner' options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.bound ? m.name : `${m.name}（未绑定）` }))} selected={[owner]} onToggle={setOwner} />
        {at('owner')}
      </View>
      <View className='field'>
        <Text className='field__label'>截止日期</Text>
        <Picker mode='date' value={deadline} start={today} onChange={(e) => setDeadline(String(e.detail.value))}>
          <View id='tasklist-add-deadline' className='tk-daybox' data-day={deadline}>
            <Text>{dayText(deadline, today)}</Text>
            <Text className='tk-daybox__arrow'>›</Text>
          </View>
        </Picker>
        {at('deadline')}
      </View>
      {shown && shown.field === null ? <FormError id='tasklist-add-error' message={shown.message} /> : null}
      <Button id='tasklist-add-submit' block type='primary' size='large' loading={add.running} disabled={add.running} onClick={() => void submit()}>
        添加事项
      </Button>
    </Card>
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
