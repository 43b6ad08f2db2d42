// The campaign function's campaigns actions: campaigns themselves (create, update, close, list,
// view), one module per action under ./actions. Wired by ./index.ts.
import { closeCampaign } from './actions/closeCampaign';
import { createCampaign } from './actions/createCampaign';
import { getCampaign } from './actions/getCampaign';
import { listCampaigns } from './actions/listCampaigns';
import { updateCampaign } from './actions/updateCampaign';

export const campaignsHandlers = {
  createCampaign,
  updateCampaign,
  closeCampaign,
  listCampaigns,
  getCampaign,
};
