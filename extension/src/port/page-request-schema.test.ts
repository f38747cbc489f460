import { describe, expect, it } from 'vitest';
import { parsePageRequest } from './page-request-schema.js';

const APPROVAL = '01936a5c-0000-7000-8000-000000000001';

describe('parsePageRequest', () => {
  it('accepts every well-formed request as it is', () => {
    for (const request of [
      { id: 'r1', type: 'getState' },
      { id: 'r2', type: 'pair', signerUrl: 'http://127.0.0.1:3100', code: 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX', deviceName: 'laptop' },
      { id: 'r3', type: 'reject', approvalId: APPROVAL, reason: 'too much' },
      { id: 'r4', type: 'changePolicy', change: { remove: APPROVAL } },
      { id: 'r5', type: 'setPrefs', prefs: { approvals: true, notices: false } },
      { id: 'r6', type: 'registerOwner', chain: 'solana' },
    ]) {
      expect(parsePageRequest(request)).toEqual({ ok: true, request });
    }
  });

  it('refuses a malformed request but keeps its id so the page gets an error reply', () => {
    expect(parsePageRequest({ id: 'r7', type: 'approve', approvalId: 'not-a-uuid' })).toMatchObject({ ok: false, id: 'r7', issue: expect.stringMatching(/^approvalId: /) });
    expect(parsePageRequest({ id: 'r8', type: 'changePolicy', change: { drop: 'everything' } })).toMatchObject({ ok: false, id: 'r8' });
    expect(parsePageRequest({ id: 'r9', type: 'getState', extra: 1 })).toMatchObject({ ok: false, id: 'r9' });
    expect(parsePageRequest({ id: 'r10', type: 'registerOwner', chain: 'bitcoin' })).toMatchObject({ ok: false, id: 'r10' });
  });

  it('has no id to answer for a message without a usable one', () => {
    expect(parsePageRequest({ type: 'approve', id: 1 })).toMatchObject({ ok: false, id: null });
    expect(parsePageRequest('getState')).toMatchObject({ ok: false, id: null });
  });
});
