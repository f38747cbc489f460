import { type HomePaths, homePaths, resolveHome } from '../home/home-paths.js';
import { createOutput, type Output } from './output.js';

/** What every command receives: where the home is and how to print. */
export interface CliContext {
  paths: HomePaths;
  out: Output;
}

export function cliContext(opts: { json?: boolean; home?: string }): CliContext {
  return { paths: homePaths(opts.home ? resolveHome({ WAIAAS_HOME: opts.home }) : resolveHome()), out: createOutput(Boolean(opts.json)) };
}
