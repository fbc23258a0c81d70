export declare const ELECTRON_VERSION: string;
export declare const FUSES: string[];
export declare function makeStandInElectron(dir: string): string;
export declare function readFuses(executable: string): Record<string, boolean>;
export declare function packageLinuxDir(root: string, electronDist: string, outputDir: string): string;
