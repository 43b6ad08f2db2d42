// Contract of the `event` cloud function: lecture and event sign-ups with capacity, waitlist and
// approval, on-site QR check-in, and the organisers' rosters and statistics. Seats left are read
// from the event document; the QR secret and other members' details never reach a member.

import * as z from 'zod';
import { cursorField, idField, pageLimitField, type Page } from './common';
import { actionSchemas } from './lazy';
import type { EventKind, EventPhase, RegistrationStatus } from '../domain/event';

const timeSchema = () => z.number().int().min(0).max(4_102_444_800_000);

export const eventDraftSchema = () => z
  .object({
    kind: z.enum(['lecture_tour', 'party_lecture', 'party_day', 'volunteer']),
    title: z.string().trim().min(2, '活动名称至少2个字').max(40, '活动名称最多40字'),
    description: z.string().trim().max(2000, '活动介绍最多2000字').default(''),
    /** fileID of a cover image uploaded first (checked to be an image). */
    cover: z.string().min(1).max(512).nullish(),
    place: z.string().trim().min(1, '请填写活动地点').max(60, '活动地点最多60字'),
    startsAt: timeSchema(),
    endsAt: timeSchema(),
    signupOpensAt: timeSchema(),
    signupClosesAt: timeSchema(),
    /** 0 = no limit. */
    capacity: z.number().int().min(0).max(10_000, '人数上限最多10000'),
    waitlist: z.boolean().default(true),
    approval: z.boolean().default(false),
    /** Branch ids; empty means the whole organisation (org admins only). */
    unitIds: z.array(idField()).max(500).default([]),
    /** Members may cancel until this many hours before the start. */
    cancelHours: z.number().int().min(0).max(168).default(2),
  })
  .strict();

const reasonSchema = () => z.string().trim().min(2, '请填写原因（至少2个字）').max(100, '原因最多100字');

export const eventSchemas = actionSchemas({
  // --- members
  /**
   * Events for the member's branch. open: sign-up not yet closed (including not yet open: the card
   * says so); upcoming: sign-up closed and not yet ended (including in progress); past: ended.
   */
  listEvents: () => z.object({ tab: z.enum(['open', 'upcoming', 'past']), cursor: cursorField(), limit: pageLimitField() }).strict(),
  getEvent: () => z.object({ eventId: idField() }).strict(),
  signUp: () => z.object({ eventId: idField() }).strict(),
  cancelSignUp: () => z.object({ eventId: idField() }).strict(),
  myEvents: () => z.object({ cursor: cursorField(), limit: pageLimitField() }).strict(),
  /** The scanned on-site code: marks the member present at this event only. */
  attendByCode: () => z.object({ eventId: idField(), token: z.string().min(1).max(64) }).strict(),
  // --- organisers
  saveEvent: () => z.object({ eventId: idField().nullish(), event: eventDraftSchema() }).strict(),
  publishEvent: () => z.object({ eventId: idField() }).strict(),
  cancelEvent: () => z.object({ eventId: idField(), reason: reasonSchema() }).strict(),
  listAdminEvents: () => z.object({ cursor: cursorField(), limit: pageLimitField() }).strict(),
  getEventAdmin: () => z.object({ eventId: idField() }).strict(),
  eventRoster: () => z
    .object({
      eventId: idField(),
      filter: z.enum(['all', 'confirmed', 'waitlisted', 'pending', 'cancelled', 'attended', 'no_show']).default('all'),
    })
    .strict(),
  reviewSignUp: () => z.object({ eventId: idField(), memberId: idField(), approve: z.boolean(), reason: z.string().trim().max(100).default('') }).strict(),
  markAttendance: () => z.object({ eventId: idField(), memberId: idField(), attended: z.boolean(), reason: reasonSchema() }).strict(),
  /** The rotating on-site code (changes every 15 s). */
  qrToken: () => z.object({ eventId: idField() }).strict(),
  /** A static code that opens the event page (wxacode.getUnlimited). */
  entryCode: () => z.object({ eventId: idField() }).strict(),
  exportRoster: () => z.object({ eventId: idField() }).strict(),
  /** Draft a publicity post from an ended event (attendance count, photos), for the feed to publish. */
  draftReport: () => z.object({ eventId: idField(), photos: z.array(z.string().min(1).max(512)).max(9).default([]) }).strict(),
  /** Organisers: a cloud path to upload an event cover or report photo to (an upload ticket). */
  uploadTicket: () => z.object({ purpose: z.enum(['cover', 'photo']), name: z.string().trim().min(1).max(200) }).strict(),
} as const);

