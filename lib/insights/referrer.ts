/**
 * The host of a referrer (a URL or a host), lower case, without a port, path or query; null when
 * there is none, or it is this app itself (`ownHost`, with its port: a visitor moving between the
 * app's own pages, while a site on the same machine but another port is another site).
 */
export function referrerHost(ref: string | undefined, ownHost: string): string | null {
  if (!ref) return null;
  let url: URL;
  try {
    url = new URL(ref.includes('://') ? ref : `https://${ref}`);
  } catch {
    return null;
  }
  if (url.host.toLowerCase() === ownHost.toLowerCase()) return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (host.length > 253 || !/^(([a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}|\[[0-9a-f:.]+\])$/.test(host)) return null;
  return host;
}
