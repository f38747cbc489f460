import { owner } from '@waiaas/protocol';
import { describe, expect, it } from 'vitest';
import { defineOwnerCommand } from './owner-command-table.js';
import { parseOwnerFrame } from './parse-frame.js';

const commands = { 'session.list': defineOwnerCommand('session.list', () => ({ sessions: [] })) };
const parse = (text: string, binary = false) => parseOwnerFrame(Buffer.from(text), binary, commands);
const code = (result: ReturnType<typeof parse>) => (result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`);

describe('parseOwnerFrame', () => {
  it('parses control frames and commands with their protocol schemas', () => {
    expect(parse('{"type":"resume","lastSeq":3}')).toEqual({ ok: true, kind: 'control', frame: { type: 'resume', lastSeq: 3 } });
    expect(parse('{"type":"session.list","id":"a","all":true}')).toEqual({
      ok: true,
      kind: 'command',
      type: 'session.list',
      id: 'a',
      request: { type: 'session.list', id: 'a', all: true },
    });
  });

  it('turns every bad frame into a coded error, keeping the id when there is one', () => {
    expect(code(parse('nope'))).toBe('OWNER__MALFORMED_FRAME: The frame is malformed: it is not JSON.');
    expect(code(parse('{}', true))).toBe('OWNER__MALFORMED_FRAME: The frame is malformed: binary frames are not accepted; send JSON text.');
    expect(code(parse('[1]'))).toBe('OWNER__MALFORMED_FRAME: The frame is malformed: it is not a JSON object.');
    expect(code(parse('{"id":"a"}'))).toBe('OWNER__MALFORMED_FRAME: The frame is malformed: it has no string "type".');
    expect(parse('{"type":"wallet.drain","id":"x"}')).toMatchObject({ ok: false, id: 'x', error: { code: 'OWNER__UNKNOWN_COMMAND' } });
    expect(parse('{"type":"session.list","id":"y","all":"yes"}')).toMatchObject({ ok: false, id: 'y', error: { code: 'OWNER__MALFORMED_FRAME' } });
    // Commands that do not exist on the table are unknown even if named like an object's own property.
    expect(parse('{"type":"constructor"}')).toMatchObject({ ok: false, error: { code: 'OWNER__UNKNOWN_COMMAND' } });
    const big = parse(JSON.stringify({ type: 'heartbeat', pad: 'x'.repeat(owner.OWNER_MAX_FRAME_BYTES) }));
    expect(big).toMatchObject({ ok: false, error: { code: 'OWNER__FRAME_TOO_LARGE' } });
  });
});
