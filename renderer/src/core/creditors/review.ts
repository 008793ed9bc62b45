// Who verified a creditor, and changes still waiting for someone else's verification (核实与复核).
// A verified creditor whose bank account or net claim changes goes back to 待核实 and may be
// verified again only by someone who did not make the change. Pure; CreditorRepository applies it.
import { checkVerifier, type FourEyesPolicy, type PendingChange, type Relaxation } from '../users/four-eyes';
import type { Person } from '../users/types';
import type { Creditor } from './types';

export interface CreditorReview {
  /** Who set 已核实, when, and whether under a small-office relaxation. Absent unless 已核实. */
  readonly verifiedBy?: Person & { readonly at: string; readonly relaxed?: Relaxation };
  readonly pendingChange?: PendingChange;
}

export type ReviewedCreditor = Creditor & { readonly review?: CreditorReview };

const DATA_FIELDS = ['name', 'idType', 'idNumber', 'phone', 'address', 'bankName', 'bankAccount'] as const;

/** Which kinds of change an edit makes: register data (经办) and verification status (审核). */
export function editKinds(before: Creditor | null, after: Creditor): { readonly data: boolean; readonly verification: boolean } {
  if (!before) return { data: true, verification: after.status !== '待核实' || after.exclusion !== null };
  const contracts = (c: Creditor) => JSON.stringify(c.contracts.map((k) => [k.principalFen, k.returnedFen, k.note]));
  const data = DATA_FIELDS.some((f) => (before[f] ?? '') !== (after[f] ?? '')) || contracts(before) !== contracts(after);
  return { data, verification: before.status !== after.status || before.exclusion !== after.exclusion };
}

/** The fields whose change sends a verified creditor back to 待核实. */
export function sensitiveChanges(before: Creditor, after: Creditor): PendingChange['fields'] {
  const fields: PendingChange['fields'][number][] = [];
  if ((before.bankAccount ?? '') !== (after.bankAccount ?? '')) fields.push('bankAccount');
  if (before.netClaimFen !== after.netClaimFen) fields.push('netClaim');
  return fields;
}

export type ReviewOutcome =
  | { readonly ok: true; readonly creditor: ReviewedCreditor; readonly relaxed: Relaxation | null; readonly sentBack: boolean }
  | { readonly ok: false; readonly message: string };

/**
 * Applies an edit's effect on verification. `after` is the creditor as the user wants it; the
 * result may differ: a sensitive change after verification forces 待核实 and records who changed
 * it; a verification by one of those people is refused (unless the office relaxed the rule).
 */
export function reviewEdit(before: ReviewedCreditor | null, after: Creditor, actor: Person, policy: FourEyesPolicy, at: string): ReviewOutcome {
  const previous = before?.review ?? {};
  let pending = previous.pendingChange;
  const changed = before ? sensitiveChanges(before, after) : [];
  let sentBack = false;
  if (changed.length > 0 && (before?.status === '已核实' || pending)) {
    pending = mergePending(pending, changed, actor, at);
    sentBack = before?.status === '已核实';
  }
  const status = sentBack || (pending && after.status === '已核实' && changed.length > 0) ? '待核实' : after.status;
  const verifying = status === '已核实' && before?.status !== '已核实';
  let review: CreditorReview = {};
  let relaxed: Relaxation | null = null;
  if (verifying) {
    const verdict = checkVerifier(after.name, pending, actor, policy);
    if (!verdict.ok) return verdict;
    relaxed = verdict.relaxed;
    review = { verifiedBy: relaxed ? { ...actor, at, relaxed } : { ...actor, at } };
  } else {
    if (status === '已核实' && previous.verifiedBy) review = { verifiedBy: previous.verifiedBy };
    if (pending) review = { ...review, pendingChange: pending };
  }
  const creditor: ReviewedCreditor = withReview({ ...after, status }, review);
  return { ok: true, creditor, relaxed, sentBack };
}

/**
 * A verification decision (status, exclusion) without any change of data: bulk actions use it too.
 * The outcome is reviewEdit's for the same creditor with only status and exclusion changed (a
 * decision changes no data, so nothing is sent back and a pending change stays), built with one
 * copy of the creditor instead of four: bulk verification decides 100,000 creditors at once, and
 * the copies were most of its CPU. tests/unit/core/creditors/review-decision.test.ts holds the two equal.
 */
export function reviewDecision(
  before: ReviewedCreditor,
  decision: { readonly status: Creditor['status']; readonly exclusion: Creditor['exclusion'] },
  actor: Person,
  policy: FourEyesPolicy,
  at: string,
): ReviewOutcome {
  const previous = before.review;
  const pending = previous?.pendingChange;
  const { status, exclusion } = decision;
  let review: CreditorReview | null = null;
  let relaxed: Relaxation | null = null;
  if (status === '已核实' && before.status !== '已核实') {
    const verdict = checkVerifier(before.name, pending, actor, policy);
    if (!verdict.ok) return verdict;
    relaxed = verdict.relaxed;
    review = { verifiedBy: relaxed ? { ...actor, at, relaxed } : { ...actor, at } };
  } else {
    const verifiedBy = status === '已核实' ? previous?.verifiedBy : undefined;
    if (verifiedBy || pending) review = { ...(verifiedBy ? { verifiedBy } : {}), ...(pending ? { pendingChange: pending } : {}) };
  }
  if (review) return { ok: true, creditor: { ...before, status, exclusion, review }, relaxed, sentBack: false };
  if (!('review' in before)) return { ok: true, creditor: { ...before, status, exclusion }, relaxed, sentBack: false };
  return { ok: true, creditor: { ...stripReview(before), status, exclusion }, relaxed, sentBack: false };
}

/**
 * An import merged new contracts (or a missing account) into a creditor: if it was verified, or
 * already waited for verification of a change, the change is recorded against the importing user.
 */
export function reviewMerge<T extends ReviewedCreditor>(before: T, merged: T, actor: Person | null, at: string): T {
  const pending = before.review?.pendingChange;
  const fields = sensitiveChanges(before, merged);
  if (!actor || fields.length === 0 || (before.status !== '已核实' && !pending)) {
    return withReview(merged, merged.status === '已核实' ? (before.review ?? {}) : { ...(pending ? { pendingChange: pending } : {}) });
  }
  return withReview(merged, { pendingChange: mergePending(pending, fields, actor, at) });
}

function mergePending(pending: PendingChange | undefined, fields: PendingChange['fields'], actor: Person, at: string): PendingChange {
  const all = [...new Set([...(pending?.fields ?? []), ...fields])].sort() as PendingChange['fields'][number][];
  const changedBy = pending?.changedBy.some((p) => p.id === actor.id) ? pending.changedBy : [...(pending?.changedBy ?? []), { id: actor.id, name: actor.name }];
  return { changedBy, at, fields: all };
}

function stripReview(c: ReviewedCreditor): Creditor {
  const { review: _review, ...rest } = c;
  return rest;
}

/** The creditor with this review; without the property when there is nothing to say (as imported). */
export function withReview<T extends Creditor>(c: T, review: CreditorReview): T & { review?: CreditorReview } {
  const { review: _old, ...rest } = c as T & { review?: CreditorReview };
  if (!review.verifiedBy && !review.pendingChange) return rest as T;
  return { ...rest, review } as T & { review: CreditorReview };
}
