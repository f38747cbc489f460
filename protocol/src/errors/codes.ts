import { approvalErrors } from './approval.js';
import { auditErrors } from './audit.js';
import { authErrors } from './auth.js';
import { chainErrors } from './chain.js';
import { daemonErrors } from './daemon.js';
import { keystoreErrors } from './keystore.js';
import { killSwitchErrors } from './kill-switch.js';
import { ownerErrors, pairingErrors } from './owner.js';
import { policyErrors } from './policy.js';
import { requestErrors } from './request.js';
import { signingErrors } from './signing.js';
import { walletErrors } from './wallet.js';

/**
 * Every error the product can report. Codes are NAMESPACE__REASON, stable forever: clients match on
 * them, so a code is never renamed or reused — add a new one instead.
 */
export const ERRORS = {
  ...requestErrors,
  ...authErrors,
  ...keystoreErrors,
  ...walletErrors,
  ...daemonErrors,
  ...chainErrors,
  ...auditErrors,
  ...policyErrors,
  ...killSwitchErrors,
  ...signingErrors,
  ...pairingErrors,
  ...ownerErrors,
  ...approvalErrors,
} as const;

export type ErrorCode = keyof typeof ERRORS;
type TemplateArgs<C extends ErrorCode> = Parameters<(typeof ERRORS)[C]['message']>;
/** Codes whose message template takes no context. */
export type ErrorHasContext<C extends ErrorCode> = TemplateArgs<C> extends [] ? false : true;
export type ErrorContext<C extends ErrorCode> = TemplateArgs<C> extends [infer Context, ...unknown[]]
  ? Context
  : Record<string, never>;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERRORS, value);
}
