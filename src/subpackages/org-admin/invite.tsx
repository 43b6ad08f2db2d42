// 邀请党员绑定: one unit's invite, made to be held out, forwarded or printed for older members:
// the unit's name, a mini-program code that opens binding with the code already filled in, the
// six characters in large type for those who type, and three plain steps.
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { OrgResponses } from '@core/contracts';
import PageShell from '@/components/PageShell';
import Card from '@/components/Card';
import { Button } from '@/components/nut';
import Loaded from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import AdminGate from '@/components/AdminGate';
import { useAction } from '@/hooks';
import './invite.scss';

function Invite({ unitId }: { unitId: string }) {
  const card = useAction('org', 'inviteCard', { unitId }, [unitId]);
  return (
    <Loaded bare state={card}>
      {(c) => <InviteCard c={c} />}
    </Loaded>
  );
}

function InviteCard({ c }: { c: OrgResponses['inviteCard'] }) {
  const copy = () => {
    void Taro.setClipboardData({ data: `请用微信打开“党员学习”小程序，在“绑定身份”中填写姓名和${c.unitName}的邀请码：${c.inviteCode}` }).then(() =>
      Taro.showToast({ title: '邀请语已复制', icon: 'none' }),
    );
  };
  return (
    <>
      <Card>
        <View className='invite-card' id='invite-card'>
          <Text className='invite-card__org'>{c.orgName}</Text>
          <Text className='invite-card__unit' id='invite-unit'>
            {c.unitName}
          </Text>
          <Image
            className='invite-card__qr'
            id='invite-qr'
            src={c.qrUrl}
            mode='aspectFit'
            showMenuByLongpress
            onClick={() => void Taro.previewImage({ urls: [c.qrUrl] })}
          />
          <Text className='invite-card__code-label'>邀请码</Text>
          <Text className='invite-card__code' id='invite-code'>
            {c.inviteCode}
          </Text>
        </View>
        <Button id='invite-copy' block type='primary' onClick={copy}>
          复制邀请语，发到支部群
        </Button>
      </Card>
      <Card title='党员怎样绑定'>
        <View className='invite-steps'>
          <Text>1. 用微信扫上面的小程序码（长按图片可保存、转发或打印）。</Text>
          <Text>2. 邀请码已自动填好，只需填写自己的姓名。</Text>
          <Text>3. 点“绑定”。名单上没有您时，会转给管理员确认。</Text>
        </View>
      </Card>
    </>
  );
}

export default function InvitePage() {
  const unitId = useRouter().params.unitId ?? '';
  return (
    <PageShell>
      <AdminGate>{() => (unitId ? <Invite unitId={unitId} /> : <EmptyView title='请从“组织架构”选择一个组织' />)}</AdminGate>
    </PageShell>
  );
}
