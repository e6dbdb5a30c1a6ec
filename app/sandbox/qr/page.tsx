import { readQr } from '@/lib/sandbox';
import { AccountDecision } from '../_components/account-decision';

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

const WORDS = {
  new: 'Scan this code to sign in to Showreel.',
  scanned: 'Showreel wants to access your TikTok account. Confirm to continue.',
  confirmed: 'Confirmed. You can go back to your computer.',
  expired: 'This code has expired or was cancelled.',
  utilised: 'This code has already been used.',
} as const;

/** What the QR code encodes: the sandbox's stand-in for the TikTok app on a phone. */
export default async function SandboxPhonePage({ searchParams }: { searchParams: Promise<Search> }) {
  const q = await searchParams;
  const token = one(q.token);
  const ticket = one(q.client_ticket);
  const qr = token ? readQr(token) : null;
  if (!qr) {
    return (
      <section className="sbx-card sbx-error" role="alert">
        <h1>Invalid QR code</h1>
        <p>This QR code is not valid.</p>
      </section>
    );
  }
  const hidden = (
    <>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="client_ticket" value={ticket} />
    </>
  );
  return (
    <section className="sbx-card">
      <h1>TikTok on your phone</h1>
      <p role="status">{WORDS[qr.status]}</p>
      {qr.status === 'new' && (
        <form method="post" action="/sandbox/qr/act">
          {hidden}
          <div className="sbx-actions">
            <button className="sbx-primary" type="submit" name="action" value="scan">
              Scan
            </button>
          </div>
        </form>
      )}
      {qr.status === 'scanned' && (
        <form method="post" action="/sandbox/qr/act">
          {hidden}
          <p>Scopes: {qr.scopes.join(', ')}</p>
          <AccountDecision name="action" confirm={{ value: 'confirm', label: 'Confirm' }} />
        </form>
      )}
    </section>
  );
}
