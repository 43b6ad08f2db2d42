// Stored documents of the event context. Server-only: the QR secret and other members'
// registrations never reach a member as they are.

import type { EventKind, RegistrationStatus } from '../../core/domain/event';

/** The counters of registrations by status that the event document carries. */
export interface StatusCounts {
  confirmed: number;
  waitlisted: number;
  pending: number;
}

export interface EventDoc {
  _id: string;
  orgId: string;
  kind: EventKind;
  title: string;
  description: string;
  cover: string | null;
  place: string;
  startsAt: number;
  endsAt: number;
  signupOpensAt: number;
  signupClosesAt: number;
  /** 0 = no limit. */
  capacity: number;
  waitlist: boolean;
  approval: boolean;
  /** Branch ids, or ['ALL'] for the whole organisation. */
  audience: string[];
  cancelHours: number;
  status: 'draft' | 'published' | 'cancelled';
  cancelReason: string | null;
  /** Key of the rotating on-site code (HMAC of the event and the 15-second window). Never sent. */
  qrSecret: string;
  // Counters kept by conditional updates: seats left is `capacity - confirmed`, never counted.
  confirmed: number;
  waitlisted: number;
  pending: number;
  cancelled: number;
  attended: number;
  /**
   * Counters found different from the registrations (`counters` as read, `counted` from the
   * registrations), kept until the next check confirms them stuck (../reminders.ts).
   */
  seatCheck?: { at: number; counters: StatusCounts; counted: StatusCounts };
  /** Per branch: c confirmed, a attended (attendance rate per branch in O(1)). */
  byUnit: Record<string, { c?: number; a?: number }>;
  createdBy: string;
  createdByName: string;
  createdAt: number;
  updatedAt: number;
  publishedAt: number | null;
}

export interface AttendanceLogEntry {
  at: number;
  by: string;
  byName: string;
  attended: boolean;
  reason: string;
}

/** `_id` = `${eventId}_${memberId}`: one registration per member and event (signing up twice is harmless). */
export interface RegistrationDoc {
  _id: string;
  eventId: string;
  memberId: string;
  orgId: string;
  unitId: string;
  name: string;
  status: RegistrationStatus;
  signedUpAt: number;
  /** Place in the waitlist: the time the member joined it (ties broken by _id). */
  waitAt: number | null;
  confirmedAt: number | null;
  promoted: boolean;
  cancelledAt: number | null;
  reviewReason: string;
  attended: boolean;
  attendedAt: number | null;
  attendedBy: 'qr' | 'organiser' | null;
  attendanceLog: AttendanceLogEntry[];
  /** Every status change, oldest first: cancelling keeps the history. */
  history: Array<{ at: number; status: RegistrationStatus; by: string }>;
  /** Bumped by every change; status changes are conditional on it. */
  rev: number;
  /** Made by an organiser's mark for a member who never signed up (a walk-in, or an entry never bound): 手工登记. */
  walkIn?: boolean;
}
