// 先进典型: the members the organisers feature, each with a photo, the honour, a short
// introduction and the published stories about them (a tap opens the story).
import { Image, Text, View } from '@tarojs/components';
import type { ModelMember } from '@core/contracts';
import PageShell from '@/components/PageShell';
import MemberGate from '@/components/MemberGate';
import Card from '@/components/Card';
import Loaded from '@/components/Loaded';
import { EmptyView } from '@/components/StateView';
import { useAction } from '@/hooks';
import { postDateText } from '@/utils/feed-format';
import { goPage, PAGE } from '@/utils/nav';
import './models.scss';

function ModelCard({ m }: { m: ModelMember }) {
  return (
    <Card className='model-card' id={`model-${m.memberId}`}>
      <View className='model-card__top'>
        {m.photoUrl ? (
          <Image className='model-card__photo' src={m.photoUrl} mode='aspectFill' lazyLoad />
        ) : (
          <View className='model-card__photo model-card__photo--none'>{m.name.slice(0, 1)}</View>
        )}
        <View className='model-card__who'>
          <Text className='model-card__name'>{m.name}</Text>
          <Text className='model-card__honour'>★ {m.honour}</Text>
          <Text className='model-card__unit muted'>{m.unitName}</Text>
        </View>
      </View>
      {m.intro ? <Text className='model-card__intro'>{m.intro}</Text> : null}
      {m.stories.length > 0 ? (
        <View className='model-card__stories'>
          <Text className='model-card__stories-title'>事迹报道</Text>
          {m.stories.map((s) => (
            <View key={s.postId} id={`model-story-${s.postId}`} className='row-link' hoverClass='model-card__story--pressed' onClick={() => goPage(`${PAGE.feedPost}?id=${s.postId}`)}>
              <View className='model-card__story'>
                <Text className='model-card__story-title'>{s.title}</Text>
                <Text className='muted model-card__story-date'>{postDateText(s.publishAt)}</Text>
              </View>
              <Text className='row-link__arrow'>›</Text>
            </View>
          ))}
        </View>
      ) : null}
    </Card>
  );
}

function Models({ refreshKey }: { refreshKey: number }) {
  const models = useAction('feed', 'listModels', {}, [refreshKey]);
  return (
    <Loaded state={models}>
      {(data) =>
        data.length === 0 ? (
          <Card>
            <EmptyView title='还没有先进典型' desc='支部推选的优秀党员和他们的事迹会显示在这里' />
          </Card>
        ) : (
          <View id='model-list'>
            {data.map((m) => (
              <ModelCard key={m.memberId} m={m} />
            ))}
          </View>
        )
      }
    </Loaded>
  );
}

export default function FeedModelsPage() {
  return (
    <PageShell className='models-page'>
      <View className='page-intro'>
        <Text className='page-intro__title'>先进典型</Text>
        <Text className='page-intro__desc'>学习身边的榜样</Text>
      </View>
      <MemberGate why='绑定后才能查看本单位的先进典型。'>{(refreshKey) => <Models refreshKey={refreshKey} />}</MemberGate>
    </PageShell>
  );
}
