/**
 * Builds the Outlook .msg test files in tests/fixtures/msg/ (no real .msg is in the shared
 * fixtures, and real ones carry a person's mail). Run: npx tsx scripts/make-msg-fixtures.ts
 *
 * The files are Compound Files ([MS-CFB]) written by @kenjiuno/msgreader's own CFB burner, laid out
 * as [MS-OXMSG] 2.1-2.2 describes and as Outlook saves received mail:
 *   - the message's string properties as `__substg1.0_XXXXYYYY` streams, UTF-16LE (type 001F):
 *     0x0037 PidTagSubject, 0x007D PidTagTransportMessageHeaders (the headers we read);
 *   - each attachment in a `__attach_version1.0_#0000000N` storage: an embedded Outlook item
 *     (attach method 5, what "Forward as attachment" makes) is the storage `__substg1.0_3701000D`
 *     holding the item's own properties; a file is 0x3701 PidTagAttachDataBinary (type 0102) with
 *     0x3707 PidTagAttachLongFilename and 0x370E PidTagAttachMimeTag.
 * The headers inside are real header sets from tests/fixtures/headers (Microsoft 365 inbound
 * chains), so the .msg wraps real MTA output. The property streams (__properties_version1.0,
 * fixed-size properties) are left out: the reader needs only the variable-size ones above.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { burn, type Entry } from "@kenjiuno/msgreader/lib/Burner";
import { TypeEnum } from "@kenjiuno/msgreader/lib/Reader";

const ROOT = path.resolve(__dirname, "..");
const fixture = (name: string) => readFileSync(path.join(ROOT, "tests/fixtures/headers", name), "utf8");

function utf16(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "utf16le"));
}

type Node = { name: string; data: Uint8Array } | { name: string; children: Node[] };

/** Flattens a tree into the burner's entry list (root first, children by index). */
function entries(children: Node[]): Entry[] {
  const out: Entry[] = [{ name: "Root Entry", type: TypeEnum.ROOT, children: [], length: 0 }];
  const add = (parent: number, node: Node) => {
    const at = out.length;
    out[parent].children!.push(at);
    if ("data" in node) {
      const data = node.data;
      out.push({ name: node.name, type: TypeEnum.DOCUMENT, binaryProvider: () => data, length: data.length });
    } else {
      out.push({ name: node.name, type: TypeEnum.DIRECTORY, children: [], length: 0 });
      node.children.forEach((c) => add(at, c));
    }
  };
  children.forEach((c) => add(0, c));
  return out;
}

const str = (id: string, text: string): Node => ({ name: `__substg1.0_${id}001F`, data: utf16(text) });

/** The report a help-desk gets: Outlook's "Forward as attachment" of a phishing message. */
const report = fixture("mha__ews_gmail_to_eop.txt");
const phish = fixture("phishing_pot__sample-2417.txt");
const headersOnly = (t: string) => t.split(/\r?\n\r?\n/)[0].trimEnd();

const embedded = burn(
  entries([
    str("0037", "FW: suspicious message"),
    str("007D", headersOnly(report)),
    {
      name: "__attach_version1.0_#00000000",
      children: [
        str("3001", "Your DigiD account"),
        { name: "__substg1.0_3701000D", children: [str("0037", "Your DigiD account"), str("007D", headersOnly(phish))] },
      ],
    },
  ]),
);
writeFileSync(path.join(ROOT, "tests/fixtures/msg/report-embedded-item.msg"), embedded);

/** A .msg with an .eml file attached (a report button that attaches the original as a file). */
const eml = `${headersOnly(phish)}\r\n\r\nDear customer, your account needs verification.\r\n`;
const withEml = burn(
  entries([
    str("0037", "Report: phishing"),
    str("007D", headersOnly(report)),
    {
      name: "__attach_version1.0_#00000000",
      children: [
        str("3707", "original.eml"),
        str("370E", "message/rfc822"),
        { name: "__substg1.0_37010102", data: new Uint8Array(Buffer.from(eml, "utf8")) },
      ],
    },
  ]),
);
writeFileSync(path.join(ROOT, "tests/fixtures/msg/report-eml-file.msg"), withEml);

/** A draft: saved before sending, so no transport headers and no attachment. */
const draft = burn(entries([str("0037", "Draft, never sent")]));
writeFileSync(path.join(ROOT, "tests/fixtures/msg/draft-no-headers.msg"), draft);
console.log("wrote tests/fixtures/msg/{report-embedded-item,report-eml-file,draft-no-headers}.msg");

/**
 * An .eml phishing report with the original attached as message/rfc822 (RFC 2046 §5.2.1), as
 * Outlook on the web, Thunderbird ("Forward as Attachment") and report-phishing add-ins send it.
 */
const boundary = "----=_Part_report_0001";
const rfc822 = [
  headersOnly(report).replace(/\r?\n/g, "\r\n"),
  "MIME-Version: 1.0",
  `Content-Type: multipart/mixed; boundary="${boundary}"`,
  "",
  `--${boundary}`,
  "Content-Type: text/plain; charset=utf-8",
  "",
  "Please check the attached message.",
  `--${boundary}`,
  'Content-Type: message/rfc822; name="Your DigiD account.eml"',
  'Content-Disposition: attachment; filename="Your DigiD account.eml"',
  "",
  eml.replace(/\r?\n/g, "\r\n").trimEnd(),
  `--${boundary}--`,
  "",
].join("\r\n");
writeFileSync(path.join(ROOT, "tests/fixtures/eml/report-attached-rfc822.eml"), rfc822);
console.log("wrote tests/fixtures/eml/report-attached-rfc822.eml");
