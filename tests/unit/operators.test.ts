/**
 * The operator table (operators-data.ts): host recognition for every row, Received-comment
 * markers, and the message's sending service with the forged-ESP-header finding.
 * Host names are taken from the real header fixtures where one exists (file in the comment).
 */
import { describe, expect, it } from "vitest";
import { OPERATORS } from "@/lib/analysis/operators/data";
import { operatorForHop, operatorForHost } from "@/lib/analysis/operators/match";
import { senderOperator, type SenderHop } from "@/lib/analysis/operators/sender";
import type { RawField } from "@/lib/analysis/message/headers";

const field = (name: string, value: string): RawField => ({ name, key: name.toLowerCase(), value, decoded: value });

const hosts: { host: string | null; ip?: string | null; expected: string | null; kind?: string }[] = [
  // Google
  { host: "mx.google.com", expected: "Google", kind: "mailbox-provider" },
  { host: "mail-sor-f41.google.com", expected: "Google" },
  { host: "mail-qt1-f178.google.com.", expected: "Google" },
  // Google Groups sends from its own host names (phishing_pot sample-52: a DigitalOcean client claiming one is a helo-mismatch).
  { host: "mail-pf1-f420.googlegroups.com", expected: "Google" },
  { host: "smtp-relay.gmail.com", expected: "Google" },
  { host: "2002:a05:6a10:b096:b0:51c:3972:fc1f", expected: "Google" }, // sample-1972, Gmail-internal by name
  { host: "2002:a92:d9cf:0:b0:315:7b96:e09b", expected: "Google" }, // sample-340
  { host: "2001:db8::1", expected: null }, // an ordinary IPv6 name is not Google
  { host: null, ip: "209.85.220.41", expected: "Google" }, // Google's published range
  // Microsoft 365
  { host: "DM6NAM11FT019.mail.protection.outlook.com", expected: "Microsoft 365", kind: "mailbox-provider" }, // sample-8
  { host: "GBR01-CWX-obe.outbound.protection.outlook.com", expected: "Microsoft 365" }, // sample-1981
  { host: "DUZPR01CA0163.eurprd01.prod.exchangelabs.com", expected: "Microsoft 365" }, // sample-2
  { host: "BN9PR03CA0532.outlook.office365.com", expected: "Microsoft 365" }, // sample-1067
  { host: "LO4P123CA0605.GBRP123.PROD.OUTLOOK.COM", expected: "Microsoft 365" }, // sample-1434
  // Other mailbox providers
  { host: "sonic312-20.consmr.mail.sg3.yahoo.com", expected: "Yahoo" }, // sample-1981
  { host: "mta5.am0.yahoodns.net", expected: "Yahoo" },
  { host: "omr-m013e.mx.aol.com", expected: "AOL" },
  { host: "qs51p00im-qukt01071701.me.com", expected: "Apple iCloud" }, // sample-3315
  { host: "mx01.mail.icloud.com", expected: "Apple iCloud" },
  { host: "out1-smtp.messagingengine.com", expected: "Fastmail" }, // postal-mime bounce
  { host: "mailin033.protonmail.ch", expected: "Proton" }, // sample-1158
  { host: "mx.zohomail.com", expected: "Zoho" }, // sample-7862
  { host: "mx.zoho.eu", expected: "Zoho" }, // sample-2247
  { host: "forward400a.mail.yandex.net", expected: "Yandex" }, // sample-1434
  { host: "bg4.exmail.qq.com", expected: "Tencent" }, // sample-3407
  { host: "mout.gmx.net", expected: "GMX" }, // sample-4740
  { host: "mx-ha.web.de", expected: "WEB.DE" }, // mailparser spam
  // Issue 10: providers the 9,080-message differential run found missing (documented host names)
  { host: "mail-0301.mail-europe.com", expected: "Proton" }, // Proton's outbound relays
  { host: "mail-4316.protonmail.ch", expected: "Proton" },
  { host: "f511.i.mail.ru", expected: "Mail.ru", kind: "mailbox-provider" }, // mail.ru webmail
  { host: "smtp48.i.mail.ru", expected: "Mail.ru" },
  { host: "smtpng1.m.smailru.net", expected: "Mail.ru" },
  { host: "mout.kundenserver.de", expected: "IONOS" },
  { host: "mrelayeu.kundenserver.de", expected: "IONOS" },
  { host: "mout.perfora.net", expected: "IONOS" },
  { host: "mx00.ionos.de", expected: "IONOS" },
  { host: "fwd81.aul.t-online.de", expected: "Deutsche Telekom" },
  { host: "mailout11.t-online.de", expected: "Deutsche Telekom" },
  { host: "smtp77.iad3b.emailsrvr.com", expected: "Rackspace Email" },
  { host: "mo123.mail-out.ovh.net", expected: "OVHcloud" },
  { host: "mx1.mail.ovh.net", expected: "OVHcloud" },
  { host: "vps-0e511917.vps.ovh.net", expected: null }, // a customer's server at OVH, not OVH's mail
  { host: "out-12.smtp.zendesk.com", expected: "Zendesk", kind: "esp" },
  { host: "hm1234-56.locaweb.com.br", expected: "Locaweb" },
  { host: "smtp-out-17.smtplw.com.br", expected: "Locaweb" },
  { host: "smtpdm.aliyun.com", expected: "Alibaba DirectMail", kind: "esp" },
  { host: "smtpdm-ap-southeast-1.aliyun.com", expected: "Alibaba DirectMail" },
  { host: "out30-57.freemail.mail.aliyun.com", expected: null }, // Aliyun's mailbox service, not DirectMail
  { host: "s1.csa2.acemsrvd.com", expected: "ActiveCampaign" },
  { host: "smtp-out.libero.it", expected: "Libero" },
  { host: "smtp-in.virgilio.it", expected: "Libero" },
  { host: "mx.yandex.ru", expected: "Yandex" },
  // ESPs
  { host: "a9-14.smtp-out.amazonses.com", expected: "Amazon SES", kind: "esp" }, // sample-8
  { host: "inbound-smtp.us-east-1.amazonaws.com", expected: "Amazon SES" },
  { host: "ec2-198-51-100-7.compute-1.amazonaws.com", expected: null }, // EC2 is not SES
  { host: null, ip: "54.240.9.14", expected: "Amazon SES" },
  { host: "o168-245-101-190.outbound-mail.sendgrid.net", expected: "SendGrid" }, // sample-65
  { host: "geopod-ismtpd-5-1", expected: "SendGrid" }, // sample-65
  { host: "filterdrecv-7b449858b6-77qsp", expected: "SendGrid" }, // sample-65
  { host: "pc232-5.mailgun.net", expected: "Mailgun" }, // sample-2
  { host: "api-n17.prod.us-east-1.postgun.com", expected: "Mailgun" }, // sample-72
  { host: "mta19-ab1.mtasv.net", expected: "Postmark" }, // sample-519
  { host: "mta-81-62.sparkpostmail.com", expected: "SparkPost" }, // sample-4149
  { host: "ge.mta2vsmtp.cc.prd.sparkpost", expected: "SparkPost" }, // sample-4149
  { host: "mail45.suw13.rsgsv.net", expected: "Mailchimp" }, // sample-17
  { host: "mail132-22.atl131.mandrillapp.com", expected: "Mailchimp" }, // sample-1926 (Mandrill)
  { host: "o72.p38.mailjet.com", expected: "Mailjet" }, // sample-2852
  { host: "recvd-769697bd46-kwls6", expected: "SendGrid" }, // sample-5861: SendGrid's relay after geopod-ismtpd
  { host: "adg154cb26.iad1.oracleemaildelivery.com", expected: "Oracle Cloud Email Delivery" }, // sample-3210
  { host: "omta-ad2-fd3-201-us-ashburn-1.omtaad2.vcndpiad.oraclevcn.com", expected: "Oracle Cloud Email Delivery" }, // sample-3210
  { host: "instance-20240101.subnet1.vcn1.oraclevcn.com", expected: null }, // a customer's VM in Oracle Cloud
  { host: "smtp-relay.sendinblue.com", expected: "Brevo" }, // sample-618
  { host: "mtl-mtsp-mta01-out2.smtp.com", expected: "SMTP.com" }, // sample-401
  { host: "dormouse.elm.relay.mailchannels.net", expected: "MailChannels" }, // sample-1067
  { host: "bd77f1y.bf56x.hubspotemail.net", expected: "HubSpot" }, // sample-1736
  { host: "smtp15-ia5-sp3.mta.salesforce.com", expected: "Salesforce" }, // sample-4636
  { host: "www.salesforce.com", expected: null }, // only the mail platform is listed
  { host: "s2.csa1.acemsc5.com", expected: "ActiveCampaign" }, // sample-5812
  { host: "acems1.com", expected: "ActiveCampaign" }, // sample-5812
  { host: "system-71.transmail.net", expected: "Zoho ZeptoMail" }, // sample-7862
  { host: "pn25.mxout.mta2.net", expected: "Elastic Email" }, // sample-432
  // Gateways
  { host: "mx07-00096706.pphosted.com", expected: "Proofpoint", kind: "gateway" }, // sample-270
  { host: "m0240467.ppops.net", expected: "Proofpoint" }, // sample-270
  { host: "za-smtp-delivery-146.mimecast.co.za", expected: "Mimecast" }, // sample-5291
  { host: "us-smtp-inbound-1.mimecast.com", expected: "Mimecast" },
  { host: "d1234.ess.barracudanetworks.com", expected: "Barracuda" },
  { host: "esa.hc489-80.eu.iphmx.com", expected: "Cisco Secure Email" }, // sample-5414
  { host: "server-33.tower-702.messagelabs.com", expected: "MessageLabs" }, // sample-3525
  { host: "mx.example.tmes.trendmicro.com", expected: "Trend Micro Email Security" },
  // Unknown and junk
  { host: "mail.example.org", expected: null },
  { host: "notgoogle.com", expected: null }, // suffixes match on label boundaries only
  { host: "google.com.evil.example", expected: null },
  { host: "localhost", expected: null },
  { host: "", expected: null },
  { host: null, expected: null },
  { host: "a".repeat(100_000), expected: null },
];

