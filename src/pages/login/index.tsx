// 网页登录 (H5 only): a member signs in with a one-time 网页登录码 (docs/WEB-APP.md), from their
// organiser or the mini-program's 我的. Below it, only where the local cloud offers it, the demo's
// dev login: each button signs in as a prepared identity; the input as any openid. In WeChat the
// identity is WeChat's own.
import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import FormError from '@/components/FormError';
import { devLogin, devLoginAvailable, IS_H5, signInWithCode, toApiError, type DevLoginInput } from '@/api';
import { clearMeCache } from '@/hooks';
import { returnPathFrom } from '@/utils/login-return';
import { TAB } from '@/utils/nav';
import './index.scss';

const IDENTITIES: Array<{ key: string; label: string; desc: string }> = [
  { key: 'member', label: '党员', desc: '参加学习、答题和活动' },
  { key: 'organiser', label: '支部管理员', desc: '管理本支部名单和绑定申请' },
  { key: 'admin', label: '单位管理员', desc: '管理单位下的全部支部' },
];

export default function LoginPage() {
  const [openid, setOpenid] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [devOffered, setDevOffered] = useState(false);
  const back = returnPathFrom(useRouter().params.back);

  useEffect(() => {
    if (!IS_H5) return;
    let live = true;
    void devLoginAvailable().then((yes) => {
      if (live) setDevOffered(yes);
    });
    return () => {
      live = false;
    };
  }, []);

  const signIn = async () => {
    if (busy) return;
    const digits = code.replace(/\D/g, '');
    if (digits.length !== 8) {
      setError('网页登录码是8位数字，请核对后重新输入');
      return;
    }
    setBusy('code');
    setError(null);
    try {
      await signInWithCode(digits);
      clearMeCache();
      // Sent here by a page to come back to (the on-site check-in: src/utils/login-return.ts), else 首页.
      void Taro.reLaunch({ url: back ?? TAB.home });
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(null);
    }
  };

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
        <Text className='page-intro__title'>网页登录</Text>
        <Text className='page-intro__desc'>输入网页登录码，即可在电脑或手机浏览器上使用。</Text>
      </View>

      {error ? (
        <View className='login-error'>
          <FormError id='login-error' message={error} />
        </View>
      ) : null}

      <Card title='输入网页登录码'>
        <View className='field'>
          <Text className='field__label'>网页登录码（8位数字）</Text>
          <Input
            id='web-code'
            className='field__input login-code'
            placeholderClass='placeholder'
            placeholder='例如 1234 5678'
            type='number'
            maxlength={9}
            value={code}
            onInput={(e) => setCode(e.detail.value)}
            onConfirm={() => void signIn()}
          />
        </View>
        <Button id='web-code-submit' block type='primary' size='large' loading={busy === 'code'} disabled={busy !== null} onClick={() => void signIn()}>
          登录
        </Button>
        <View className='login-help'>
          <Text className='login-help__title'>到哪里获取登录码？</Text>
          <Text className='login-help__line'>· 请组织管理员在“管理后台 → 名单”中为您发一个；</Text>
          <Text className='login-help__line'>· 或在微信小程序「我的 → 网页登录码」中自己获取。</Text>
          <Text className='login-help__line'>登录码24小时内有效，只能用一次。</Text>
        </View>
      </Card>

      {devOffered ? <DevLogins busy={busy} openid={openid} setOpenid={setOpenid} login={login} /> : null}
    </PageShell>
  );
}

/** The local cloud's demo identities (shown only where it offers dev login). */
function DevLogins({ busy, openid, setOpenid, login }: { busy: string | null; openid: string; setOpenid: (v: string) => void; login: (input: DevLoginInput, marker: string) => Promise<void> }) {
  return (
    <View id='dev-logins'>
      <View className='page-intro'>
        <Text className='page-intro__title'>选择体验身份</Text>
        <Text className='page-intro__desc'>这是本地体验版，也可以选择一个身份直接进入。</Text>
      </View>
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
    </View>
  );
}
