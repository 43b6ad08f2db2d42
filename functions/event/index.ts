// Entry of the `event` cloud function: wiring only. Deployed as cloudfunctions/event/index.js.

import { eventSchemas, type EventResponses } from '../../core/contracts/event';
import { getOpenid, platformDeps } from '../lib/platform';
import { createRouter } from '../lib/router';
import { uploadTicket } from './actions/uploadTicket';
import { listEvents } from './actions/listEvents';
import { getEvent } from './actions/getEvent';
import { signUp } from './actions/signUp';
import { cancelSignUp } from './actions/cancelSignUp';
import { myEvents } from './actions/myEvents';
import { attendByCode } from './actions/attendByCode';
import { saveEvent } from './actions/saveEvent';
import { publishEvent } from './actions/publishEvent';
import { cancelEvent } from './actions/cancelEvent';
import { listAdminEvents } from './actions/listAdminEvents';
import { getEventAdmin } from './actions/getEventAdmin';
import { eventRoster } from './actions/eventRoster';
import { reviewSignUp } from './actions/reviewSignUp';
import { markAttendance } from './actions/markAttendance';
import { qrToken } from './actions/qrToken';
import { entryCode } from './actions/entryCode';
import { exportRoster } from './actions/exportRoster';
import { draftReport } from './actions/draftReport';
import { eventTimer } from './reminders';

export const main = createRouter<typeof eventSchemas, EventResponses>(
  'event',
  eventSchemas,
  {
    uploadTicket,
    listEvents,
    getEvent,
    signUp,
    cancelSignUp,
    myEvents,
    attendByCode,
    saveEvent,
    publishEvent,
    cancelEvent,
    listAdminEvents,
    getEventAdmin,
    eventRoster,
    reviewSignUp,
    markAttendance,
    qrToken,
    entryCode,
    exportRoster,
    draftReport,
  },
  { getOpenid, deps: platformDeps, onTimer: (deps) => eventTimer(deps), aliases: { checkInEvent: 'attendByCode' } },
);