describe("operatorForHost", () => {
  it.each(hosts)("recognises $host ($ip) as $expected", ({ host, ip, expected, kind }) => {
    const got = operatorForHost(host, ip ?? null);
    expect(got?.name ?? null).toBe(expected);
    if (kind) expect(got?.kind).toBe(kind);
  });

  it("has at least one host case for every row of the table", () => {
    const covered = new Set(hosts.map((c) => c.expected));
    expect(OPERATORS.map((r) => r.name).filter((n) => !covered.has(n))).toEqual([]);
  });

  it("keeps the kinds the contract expects for the main operators", () => {
    const kind = new Map(OPERATORS.map((r) => [r.name, r.kind]));
    for (const n of ["Google", "Microsoft 365", "Yahoo", "Apple iCloud", "Fastmail", "Proton", "Zoho"]) expect(kind.get(n)).toBe("mailbox-provider");
    for (const n of ["Amazon SES", "SendGrid", "Mailgun", "Postmark", "SparkPost", "Mailchimp", "Mailjet", "Brevo"]) expect(kind.get(n)).toBe("esp");
    for (const n of ["Proofpoint", "Mimecast", "Barracuda", "Cisco Secure Email"]) expect(kind.get(n)).toBe("gateway");
  });
});

const hops: { name: string; hop: Parameters<typeof operatorForHop>[0]; expected: string | null }[] = [
  { name: "a SendGrid (SG) hop on an unqualified host", hop: { byHost: "ismtpd0004p1las1", comments: ["SG"] }, expected: "SendGrid" },
  { name: "a Proofpoint (PPS) hop on a customer's host", hop: { byHost: "mx0a.customer.example", comments: ["PPS"] }, expected: "Proofpoint" },
  { name: "a (Mailchimp) hop", hop: { byHost: "mail9.example-relay.example", comments: ["Mailchimp"] }, expected: "Mailchimp" },
  { name: "a known host wins over a comment marker", hop: { byHost: "mail132-22.atl131.mandrillapp.com", comments: ["PPS"] }, expected: "Mailchimp" },
  { name: "an ecelerity hop on a SparkPost host", hop: { byHost: "ge.mta2vsmtp.cc.prd.sparkpost", comments: ["ecelerity 4.8.0.74147 r(msys-ecelerity:tags/4.8.0.74147)"], software: "Momentum" }, expected: "SparkPost" },
  { name: "a Postfix comment says nothing about the operator", hop: { byHost: "mail.example.org", comments: ["Postfix"] }, expected: null },
  { name: "a by address in Google's range", hop: { byHost: null, byIp: "2607:f8b0:4864:20::d48" }, expected: "Google" },
];

