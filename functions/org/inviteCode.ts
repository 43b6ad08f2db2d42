// Branch invite codes: 6 characters a member can read aloud and type on a phone, without the
// look-alikes 0/O and 1/I. Uniqueness is settled by the database: the code is an _id.

import { randomInt } from 'node:crypto';
import { COLLECTIONS } from '../lib/collections';
import { isDuplicateKeyError, type Database } from '../lib/db';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Reserve a fresh code for a unit; retries the rare collision. */
export async function reserveInviteCode(db: Database, unitId: string, orgId: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newInviteCode();
    try {
      await db.collection(COLLECTIONS.inviteCodes).add({ data: { _id: code, unitId, orgId } });
      return code;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }
  throw new Error('could not reserve a unique invite code');
}
