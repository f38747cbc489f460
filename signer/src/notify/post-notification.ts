export type PostResult = { ok: true } | { ok: false; problem: string; stopped?: boolean };

/**
 * POSTs one notification, giving up after `timeoutMs` or when `stop` aborts (daemon shutdown).
 * Never throws: a failure is a problem in words holding neither the URL nor a header, so it can go
 * into a log line and the audit log as it is.
 */
export async function postNotification(
  url: string,
  request: { headers: Record<string, string>; body: string; timeoutMs: number; stop: AbortSignal },
): Promise<PostResult> {
  try {
    // A redirect would carry the token or the signed body wherever it points; neither channel redirects.
    const response = await fetch(url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'error',
      signal: AbortSignal.any([AbortSignal.timeout(request.timeoutMs), request.stop]),
    });
    await response.body?.cancel();
    return response.ok ? { ok: true } : { ok: false, problem: `HTTP ${response.status}` };
  } catch (error) {
    if (request.stop.aborted) return { ok: false, problem: 'the signer stopped', stopped: true };
    if (error instanceof DOMException && error.name === 'TimeoutError') return { ok: false, problem: `no answer within ${request.timeoutMs} ms` };
    return { ok: false, problem: `unreachable (${causeCode(error)})` };
  }
}

/** "ECONNREFUSED" and the like: the system error code, which says what went wrong and nothing secret. */
function causeCode(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
  return typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code) ? code : 'network error';
}
