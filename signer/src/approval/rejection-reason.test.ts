import { describe, expect, it } from 'vitest';
import { rejectionReason } from './rejection-reason.js';

describe('rejectionReason', () => {
  it('trims, and turns control characters and bidi overrides into single spaces', () => {
    expect(rejectionReason('  not this vendor\n\u001b[31mAPPROVED\u001b[0m \u202Eevil  ')).toBe('not this vendor [31mAPPROVED [0m evil');
  });

  it('is null when nothing readable is left, or nothing was given', () => {
    expect(rejectionReason(' \t\r\n\u0000 ')).toBeNull();
    expect(rejectionReason(undefined)).toBeNull();
  });
});
