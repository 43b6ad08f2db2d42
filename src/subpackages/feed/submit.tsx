// 我要投稿: a member sends a 活动报道 or 先进典型 story for the branch organiser to review. The
// body is typed as plain paragraphs (turned into escaped <p> paragraphs here, sanitised again on
// the server), with up to 9 photos (the first is the cover in the feed) and tags from the list.
import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { POST_KIND_LABELS, POST_TAGS, SUBMITTABLE_KINDS, type PostKind, type PostTag } from '@core/domain/feed';
import PageShell from '@/components/PageShell';
import MemberGate from '@/components/MemberGate';
import Card from '@/components/Card';
import Chips from '@/components/Chips';
import FormError from '@/components/FormError';
import PhotoPicker, { type PickedPhoto } from '@/components/PhotoPicker';
import { Button } from '@/components/nut';
import { useMutation } from '@/hooks';
import { paragraphsToHtml } from '@/utils/feed-format';
import { goPage, PAGE } from '@/utils/nav';
import './submit.scss';

const MAX_TAGS = 5;

function SubmitForm() {
  const [kind, setKind] = useState<PostKind>('report');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [tags, setTags] = useState<PostTag[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = useMutation('feed', 'submitPost');

  const toggleTag = (t: PostTag) => {
    if (tags.includes(t)) setTags(tags.filter((x) => x !== t));
    else if (tags.length >= MAX_TAGS) setProblem(`标签最多选${MAX_TAGS}个`);
    else setTags([...tags, t]);
  };

  const send = async () => {
    const html = paragraphsToHtml(body);
    if (title.trim().length < 2) return setProblem('请填写标题（至少2个字）');
    if (html === '' && photos.length === 0) return setProblem('请填写正文');
    setProblem(null);
    const res = await submit.run({
      kind,
      title: title.trim(),
      body: html,
      cover: photos[0]?.fileID ?? null,
      images: photos.map((p) => p.fileID),
      tags,
    });
    if (!res) return;
    void Taro.showToast({ title: '投稿已提交', icon: 'success' });
    void Taro.redirectTo({ url: `${PAGE.feedMine}?submitted=1` });
  };

  return (
    <>
      <View className='page-intro'>
        <Text className='page-intro__title'>我要投稿</Text>
        <Text className='page-intro__desc'>写一写支部的活动或身边的先进党员。支部管理员审核通过后，会发布在首页。</Text>
      </View>
      <Card id='submit-form'>
        <View className='field'>
          <Text className='field__label'>投稿类型</Text>
          <Chips id='submit-kind' options={SUBMITTABLE_KINDS.map((k) => ({ value: k, label: POST_KIND_LABELS[k] }))} selected={[kind]} onToggle={setKind} />
        </View>
        <View className='field'>
          <Text className='field__label'>
            标题<Text className='field__hint'> 2–40字</Text>
          </Text>
          <Input
            id='submit-title'
            className='field__input'
            placeholderClass='placeholder'
            placeholder={kind === 'model' ? '例如：王老师三十年如一日服务社区' : '例如：支部开展主题党日活动'}
            maxlength={40}
            value={title}
            onInput={(e) => setTitle(e.detail.value)}
          />
        </View>
        <View className='field'>
          <Text className='field__label'>
            正文<Text className='field__hint'> 每段之间换行</Text>
          </Text>
          <Textarea
            id='submit-body'
            className='submit-body'
            placeholderClass='placeholder'
            placeholder='写下时间、地点、做了什么、大家的体会……'
            maxlength={5000}
            value={body}
            onInput={(e) => setBody(e.detail.value)}
          />
        </View>
        <PhotoPicker id='submit-photos' upload={{ context: 'feed', purpose: 'postImage' }} label='照片' max={9} photos={photos} onChange={setPhotos} addText='添加照片' />
        <View className='field'>
          <Text className='field__label'>
            标签<Text className='field__hint'> 选填，最多{MAX_TAGS}个</Text>
          </Text>
          <Chips
            id='submit-tags'
            multiple
            options={POST_TAGS.map((t, i) => ({ value: t, label: t, key: String(i) }))}
            selected={tags}
            onToggle={toggleTag}
          />
        </View>
        <FormError id='submit-error' message={problem ?? submit.error?.message} />
        <Button id='submit-send' block type='primary' size='large' loading={submit.running} disabled={submit.running} onClick={() => void send()}>
          提交审核
        </Button>
        <Button id='submit-mine' block className='btn-gap' fill='outline' onClick={() => goPage(PAGE.feedMine)}>
          查看我的投稿
        </Button>
      </Card>
    </>
  );
}

export default function FeedSubmitPage() {
  return (
    <PageShell>
      <MemberGate why='绑定后才能向支部投稿。'>{() => <SubmitForm />}</MemberGate>
    </PageShell>
  );
}
