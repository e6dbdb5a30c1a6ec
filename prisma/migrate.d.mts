export declare function migrate(file: string): string[];
