/**
 * Whether a host name belongs to a known operator (Google, Microsoft 365, the ESPs, …), using the
 * engine's operator table. Such names are servers, not people, so redaction keeps them.
 * The one import from the engine's operator module: re-point it here if that module moves.
 */
import { operatorForHost } from "@/lib/analysis/operators/match";

export function isProviderHost(host: string | null): boolean {
  if (!host) return false;
  return operatorForHost(host) !== null;
}
