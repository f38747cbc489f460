import { describe, expect, it } from 'vitest';
import { ERRORS } from './codes.js';
import { isWaiaasError, UnknownWaiaasError, WaiaasError } from './waiaas-error.js';

describe('WaiaasError', () => {
  it('renders its message from the code template and typed context', () => {
    const error = new WaiaasError('SESSION__EXPIRED', { sessionId: 's1', expiredAt: '2026-01-01T00:00:00.000Z' });
    expect(error.message).toBe('Session s1 expired at 2026-01-01T00:00:00.000Z.');
    expect(error.status).toBe(401);
    expect(error.toResponse()).toEqual({
      error: {
        code: 'SESSION__EXPIRED',
        message: 'Session s1 expired at 2026-01-01T00:00:00.000Z.',
        context: { sessionId: 's1', expiredAt: '2026-01-01T00:00:00.000Z' },
      },
    });
  });

  it('round-trips through the wire shape', () => {
    const sent = new WaiaasError('WALLET__NOT_FOUND', { wallet: 'bot' });
    const received = WaiaasError.fromResponse(sent.toResponse(), 404);
    expect(isWaiaasError(received, 'WALLET__NOT_FOUND')).toBe(true);
    expect(received).toMatchObject({ code: 'WALLET__NOT_FOUND', message: sent.message, context: { wallet: 'bot' }, status: 404 });
  });

  it('keeps codes from a newer peer as UnknownWaiaasError', () => {
    const received = WaiaasError.fromResponse({ error: { code: 'FUTURE__THING', message: 'new', context: {} } });
    expect(received).toBeInstanceOf(UnknownWaiaasError);
    expect(received.code).toBe('FUTURE__THING');
  });

  it('every code is NAMESPACE__REASON with a 4xx/5xx status', () => {
    for (const [code, definition] of Object.entries(ERRORS)) {
      expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*__[A-Z_]+$/);
      expect(definition.status).toBeGreaterThanOrEqual(400);
      expect(definition.status).toBeLessThan(600);
    }
  });
});
