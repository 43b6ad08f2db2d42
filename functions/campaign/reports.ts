// The campaign function's reports actions: reports owed upward (status, read, save and submit,
// review), reminders of those not submitted, and upload tickets. Wired by ./index.ts.

import { getReport } from './actions/getReport';
import { remindReports } from './actions/remindReports';
import { reportStatus } from './actions/reportStatus';
import { reviewReport } from './actions/reviewReport';
import { saveReport } from './actions/saveReport';
import { uploadTicket } from './actions/uploadTicket';

export const reportsHandlers = {
  reportStatus,
  getReport,
  saveReport,
  reviewReport,
  remindReports,
  uploadTicket,
};
