// The campaign function's campaigns actions: Campaigns themselves (create, update, close, list, view). Wired by ./index.ts.
// SKELETON: each action is replaced by its module under ./actions as it is built.
import { AppError } from '../lib/errors';

const notYet = async (): Promise<never> => {
  throw new AppError('FAILED_PRECONDITION', '此功能正在建设中');
};

export const campaignsHandlers = {
  createCampaign: notYet,
  updateCampaign: notYet,
  closeCampaign: notYet,
  listCampaigns: notYet,
  getCampaign: notYet,
};
