// 选择体验身份 (H5 only): the local function host's dev login. Each button signs in as a
// prepared identity; the input signs in as any openid. In WeChat the identity is WeChat's own.
import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import FormError from '@/components/FormError';
import { devLogin, IS_H5, toApiError, type DevLoginInput } from '@/api';
import { clearMeCache } from '@/hooks';
import { TAB } from '@/utils/nav';
import './index.scss';

const IDENTITIES: Array<{ key: string; label: string; desc: string }> = [
  { key: 'member', label: '党员', desc: '参加学习、答题和活动' },
  { key: 'organiser', label: '支部管理员', desc: '管理本支部名单和绑定申请' },
  { key: 'admin', label: '单位管理员', desc: '管理单位下的全部支部' },
];

export default function LoginPage() {
  const [openid, setOpenid] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const login = async (input: DevLoginInput, marker: string) => {
    if (busy) return;
    setBusy(marker);
    setError(null);
    try {
      await devLogin(input);
      clearMeCache();
      void Taro.reLaunch({ url: TAB.home });
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(null);
    }
  };

  if (!IS_H5) {
    return (
      <PageShell requireSession={false}>
        <Card>
          <Text className='login-note'>在微信中使用时无需登录。</Text>
          <Button block className='btn-gap' type='primary' size='large' onClick={() => void Taro.switchTab({ url: TAB.home })}>
            返回首页
          </Button>
        </Card>
      </PageShell>
    );
  }

  return (
    <PageShell requireSession={false}>
      <View className='page-intro'>
        <Text className='page-intro__title'>选择体验身份</Text>
        <Text className='page-intro__desc'>这是本地体验版，请选择一个身份进入。</Text>
      </View>

      {error ? (
        <View className='login-error'>
          <FormError id='login-error' message={error} />
        </View>
      ) : null}

      <Card>
        {IDENTITIES.map((it) => (
          <View key={it.key} className='login-choice'>
            <Button
              id={`login-${it.key}`}
              block
              type='primary'
              size='large'
              fill={it.key === 'member' ? 'solid' : 'outline'}
              loading={busy === it.key}
              disabled={busy !== null}
              onClick={() => void login({ key: it.key }, it.key)}
            >
              {it.label}
            </Button>
            <Text className='login-choice__desc'>{it.desc}</Text>
          </View>
        ))}
      </Card>

      <Card title='使用其他身份'>
        <View className='field'>
          <Text className='field__label'>openid</Text>
          <Input
            id='login-openid'
            className='field__input'
            placeholderClass='placeholder'
            placeholder='输入任意 openid'
            maxlength={64}
            value={openid}
            onInput={(e) => setOpenid(e.detail.value.trim())}
          />
        </View>
        <Button
          id='login-openid-submit'
          block
          fill='outline'
          disabled={busy !== null || openid === ''}
          loading={busy === 'openid'}
          onClick={() => void login({ openid }, 'openid')}
        >
          用此身份进入
        </Button>
      </Card>

    </PageShell>
  );
}
