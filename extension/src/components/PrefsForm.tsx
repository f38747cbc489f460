import type { RequestStatus } from '../models/request-tracker';
import type { NotificationPrefs } from '../port/messages';
import { ErrorNote } from './ErrorNote';

export interface PrefsFormProps {
  prefs: NotificationPrefs;
  status: RequestStatus | undefined;
  onChange(prefs: NotificationPrefs): void;
  onDismissError(): void;
}

/** Which desktop notifications this browser shows; each box saves as it is ticked. */
export function PrefsForm({ prefs, status, onChange, onDismissError }: PrefsFormProps) {
  return (
    <fieldset class="form" disabled={status?.pending === true}>
      <legend>Desktop notifications</legend>
      <label class="check">
        <input type="checkbox" checked={prefs.approvals} data-testid="prefs-approvals" onChange={(e) => onChange({ ...prefs, approvals: e.currentTarget.checked })} />
        A request waits for my approval
      </label>
      <label class="check">
        <input type="checkbox" checked={prefs.notices} data-testid="prefs-notices" onChange={(e) => onChange({ ...prefs, notices: e.currentTarget.checked })} />
        An agent made a payment I should know about (NOTIFY tier)
      </label>
      {status?.error && <ErrorNote error={status.error} testId="prefs-error" onDismiss={onDismissError} />}
    </fieldset>
  );
}
