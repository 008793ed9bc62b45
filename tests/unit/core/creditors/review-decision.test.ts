import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ReviewedCreditor, reviewDecision, reviewEdit } from '../../../../renderer/src/core/creditors/review';
import type { FourEyesPolicy } from '../../../../renderer/src/core/users/four-eyes';

// reviewDecision builds its outcome with one copy of the creditor (bulk verification decides
// 100,000 at once); it must give exactly what reviewEdit gives for the same creditor with only its
// status and exclusion changed, which is what it did before.
const person = fc.constantFrom({ id: 'u1', name: '张经办' }, { id: 'u2', name: '李审核' }, { id: 'u3', name: '王复核' });
const status = fc.constantFrom('待核实', '已核实', '存疑') as fc.Arbitrary<ReviewedCreditor['status']>;
const exclusion = fc.constantFrom(null, 'employee', 'defendant') as fc.Arbitrary<ReviewedCreditor['exclusion']>;
const pending = fc.record({ changedBy: fc.uniqueArray(person, { selector: (p) => p.id, minLength: 1, maxLength: 3 }), at: fc.constant('2026-12-01T08:00:00.000Z'), fields: fc.constantFrom(['bankAccount'], ['netClaim'], ['bankAccount', 'netClaim']) });
const verifiedBy = fc.record({ id: fc.constantFrom('u1', 'u2'), name: fc.constant('某人'), at: fc.constant('2026-11-30T08:00:00.000Z') });
const review = fc.oneof(
  fc.constant(undefined),
  fc.record({ verifiedBy, pendingChange: pending }, { requiredKeys: [], noNullPrototype: true }),
);
const creditor = fc.record({ status, exclusion, review, statusNote: fc.option(fc.constant('待补材料'), { nil: undefined }), reviewKey: fc.boolean() }).map(({ status: s, exclusion: e, review: r, statusNote, reviewKey }) => {
  const c: Record<string, unknown> = {
    cid: '7', name: '赵某', idType: '居民身份证', idNumber: '110101199001010011', bankAccount: '6222000011112222',
    contracts: [{ principalFen: 1_000_000, returnedFen: 50_000, note: '' }], principalFen: 1_000_000, returnedFen: 50_000, netClaimFen: 950_000,
    status: s, exclusion: e,
  };
  if (statusNote !== undefined) c.statusNote = statusNote;
  // A stored creditor may carry review: undefined as well as no review at all.
  if (r !== undefined || reviewKey) c.review = r;
  return c as unknown as ReviewedCreditor;
});
const policy = fc.record({ smallOffice: fc.boolean(), selfApproval: fc.boolean(), selfReverification: fc.boolean(), approverRecordsPayments: fc.boolean() }) as fc.Arbitrary<FourEyesPolicy>;

function byEdit(before: ReviewedCreditor, decision: { status: ReviewedCreditor['status']; exclusion: ReviewedCreditor['exclusion'] }, actor: { id: string; name: string }, p: FourEyesPolicy, at: string) {
  const { review: _r, ...data } = before;
  return reviewEdit(before, { ...data, status: decision.status, exclusion: decision.exclusion }, actor, p, at);
}

describe('reviewDecision', () => {
  it('gives what reviewEdit gives for a change of status and exclusion only (who verified, pending change, refusals)', () => {
    fc.assert(
      fc.property(creditor, status, exclusion, person, policy, (before, s, e, actor, p) => {
        const stored = [Object.keys(before), JSON.stringify(before)];
        const at = '2026-12-03T09:00:00.000Z';
        const fast = reviewDecision(before, { status: s, exclusion: e }, actor, p, at);
        expect(fast).toStrictEqual(byEdit(before, { status: s, exclusion: e }, actor, p, at));
        // The stored creditor handed in is never changed.
        expect([Object.keys(before), JSON.stringify(before)]).toStrictEqual(stored);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses, naming the creditor, a verification by someone who changed the account', () => {
    const before = { name: '赵某', status: '待核实', exclusion: null, review: { pendingChange: { changedBy: [{ id: 'u1', name: '张经办' }], at: 'x', fields: ['bankAccount'] } } } as unknown as ReviewedCreditor;
    const outcome = reviewDecision(before, { status: '已核实', exclusion: null }, { id: 'u1', name: '张经办' }, { smallOffice: false, selfApproval: false, selfReverification: false, approverRecordsPayments: false }, 'now');
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.message).toContain('赵某');
  });
});
