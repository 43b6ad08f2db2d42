// The feed context's rows: the organisation-wide feed, and A's posts, comments and models.

import { CALLERS, type Table } from './types';

export const feedRows: Table = {
  listPosts: { who: 'anyone-bound', ownOrg: true },
  getPost: { who: 'anyone-bound', payload: (fx) => ({ postId: fx.postId }) },
  likePost: { who: 'anyone-bound', payload: (fx) => ({ postId: fx.postId, like: true }) },
  listComments: { who: 'anyone-bound', payload: (fx) => ({ postId: fx.postId }) },
  addComment: { who: 'anyone-bound', payload: (fx) => ({ postId: fx.postId, text: '认真学习' }) },
  reportComment: { who: 'anyone-bound', payload: (fx) => ({ commentId: fx.commentId, reason: '' }) },
  submitPost: { who: 'anyone-bound', ownOrg: true, payload: (fx) => ({ kind: 'report', title: fx.unique('矩阵心得'), body: '<p>学习体会。</p>' }) },
  mySubmissions: { who: 'anyone-bound', ownOrg: true },
  listModels: { who: 'anyone-bound', ownOrg: true },
  uploadTicket: { who: 'anyone-bound', ownOrg: true, payload: () => ({ purpose: 'postImage', name: '配图.png' }) },
  // A post of A by A's organiser: its author, A's organisers and org admins manage it.
  savePost: {
    who: 'organiser-of-target',
    payload: (fx) => ({ postId: fx.postId, post: { kind: 'notice', title: '矩阵通知（改）', body: '<p>请按时参加。</p>', unitId: 'br-retired' } }),
  },
  publishPost: { who: 'organiser-of-target', payload: async (fx) => ({ postId: await fx.newPost({ draft: true }) }) },
  unpublishPost: { who: 'organiser-of-target', payload: async (fx) => ({ postId: await fx.newPost(), reason: '内容过期' }) },
  pinPost: { who: 'organiser-of-target', payload: (fx) => ({ postId: fx.postId, pinned: true }) },
  listAdminPosts: { who: 'any-organiser', ownOrg: true, payload: () => ({ status: 'published' }) },
  getPostAdmin: { who: 'organiser-of-target', payload: (fx) => ({ postId: fx.postId }) },
  reviewPost: { who: 'organiser-of-target', payload: async (fx) => ({ postId: await fx.newSubmission(), approve: false, reason: '请补充照片' }) },
  listFlaggedComments: { who: 'any-organiser', ownOrg: true },
  hideComment: { who: 'organiser-of-target', payload: (fx) => ({ commentId: fx.commentId, hidden: true, reason: '矩阵测试' }) },
  featureMember: { who: 'organiser-of-target', payload: () => ({ memberId: 'demo-member-24', honour: '优秀党员' }) },
  // Each permitted caller takes down a model of A that A's organiser featured for them.
  unfeatureMember: {
    who: 'organiser-of-target',
    payload: async (fx, as) => {
      if (as === 'denied') return { memberId: fx.featuredMemberId };
      const memberId = { admin: 'demo-member-26', upperOrganiser: 'demo-member-24' }[as as string] ?? 'demo-member-25';
      await fx.ok(CALLERS.organiser, 'feed', 'featureMember', { memberId, honour: '优秀党员' });
      return { memberId };
    },
  },
};
