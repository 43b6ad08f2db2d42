// Entry of the `feed` cloud function: wiring only. Deployed as cloudfunctions/feed/index.js.

import { feedSchemas, type FeedResponses } from '../../core/contracts/feed';
import { getOpenid, platformDeps } from '../lib/platform';
import { createRouter } from '../lib/router';
import { uploadTicket } from './actions/uploadTicket';
import { listPosts } from './actions/listPosts';
import { getPost } from './actions/getPost';
import { likePost } from './actions/likePost';
import { listComments } from './actions/listComments';
import { addComment } from './actions/addComment';
import { reportComment } from './actions/reportComment';
import { submitPost } from './actions/submitPost';
import { mySubmissions } from './actions/mySubmissions';
import { listModels } from './actions/listModels';
import { savePost } from './actions/savePost';
import { publishPost } from './actions/publishPost';
import { unpublishPost } from './actions/unpublishPost';
import { pinPost } from './actions/pinPost';
import { listAdminPosts } from './actions/listAdminPosts';
import { getPostAdmin } from './actions/getPostAdmin';
import { reviewPost } from './actions/reviewPost';
import { listFlaggedComments } from './actions/listFlaggedComments';
import { hideComment } from './actions/hideComment';
import { featureMember } from './actions/featureMember';
import { unfeatureMember } from './actions/unfeatureMember';

export const main = createRouter<typeof feedSchemas, FeedResponses>(
  'feed',
  feedSchemas,
  {
    uploadTicket,
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
