import { agent, WaiaasError } from '@waiaas/protocol';

const { MAX_MESSAGE_BYTES } = agent;

/** The bytes a sign-message request asks to sign: its text as UTF-8, or its 0x-hex decoded. */
export function messageBytes(request: agent.SignMessageRequest): Uint8Array {
  const bytes = request.encoding === 'hex' ? fromHex(request.message) : new TextEncoder().encode(request.message);
  if (bytes.length === 0) throw invalid('it is empty');
  if (bytes.length > MAX_MESSAGE_BYTES) throw invalid(`it is ${bytes.length} bytes; at most ${MAX_MESSAGE_BYTES} are signed`);
  return bytes;
}

function fromHex(text: string): Uint8Array {
  if (!/^0x(?:[0-9a-fA-F]{2})*$/.test(text)) throw invalid('with encoding "hex" the message must be 0x followed by an even number of hex digits');
  return Uint8Array.from(Buffer.from(text.slice(2), 'hex'));
}

const invalid = (reason: string) => new WaiaasError('SIGNING__INVALID_MESSAGE', { reason });
