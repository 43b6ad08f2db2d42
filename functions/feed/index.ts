// Entry of the `feed` cloud function: wiring only. Deployed as cloudfunctions/feed/index.js.

import { feedSchemas, type FeedResponses } from '../../core/contracts/feed';
import { getOpenid, platformDeps } from '../lib/platform';
import { createRouter } from '../lib/router';
import { addComment, hideComment, listComments, listFlaggedComments, reportComment } from './actions/comments';
import { getPostAdmin, listAdminPosts, mySubmissions, pinPost, publishPost, reviewPost, savePost, submitPost, unpublishPost } from './actions/manage';
import { featureMember, listModels, unfeatureMember } from './actions/models';
import { getPost, likePost, listPosts } from './actions/read';

export const main = createRouter<typeof feedSchemas, FeedResponses>(
  'feed',
  feedSchemas,
  {
    listPosts,
    getPost,
    likePost,
    listComments,
    addComment,
    reportComment,
    submitPost,
    mySubmissions,
    listModels,
    savePost,
    publishPost,
    unpublishPost,
    pinPost,
    listAdminPosts,
    getPostAdmin,
    reviewPost,
    listFlaggedComments,
    hideComment,
    featureMember,
    unfeatureMember,
  },
  { getOpenid, deps: platformDeps },
);
