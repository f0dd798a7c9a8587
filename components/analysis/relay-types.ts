/**
 * Labels, one-line definitions (from design.md) and badge tones for the contract's relay types.
 * The icon is decoration; the label always carries the meaning.
 */
import type { RelayType } from "@/lib/analysis/types";
import type { Tone } from "@/components/ui/badge";

export interface RelayTypeInfo {
  label: string;
  icon: string;
  tone: Tone;
  definition: string;
}

export const RELAY_TYPES: Record<RelayType, RelayTypeInfo> = {
  submission: {
    label: "Submission",
    icon: "✉",
    tone: "info",
    definition: "A mail client or application hands the message in: the start of the trail.",
  },
  internal: {
    label: "Internal",
    icon: "↻",
    tone: "neutral",
    definition: "Both sides belong to the same organisation (including local content filters).",
  },
  esp: {
    label: "ESP",
    icon: "⇪",
    tone: "violet",
    definition: "A sending service (Amazon SES, SendGrid, Mailgun, …) accepts mail from its customer.",
  },
  "smart-host": {
    label: "Smart host",
    icon: "⇢",
    tone: "teal",
    definition: "Another organisation's relay that the sender's server hands outbound mail to, passing it on to a third.",
  },
  "backup-mx": {
    label: "Backup MX",
    icon: "⇉",
    tone: "amber",
    definition: "A lower-priority MX of the recipient domain that passes the message on to the primary MX.",
  },
  mx: {
    label: "MX",
    icon: "⇥",
    tone: "sky",
    definition: "The recipient organisation's inbound server, receiving from another organisation.",
  },
  delivery: {
    label: "Delivery",
    icon: "⌂",
    tone: "good",
    definition: "Final hand-off into the mailbox store (LMTP, local delivery).",
  },
  unknown: {
    label: "Unknown",
    icon: "?",
    tone: "neutral",
    definition: "Not enough evidence to tell what role this server played.",
  },
};

export const RELAY_TYPE_ORDER: RelayType[] = [
  "submission",
  "esp",
  "internal",
  "smart-host",
  "backup-mx",
  "mx",
  "delivery",
  "unknown",
];

/** Unknown strings (a newer engine) fall back to "unknown" instead of crashing the page. */
export function relayTypeInfo(type: string): RelayTypeInfo {
  return (RELAY_TYPES as Record<string, RelayTypeInfo | undefined>)[type] ?? RELAY_TYPES.unknown;
}
