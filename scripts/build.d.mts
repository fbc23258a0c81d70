export declare const root: string;
export declare function inputsFingerprint(base?: string): string;
export declare function isBuildFresh(base?: string): boolean;
export declare function build(): boolean;
