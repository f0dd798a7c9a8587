/**
 * Microsoft 365's spam-filter headers, field by field, on real messages (phishing_pot, sisimai)
 * and on the documented codes (Microsoft Learn, "Anti-spam message headers").
 */
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/analysis";
import { colonPairs, readMicrosoft } from "@/lib/analysis/antispam/microsoft";
import type { RawField } from "@/lib/analysis/message/headers";
import { fieldMap, fixture, vendor } from "../helpers/genuine";

function raw(pairs: [string, string][]): RawField[] {
  return pairs.map(([name, value]) => ({ name, key: name.toLowerCase(), value, decoded: value }));
}

describe("X-Forefront-Antispam-Report", () => {
  it("decodes every documented field of a real report (phishing_pot sample-401)", () => {
    const r = vendor(fixture("phishing_pot__sample-401"), "Microsoft 365");
    expect(r.header).toBe("X-Forefront-Antispam-Report");
    const f = fieldMap(r);
    expect(f.get("CIP")).toEqual(["192.40.168.20", "The connecting IP address (192.40.168.20)."]);
    expect(f.get("CTRY")?.[0]).toBe("US");
    expect(f.get("LANG")?.[0]).toBe("en");
    expect(f.get("SCL")).toEqual(["1", "Spam filtering determined the message was not spam."]);
    expect(f.get("IPV")).toEqual(["NLI", "The IP address was not found on any IP reputation list."]);
    expect(f.get("SFV")).toEqual(["NSPM", "Spam filtering marked the message as non-spam."]);
    expect(f.get("H")?.[0]).toBe("mailer20.gate168.rs.smtp.com");
    expect(f.get("PTR")?.[0]).toBe("mailer20.gate168.rs.smtp.com");
    expect(f.get("CAT")).toEqual(["NONE", "No protection policy category applied."]);
    // SFS is diagnostic only (Microsoft documents no meaning): raw, meaning null.
    expect(f.get("SFS")?.[1]).toBeNull();
    expect(f.get("SFS")?.[0]).toMatch(/^\(13230025\)/);
    expect(f.get("BCL")).toEqual(["2", "The message is from a bulk sender that generates few complaints."]);
    expect(r.verdict).toBe("clean");
    expect(r.score).toBe(1);
  });

  it("reads the pairs of a folded report in order", () => {
    expect(colonPairs("CIP:192.0.2.1;CTRY:;LANG:hr;SCL:1;SRV:;IPV:NLI;SFV:NSPM;PTR:;CAT:NONE;SFTY:;")).toEqual([
      { key: "CIP", value: "192.0.2.1" }, { key: "CTRY", value: "" }, { key: "LANG", value: "hr" }, { key: "SCL", value: "1" },
      { key: "SRV", value: "" }, { key: "IPV", value: "NLI" }, { key: "SFV", value: "NSPM" }, { key: "PTR", value: "" },
      { key: "CAT", value: "NONE" }, { key: "SFTY", value: "" },
    ]);
  });

  it("takes the policy category over the SCL: CAT:PHSH is phishing", () => {
    const r = readMicrosoft(raw([["X-Forefront-Antispam-Report", "CIP:203.0.113.9;CTRY:NG;LANG:en;SCL:5;SRV:;IPV:NLI;SFV:SPM;H:x;PTR:;CAT:PHSH;SFS:(1);DIR:INB;SFTY:9.25;"]]))!;
    expect(r.verdict).toBe("phish");
    expect(r.reason).toEqual(["SCL 5", "SFV:SPM", "CAT:PHSH"]);
    const f = fieldMap({ ...r, trusted: null });
    expect(f.get("CAT")?.[1]).toBe("Phishing.");
    expect(f.get("SFTY")?.[1]).toMatch(/^First contact safety tip/);
    expect(f.get("DIR")).toEqual(["INB", null]);
  });

  it.each([
    ["SFV:SKN;SCL:-1", "skipped"],
    ["SFV:SKS;SCL:6", "spam"],
    ["SFV:BLK;SCL:6", "spam"],
    ["SFV:NSPM;SCL:1;SRV:BULK;CAT:BULK", "bulk"],
    ["SFV:NSPM;SCL:1;CAT:MALW", "malware"],
    ["SFV:NSPM;SCL:0", "clean"],
  ])("%s gives %s", (value, verdict) => {
    expect(readMicrosoft(raw([["X-Forefront-Antispam-Report", value]]))!.verdict).toBe(verdict);
  });

  it("never invents a meaning or a verdict for codes the tables do not know", () => {
    const r = readMicrosoft(raw([["X-Forefront-Antispam-Report", "SFV:ZZZ;CAT:NEWCAT;IPV:XYZ;SCL:3;SFTY:9.99;EFV:NLI"]]))!;
    const f = fieldMap({ ...r, trusted: null });
    expect(f.get("SFV")).toEqual(["ZZZ", null]);
    expect(f.get("CAT")).toEqual(["NEWCAT", null]);
    expect(f.get("IPV")).toEqual(["XYZ", null]);
    expect(f.get("SFTY")).toEqual(["9.99", null]);
    expect(f.get("EFV")).toEqual(["NLI", null]);
    expect(r.verdict).toBe("unknown");
  });
});

