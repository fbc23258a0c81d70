export function mixedText(count?: number, seed?: number): string;
export function textChunks(text: string, maxUnits?: number): string[];
