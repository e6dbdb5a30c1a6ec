// What a creator's TikTok connection can be: the values stored in TikTokConnection.status, and
// "disconnected" for a creator without a connection row.
export const CONNECTION_STATUS = { active: 'active', needsReconnect: 'needs_reconnect', disconnected: 'disconnected' } as const;

export type ConnectionStatus = (typeof CONNECTION_STATUS)[keyof typeof CONNECTION_STATUS];
