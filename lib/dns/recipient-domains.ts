import type { Analysis } from "@/lib/analysis/types";
import { MAX_DOMAINS } from "./mx";

/** A domain name as DNS takes it: letters, digits, hyphens and dots, with a dot, no empty label. */
function isDomain(d: string): boolean {
  if (d.length < 3 || d.length > 253 || !d.includes(".")) return false;
  return d.split(".").every((label) => label.length > 0 && label.length <= 63 && /^[a-z0-9-]+$/.test(label));
}

/**
 * The recipient domains worth an MX look-up, most telling first: envelope recipients of the hops
 * (latest first), then Delivered-To / X-Original-To, then To. At most MAX_DOMAINS.
 */
export function recipientDomains(a: Analysis): string[] {
  const out: string[] = [];
  const add = (address: string | null | undefined) => {
    if (!address) return;
    for (const part of address.split(",")) {
      const at = part.lastIndexOf("@");
      if (at < 0) continue;
      let domain = part.slice(at + 1).trim().toLowerCase();
      const close = domain.indexOf(">");
      if (close >= 0) domain = domain.slice(0, close);
      if (isDomain(domain) && !out.includes(domain)) out.push(domain);
    }
  };
  for (const h of [...a.hops].reverse()) add(h.for);
  for (const name of ["delivered-to", "x-original-to", "to"]) {
    for (const f of a.headers) if (f.name.toLowerCase() === name) add(f.value);
  }
  return out.slice(0, MAX_DOMAINS);
}