describe("operatorForHop", () => {
  it.each(hops)("recognises $name", ({ hop, expected }) => {
    expect(operatorForHop(hop)?.name ?? null).toBe(expected);
  });
});

/** Evidence from (from rdns, from ip, by host, from helo?, submission?) per hop, earliest first. */
function evidence(rows: [string | null, string | null, string | null, (string | null)?, (boolean | null)?][]): SenderHop[] {
  return rows.map((r) => ({
    from: { rdns: r[0], ip: r[1], helo: r[3] ?? null },
    by: { host: r[2], ip: null },
    submission: r[4] === true ? "auth" : null,
  }));
}

const EOP = [
  ["DM6NAM11FT019.eop-nam11.prod.protection.outlook.com", "2603:10b6:5:60:cafe::ee", "DM6PR10CA0006.outlook.office365.com"],
  ["DM6PR10CA0006.namprd10.prod.outlook.com", "2603:10b6:5:60::19", "DS7PR19MB6351.namprd19.prod.outlook.com"],
] as const;
const eop = EOP.map((r) => [...r] as [string, string, string]);

const senders: { name: string; fields: [string, string][]; hops: SenderHop[]; expected: string | null; findings: string[] }[] = [
  {
    name: "Amazon SES from the client of the recipient's first hop (sample-8)",
    fields: [["X-SES-Outgoing", "2023.09.07-54.240.9.14"], ["Feedback-ID", "1.us-east-1.841AoITa9X2YS7YTi2gP3ijmKKJz8pAhe2oSLoxwpOc=:AmazonSES"]],
    hops: evidence([[null, "54.240.9.14", "DM6NAM11FT019.mail.protection.outlook.com", "a9-14.smtp-out.amazonses.com"], ...eop]),
    expected: "Amazon SES",
    findings: [],
  },
  {
    name: "SendGrid from its geopod and filterdrecv hops (sample-65)",
    fields: [["X-SG-EID", "x"], ["X-Entity-ID", "nJqfvQ3eGVSRS3fDZMPvHg=="]],
    hops: evidence([[null, null, "geopod-ismtpd-5-1"], [null, null, "filterdrecv-7b449858b6-77qsp"], [null, "168.245.101.190", "DB8EUR05FT023.mail.protection.outlook.com", "o168-245-101-190.outbound-mail.sendgrid.net"], ...eop]),
    expected: "SendGrid",
    findings: [],
  },
  {
    name: "Mailgun's API hop with an <unknown> client (sample-72)",
    fields: [["X-Mailgun-Sid", "WyI3MWVlMiIsInJvZHJpZ28tZi1wQGhvdG1haWwuY29tIiwiMDRkZDcxIl0="]],
    hops: evidence([[null, null, "api-n17.prod.us-east-1.postgun.com"], [null, "143.55.229.220", "CO1NAM11FT029.mail.protection.outlook.com", "mail229-220.static.kajabimail.net"], ...eop]),
    expected: "Mailgun",
    findings: [],
  },
  {
    name: "Postmark with no from clause on its own hop (sample-519)",
    fields: [["X-PM-Message-Id", "8e63ac40-4751-4a59-93b2-00b97d8f5260"], ["Feedback-ID", "s6378190-_:s6378190:a89170:postmark"]],
    hops: evidence([[null, null, "mta19-ab1.mtasv.net"], [null, "50.31.205.19", "BN7NAM10FT025.mail.protection.outlook.com", "mta19-ab1.mtasv.net"], ...eop]),
    expected: "Postmark",
    findings: [],
  },
  {
    name: "Mailjet, whose only trace is the client of the recipient's hop (sample-2852)",
    fields: [["Feedback-Id", "42.2615537.2428695:MJ"], ["X-MJ-SMTPGUID", "453e1b94-198f-4675-9578-87f2f8a15c5f"]],
    hops: evidence([[null, "185.250.237.72", "DB5PEPF00014B99.mail.protection.outlook.com", "o72.p38.mailjet.com"], ...eop]),
    expected: "Mailjet",
    findings: [],
  },
  {
    name: "Mailjet headers on a message from a non-Mailjet server: a warning that they may be forged, and no sender named on their word",
    fields: [["Feedback-Id", "42.2615537.2428695:MJ"], ["X-MJ-SMTPGUID", "453e1b94-198f-4675-9578-87f2f8a15c5f"]],
    hops: evidence([["vps-0e511917.vps.ovh.net", "57.128.199.31", "DB5PEPF00014B99.mail.protection.outlook.com", "mailer.example-shop.fr"], ...eop]),
    expected: null,
    findings: ["esp-headers-unconfirmed"],
  },
  {
    name: "Salesforce Marketing Cloud's X-SFMC-Stack on mail from a Linode host: flagged, no sender named on its word (phishing_pot 4157)",
    fields: [["X-SFMC-Stack", "10"], ["x-CSA-Compliance-Source", "SFMC"]],
    hops: evidence([[null, "192.46.221.24", "DB5PEPF00014B99.mail.protection.outlook.com", "192-46-221-24.ip.linodeusercontent.com"], ...eop]),
    expected: null,
    findings: ["esp-headers-unconfirmed"],
  },
  {
    name: "forged SES headers on a Gmail-sent message: the hops win and the headers are flagged",
    fields: [["X-SES-Outgoing", "2023.09.07-54.240.9.14"]],
    hops: evidence([[null, null, "2002:a05:6a10:b096:b0:51c:3972:fc1f"], ["mail-sor-f41.google.com", "209.85.220.41", "mx.google.com"]]),
    expected: "Google",
    findings: ["esp-headers-unconfirmed"],
  },
  {
    name: "Mandrill's DKIM d= and X-Mandrill-User agree with its hops (sample-1926)",
    fields: [["X-Mandrill-User", "md_30054689"], ["Feedback-ID", "30054689:30054689.20231114:md"], ["DKIM-Signature", "v=1; a=rsa-sha256; c=relaxed/relaxed; d=mandrillapp.com; s=mandrill; t=1699999999; b=abc"]],
    hops: evidence([[null, "18.204.216.230", "mandrillapp.com"], ["localhost", "127.0.0.1", "mail132-22.atl131.mandrillapp.com", "pmta09.mandrill.prod.atl01.rsglab.com"], [null, "198.2.132.22", "DM3NAM02FT057.mail.protection.outlook.com", "mail132-22.atl131.mandrillapp.com"], ...eop]),
    expected: "Mailchimp",
    findings: [],
  },
  {
    name: "Brevo's relay hop without a from clause (sample-618)",
    fields: [["X-Mailin-EID", "NTQzNTMxOTR"], ["Feedback-ID", "213.32.137.251:1625248_-1:1625248:Sendinblue"]],
    hops: evidence([[null, null, "smtp-relay.sendinblue.com"], [null, "213.32.137.251", "SN1NAM02FT0049.mail.protection.outlook.com", "mailer.educationmanagers.ru"], ...eop]),
    expected: "Brevo",
    findings: [],
  },
  {
    name: "SMTP.com's Momentum hop wins over the X-MSFBL header SparkPost also writes, without a warning (sample-401)",
    fields: [["X-MSFBL", "dzC+l9W94OB7ydt3OXbwe3GoN3GT34ptgPreZEA2IEg=|eyJ0ZW5hbnRfaWQiOiJ"]],
    hops: evidence([[null, "10.137.129.35", "mtl-mtsp-mta01-out2.smtp.com", "[10.0.54.70]"], [null, "192.40.168.20", "BN1NAM02FT007.mail.protection.outlook.com", "mailer20.gate168.rs.smtp.com"]]),
    expected: "SMTP.com",
    findings: [],
  },
  {
    name: "Microsoft 365 when the earliest hops are Exchange Online's own (sample-1981)",
    fields: [],
    hops: evidence([["LO2P265CA0215.GBRP265.PROD.OUTLOOK.COM", "2603:10a6:600:9e::35", "CWLP123MB2979.GBRP123.PROD.OUTLOOK.COM"], [null, "40.107.121.71", "DM6NAM10FT043.mail.protection.outlook.com", "GBR01-CWX-obe.outbound.protection.outlook.com"]]),
    expected: "Microsoft 365",
    findings: [],
  },
  {
    name: "Google for an authenticated submission to smtp.gmail.com from a client's address (sample-1000)",
    fields: [],
    hops: evidence([[null, "20.97.213.223", "smtp.gmail.com", "a3.domain", true], [null, null, "mail-qt1-f178.google.com"], [null, "209.85.160.178", "MW2NAM04FT023.mail.protection.outlook.com", "mail-qt1-f178.google.com"]]),
    expected: "Google",
    findings: [],
  },
  {
    name: "no sending service when a company's own server hands mail to Microsoft 365's inbound MX (sample-550)",
    fields: [],
    hops: evidence([["mail.awt.cloud", "103.233.58.151", "SN1NAM02FT0049.mail.protection.outlook.com"], ...eop]),
    expected: null,
    findings: [],
  },
  {
    name: "a HELO of hotmail.com from an address outside Microsoft's ranges is not Microsoft (sample-1406)",
    fields: [],
    hops: evidence([[null, "147.91.36.2", "DM6NAM11FT004.mail.protection.outlook.com", "hotmail.com"], ...eop]),
    expected: null,
    findings: [],
  },
  {
    name: "a provider handing its mail straight to an ESP is sending through that ESP (sample-7862: Zoho to ZeptoMail)",
    fields: [],
    hops: evidence([[null, null, "mx.zohomail.com"], [null, "135.84.80.71", "SA2PEPF000015C7.mail.protection.outlook.com", "system-71.transmail.net"], ...eop]),
    expected: "Zoho ZeptoMail",
    findings: [],
  },
  {
    name: "a recipient-side forwarder relaying through an ESP does not replace the Gmail sender",
    fields: [],
    hops: evidence([[null, null, "2002:a05:6a10:b096:b0:51c:3972:fc1f"], ["mail-sor-f41.google.com", "209.85.220.41", "mx1.forwarder.example"], [null, "54.240.9.16", "mailin033.protonmail.ch", "a9-16.smtp-out.amazonses.com"]]),
    expected: "Google",
    findings: [],
  },
  {
    name: "headers alone when there are no hops: reported without a warning",
    fields: [["X-Mailgun-Sid", "abc"]],
    hops: evidence([]),
    expected: "Mailgun",
    findings: [],
  },
  {
    name: "nothing at all",
    fields: [["Subject", "hello"], ["__proto__", "x"]],
    hops: evidence([]),
    expected: null,
    findings: [],
  },
];

describe("senderOperator", () => {
  it.each(senders)("finds $name", ({ fields, hops: ev, expected, findings }) => {
    const got = senderOperator(fields.map(([n, v]) => field(n, v)), ev);
    expect(got.operator).toBe(expected);
    expect(got.findings.map((f) => f.code)).toEqual(findings);
    for (const f of got.findings) {
      expect(f.severity).toBe("warning");
      expect(f.message).toMatch(/may be forged\.$/);
    }
  });

  it("names the operator in the warning sentence", () => {
    const got = senderOperator([field("Feedback-Id", "42.1.2:MJ")], evidence([["mail.example.org", "192.0.2.10", "mx.example.net"]]));
    expect(got.findings[0]?.message).toBe("Mailjet headers are present but no hop came from Mailjet's servers; they may be forged.");
  });
});

describe("the operator table", () => {
  it("every header-name prefix starts with x- (the sending-service reader skips other names)", () => {
    for (const rule of OPERATORS) for (const p of rule.headerPrefixes ?? []) expect(p.startsWith("x-"), `${rule.name}: ${p}`).toBe(true);
  });
});
