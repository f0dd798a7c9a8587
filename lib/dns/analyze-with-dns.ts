import { analyze } from "@/lib/analysis";
import type { Analysis, AnalyzeOptions } from "@/lib/analysis/types";
import { lookupMx, type MxResolver } from "./mx";
import { recipientDomains } from "./recipient-domains";

/**
 * analyze() plus, when the request asks for DNS and the server allows it, live MX records of the
 * recipient domains as evidence for backup-MX / MX hops. The analysis runs once more only when
 * records were found.
 */
export async function analyzeWithDns(
  raw: string,
  options: AnalyzeOptions,
  allowDns: boolean,
  resolver?: MxResolver,
): Promise<Analysis> {
  const first = analyze(raw, { dns: false });
  if (!options.dns || !allowDns) return first;
  const domains = recipientDomains(first);
  if (domains.length === 0) return first;
  const mx = await lookupMx(domains, { resolver });
  return mx.length > 0 ? analyze(raw, { dns: true, mx }) : first;
}
