/**
 * The host of a referrer (a URL or a bare host), lower case, without a port, path or query; null
 * when it is none, or this app itself (a visitor moving between the app's own pages).
 */
export function referrerHost(ref: string | undefined, ownHost: string): string | null {
  if (!ref) return null;
  let host: string;
  try {
    host = new URL(ref.includes('://') ? ref : `https://${ref}`).hostname.toLowerCase();
  } catch {
    return null;
  }
  host = host.replace(/^www\./, '');
  if (!/^([a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}$|^\[[0-9a-f:.]+\]$/.test(host) || host.length > 253) return null;
  return host === ownHost.replace(/^www\./, '') ? null : host;
}
