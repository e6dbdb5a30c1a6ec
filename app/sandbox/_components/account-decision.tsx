import { DEFAULT_USERNAME, USERNAME_PATTERN } from '@/lib/sandbox/creators';

type Props = { name: string; confirm: { value: string; label: string } };

/** The sandbox account to act as, then Cancel or the confirming button (consent page and phone page). */
export function AccountDecision({ name, confirm }: Props) {
  return (
    <>
      <div className="sbx-field">
        <label htmlFor="username">Sandbox account (username)</label>
        <input id="username" type="text" name="username" defaultValue={DEFAULT_USERNAME} pattern={USERNAME_PATTERN} required />
      </div>
      <div className="sbx-actions">
        <button className="sbx-secondary" type="submit" name={name} value="cancel" formNoValidate>
          Cancel
        </button>
        <button className="sbx-primary" type="submit" name={name} value={confirm.value}>
          {confirm.label}
        </button>
      </div>
    </>
  );
}
