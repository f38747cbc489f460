import { TOKEN_PROGRAM_ADDRESS, getTokenDecoder } from '@solana-program/token';
import type { LiteSVM } from 'litesvm';
import {
  addressParam,
  assertBase64Encoding,
  base64Account,
  configParam,
  existingAccount,
  isTokenAccount,
  jsonParsedTokenAccount,
  withContext,
} from './account-encoding.js';
import type { BlockClock } from './block-clock.js';
import { JsonRpcError, type RpcHandler } from './json-rpc-server.js';

/** Read-only methods: accounts, balances and the chain's clock, shaped as Agave answers them. */
export function createAccountMethods(svm: LiteSVM, clock: BlockClock): Record<string, RpcHandler> {
  return {
    getLatestBlockhash: () => withContext(clock.slot(), clock.latestBlockhash()),

    getBlockHeight: () => clock.blockHeight(),

    getBalance: ([address]) => withContext(clock.slot(), svm.getBalance(addressParam(address)) ?? 0n),

    getMultipleAccounts: ([addresses, config]) => {
      assertBase64Encoding(configParam(config));
      if (!Array.isArray(addresses)) throw new JsonRpcError(-32602, 'Invalid params: expected an array of addresses');
      if (addresses.length > 100) throw new JsonRpcError(-32602, 'Too many inputs provided; max 100');
      const accounts = addresses.map((address) => existingAccount(svm, addressParam(address)));
      return withContext(clock.slot(), accounts.map((account) => account && base64Account(account)));
    },

    getTokenAccountsByOwner: ([owner, filter, config]) => {
      const ownerAddress = addressParam(owner);
      const { mint, programId } = configParam(filter);
      if (mint === undefined && programId !== TOKEN_PROGRAM_ADDRESS) {
        throw new JsonRpcError(-32602, 'Invalid param: unrecognized Token program id');
      }
      const { encoding } = configParam(config);
      const accounts = svm.getProgramAccounts(TOKEN_PROGRAM_ADDRESS).filter((account) => {
        if (!isTokenAccount(account)) return false;
        const token = getTokenDecoder().decode(account.data);
        return token.owner === ownerAddress && (mint === undefined || token.mint === addressParam(mint));
      });
      const encode = encoding === 'jsonParsed' ? (a: (typeof accounts)[number]) => jsonParsedTokenAccount(svm, a) : base64Account;
      if (encoding !== 'jsonParsed') assertBase64Encoding({ encoding });
      return withContext(clock.slot(), accounts.map((account) => ({ pubkey: account.address, account: encode(account) })));
    },
  };
}
