// libmime ships no types; only what Hoptrace uses is declared (its ESM build has a default export only).
declare module "libmime" {
  const libmime: {
    decodeWords(str: string): string;
    encodeWords(str: string, mimeWordEncoding?: "B" | "Q", maxLength?: number, fromCharset?: string): string;
  };
  export default libmime;
}
