// The map of every cloud function (bounded context) to its actions' request and response types.
// The client's call() and each function's router are typed from here.

import type { CheckinRequests, CheckinResponses } from './checkin';
import type { EventRequests, EventResponses } from './event';
import type { ExamRequests, ExamResponses } from './exam';
import type { FeedRequests, FeedResponses } from './feed';
import type { OrgRequests, OrgResponses } from './org';
import type { QuizRequests, QuizResponses } from './quiz';
import type { PointsRequests, PointsResponses } from './points';
import type { ConsoleRequests, ConsoleResponses } from './console';
import type { CampaignRequests, CampaignResponses } from './campaign';

export interface Contracts {
  org: { requests: OrgRequests; responses: OrgResponses };
  exam: { requests: ExamRequests; responses: ExamResponses };
  checkin: { requests: CheckinRequests; responses: CheckinResponses };
  event: { requests: EventRequests; responses: EventResponses };
  feed: { requests: FeedRequests; responses: FeedResponses };
  quiz: { requests: QuizRequests; responses: QuizResponses };
  points: { requests: PointsRequests; responses: PointsResponses };
  console: { requests: ConsoleRequests; responses: ConsoleResponses };
  campaign: { requests: CampaignRequests; responses: CampaignResponses };
}

export type ContextName = keyof Contracts;
export type ActionName<C extends ContextName> = keyof Contracts[C]['requests'] & keyof Contracts[C]['responses'] & string;
export type RequestOf<C extends ContextName, A extends ActionName<C>> = Contracts[C]['requests'][A];
export type ResponseOf<C extends ContextName, A extends ActionName<C>> = Contracts[C]['responses'][A];

export type * from './org';
export type * from './exam';
export type * from './checkin';
export type * from './event';
export type * from './feed';
export type * from './quiz';
export type * from './points';
export type * from './console';
export type * from './campaign';
export type { Page } from './common';
