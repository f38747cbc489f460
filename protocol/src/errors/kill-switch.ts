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
} satisfies ErrorDefinitions;
