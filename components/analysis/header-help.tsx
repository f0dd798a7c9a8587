/**
 * "How do I get the headers?": the few clicks in the mail programs help-desk callers use. Steps
 * follow each vendor's own help pages (Microsoft "View internet message headers in Outlook",
 * Google "Trace an email with its full headers", Apple Mail User Guide, Thunderbird support).
 */
const CLIENTS: { name: string; steps: string }[] = [
  {
    name: "Outlook for Windows (classic)",
    steps:
      "Open the message in its own window (double-click), then File › Properties: copy everything in “Internet headers”. Or drag the message to the desktop and drop the .msg file here.",
  },
  {
    name: "Outlook on the web and the new Outlook",
    steps: "Open the message, choose ⋯ (More actions) › View › View message details, and copy all of it.",
  },
  {
    name: "Outlook for Mac",
    steps: "Right-click (Ctrl-click) the message › View Source, or open it and choose Message › View Source.",
  },
  {
    name: "Gmail",
    steps: "Open the message, choose ⋮ (More) › Show original, then “Copy to clipboard”, or “Download original” for an .eml file.",
  },
  {
    name: "Apple Mail",
    steps: "Select the message, View › Message › Raw Source (⌥⌘U) and copy it, or drag the message to the Finder and drop the .eml file here.",
  },
  {
    name: "Thunderbird",
    steps: "Select the message, View › Message Source (Ctrl+U, ⌘U on a Mac), or File › Save As › File for an .eml file.",
  },
];

export function HeaderHelp() {
  return (
    <details className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700">
      <summary className="cursor-pointer font-medium">How do I get the headers?</summary>
      <dl className="mt-2 space-y-2">
        {CLIENTS.map((c) => (
          <div key={c.name}>
            <dt className="font-semibold">{c.name}</dt>
            <dd className="text-slate-700 dark:text-slate-300">{c.steps}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        A reported phishing message often arrives as an attachment of the report: open the report&apos;s .eml or .msg file here and
        choose “Analyse the attached message”.
      </p>
    </details>
  );
}
