// 绑定身份: a member joins their branch with their name and the branch's 6-character invite code.
// Either bound at once (the roster has them) or a request waits for the branch organiser.
// Opened from a unit's mini-program code (scene `c=CODE`) or an invite link (`?code=CODE`), the
// code is already filled in: an older member only types their name.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { inviteCodeFromParams } from '@core/domain/org/units';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import { LoadingOrError } from '@/components/Loaded';
import FormError from '@/components/FormError';
import { primeMe, useMe, useMutation } from '@/hooks';
import { normaliseInviteCode, normalisePhoneTail } from '@/utils/format';
import { goTab } from '@/utils/nav';
import './index.scss';

/** Checks a member can fix before sending; the server checks again with the same rules. */
function checkForm(name: string, code: string, tail: string): string | null {
  if (!name.trim()) return '请填写您的姓名';
  if (code.length !== 6) return '邀请码是6位字母或数字，请向支部管理员索取';
  if (tail && tail.length !== 4) return '手机号后四位应为4位数字，不需要时可以不填';
  return null;
}

export default function BindPage() {
  const { me, error, loading, reload } = useMe();
  const bind = useMutation('org', 'bindMember');
  const [name, setName] = useState('');
  const router = useRouter();
  const [preset] = useState(() => inviteCodeFromParams(router.params));
  const [code, setCode] = useState(preset ?? '');
  const [tail, setTail] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [pendingUnit, setPendingUnit] = useState<string | null>(null);

  const submit = async () => {
    const problem = checkForm(name, code, tail);
    setFormError(problem);
    if (problem) return;
    const result = await bind.run({ name: name.trim(), inviteCode: code, phoneTail: tail || undefined });
    if (!result) return;
    if (result.status === 'bound') {
      primeMe(result.me);
      void Taro.showToast({ title: '绑定成功', icon: 'success' });
      setTimeout(() => goTab('home'), 800);
    } else {
      setPendingUnit(result.unitName);
      reload();
    }
  };

  if (me === undefined) {
    return (
      <PageShell>
        <LoadingOrError state={{ loading, error, reload }} />
      </PageShell>
    );
  }

  if (me.bound) {
    return (
      <PageShell>
        <Card>
          <View className='notice notice--ok' id='bind-done'>
            <Text className='notice__title'>✓ 您已绑定</Text>
            <Text className='notice__text'>
              {me.member.name} · {me.member.unit.name}
            </Text>
          </View>
          <Button block className='btn-gap' type='primary' size='large' onClick={() => goTab('home')}>
            返回首页
          </Button>
        </Card>
      </PageShell>
    );
  }

  const request = me.request;
  const waitingFor = pendingUnit ?? (request?.status === 'pending' ? request.unitName : null);
  const shownError = formError ?? bind.error?.message ?? null;

  return (
    <PageShell>
      <View className='page-intro'>
        <Text className='page-intro__title'>绑定所在党支部</Text>
        <Text className='page-intro__desc'>填写姓名和支部邀请码，邀请码可向支部管理员索取。</Text>
      </View>

      {waitingFor ? (
        <Card>
          <View className='notice notice--wait' id='bind-pending'>
            <Text className='notice__title'>⏳ 已提交，等待支部管理员确认</Text>
            <Text className='notice__text'>申请加入：{waitingFor}</Text>
            <Text className='notice__text'>确认后即可使用全部功能。信息填错了可以在下面重新提交。</Text>
          </View>
        </Card>
      ) : null}

      {!waitingFor && request?.status === 'rejected' ? (
        <Card>
          <View className='notice notice--bad' id='bind-rejected'>
            <Text className='notice__title'>✕ 上次的申请没有通过</Text>
            <Text className='notice__text'>申请加入：{request.unitName}</Text>
            <Text className='notice__text'>原因：{request.reason || '支部管理员未填写原因'}</Text>
            <Text className='notice__text'>请核对后重新提交，或联系支部管理员。</Text>
          </View>
        </Card>
      ) : null}

      <Card>
        {preset ? (
          <View className='notice notice--ok' id='bind-preset'>
            <Text className='notice__text'>邀请码已经填好，请填写您的姓名后点“绑定”。</Text>
          </View>
        ) : null}
        <View className='field'>
          <Text className='field__label'>姓名</Text>
          <Input
            id='bind-name'
            className='field__input'
            placeholderClass='placeholder'
            placeholder='与支部名单上的姓名一致'
            maxlength={20}
            value={name}
            onInput={(e) => setName(e.detail.value)}
          />
        </View>
        <View className='field'>
          <Text className='field__label'>支部邀请码</Text>
          <Input
            id='bind-code'
            className='field__input field__input--code'
            placeholderClass='placeholder'
            placeholder='6位字母或数字'
            maxlength={6}
            value={code}
            onInput={(e) => {
              const v = normaliseInviteCode(e.detail.value);
              setCode(v);
              return v;
            }}
          />
        </View>
        <View className='field'>
          <Text className='field__label'>
            手机号后四位 <Text className='field__hint'>（选填，同名时填写）</Text>
          </Text>
          <Input
            id='bind-phone'
            className='field__input'
            placeholderClass='placeholder'
            placeholder='例如 1234'
            type='number'
            maxlength={4}
            value={tail}
            onInput={(e) => {
              const v = normalisePhoneTail(e.detail.value);
              setTail(v);
              return v;
            }}
          />
        </View>

        <FormError id='bind-error' message={shownError} />

        <Button id='bind-submit' block type='primary' size='large' loading={bind.running} disabled={bind.running} onClick={() => void submit()}>
          提交绑定
        </Button>
      </Card>
    </PageShell>
  );
}
