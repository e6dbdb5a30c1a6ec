/**
 * The edge cache tag of a copy's URLs (`/img/{hash}/…`). The bytes behind a hash never change, but a
 * copy nothing names any more is deleted (lib/images/retention.ts), and the edge must forget it too.
 */
export const imageTag = (hash: string) => `img:${hash}`;
