import { initialSchema } from './001-initial.js';
import { pipelineSchema } from './002-pipeline.js';
import { reservationsSchema } from './003-reservations.js';
import { auditChainSchema } from './004-audit-chain.js';
import { killSwitchSchema } from './005-kill-switch.js';
import { policyTiersSchema } from './006-policy-tiers.js';
import { walletSuspensionSchema } from './007-wallet-suspension.js';
import { sessionPoliciesSchema } from './008-session-policies.js';
import { ownerApprovalsSchema } from './010-owner-approvals.js';
import { ownerEventsSchema } from './009-owner-events.js';
import { notificationsSchema } from './011-notifications.js';
import { auditCheckpointsSchema } from './012-audit-checkpoints.js';

/**
 * Ordered schema migrations; a migration's position is its version. Never edit a shipped one:
 * append a new entry instead.
 */
export const MIGRATIONS: readonly string[] = [initialSchema, pipelineSchema, reservationsSchema, auditChainSchema, killSwitchSchema, policyTiersSchema, walletSuspensionSchema, sessionPoliciesSchema, ownerEventsSchema, ownerApprovalsSchema, notificationsSchema, auditCheckpointsSchema];
