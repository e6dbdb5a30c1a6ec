export declare const DEFAULT_DATABASE_URL: string;
export declare function databasePath(url?: string): string;
export declare function dataDir(dbUrl?: string, explicit?: string): string;
export declare function sandboxSecrets(dir: string): { SESSION_SECRET: string; TOKEN_ENCRYPTION_KEY: string };
