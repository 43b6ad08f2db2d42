// Entry of the `event` cloud function: wiring only. Deployed as cloudfunctions/event/index.js.

import { eventSchemas, type EventResponses } from '../../core/contracts/event';
import { getOpenid, platformDeps } from '../lib/platform';
import { createRouter } from '../lib/router';
import { attendByCode, entryCode, markAttendance, qrToken } from './actions/attendance';
import { cancelEvent, draftReport, eventRoster, exportRoster, getEventAdmin, listAdminEvents, publishEvent, saveEvent } from './actions/manage';
import { getEvent, listEvents, myEvents } from './actions/member';
import { cancelSignUp, reviewSignUp, signUp } from './actions/signup';
import { eventTimer } from './reminders';

export const main = createRouter<typeof eventSchemas, EventResponses>(
  'event',
  eventSchemas,
  {
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
