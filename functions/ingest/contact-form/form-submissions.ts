import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../shared/clock/clock';
import { itemAbsent } from '../../../shared/store/condition';
import { ConditionFailedError } from '../../../shared/store/store-errors';
import type { Table } from '../../../shared/store/table';

/** Under ingest's `delivery#` keys: the only items its role may read and write on AWS. */
const key = (fingerprint: string) => ({ pk: `delivery#website-form#${fingerprint}`, sk: 'submission' });

interface SubmissionItem {
  pk: string;
  sk: string;
  submissionId: string;
  firstPostedAt: string;
  expiresAt: number;
}

/**
 * Form posts seen within their re-post window, by fingerprint: the same form posted again within the
 * window gets the id of the first post, which is also its delivery id, so it is accepted once.
 *
 * The window is measured from the first post (an item that expires `window` after it), not from fixed
 * clock slots: with slots (a hash of the body and `floor(now / window)`), two posts a second apart that
 * straddle a slot boundary would count twice. A post after the window is a new submission, even if the
 * same form was posted during it. Expiry has the store's one-second granularity, rounded up.
 *
 * When the first post could not be made durable (ingest answered 503), the repost gets the same id and
 * is accepted then: remembering the fingerprint never loses a submission.
 */
export class FormSubmissions {
  constructor(
    private readonly table: Table,
    private readonly clock: Clock,
  ) {}

  /**
   * The submission id for a post with this fingerprint: the first post's within the window, else a new one.
   *
   * @example
   * const { id, repeated } = await submissions.idFor(fingerprint, 600_000);
   */
  async idFor(fingerprint: string, windowMs: number): Promise<{ id: string; repeated: boolean }> {
    // Two attempts: a first post's item may expire between our failed insert and our read.
    for (let attempt = 0; ; attempt += 1) {
      const now = this.clock.now();
      const id = newSubmissionId();
      try {
        await this.table.put(
          { ...key(fingerprint), submissionId: id, firstPostedAt: now.toISOString(), expiresAt: Math.ceil((now.getTime() + windowMs) / 1000) },
          itemAbsent,
        );
        return { id, repeated: false };
      } catch (error) {
        if (!(error instanceof ConditionFailedError)) throw error;
      }
      const first = await this.table.get<SubmissionItem>(key(fingerprint), { consistent: true });
      if (first !== undefined) return { id: first.submissionId, repeated: true };
      if (attempt >= 1) throw new Error('the re-post window changed twice during one post');
    }
  }
}

/** `form-` and a UUID: the id the website is answered with, the delivery id and the event id. */
export function newSubmissionId(): string {
  return `form-${randomUUID()}`;
}
