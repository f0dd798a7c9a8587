/**
 * Names of the "Try an example" header sets. Kept apart from their text (examples.ts), which the
 * page loads only when a button is pressed, so the first page load stays small.
 */
export interface ExampleMeta {
  id: "esp-gmail" | "backup-mx" | "phishing";
  /** Button text. */
  label: string;
  /** One line under the button: what to look for. */
  hint: string;
}

export const EXAMPLE_META: readonly ExampleMeta[] = [
  { id: "esp-gmail", label: "ESP to Gmail", hint: "SendGrid API → Gmail, TLS 1.3, SPF/DKIM/DMARC aligned" },
  { id: "backup-mx", label: "Backup MX with queueing", hint: "Postfix; mx2 held the message 2 hours before the primary MX" },
  { id: "phishing", label: "Phishing with a forged hop", hint: "Forged bottom Received header, plaintext hop, DMARC fail" },
];
