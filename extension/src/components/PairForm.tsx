import { useState } from 'preact/hooks';
import type { PairInput } from '../models/options-model';
import type { RequestStatus } from '../models/request-tracker';
import { ErrorNote } from './ErrorNote';

export const DEFAULT_SIGNER_URL = 'http://127.0.0.1:3100';

/** Why a signer address cannot be used, or null: the signer listens on loopback only. */
export function signerUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'Enter an address such as http://127.0.0.1:3100.';
  }
  if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    return 'The signer only listens on this machine: use http://127.0.0.1:<port> or http://localhost:<port>.';
  }
  return null;
}

export interface PairFormProps {
  defaultDeviceName: string;
  status: RequestStatus | undefined;
  onPair(input: PairInput): void;
  onDismissError(): void;
}

/** Pairing: the signer's address and the one-time code `waiaas pair` printed, plus a name for this browser. */
export function PairForm({ defaultDeviceName, status, onPair, onDismissError }: PairFormProps) {
  const [signerUrl, setSignerUrl] = useState(DEFAULT_SIGNER_URL);
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState(defaultDeviceName);
  const [problem, setProblem] = useState<string | null>(null);
  const pending = status?.pending === true;

  const submit = (event: Event): void => {
    event.preventDefault();
    const found = signerUrlProblem(signerUrl) ?? (code.trim() === '' ? 'Enter the code "waiaas pair" printed.' : null) ?? (deviceName.trim() === '' ? 'Give this browser a name.' : null);
    setProblem(found);
    if (found === null) onPair({ signerUrl: signerUrl.trim().replace(/\/+$/, ''), code: code.trim(), deviceName: deviceName.trim() });
  };

  return (
    <form class="form" onSubmit={submit} data-testid="pair-form" noValidate>
      <p>
        On the machine where the signer runs, run <code>waiaas pair</code>. It prints the address and a one-time code: enter
        both here. The code works once and only for a few minutes.
      </p>
      <label for="pair-signer-url">Signer address</label>
      <input id="pair-signer-url" type="url" value={signerUrl} data-testid="pair-signer-url" onInput={(e) => setSignerUrl(e.currentTarget.value)} />
      <label for="pair-code">One-time code</label>
      <input
        id="pair-code"
        type="text"
        autoComplete="one-time-code"
        spellcheck={false}
        value={code}
        data-testid="pair-code"
        onInput={(e) => setCode(e.currentTarget.value)}
      />
      <label for="pair-device-name">Name of this browser (shown on the signer)</label>
      <input id="pair-device-name" type="text" maxLength={64} value={deviceName} data-testid="pair-device-name" onInput={(e) => setDeviceName(e.currentTarget.value)} />
      {problem && (
        <p class="warning" role="alert" data-testid="pair-problem">
          {problem}
        </p>
      )}
      <button type="submit" class="primary" disabled={pending} data-testid="pair-submit">
        {pending ? 'Pairing…' : 'Pair'}
      </button>
      {status?.error && <ErrorNote error={status.error} testId="pair-error" onDismiss={onDismissError} />}
    </form>
  );
}
