import type { ErrorDefinitions } from './define.js';

export const killSwitchErrors = {
  KILL_SWITCH__ENGAGED: {
    status: 503,
    message: (c: { state: string; since: string }) =>
      `The Owner's kill switch is ${c.state} since ${c.since}: the signer accepts no agent requests until it is recovered.`,
  },
  KILL_SWITCH__NOT_ENGAGED: {
    status: 409,
    message: (c: { state: string }) => `The kill switch is ${c.state}, not engaged; there is nothing to recover.`,
  },
  KILL_SWITCH__ALREADY_ENGAGED: {
    status: 409,
    message: (c: { state: string; since: string }) => `The kill switch is already ${c.state} since ${c.since}.`,
  },
  KILL_SWITCH__OWNER_SIGNATURE_REQUIRED: {
    status: 409,
    message: (c: { owner: string }) =>
      `An Owner (${c.owner}) is registered, so recovery needs their signature too: get the recover message ("waiaas kill-switch recover-message"), sign it with the Owner's wallet and pass --nonce and --signature.`,
  },
} satisfies ErrorDefinitions;
