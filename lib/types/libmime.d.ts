// libmime ships no types; only what Hoptrace uses is declared.
declare module "libmime" {
  export function decodeWords(str: string): string;
}
