// 先进典型设置: the members featured on the 先进典型 page (with 移除), and the form to feature one:
// choose a branch the organiser manages, a member of it, the honour, a short introduction and a
// photo. Featuring someone already featured replaces their entry.
import { useMemo, useState } from 'react';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ManagedUnit, ModelMember } from '@core/contracts';
import { call, toApiError } from '@/api';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import AdminGate from '@/components/AdminGate';
import Chips from '@/components/Chips';
import FormError from '@/components/FormError';
import PhotoPicker, { type PickedPhoto } from '@/components/PhotoPicker';
import { Button } from '@/components/nut';
import PagedList from '@/components/PagedList';
import Loaded from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { useAction, useMutation, usePaged } from '@/hooks';
import './models.scss';
import { isPickableUnit } from '@core/domain/org/units';
import { askConfirm } from '@/components/Dialog/confirm';

const HONOURS = ['优秀共产党员', '优秀党务工作者', '先进工作者', '志愿服务之星'];

function Featured({ models, onChanged }: { models: ModelMember[]; onChanged: () => void }) {
  const remove = async (m: ModelMember) => {
    const confirmed = await askConfirm({
      title: '移出先进典型',
      content: `移出后，${m.name}不再出现在“先进典型”页（已发布的事迹文章仍保留）。确定移出吗？`,
      confirmText: '移出',
    });
    if (!confirmed) return;
    try {
      await call('feed', 'unfeatureMember', { memberId: m.memberId });
      void Taro.showToast({ title: '已移出', icon: 'none' });
      onChanged();
    } catch (e) {
      void Taro.showToast({ title: toApiError(e).message, icon: 'none' });
    }
  };

  if (models.length === 0) return <EmptyView title='还没有先进典型' desc='在下面选择一位党员，填写荣誉称号后保存' />;
  return (
    <View id='fm-list'>
      {models.map((m) => (
        <View key={m.memberId} className='fm-row' id={`fm-${m.memberId}`}>
          {m.photoUrl ? <Image className='fm-row__photo' src={m.photoUrl} mode='aspectFill' /> : <View className='fm-row__photo fm-row__photo--none'>{m.name.slice(0, 1)}</View>}
          <View className='fm-row__main'>
            <Text className='fm-row__name'>{m.name}</Text>
            <Text className='fm-row__honour'>★ {m.honour}</Text>
            <Text className='fm-row__meta'>
              {m.unitName} · 事迹 {m.stories.length} 篇
            </Text>
          </View>
          <Button id={`fm-remove-${m.memberId}`} size='small' fill='outline' onClick={() => void remove(m)}>
            移出
          </Button>
        </View>
      ))}
    </View>
  );
}

function MemberChoice({ unitId, value, onChange }: { unitId: string; value: string | null; onChange: (id: string, name: string) => void }) {
  const list = usePaged('org', 'listMembers', { unitId, bound: 'all', limit: 50 }, [unitId]);
  return (
    <PagedList list={list} empty={{ title: '这个支部的名单是空的', desc: '请先在管理后台导入名单' }} moreId='fm-member-more'>
      {(items) => (
        <Chips
          id='fm-member'
          options={items.map((m) => ({ value: m.id, label: m.name }))}
          selected={value ? [value] : []}
          onToggle={(id) => onChange(id, items.find((m) => m.id === id)?.name ?? '')}
        />
      )}
    </PagedList>
  );
}

function FeatureForm({ units, onSaved }: { units: ManagedUnit[]; onSaved: () => void }) {
  const branches = useMemo(() => units.filter(isPickableUnit), [units]);
  const [unitId, setUnitId] = useState<string | null>(branches[0]?.id ?? null);
  const [member, setMember] = useState<{ id: string; name: string } | null>(null);
  const [honour, setHonour] = useState('');
  const [intro, setIntro] = useState('');
  const [photo, setPhoto] = useState<PickedPhoto[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const feature = useMutation('feed', 'featureMember');

  const save = async () => {
    if (!member) return setProblem('请选择一位党员');
    if (honour.trim().length < 2) return setProblem('请填写荣誉称号（至少2个字）');
    setProblem(null);
    const res = await feature.run({ memberId: member.id, honour: honour.trim(), intro: intro.trim(), photo: photo[0]?.fileID ?? null });
    if (!res) return;
    void Taro.showToast({ title: `已将${res.name}设为先进典型`, icon: 'none' });
    setMember(null);
    setHonour('');
    setIntro('');
    setPhoto([]);
    onSaved();
  };

  if (branches.length === 0) return <EmptyView title='暂无可管理的支部' desc='请联系单位管理员为您设置管理范围' />;
  return (
    <View id='fm-form'>
      <View className='field'>
        <Text className='field__label'>所在支部</Text>
        <Chips
          id='fm-unit'
          options={branches.map((b) => ({ value: b.id, label: b.name }))}
          selected={unitId ? [unitId] : []}
          onToggle={(id) => {
            setUnitId(id);
            setMember(null);
          }}
        />
      </View>
      <View className='field'>
        <Text className='field__label'>党员{member ? <Text className='field__hint'>：已选 {member.name}</Text> : null}</Text>
        {unitId ? <MemberChoice unitId={unitId} value={member?.id ?? null} onChange={(id, name) => setMember({ id, name })} /> : null}
      </View>
      <View className='field'>
        <Text className='field__label'>
          荣誉称号<Text className='field__hint'> 2–20字</Text>
        </Text>
        <Chips id='fm-honour-preset' options={HONOURS.map((h, i) => ({ value: h, label: h, key: String(i) }))} selected={[honour]} onToggle={setHonour} />
        <Input
          id='fm-honour'
          className='field__input btn-gap'
          placeholderClass='placeholder'
          placeholder='也可以自己填写'
          maxlength={20}
          value={honour}
          onInput={(e) => setHonour(e.detail.value)}
        />
      </View>
      <View className='field'>
        <Text className='field__label'>
          简介<Text className='field__hint'> 选填，最多300字</Text>
        </Text>
        <Textarea
          id='fm-intro'
          className='fm-intro'
          placeholderClass='placeholder'
          placeholder='例如：扎根社区十年，带领党员志愿者服务老人三千余次。'
          maxlength={300}
          value={intro}
          onInput={(e) => setIntro(e.detail.value)}
        />
      </View>
      <PhotoPicker id='fm-photo' upload={{ context: 'feed', purpose: 'postImage' }} label='照片' max={1} photos={photo} onChange={setPhoto} addText='选择照片' />
      <FormError id='fm-error' message={problem ?? feature.error?.message} />
      <Button id='fm-save' block type='primary' size='large' loading={feature.running} disabled={feature.running} onClick={() => void save()}>
        设为先进典型
      </Button>
    </View>
  );
}

function ModelsAdmin() {
  const models = useAction('feed', 'listModels', {}, []);
  const units = useAction('org', 'listUnits', {}, []);
  return (
    <>
      <Card title='当前的先进典型'>
        <Loaded bare state={models}>
          {(data) => <Featured models={data} onChanged={models.reload} />}
        </Loaded>
      </Card>
      <Card title='添加先进典型'>
        <Loaded bare state={units}>
          {(data) => <FeatureForm units={data.units} onSaved={models.reload} />}
        </Loaded>
      </Card>
    </>
  );
}

export default function FeedModelsAdminPage() {
  return (
    <PageShell className='fm-page'>
      <AdminGate>{() => <ModelsAdmin />}</AdminGate>
    </PageShell>
  );
}
