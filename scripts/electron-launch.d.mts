export interface SandboxFacts {
  platform: NodeJS.Platform;
  uid: number;
  appArmorRestrictsUserns: boolean;
  helperIsSetuidRoot: boolean;
}
export declare function electronPackageDir(desktopDir: string, env?: NodeJS.ProcessEnv): string | undefined;
export declare function installedElectron(packageDir: string): string | undefined;
export declare function lastMeaningfulLine(text: string | undefined): string | undefined;
export declare function hasDisplay(platform?: NodeJS.Platform, env?: NodeJS.ProcessEnv): boolean;
export declare function sandboxDecision(facts: SandboxFacts): {
  flags: string[];
  note?: 'startNoSandboxRoot' | 'startNoSandboxAppArmor';
};
export declare function parseLddMissing(output: string | undefined): string[];
export declare function nodeIsTooOld(version?: string): boolean;
