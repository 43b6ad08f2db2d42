// 宣传阵地: a member opens an activity report from the feed on 首页, reads it and likes it.
import { until, type Journey } from './steps';
import { dataOf } from '../helpers/cloud';

const TITLE = '旅程：离退休干部党支部重温入党誓词';

export const feedJourney: Journey = {
  name: 'feed',
  about: '王秀英 opens a report from 首页’s feed, reads its title and likes it',
  steps: [
    {
      kind: 'given',
      what: 'the org admin publishes a report for the whole organisation',
      run: async ({ t }) => {
        const saved = dataOf(
          await t.call<{ id: string }>('demo-admin', 'feed', 'savePost', {
            post: { kind: 'report', title: TITLE, body: '<p>老党员们一起重温入党誓词。</p>', tags: ['基层动态'], unitId: null },
          }),
        );
        dataOf(await t.call('demo-admin', 'feed', 'publishPost', { postId: saved.id }));
        return { postId: saved.id };
      },
    },
    { kind: 'signIn', as: 'member', ready: { text: '王秀英' } },
    { kind: 'see', text: TITLE, in: { id: 'post-card-{postId}' } },
    { kind: 'tap', target: { id: 'post-card-{postId}' } },
    { kind: 'see', text: TITLE, in: { id: 'post-title' } },
    { kind: 'see', text: '♡ 点赞', in: { id: 'post-like' } },
    { kind: 'tap', target: { id: 'post-like' } },
    { kind: 'see', text: '♥ 已赞', in: { id: 'post-like' } },
    {
      kind: 'check',
      what: 'the post counts one like (the page shows it at once; the count is stored a moment later)',
      run: async ({ t, vars }) =>
        until(async () => {
          const post = dataOf(await t.call<{ likes: number }>('demo-member', 'feed', 'getPost', { postId: vars.postId }));
          if (post.likes !== 1) throw new Error(`the post has ${post.likes} likes`);
        }, 5_000),
    },
  ],
};
