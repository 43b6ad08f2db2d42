// The campaign function's reports actions: Reports owed upward, their review, reminders and upload tickets. Wired by ./index.ts.
// SKELETON: each action is replaced by its module under ./actions as it is built.
import { AppError } from '../lib/errors';

const notYet = async (): Promise<never> => {
  throw new AppError('FAILED_PRECONDITION', '此功能正在建设中');
};

export const reportsHandlers = {
  reportStatus: notYet,
  getReport: notYet,
  saveReport: notYet,
  reviewReport: notYet,
  remindReports: notYet,
  uploadTicket: notYet,
};
