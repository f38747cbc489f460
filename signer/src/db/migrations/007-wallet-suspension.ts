/** AutoStop: a wallet suspended on its own (repeated failures, a burst) until the master resumes it. */
export const walletSuspensionSchema = `
ALTER TABLE wallets ADD COLUMN suspended_at INTEGER;
ALTER TABLE wallets ADD COLUMN suspended_reason TEXT;
`;
