import type { Config } from '../config/schema.js';

/** The session rules from config.toml, in the units the session code works in. */
export interface SessionPolicy {
  defaultTtlSeconds: number;
  maxTtlSeconds: number;
  maxRenewals: number;
  absoluteLifetimeSeconds: number;
}

export const sessionPolicyFrom = (config: Config): SessionPolicy => ({
  defaultTtlSeconds: config.session.default_ttl,
  maxTtlSeconds: config.session.max_ttl,
  maxRenewals: config.session.max_renewals,
  absoluteLifetimeSeconds: config.session.absolute_lifetime,
});
