import type { CompanionError } from '../port/messages';

/** A failed request's error, with its code so it can be looked up and reported. */
export function ErrorNote({ error, testId, onDismiss }: { error: CompanionError; testId?: string; onDismiss?: () => void }) {
  return (
    <div class="error-note" role="alert" data-testid={testId} data-code={error.code}>
      <p>
        {error.message} <code class="code">{error.code}</code>
      </p>
      {onDismiss && (
        <button type="button" class="link" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
