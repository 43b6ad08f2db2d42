// The form of a task-list item, for 添加事项 (清单详情) and 修改事项 (事项详情): its name, a
// description, 负责人 from the roster of the list's unit (never-bound members marked 未绑定) and the
// deadline day. Its own checks come first; a refusal, its own or the server's, stands next to the
// field it is about (itemFieldOf), anything else under the form.
import { useState } from 'react';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Card from '@/components/Card';
import Chips from '@/components/Chips';
import FormError from '@/components/FormError';
import { Button } from '@/components/nut';
import { useAction } from '@/hooks';
import { dayText, itemFieldOf, type ItemField } from '@/utils/task-format';

export interface TaskItemValues {
  title: string;
  detail: string;
  ownerMemberId: string;
  deadlineDay: string;
}

export interface TaskItemFormProps {
  /** Element ids: `${id}` (the card), `${id}-title`, `${id}-detail`, `${id}-owner-<memberId>`, `${id}-deadline`, `${id}-submit`, `${id}-close`, `${id}-error-<field>` and `${id}-error`. */
  id: string;
  title: string;
  submitText: string;
  /** The unit whose roster 负责人 is chosen from: the list's. */
  unitId: string;
  today: string;
  initial: TaskItemValues;
  running: boolean;
  /** The server's refusal of the last submit, if any. */
  refusal: string | null;
  onSubmit: (values: TaskItemValues) => void;
  onClose: () => void;
}

export default function TaskItemForm({ id, title, submitText, unitId, today, initial, running, refusal, onSubmit, onClose }: TaskItemFormProps) {
  const members = useAction('org', 'listMembers', { unitId, limit: 100 }, [unitId]);
  const [values, setValues] = useState(initial);
  const [problem, setProblem] = useState<{ field: ItemField; message: string } | null>(null);
  const set = (patch: Partial<TaskItemValues>) => setValues((v) => ({ ...v, ...patch }));
  const shown = problem ?? (refusal ? { field: itemFieldOf(refusal), message: refusal } : null);
  const at = (field: ItemField) =>
    shown?.field === field ? (
      <Text className='tk-field-error' id={`${id}-error-${field}`}>
        {shown.message}
      </Text>
    ) : null;

  const submit = () => {
    const local: { field: ItemField; message: string } | null =
      values.title.trim().length < 2 ? { field: 'title', message: '事项名称至少2个字' } : !values.ownerMemberId ? { field: 'owner', message: '请选择负责人' } : null;
    setProblem(local);
    if (!local) onSubmit({ ...values, title: values.title.trim(), detail: values.detail.trim() });
  };

  return (
    <Card
      title={title}
      id={id}
      extra={
        <Text id={`${id}-close`} className='tk-close' onClick={onClose}>
          ✕ 收起
        </Text>
      }
    >
      <View className='field'>
        <Text className='field__label'>事项名称</Text>
        <Input id={`${id}-title`} className='field__input' placeholderClass='placeholder' placeholder='如：修好小区门口的路灯' maxlength={60} value={values.title} onInput={(e) => set({ title: e.detail.value })} />
        {at('title')}
      </View>
      <View className='field'>
        <Text className='field__label'>
          事项说明<Text className='field__hint'> 选填</Text>
        </Text>
        <Textarea
          id={`${id}-detail`}
          className='field__textarea'
          placeholderClass='placeholder'
          placeholder='要办成什么样，找谁，怎么验收'
          maxlength={1000}
          value={values.detail}
          onInput={(e) => set({ detail: e.detail.value })}
        />
        {at('detail')}
      </View>
      <View className='field'>
        <Text className='field__label'>负责人</Text>
        {members.loading ? <Text className='muted'>正在读取名单…</Text> : null}
        {members.error ? <FormError message={members.error.message} /> : null}
        {members.data && members.data.items.length === 0 ? <Text className='muted'>这个单位的名单里还没有党员</Text> : null}
        <Chips
          id={`${id}-owner`}
          options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.bound ? m.name : `${m.name}（未绑定）` }))}
          selected={[values.ownerMemberId]}
          onToggle={(ownerMemberId) => set({ ownerMemberId })}
        />
        {at('owner')}
      </View>
      <View className='field'>
        <Text className='field__label'>截止日期</Text>
        <Picker mode='date' value={values.deadlineDay} start={today} onChange={(e) => set({ deadlineDay: String(e.detail.value) })}>
          <View id={`${id}-deadline`} className='tk-daybox' data-day={values.deadlineDay}>
            <Text>{dayText(values.deadlineDay, today)}</Text>
            <Text className='tk-daybox__arrow'>›</Text>
          </View>
        </Picker>
        {at('deadline')}
      </View>
      {shown && shown.field === null ? <FormError id={`${id}-error`} message={shown.message} /> : null}
      <Button id={`${id}-submit`} block type='primary' size='large' loading={running} disabled={running} onClick={submit}>
        {submitText}
      </Button>
    </Card>
  );
}