describe("X-MS-Exchange-Organization-SCL / -PCL / -AuthAs, X-Microsoft-Antispam and compauth", () => {
  it("SCL 9 with compauth=fail reason=001 is spam with the reason in words (sample-113)", () => {
    const a = fixture("phishing_pot__sample-113");
    const r = vendor(a, "Microsoft 365");
    expect(r.header).toBe("X-MS-Exchange-Organization-SCL");
    expect(r.verdict).toBe("spam");
    expect(r.score).toBe(9);
    expect(r.trusted).toBe(true);
    const f = fieldMap(r);
    expect(f.get("X-MS-Exchange-Organization-SCL")).toEqual(["9", "Spam filtering marked the message as high confidence spam."]);
    expect(f.get("X-MS-Exchange-Organization-PCL")).toEqual(["2", "Neutral: the message content isn't likely to be phishing."]);
    expect(f.get("X-MS-Exchange-Organization-AuthAs")).toEqual(["Anonymous", null]);
    expect(f.get("BCL")?.[0]).toBe("0");
    expect(f.get("compauth")?.[0]).toBe("fail");
    expect(f.get("reason")?.[0]).toBe("001");
    expect(f.get("reason")?.[1]).toMatch(/^The message failed implicit authentication/);
    expect(f.get("action")).toEqual(["none", "No DMARC action was taken."]);
    expect(r.reason).toEqual(["SCL 9", "compauth fail: implicit authentication failed, reason 001"]);
  });

  it("old X-Microsoft-Antispam with PCL and RULEID keeps BCL and PCL only (sisimai office365-11)", () => {
    const a = analyze(`X-Microsoft-Antispam: BCL:0;PCL:0;RULEID:(2390118)(5000112);SRVR:CY1NAM02HT141;\r\nX-Forefront-Antispam-Report: EFV:NLI;\r\nFrom: a@outlook.com\r\n\r\n`);
    const r = vendor(a, "Microsoft 365");
    const f = fieldMap(r);
    expect(f.get("BCL")?.[1]).toBe("The message isn't from a bulk sender.");
    expect(f.get("PCL")).toEqual(["0", null]);
    expect(f.has("RULEID")).toBe(false);
    expect(r.verdict).toBe("unknown");
  });

  it("BCL 8 with no SCL is bulk (default threshold 7)", () => {
    expect(readMicrosoft(raw([["X-Microsoft-Antispam", "BCL:8;"]]))!.verdict).toBe("bulk");
  });

  it("Microsoft's headers are the recipient's when the recipient's side is Microsoft 365, though filed below the Received block", () => {
    // sample-5835: Exchange Online wrote SCL 7 at the bottom; SpamAssassin's copy is the sender's.
    const a = fixture("phishing_pot__sample-5835");
    expect(vendor(a, "Microsoft 365").trusted).toBe(true);
    expect(vendor(a, "SpamAssassin").trusted).toBe(false);
    expect(a.antispam?.[0].vendor).toBe("Microsoft 365");
  });

  it("a Microsoft 365 report forwarded on to another organisation is an upstream claim (sample-401)", () => {
    expect(vendor(fixture("phishing_pot__sample-401"), "Microsoft 365").trusted).toBe(false);
  });
});

describe("X-Microsoft-Antispam-Mailbox-Delivery", () => {
  it("says where the mailbox filed the message: a spam verdict delivered to the Inbox by the safe-senders list (sample-1219)", () => {
    const a = fixture("phishing_pot__sample-1219");
    const r = vendor(a, "Microsoft 365");
    expect(r.delivery).toEqual({ folder: "inbox", words: "dest:I; OFR:TrustedSenderList" });
    const f = fieldMap(r);
    expect(f.get("dest")).toEqual(["I", null]);
    expect(f.get("OFR")).toEqual(["TrustedSenderList", null]);
    expect(a.summary.verdict).toMatchObject({ tone: "bad", text: "Marked as spam by Microsoft 365 (SCL 5); delivered to the Inbox all the same (dest:I; OFR:TrustedSenderList)" });
  });

  it("Junk and a rule's folder are read as such, and leave the verdict line as it was", () => {
    const junk = fixture("phishing_pot__sample-113");
    expect(vendor(junk, "Microsoft 365").delivery).toEqual({ folder: "junk", words: "dest:J; OFR:SpamFilterAuthJ; RF:JunkEmail" });
    expect(junk.summary.verdict?.text).not.toContain("Inbox");
    expect(vendor(fixture("phishing_pot__sample-1214"), "Microsoft 365").delivery?.folder).toBe("other");
  });

  it("no dest: word, no delivery", () => {
    const r = readMicrosoft(raw([["X-Forefront-Antispam-Report", "SCL:1;SFV:NSPM;"], ["X-Microsoft-Antispam-Mailbox-Delivery", "ucf:0;jmr:0;auth:1;"]]));
    expect(r?.delivery).toBeUndefined();
  });
});
