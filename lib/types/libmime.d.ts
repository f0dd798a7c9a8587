declare module "libmime" {
  const libmime: {
    decodeWords(str: string): string;
    encodeWords(str: string, mimeWordEncoding?: "B" | "Q", maxLength?: number, fromCharset?: string): string;
  };
  export default libmime;
}
