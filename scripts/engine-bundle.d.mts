/** Types of engine-bundle.mjs (used by the tsx scripts). */
export function bundle(entry: string, name: string, options?: { root?: string; dirname?: string }): string;
export function throughTsx(): boolean;
