import { analyzeMessage, readMessage, recipientDomains } from "@/lib/analysis";
import type { Analysis, AnalyzeOptions } from "@/lib/analysis/types";
import { lookupMx, MAX_DOMAINS, type MxResolver } from "./mx";
import { isDnsName } from "./dns-name";
import { lookupIpInfo } from "@/lib/ipinfo/load";

/**
 * analyze() plus, when the request asks for DNS and the server allows it, live MX records of the
 * recipient domains as evidence for backup-MX / MX hops. The message is read once; the recipient
 * domains come from the engine (recipientDomains), the look-ups happen here, then it is analysed.
 * Every analysis gets the offline ASN/country lookup (lib/ipinfo: local data, no network).
 */
export async function analyzeWithDns(
  raw: string,
  options: AnalyzeOptions,
  allowDns: boolean,
  resolver?: MxResolver,
): Promise<Analysis> {
  const message = readMessage(raw);
  const ipInfo = lookupIpInfo;
  if (!options.dns || !allowDns) return analyzeMessage(message, { dns: false, ipInfo });
  const domains = recipientDomains(message).filter(isDnsName).slice(0, MAX_DOMAINS);
  const mx = domains.length > 0 ? await lookupMx(domains, { resolver }) : [];
  return analyzeMessage(message, mx.length > 0 ? { dns: true, mx, ipInfo } : { dns: false, ipInfo });
}
