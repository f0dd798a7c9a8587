/**
 * Inline SVG icons (no icon font, no emoji: emoji fonts are missing on many Linux systems and
 * render as boxes). Decorative: always paired with text, hidden from assistive tech by callers.
 */
import type { ReactNode } from "react";

function Svg({ children }: { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className="inline-block shrink-0"
    >
      {children}
    </svg>
  );
}

export const LockIcon = () => (
  <Svg>
    <rect x="3" y="7" width="10" height="7" rx="1.5" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
  </Svg>
);

export const UnlockIcon = () => (
  <Svg>
    <rect x="3" y="7" width="10" height="7" rx="1.5" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 4.9-.7" />
  </Svg>
);

export const KeyIcon = () => (
  <Svg>
    <circle cx="5" cy="8" r="2.5" />
    <path d="M7.5 8H14M12 8v2.5M10 8v2" />
  </Svg>
);

export const ClockIcon = () => (
  <Svg>
    <circle cx="8" cy="8" r="6" />
    <path d="M8 4.5V8l2.5 1.5" />
  </Svg>
);

export const HourglassIcon = () => (
  <Svg>
    <path d="M4 2h8M4 14h8M5 2c0 3 6 3 6 6s-6 3-6 6M11 2c0 3-6 3-6 6s6 3 6 6" />
  </Svg>
);

export const BuildingIcon = () => (
  <Svg>
    <rect x="3" y="2" width="10" height="12" rx="1" />
    <path d="M6 5h1M9 5h1M6 8h1M9 8h1M7 14v-3h2v3" />
  </Svg>
);

export const FileIcon = () => (
  <Svg>
    <path d="M4 1.5h5l3 3v10H4z" />
    <path d="M9 1.5v3h3" />
  </Svg>
);

export const CopyIcon = () => (
  <Svg>
    <rect x="5" y="5" width="8.5" height="9" rx="1" />
    <path d="M3 11V2.5h7.5" />
  </Svg>
);

export const DownloadIcon = () => (
  <Svg>
    <path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M3 13.5h10" />
  </Svg>
);

export const AlertIcon = () => (
  <Svg>
    <path d="M8 2 14.5 13.5h-13z" />
    <path d="M8 6.5v3M8 11.5v.01" />
  </Svg>
);

export const StopIcon = () => (
  <Svg>
    <path d="M5.5 1.5h5l4 4v5l-4 4h-5l-4-4v-5z" />
    <path d="M8 5v3.5M8 11v.01" />
  </Svg>
);

export const InfoIcon = () => (
  <Svg>
    <circle cx="8" cy="8" r="6" />
    <path d="M8 7.5V11M8 5v.01" />
  </Svg>
);