export type EventRequests = { [A in keyof typeof eventSchemas]: z.input<(typeof eventSchemas)[A]> };
export type EventDraft = z.input<ReturnType<typeof eventDraftSchema>>;

export interface EventCard {
  id: string;
  kind: EventKind;
  title: string;
  place: string;
  startsAt: number;
  endsAt: number;
  signupOpensAt: number;
  signupClosesAt: number;
  capacity: number;
  /** null: no limit. */
  seatsLeft: number | null;
  /** Whether a full event still takes a waitlist. */
  waitlist: boolean;
  waitlisted: number;
  phase: EventPhase;
  coverUrl: string | null;
  /** The member's registration status, or null. */
  myStatus: RegistrationStatus | null;
}

export interface EventDetail extends EventCard {
  description: string;
  /** Why the organiser cancelled it, when cancelled. */
  cancelReason: string | null;
  /** The organiser's reason when the member's sign-up was not approved. */
  myReviewReason: string;
  approval: boolean;
  cancelHours: number;
  cancelDeadline: number;
  audienceNames: string[];
  organiserName: string;
  /** 1-based place on the waitlist, when waitlisted. */
  myWaitPosition: number | null;
  myAttended: boolean;
  /** True once this member was moved from the waitlist to a seat (shown once in the app). */
  myPromoted: boolean;
  canSignUp: boolean;
  canCancel: boolean;
  /** Why not, in plain words, when canSignUp is false and the member has no registration. */
  signUpNote: string;
}

export interface SignUpResult {
  status: RegistrationStatus;
  /** False when the member was already signed up: nothing changed. */
  created: boolean;
  seatsLeft: number | null;
  waitPosition: number | null;
}

export interface MyEventRow {
  eventId: string;
  kind: EventKind;
  title: string;
  place: string;
  startsAt: number;
  endsAt: number;
  phase: EventPhase;
  status: RegistrationStatus;
  attended: boolean;
  promoted: boolean;
}

export interface EventAdminView extends EventDetail {
  status: 'draft' | 'published' | 'cancelled';
  unitIds: string[];
  counts: { confirmed: number; waitlisted: number; pending: number; cancelled: number; attended: number };
  canEdit: boolean;
  /** Per branch of the audience: confirmed and attended (attendance rate). */
  branches: Array<{ unitId: string; unitName: string; confirmed: number; attended: number }>;
  cover: string | null;
}

export interface EventRosterRow {
  memberId: string;
  name: string;
  unitName: string;
  status: RegistrationStatus;
  attended: boolean;
  attendedBy: 'qr' | 'organiser' | null;
  attendedAt: number | null;
  signedUpAt: number;
  waitAt: number | null;
  note: string;
}

export interface EventResponses {
  uploadTicket: { cloudPath: string };
  listEvents: Page<EventCard>;
  getEvent: EventDetail;
  signUp: SignUpResult;
  cancelSignUp: { status: RegistrationStatus; promotedOthers: number };
  myEvents: Page<MyEventRow>;
  attendByCode: { eventId: string; title: string; attendedAt: number; already: boolean };
  saveEvent: EventAdminView;
  publishEvent: EventAdminView;
  /** notified: members told by subscribe message (those holding a credit). */
  cancelEvent: EventAdminView & { notified: number };
  listAdminEvents: Page<EventCard & { status: 'draft' | 'published' | 'cancelled'; confirmed: number; attended: number }>;
  getEventAdmin: EventAdminView;
  eventRoster: { eventId: string; rows: EventRosterRow[]; text: string };
  reviewSignUp: { status: RegistrationStatus };
  markAttendance: { attended: boolean };
  /**
   * content: the URL the code holds (`https://<domain>/qr/checkin?e=&t=`, core/domain/onsiteUrl.ts).
   * serverNow: the server's clock, so a phone with a wrong clock still knows when the code changes.
   */
  qrToken: { token: string; content: string; expiresAt: number; serverNow: number; image: string };
  entryCode: { fileID: string; url: string };
  exportRoster: { fileID: string; url: string; fileName: string };
  /** The draft as the organiser reads it: plain paragraphs, one a line (the feed keeps the HTML). */
  draftReport: { postId: string; title: string; text: string; photos: string[]; attended: number };
}
