import type { Hop } from "@/lib/analysis/types";
import { formatDelay } from "@/lib/format/duration";
import { formatUtc } from "@/lib/format/dates";
import { relayTypeInfo } from "./relay-types";
import { tlsText } from "./hop-badges";
import { describeBy, describeFrom } from "./hop-model";
import { LockIcon, UnlockIcon } from "@/components/ui/icons";
import { HopClockCell, HopNetwork } from "./hop-clock";

const CELL = "border-b border-slate-200 px-2 py-1.5 align-top dark:border-slate-700";

/** All hops as rows: dense, for comparing across hops. Scrolls inside its own box on phones. */
export function HopTable({ hops, slowest }: { hops: Hop[]; slowest: number | null }) {
  return (
    <div
      role="region"
      aria-label="Hops table"
      tabIndex={0}
      className="max-w-full overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700"
    >
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="sr-only">Hops, earliest first</caption>
        <thead className="bg-slate-100 dark:bg-slate-800">
          <tr>
            {["#", "Type", "From", "By", "Protocol", "TLS", "Time (UTC)", "Delay"].map((h) => (
              <th key={h} scope="col" className={CELL}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {hops.map((hop) => {
            const from = describeFrom(hop);
            const info = relayTypeInfo(hop.relayType);
            const delay = hop.index === 1 ? "" : formatDelay(hop.delaySeconds);
            return (
              <tr key={hop.index} className={slowest === hop.index ? "bg-orange-50 dark:bg-orange-950" : undefined}>
                <th scope="row" className={CELL}>
                  {hop.index}
                </th>
                <td className={CELL}>
                  <span aria-hidden="true">{info.icon} </span>
                  {info.label}
                </td>
                <td className={`${CELL} break-all font-mono text-xs`}>
                  {from.name}
                  {from.details.length ? <div className="text-slate-600 dark:text-slate-400">{from.details.join(", ")}</div> : null}
                  <HopNetwork hop={hop} />
                </td>
                <td className={`${CELL} break-all font-mono text-xs`}>{describeBy(hop)}</td>
                <td className={`${CELL} break-all text-xs`}>
                  {hop.with ?? "—"}
                  {hop.authenticated ? <div>authenticated</div> : null}
                </td>
                <td className={`${CELL} text-xs [overflow-wrap:anywhere]`}>
                  {hop.tls.encrypted === true ? <LockIcon /> : hop.tls.encrypted === false ? <UnlockIcon /> : null} 
                  {tlsText(hop.tls)}
                </td>
                <td className={`${CELL} font-mono text-xs`}>{formatUtc(hop.timestamp) ?? "unknown"}</td>
                <td className={`${CELL} text-xs`}>
                  {delay}
                  {slowest === hop.index ? <div className="font-semibold">slowest hop</div> : null}
                  <HopClockCell hop={hop} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
