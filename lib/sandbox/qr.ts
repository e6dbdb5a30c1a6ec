import 'server-only';
import { env } from '../platform/config/env';
import { DEFAULT_USERNAME } from './creators';
import { csvList, type QrRecord, random, type SandboxReply, SCOPES } from './model';
import { issueCode, oauthError } from './oauth';
import { enter, settings } from './settings';
import * as store from './store';

// QR login in the sandbox: get_qrcode, check_qrcode, and the phone's scan / confirm / cancel.

export async function getQrcode(form: URLSearchParams): Promise<SandboxReply> {
  const fail = await enter('oauth/get_qrcode', 'oauth');
  if (fail) return fail;
  if (form.get('client_key') !== env().clientKey) return oauthError('invalid_client', 'Client key is invalid.', 401);
  const scopes = csvList(form.get('scope'));
  if (scopes.length === 0 || scopes.some((s) => !(SCOPES as readonly string[]).includes(s)))
    return oauthError('invalid_scope', 'scope is missing or unknown.', 400);
  const token = random('qr.');
  store.put('qr', token, {
    status: 'new',
    scopes,
    state: form.get('state') ?? '',
    clientTicket: null,
    code: null,
    expiresAt: Date.now() + settings().qrTtlSeconds * 1000,
  } satisfies QrRecord);
  const scanUrl = `${env().appUrl}/sandbox/qr?token=${encodeURIComponent(token)}&client_ticket=tobefilled`;
  return { status: 200, body: { scan_qrcode_url: scanUrl, token } };
}

export function readQr(token: string): QrRecord | null {
  const q = store.get<QrRecord>('qr', token);
  if (q && q.expiresAt < Date.now() && (q.status === 'new' || q.status === 'scanned')) return { ...q, status: 'expired' };
  return q;
}

/** What the sandbox's phone page does: scan, confirm (as a username) or cancel. */
export function actOnQr(token: string, action: 'scan' | 'confirm' | 'cancel', clientTicket: string, username = DEFAULT_USERNAME): QrRecord | null {
  return store.update<QrRecord, QrRecord | null>('qr', token, (q) => {
    if (!q) return { result: null };
    const current = readQr(token) ?? q;
    if (current.status === 'expired' || current.status === 'confirmed' || current.status === 'utilised') return { result: current };
    let next: QrRecord = current;
    if (action === 'scan') next = { ...current, status: 'scanned', clientTicket };
    if (action === 'cancel') next = { ...current, status: 'expired' };
    if (action === 'confirm') {
      const code = issueCode({ username, scopes: current.scopes, redirectUri: env().redirectUri, challenge: null, qrToken: token });
      next = { ...current, status: 'confirmed', clientTicket: current.clientTicket ?? clientTicket, code };
    }
    return { value: next, result: next };
  });
}

/** For tests: force a QR session into a status. */
export function forceQrStatus(token: string, status: QrRecord['status']): boolean {
  return store.update<QrRecord, boolean>('qr', token, (q) => (q ? { value: { ...q, status }, result: true } : { result: false }));
}

export async function checkQrcode(form: URLSearchParams): Promise<SandboxReply> {
  const fail = await enter('oauth/check_qrcode', 'oauth');
  if (fail) return fail;
  if (form.get('client_key') !== env().clientKey || form.get('client_secret') !== env().clientSecret) {
    return oauthError('invalid_client', 'Client key or secret is invalid.', 401);
  }
  const q = readQr(form.get('token') ?? '');
  if (!q) return oauthError('invalid_request', 'token is invalid.', 400);
  const body: Record<string, unknown> = { status: q.status, client_ticket: q.clientTicket ?? '' };
  if (q.status === 'confirmed' && q.code) {
    const redirect = new URL(env().redirectUri);
    redirect.searchParams.set('code', q.code);
    redirect.searchParams.set('scopes', q.scopes.join(','));
    redirect.searchParams.set('state', q.state);
    body.redirect_uri = redirect.toString();
    body.code = q.code;
    body.state = q.state;
  }
  return { status: 200, body };
}
