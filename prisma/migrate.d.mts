export declare const MIGRATIONS_DIRS: { sqlite: string; postgresql: string };
export declare function migrationsOf(provider: 'sqlite' | 'postgresql'): Array<{ name: string; sql: string; checksum: string }>;
export declare function migrate(url: string): Promise<string[]>;
