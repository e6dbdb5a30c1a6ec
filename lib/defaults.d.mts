export declare const DEFAULT_DATABASE_URL: string;
export declare function databasePath(url?: string): string;
export declare function sandboxSecrets(dbUrl?: string): { SESSION_SECRET: string; TOKEN_ENCRYPTION_KEY: string };
