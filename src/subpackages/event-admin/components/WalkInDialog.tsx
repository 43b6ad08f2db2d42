// 登记未报名党员出席: a member who came without signing up, or who has no smartphone (never bound),
// is picked from a branch's roster and marked present with a reason kept on record (手工登记).
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Chips from '@/components/Chips';
import Dialog from '@/components/Dialog';
import { call, toApiError } from '@/api';
import { useAction } from '@/hooks';

const REASONS = ['行动不便，送学上门', '没有智能手机', '现场参加，未报名'];

export interface WalkInDialogProps {
  eventId: string;
  branches: Array<{ unitId: string; unitName: string }>;
  /** Members already on the event's list: not offered again. */
  listed: ReadonlySet<string>;
  onDone: () => void;
  onClose: () => void;
}

export default function WalkInDialog({ eventId, branches, listed, onDone, onClose }: WalkInDialogProps) {
  const [unitId, setUnitId] = useState(branches[0]?.unitId ?? '');
  const [memberId, setMemberId] = useState('');
  const [reason, setReason] = useState(REASONS[0]);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const members = useAction('org', 'listMembers', unitId ? { unitId, limit: 100 } : null, [unitId]);
  const offered = (members.data?.items ?? []).filter((m) => !listed.has(m.id));
  const chosen = offered.find((m) => m.id === memberId);

  const confirm = async () => {
    if (!chosen) {
      setError('请选择要登记出席的党员');
      return;
    }
    if (reason.trim() === '') {
      setError('请写明原因，会留作记录');
      return;
    }
    setRunning(true);
    setError(null);
    try {
      await call('event', 'markAttendance', { eventId, memberId: chosen.id, attended: true, reason: reason.trim() });
      void Taro.showToast({ title: `已为${chosen.name}登记出席`, icon: 'none' });
      setRunning(false);
      onDone();
      onClose();
    } catch (e) {
      setRunning(false);
      setError(toApiError(e).message);
    }
  };

  return (
    <Dialog id='walkin-dialog' title='登记未报名党员出席' confirmText='登记出席' onConfirm={() => void confirm()} onCancel={onClose} running={running} error={error}>
      <Text className='ui-dialog__desc'>为没有报名的党员（包括没有智能手机、未绑定微信的）登记出席，计入出席人数，原因会留作记录。</Text>
      {branches.length > 1 ? (
        <Chips id='walkin-unit' options={branches.map((b) => ({ value: b.unitId, label: b.unitName }))} selected={[unitId]} onToggle={(v) => { setUnitId(v); setMemberId(''); }} />
      ) : null}
      <View className='field'>
        <Text className='field__label'>党员</Text>
        {members.loading ? <Text className='ui-dialog__desc'>正在读取名单…</Text> : null}
        {!members.loading && offered.length === 0 ? <Text className='ui-dialog__desc'>这个支部的党员都已在名单中</Text> : null}
        <Chips id='walkin-member' options={offered.map((m) => ({ value: m.id, label: m.bound ? m.name : `${m.name}（未绑定）` }))} selected={[memberId]} onToggle={setMemberId} />
      </View>
      <View className='field'>
        <Text className='field__label'>原因</Text>
        <Chips id='walkin-preset' options={REASONS.map((p, i) => ({ value: p, label: p, key: String(i) }))} selected={[reason]} onToggle={setReason} />
        <Input id='walkin-reason' className='field__input ui-dialog__input' placeholderClass='placeholder' placeholder='也可以自己填写' maxlength={100} value={reason} onInput={(e) => setReason(e.detail.value)} />
      </View>
    </Dialog>
  );
}
