import type { Hop } from "@/lib/analysis/types";
import { Badge } from "@/components/ui/badge";
import { relayTypeInfo } from "./relay-types";
import { KeyIcon, LockIcon, UnlockIcon } from "@/components/ui/icons";

export function RelayBadge({ type }: { type: Hop["relayType"] }) {
  const info = relayTypeInfo(type);
  return (
    <Badge tone={info.tone} icon={info.icon} title={info.definition}>
      <span className="sr-only">Relay type: </span>
      {info.label}
    </Badge>
  );
}

/** "TLS 1.3 · TLS_AES_256_GCM_SHA384", "Not encrypted", or "Encryption unknown". */
export function tlsText(tls: Hop["tls"]): string {
  if (tls.encrypted === true) {
    const version = tls.version ? tls.version.replace(/^TLSv/, "TLS ") : "TLS";
    return tls.cipher ? `${version} · ${tls.cipher}` : version;
  }
  if (tls.encrypted === false) return "Not encrypted";
  return "Encryption unknown";
}

/**
 * `matters` false: a loopback, private-network or same-organisation hop (tls-model.ts), where
 * plain text is normal; "Not encrypted" is then neutral, not red.
 */
export function TlsBadge({ tls, matters = true }: { tls: Hop["tls"]; matters?: boolean }) {
  if (tls.encrypted === true) {
    return (
      <Badge tone="good" icon={<LockIcon />} title="This hop was encrypted with TLS">
        <span className="sr-only">Encrypted: </span>
        {tlsText(tls)}
      </Badge>
    );
  }
  if (tls.encrypted === false && !matters) {
    return (
      <Badge tone="neutral" icon={<UnlockIcon />} title="Plain text inside one organisation or on a local network: normal, nothing crossed the internet">
        Not encrypted (local)
      </Badge>
    );
  }
  if (tls.encrypted === false) {
    return (
      <Badge tone="bad" icon={<UnlockIcon />} title="This hop was sent in plain text">
        Not encrypted
      </Badge>
    );
  }
  return (
    <Badge tone="neutral" icon="?" title="The header does not say whether this hop was encrypted">
      Encryption unknown
    </Badge>
  );
}

export function AuthBadge({ authenticated }: { authenticated: boolean | null }) {
  if (authenticated !== true) return null;
  return (
    <Badge tone="info" icon={<KeyIcon />} title="The client logged in (SMTP AUTH) before handing the message in">
      Authenticated submission
    </Badge>
  );
}
