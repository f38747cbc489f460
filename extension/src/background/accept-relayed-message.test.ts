import { owner } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { acceptRelayedMessage, type OpenCosignWindow } from './accept-relayed-message.js';

const TICKET = 'AAAAAAAAAAAAAAAAAAAAAA';
const OTHER_TICKET = 'BBBBBBBBBBBBBBBBBBBBBB';
const SIGNER = 'http://127.0.0.1:3100';
const open = new Map<string, OpenCosignWindow>([[TICKET, { tabId: 7, signerUrl: SIGNER }]]);
const declined = { source: owner.COSIGN_PAGE_SOURCE, ticket: TICKET, kind: 'declined', reason: 'User rejected the request.' };
const pageSender = { tab: { id: 7 }, url: `${SIGNER}/v1/owner/cosign#eyJ2IjoiMSJ9` };

describe('acceptRelayedMessage', () => {
  it('accepts a well-formed message from the tab opened for its ticket, on the co-sign page', () => {
    expect(acceptRelayedMessage(open, declined, pageSender)).toEqual(declined);
    expect(acceptRelayedMessage(open, declined, { tab: { id: 7 }, url: `${SIGNER}/v1/owner/cosign` })).toEqual(declined);
  });

  it('refuses the right ticket from another tab (another page on 127.0.0.1)', () => {
    expect(acceptRelayedMessage(open, declined, { tab: { id: 8 }, url: pageSender.url })).toBeNull();
    expect(acceptRelayedMessage(open, declined, { url: pageSender.url })).toBeNull();
  });

  it('refuses the right tab once it is no longer on the co-sign page of that signer', () => {
    for (const url of [
      `${SIGNER}/somewhere-else`,
      'http://127.0.0.1:3101/v1/owner/cosign',
      'http://127.0.0.1:31000/v1/owner/cosign',
      `${SIGNER}/v1/owner/cosign.js`,
      'http://localhost:3100/v1/owner/cosign',
      undefined,
    ]) {
      expect(acceptRelayedMessage(open, declined, { tab: { id: 7 }, url })).toBeNull();
    }
  });

  it('refuses a ticket it never issued, and anything that is not a page message', () => {
    expect(acceptRelayedMessage(open, { ...declined, ticket: OTHER_TICKET }, pageSender)).toBeNull();
    expect(acceptRelayedMessage(open, { ...declined, source: 'waiaas-companion' }, pageSender)).toBeNull();
    expect(acceptRelayedMessage(open, { ...declined, extra: true }, pageSender)).toBeNull();
    expect(acceptRelayedMessage(open, 'declined', pageSender)).toBeNull();
  });
});
