/**
 * Shape every error namespace follows. The context type of a code is the parameter type of its
 * message template, so a code, its context and its text are declared once, side by side.
 */
export interface ErrorDefinition<Context> {
  /** HTTP status used when the error crosses the agent or admin API. */
  readonly status: number;
  readonly message: (context: Context) => string;
}

export type ErrorDefinitions = Record<string, ErrorDefinition<never>>;
