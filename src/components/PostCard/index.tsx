// One post in the feed: kind, 置顶, title, a line of summary, where it is from and when, and how
// many read, liked and commented; the cover as a thumbnail (loaded when it scrolls into view).
// Used on 首页 (main package): keep it small.
import { Image, Text, View } from '@tarojs/components';
import type { PostCard as Post } from '@core/contracts';
import { POST_KIND_LABELS } from '@core/domain/feed';
import { countText, postDateText, postSource } from '@/utils/feed-format';
import './index.scss';

export interface PostCardProps {
  post: Post;
  onOpen: (post: Post) => void;
}

export default function PostCard({ post, onOpen }: PostCardProps) {
  return (
    <View className='post-card' id={`post-card-${post.id}`} hoverClass='post-card--pressed' onClick={() => onOpen(post)}>
      <View className='post-card__main'>
        <View className='post-card__tags'>
          {post.pinned ? <Text className='tag tag--red post-card__pin'>▲ 置顶</Text> : null}
          <Text className='tag'>{POST_KIND_LABELS[post.kind]}</Text>
        </View>
        <Text className='post-card__title'>{post.title}</Text>
        {post.summary ? <Text className='post-card__summary'>{post.summary}</Text> : null}
        <Text className='post-card__meta'>
          {postSource(post)} · {postDateText(post.publishAt)}
        </Text>
        <Text className='post-card__counts'>
          阅读 {countText(post.reads)} · 赞 {countText(post.likes)} · 评论 {countText(post.comments)}
        </Text>
      </View>
      {post.coverUrl ? <Image className='post-card__cover' src={post.coverUrl} mode='aspectFill' lazyLoad /> : null}
    </View>
  );
}
