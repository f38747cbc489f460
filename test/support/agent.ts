import { errorCode, httpRequest, type HttpResponse } from './http.js';

export interface Tx {
  id: string;
  status: string;
  tier: string;
  policyReason: string | null;
  executeAt: string | null;
  hash: string | null;
  error: { code: string; message: string } | null;
}

const FINAL = ['CONFIRMED', 'FAILED', 'CANCELLED', 'EXPIRED', 'REJECTED'];

/** An agent: a session token and the signer's unix socket, nothing else. */
export function agentClient(socketPath: string, token: string) {
  const call = (method: string, path: string, body?: unknown): Promise<HttpResponse> =>
    httpRequest({ socketPath }, method, path, {
      token,
      ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  const get = async (id: string) => (await call('GET', `/v1/transactions/${id}`)).body as Tx;
  return {
    call,
    get,
    async send(body: Record<string, unknown>): Promise<Tx> {
      const res = await call('POST', '/v1/transactions/send', body);
      if (res.status !== 200) throw new Error(`send refused: ${res.status} ${res.text}`);
      return res.body as Tx;
    },
    /** Polls until the transaction reaches `status` (default: any final status). */
    async waitFor(id: string, status?: string, timeoutMs = 30_000): Promise<Tx> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const tx = await get(id);
        if (status ? tx.status === status : FINAL.includes(tx.status)) return tx;
        if (FINAL.includes(tx.status) && status && tx.status !== status) {
          throw new Error(`transaction ${id} ended ${tx.status} (${tx.error?.code ?? ''}), expected ${status}`);
        }
        if (Date.now() > deadline) throw new Error(`transaction ${id} is still ${tx.status} after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    errorCode,
  };
}
