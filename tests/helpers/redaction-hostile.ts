/**
 * Hostile inputs for redaction and the engine (issue 11, items 1 and 2). For redaction: ~1 MiB of short tokens built from the
 * delimiters the maskers split on, in Received headers, in Subject alone, and in address headers.
 * Every message also carries a real submission hop with an IP, so the IP and name maskers run
 * (with no secret IP, maskIps returns at once and proves nothing).
 */
import { MAX_FIELD_CHARS } from "@/lib/analysis/limits";

const DATE = "Mon, 1 Jan 2024 10:00:00 +0000";

/** A submission hop: its IP, HELO and rDNS become the secret values redaction masks everywhere. */
export const SUBMISSION_HOP =
  `Received: from jane-laptop (c-198-51-100-23.home.example.net [198.51.100.23]) by smtp.example.com (Postfix) with ESMTPSA id 4AbC; ${DATE}`;
const TAIL = [SUBMISSION_HOP, 'From: "Jane Doe" <jane.doe@example.com>', "To: Bob Smith <bob@example.org>", `Date: ${DATE}`];

/** Fields of at most MAX_FIELD_CHARS - 64 characters, `count` of them, each made of `unit` repeated. */
function fields(name: string, unit: string, count: number, lead = ""): string[] {
  const n = Math.floor((MAX_FIELD_CHARS - 64 - lead.length) / unit.length);
  return Array.from({ length: count }, () => `${name}: ${lead}${unit.repeat(n)}`);
}

export interface RedactionShape {
  name: string;
  raw: () => string;
}

/** ~1 MiB messages: ten fields of ~100 KiB (the field limit), plus the submission hop. */
export const REDACTION_SHAPES: RedactionShape[] = [
  ...(["a:b ", "0:0 ", "::1 ", "1:2:3:4:5:6:7:8 ", "::ffff:1.2.3.4 ", "198.51.100.2 ", "IPv6:: ", "1.1.1.1.1.1.1.1 ", "f".repeat(40) + ": "] as const).flatMap(
    (unit): RedactionShape[] => [
      { name: `Received full of ${JSON.stringify(unit)}`, raw: () => [...fields("Received", unit, 9, "from a by b "), ...TAIL].join("\n") },
      { name: `Subject full of ${JSON.stringify(unit)}`, raw: () => [...fields("Subject", unit, 10), ...TAIL].join("\n") },
    ],
  ),
  { name: "one colon run of 100 KiB", raw: () => [...fields("Subject", ":", 10), ...TAIL].join("\n") },
  { name: "one hex/colon run of 100 KiB", raw: () => [...fields("Subject", "0:", 10), ...TAIL].join("\n") },
  { name: "Received full of 'for <a@b' ", raw: () => [...fields("Received", "for <a@b ", 9, "from a by b "), ...TAIL].join("\n") },
  { name: "Received full of 'authenticated as x '", raw: () => [...fields("Received", "authenticated as x ", 9, "from a by b "), ...TAIL].join("\n") },
  { name: "To full of quoted names", raw: () => [...fields("To", '"Jane Doe" <a@b.c>, ', 9), ...TAIL].join("\n") },
  { name: "Cc full of '(' and '\"'", raw: () => [...fields("Cc", '("', 9), ...TAIL].join("\n") },
  { name: "Subject full of the display name", raw: () => [...fields("Subject", "Jane Doe ", 10), ...TAIL].join("\n") },
  { name: "Subject full of the HELO name glued to dots", raw: () => [...fields("Subject", "jane-laptop.", 10), ...TAIL].join("\n") },
  { name: "Subject full of '@'", raw: () => [...fields("Subject", "a@", 10), ...TAIL].join("\n") },
  // Found by fuzzing (scripts/bench-redact.ts): every quoted "::" is a name candidate that is an IP
  // (312 ms before each candidate was judged once), and 170,000 bare addresses (119 ms before the
  // redacted list was reused for the ten identical To headers).
  { name: "To full of quoted '::' and tabs", raw: () => [...fields("To", '"::\t', 10), ...TAIL].join("\n") },
  { name: "To full of bare addresses", raw: () => [...fields("To", '"a"@b,', 10), ...TAIL].join("\n") },
];

/** Pieces fuzzing combines into tokens: the delimiters and words the maskers look for. */
export const FUZZ_PIECES = [
  ":", "::", ".", "@", '"', "(", ")", "<", ">", "[", "]", " ", ";", ",", "=", "-", "0", "1", "f", "ffff", "255", "198.51.100.23",
  "IPv6:", "for ", "authenticated as ", "smtp.auth=", "Jane", "Doe", "jane-laptop", "\\", "%", "\t",
];

/** ~1 MiB message whose ten fields repeat `token`, in the header named `field`. */
export function fuzzMessage(field: string, token: string): string {
  const lead = field === "Received" ? "from a by b " : "";
  return [...fields(field, token, field === "Received" ? 9 : 10, lead), ...TAIL].join("\n");
}

/**
 * Pieces fuzzing combines into tokens for the engine: the delimiters of RFC 5322 / 5321 / 8601
 * and the keywords each parser branches on (Received clauses, dates, addresses, encoded words,
 * Authentication-Results, tag lists, antispam reports).
 */
export const ENGINE_FUZZ_PIECES = [
  "(", ")", "[", "]", "<", ">", '"', "\\", ";", ":", ".", "@", "=", ",", " ", "\t", "0", "9", "a", "-",
  "from ", "by ", "with ", "id ", "for ", "via ", "helo=", "IPv6:", "::", "1.2.3.4", "ESMTPS ", "LMTP ",
  "Mon, ", "Jan ", "10:00:00 ", "+0000", "=?utf-8?B?", "=?utf-8?Q?", "?=", "spf=pass ", "smtp.mailfrom=",
  "header.d=", "client-ip=", "CIP:", ";SCL:", "i=1", "t=", "version=TLS1_2 ", "cipher=",
];

/** Fields the engine reads with their own parsers, for fuzzing. */
export const ENGINE_FUZZ_FIELDS = [
  "Received", "Subject", "From", "To", "Reply-To", "Date", "Authentication-Results", "ARC-Authentication-Results",
  "Received-SPF", "DKIM-Signature", "ARC-Seal", "X-Forefront-Antispam-Report", "X-Spam-Status", "X-Note",
];

/** ~1 MiB engine shapes the issue named, plus ones found by fuzzing (scripts/bench-hostile.ts). */
export const ENGINE_SHAPES: RedactionShape[] = [
  // 12,700 comments per header that each look like an IPv6 address (issue 11: ~2 s per request).
  { name: "ten Received full of '(0:0:0) '", raw: () => [...fields("Received", "(0:0:0) ", 9, "from "), ...TAIL].join("\n") },
  { name: "Received full of '()'", raw: () => [...fields("Received", "()", 9, "from a "), ...TAIL].join("\n") },
  { name: "a Received comment full of '10:00:00 '", raw: () => [...fields("Received", "10:00:00 ", 9, "from a ("), ...TAIL].join("\n") },
  { name: "Received full of '[1.2.3.4] '", raw: () => [...fields("Received", "[1.2.3.4] ", 9, "from a "), ...TAIL].join("\n") },
  { name: "Authentication-Results full of '; '", raw: () => [...fields("Authentication-Results", "; ", 10, "mx; "), ...TAIL].join("\n") },
  { name: "From full of 'a@b.c, '", raw: () => [...fields("From", "a@b.c, ", 10), ...TAIL].join("\n") },
];
