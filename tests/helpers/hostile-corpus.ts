/**
 * Adversarial inputs shared by the unit (analyze()) and API (POST /api/analyze) hostile tests.
 * Each case says what the answer must be: "ok" (an Analysis), a typed AnalysisError code, or
 * "either" (an Analysis or a typed error, both fine). Sizes stay just under the 1 MiB limit unless
 * the case is about the limit. Generated lazily so test collection stays cheap.
 */
export type Outcome = "ok" | "too-large" | "no-headers" | "either";

export interface HostileCase {
  name: string;
  input: () => string;
  expect: Outcome;
}

const MiB = 1024 * 1024;
const DATE = "Mon, 1 Jan 2024 10:00:00 +0000";
const HOP = `Received: from a.example ([192.0.2.1]) by b.example with ESMTPS id x; ${DATE}\n`;
const rep = (s: string, n: number) => s.repeat(n);
/** A value of about `bytes` bytes made of `unit` (ASCII units). */
const fill = (unit: string, bytes: number) => rep(unit, Math.floor(bytes / unit.length));

export const HOSTILE_CASES: HostileCase[] = [
  { name: "1 MiB in one header (just under the limit)", input: () => `Subject: ${fill("a", MiB - 64)}\n`, expect: "ok" },
  { name: "1 MiB in one folded header", input: () => `Subject: ${fill("abcdefghi\n ", MiB - 64)}\n`, expect: "ok" },
  { name: "one byte over 1 MiB", input: () => `Subject: ${fill("a", MiB - 8)}\n`.padEnd(MiB + 1, "b"), expect: "too-large" },
  { name: "10,000 Received headers", input: () => rep(`Received: from a by b; ${DATE}\n`, 10_000), expect: "ok" },
  { name: "5,000 full Received headers (over MAX_FIELDS and MAX_HOPS)", input: () => rep(HOP, 5_000), expect: "ok" },
  { name: "50,000 nested ( in a Received comment", input: () => `Received: from a ${rep("(", 50_000)} by b; ${DATE}\n`, expect: "ok" },
  { name: "50,000 nested ( closed again", input: () => `Received: from a ${rep("(", 50_000)}x${rep(")", 50_000)} by b; ${DATE}\n`, expect: "ok" },
  { name: "100,000 ) in a Received header", input: () => `Received: from a ${rep(")", 100_000)} by b; ${DATE}\n`, expect: "ok" },
  { name: "a long run of [ in Received", input: () => `Received: from ${rep("[", 200_000)} by b; ${DATE}\n`, expect: "ok" },
  { name: "a long run of [IPv6: in Received", input: () => `Received: from a (${rep("[IPv6:", 30_000)}) by b; ${DATE}\n`, expect: "ok" },
  { name: 'a long run of " in Received and From', input: () => `Received: from ${rep('"', 200_000)}\nFrom: ${rep('"', 200_000)}\n`, expect: "ok" },
  { name: "a long run of < in From, To and Received for", input: () => `From: ${rep("<", 100_000)}\nTo: ${rep("<", 100_000)}\nReceived: from a by b for ${rep("<", 100_000)}; ${DATE}\n`, expect: "ok" },
  { name: "alternating <> and @ runs", input: () => `From: ${rep("<@", 100_000)}\nReceived: by b id ${rep("@.", 100_000)}; ${DATE}\n`, expect: "ok" },
  { name: "a long run of ; in Received", input: () => `Received: ${rep("; ", 200_000)}\n`, expect: "ok" },
  // A run of separators before a rejecting character: /,+$/-style trims are quadratic on these.
  { name: "a run of , in the id clause", input: () => `Received: from a by b id ${rep(",", 90_000)}x; ${DATE}\n`, expect: "ok" },
  { name: "a run of ,; in the id clause", input: () => `Received: from a by b id ${rep(",;", 45_000)}x; ${DATE}\n`, expect: "ok" },
  { name: "a run of , in the via clause", input: () => `Received: from a by b via ${rep(",", 90_000)}x; ${DATE}\n`, expect: "ok" },
  { name: "a run of ,> in the for clause", input: () => `Received: from a by b for ${rep(",>", 45_000)}x@y; ${DATE}\n`, expect: "ok" },
  { name: "a run of , in the HELO name", input: () => `Received: from ${rep(",", 90_000)}x by b; ${DATE}\n`, expect: "ok" },
  { name: "keywords repeated: from from from / by by by / with with", input: () => `Received: ${rep("from ", 40_000)}${rep("by ", 40_000)}${rep("with ", 40_000)}; ${DATE}\n`, expect: "ok" },
  { name: "a long run of dots and digits (IP-like)", input: () => `Received: from a ([${rep("1.", 200_000)}]) by b; ${DATE}\n`, expect: "ok" },
  { name: "a long run of colons (IPv6-like)", input: () => `Received: from a ([IPv6:${rep(":", 200_000)}]) by b; ${DATE}\n`, expect: "ok" },
  { name: "a long run of spaces and tabs", input: () => `Received: from a${rep(" \t", 200_000)}by b; ${DATE}\n`, expect: "ok" },
  { name: "NUL bytes in names and values", input: () => `Received: from a\u0000b by c\u0000d; ${DATE}\nSub\u0000ject: x\u0000y\nSubject: ${rep("\u0000", 10_000)}\n`, expect: "either" },
  { name: "only NUL bytes", input: () => rep("\u0000", 10_000), expect: "no-headers" },
  { name: "lone surrogates and U+FFFD (invalid UTF-8 after decoding)", input: () => `Subject: \ud800\udfff\udc00x\ud800\nReceived: from \ufffd\ufffd by \ud83d; ${DATE}\n`, expect: "ok" },
  { name: "control characters everywhere", input: () => `Received: from \u0001\u0002\u001b[31m by \u007f\u0085\u2028\u2029; ${DATE}\nX: \u000b\u000c\n`, expect: "ok" },
  { name: "encoded words with bad base64", input: () => `Subject: =?utf-8?B?!!!not-base64===?= =?utf-8?B?====?= =?utf-8?B??=\nFrom: =?utf-8?B?SGVsbG8?=x <a@b>\n`, expect: "ok" },
  { name: "encoded words with unknown charsets", input: () => `Subject: =?x-unknown-charset?Q?caf=E9?= =?../../etc/passwd?B?SGk=?= =?utf-7?B?K0FHRS0=?=\n`, expect: "ok" },
  { name: "encoded words with bad quoted-printable", input: () => `Subject: =?utf-8?Q?=ZZ=?= =?utf-8?Q?=?= =?utf-8?X?abc?=\n`, expect: "ok" },
  { name: "100,000 encoded words", input: () => `Subject: ${rep("=?utf-8?B?YQ==?= ", 50_000)}\n`, expect: "ok" },
  // Found by the fuzzer of bench:hostile (340 ms): base64 with "=" where atob refuses it.
  { name: "a megabyte of base64 words padded in the wrong place", input: () => `ARC-Authentication-Results: ${rep("?==?utf-8?B?cipher=", 55_000)}\n`, expect: "ok" },
  { name: "a long run of =? without end", input: () => `Subject: ${rep("=?", 300_000)}\n`, expect: "ok" },
  { name: "impossible dates", input: () => `Date: 32 Foo 99999 25:61\nReceived: from a by b; 32 Foo 99999 25:61:99 +9999\nReceived: by c; Mon, 31 Feb 2024 24:00:60 -2400\n`, expect: "ok" },
  { name: "dates beyond the JavaScript Date range", input: () => `Date: Mon, 1 Jan 275760 00:00:00 +0000\nReceived: by c; Sat, 13 Sep 275760 00:00:01 +0000\nReceived: by d; 1 Jan -271821 00:00:00 +0000\n`, expect: "ok" },
  { name: "numeric date garbage", input: () => `Date: ${rep("9", 100_000)}\nReceived: by c; ${rep("1 ", 100_000)}\n`, expect: "ok" },
  { name: "header names __proto__, constructor, prototype, toString", input: () => `__proto__: x\nconstructor: y\nprototype: z\ntoString: t\nhasOwnProperty: h\n__defineGetter__: g\nReceived: from a by b; ${DATE}\n`, expect: "ok" },
  { name: "Authentication-Results with __proto__ method names", input: () => `Authentication-Results: mx; __proto__=pass; constructor=fail; spf=__proto__ smtp.mailfrom=__proto__\nARC-Authentication-Results: i=__proto__; mx; dkim=constructor\n`, expect: "ok" },
  { name: "huge Authentication-Results", input: () => `Authentication-Results: mx.example; ${rep("spf=pass smtp.mailfrom=a.example; dkim=fail header.d=b; ", 5_000)}\n`, expect: "ok" },
  { name: "1,000 Authentication-Results and ARC sets", input: () => rep(`ARC-Authentication-Results: i=1; mx; dkim=pass header.d=a.example\nAuthentication-Results: mx; dmarc=pass header.from=a.example\n`, 600), expect: "ok" },
  { name: "<script> and event handlers in values", input: () => `Subject: <script>alert(1)</script>\nFrom: "<img src=x onerror=alert(1)>" <a@b.example>\nReceived: from <script>x</script> by <svg onload=alert(1)>; ${DATE}\n`, expect: "ok" },
  {
    name: "100 hops, each ~9 KiB of host names, addresses and comments",
    input: () => {
      const words = Array.from({ length: 250 }, (_, i) => `h${i}.example.com [10.${i % 256}.1.${i % 200}] (x${i})`).join(" ");
      return Array.from({ length: 100 }, (_, i) => `Received: from m${i}.example.org (${words}) by mx${i}.example.net with ESMTPS id ${i}; ${DATE}\n`).join("");
    },
    expect: "ok",
  },
  { name: "1,000 fields of 1,000 characters", input: () => rep(`X-Filler: ${fill("x", 1_000)}\n`, 1_000), expect: "ok" },
  { name: "CR-only line endings, 100,000 lines", input: () => `Subject: a\r${rep(" b\r", 100_000)}`, expect: "ok" },
  { name: "a single line without a colon", input: () => fill("a", 500_000), expect: "no-headers" },
  { name: "only line breaks", input: () => rep("\r\n", 200_000), expect: "no-headers" },
  { name: "empty input", input: () => "", expect: "no-headers" },
  { name: "a header name of 500,000 characters", input: () => `${fill("X", 500_000)}: y\n`, expect: "either" },
];
