import { describe, expect, it } from 'vitest';
import {
  authRequestDueAt,
  brandAnswersAuthRequests,
  detectionActionFor,
  labelFromAppealOutcome,
  labelFromAuthAnswer,
  labelFromGftAudit,
  labelFromReviewDecision,
  type ListingEnforcementState,
} from './policy';

const live: ListingEnforcementState = { status: 'active', resemblesProduct: true, inProgress: false, openRequest: false, judgedGenuine: false, askedRecently: false };

describe('detection policy', () => {
  it('acts on a live listing as the model decided', () => {
    expect(detectionActionFor('remove', live)).toBe('remove');
    expect(detectionActionFor('ask', live)).toBe('ask');
    expect(detectionActionFor('none', live)).toBe('none');
  });

  it('leaves removed, in-progress, open-request, judged-genuine and unmatched listings alone', () => {
    for (const state of [
      { ...live, status: 'removed' as const },
      { ...live, inProgress: true },
      { ...live, openRequest: true },
      { ...live, judgedGenuine: true },
      { ...live, resemblesProduct: false },
    ]) {
      expect(detectionActionFor('remove', state)).toBe('none');
      expect(detectionActionFor('ask', state)).toBe('none');
    }
  });

  it('asks instead of removing a listing a person reinstated, and does not ask twice in a row', () => {
    expect(detectionActionFor('remove', { ...live, status: 'reinstated' })).toBe('ask');
    expect(detectionActionFor('remove', { ...live, status: 'reinstated', askedRecently: true })).toBe('none');
    expect(detectionActionFor('ask', { ...live, askedRecently: true })).toBe('none');
    expect(detectionActionFor('remove', { ...live, askedRecently: true })).toBe('remove');
  });

  it('asks only brands that joined the authentication programme', () => {
    expect(brandAnswersAuthRequests({ status: 'active', jointForcePhase: 'authentication' })).toBe(true);
    expect(brandAnswersAuthRequests({ status: 'active', jointForcePhase: 'joint_force' })).toBe(true);
    expect(brandAnswersAuthRequests({ status: 'active', jointForcePhase: 'notice_and_takedown' })).toBe(false);
    expect(brandAnswersAuthRequests({ status: 'inactive', jointForcePhase: 'joint_force' })).toBe(false);
  });

  it('dates a request due after the configured hours', () => {
    expect(authRequestDueAt(new Date('2026-01-01T00:00:00Z'), { authDueHours: 72 }).toISOString()).toBe('2026-01-04T00:00:00.000Z');
  });

  it('turns judgements into labels, and only judgements about the goods', () => {
    expect(labelFromAuthAnswer('counterfeit')).toBe(true);
    expect(labelFromAuthAnswer('genuine')).toBe(false);
    expect(labelFromAuthAnswer('unsure')).toBeNull();
    expect(labelFromReviewDecision('remove', null)).toBe(true);
    expect(labelFromReviewDecision('reject', 'listing_not_infringing')).toBe(false);
    expect(labelFromReviewDecision('reject', 'authorised_seller')).toBe(false);
    expect(labelFromReviewDecision('reject', 'insufficient_evidence')).toBeNull();
    expect(labelFromReviewDecision('reject', 'duplicate')).toBeNull();
    expect(labelFromGftAudit(true)).toBe(true);
    expect(labelFromGftAudit(false)).toBe(false);
    expect(labelFromAppealOutcome('upheld')).toBe(true);
    expect(labelFromAppealOutcome('reinstated')).toBe(false);
    expect(labelFromAppealOutcome('open')).toBeNull();
    expect(labelFromAppealOutcome('contested')).toBeNull();
  });
});
