/**
 * Mail operators and sending services, as data: one row per operator, read by operators.ts.
 * Fingerprints come from real headers (shared/operators.md, the public fixtures) and from what
 * the operators publish (their SPF records for ipRanges). To add an operator, add a row.
 *
 * Naming decisions:
 * - Mandrill (Mailchimp Transactional) is reported as "Mailchimp": it is Mailchimp's product,
 *   its MTAs sign "(Mailchimp)" in Received, and the API contract lists "Mailchimp".
 * - AOL is its own row ("AOL"): its legacy hosts say aol.com; newer AOL mail leaves through
 *   Yahoo hosts and is then reported as "Yahoo".
 * - Zoho's transactional service (ZeptoMail, transmail.net) is "Zoho ZeptoMail", an ESP, apart
 *   from Zoho Mail, a mailbox provider.
 * - Cloud hosting (EC2, GCP, Azure VMs) has no row: two customers' VMs are not one organisation,
 *   and Gmail/SES must not be confused with their parents' clouds (googleusercontent.com and
 *   compute.amazonaws.com are NOT Google or Amazon SES).
 */

export type OperatorKind = "mailbox-provider" | "esp" | "gateway" | "hosting";

export interface OperatorRule {
  /** Name shown in the API (Hop.operator, summary.sender.operator). */
  name: string;
  kind: OperatorKind;
  /** DNS suffixes, lower-case: a host matches when it equals one or ends with "." + one. */
  suffixes: readonly string[];
  /**
   * Whole-name patterns (lower-case host, anchored, linear) for names that have no suffix of
   * their own: Gmail's internal "2002:a05:…" by names, SendGrid's "geopod-ismtpd-4".
   */
  hostPatterns?: readonly RegExp[];
  /** Received comments (whole text, without parentheses) this operator's MTAs write: "SG", "PPS". */
  commentMarkers?: readonly string[];
  /**
   * The operator's inbound MX hosts (suffixes or exact names): a hop from outside into one of
   * them is mail arriving at the recipient's provider, not mail being sent.
   */
  inboundSuffixes?: readonly string[];
  inboundPatterns?: readonly RegExp[];
  /**
   * Hosts that take mail from the operator's own users or customers (authenticated submission,
   * relay services, outbound edges): a hop from outside into one of them is sending, not delivery.
   */
  submissionSuffixes?: readonly string[];
  /**
   * The operator's outbound edge hosts, the ones that hand its users' mail to other servers
   * (Gmail's "mail-sor-f41.google.com", Yahoo's "sonic312-20.consmr.mail.sg3.yahoo.com"): a hop
   * from one of them into the operator's own inbound host crosses between two of its customers.
   */
  outboundPatterns?: readonly RegExp[];
  /** Outbound address ranges the operator publishes (SPF includes); CIDR. */
  ipRanges?: readonly string[];
  /**
   * The operator's own internal networks, beyond its published outbound ranges (CIDR): evidence
   * that a client naming one of the operator's hosts in its HELO really is one (Exchange Online's
   * internal hops record only a HELO and an address in 2603:1000::/24). Never used to name the
   * operator of a by server: a customer's cloud VM in the same networks is not the mail service.
   */
  networkRanges?: readonly string[];
  /** Header names (lower-case) that only this operator's platform writes. */
  headerNames?: readonly string[];
  /** Header name prefixes (lower-case), e.g. "x-mailgun-". */
  headerPrefixes?: readonly string[];
  /** Last ":"-separated part of Feedback-ID, lower-case (Google's FBL format "a:b:c:SenderId"). */
  feedbackIds?: readonly string[];
  /**
   * Headers written by the MTA software this operator uses but also by others (X-MSFBL is
   * Momentum's, used by SparkPost, SMTP.com and Salesforce): a hint only when nothing else says more.
   */
  weakHeaderNames?: readonly string[];
  /**
   * DKIM selectors (s=, anchored, linear) the operator's platform uses by default ("scph0318",
   * SparkPost). A hint only: any sender may pick any selector, so a selector alone never names
   * the sending service (issue 10: "s=scph0318" named SparkPost on mail that went OVH → ImprovMX
   * → Proton); the finding "sender-hint" says "possibly".
   */
  dkimSelectors?: readonly RegExp[];
}

export const OPERATORS: readonly OperatorRule[] = [
  // ---- mailbox providers -------------------------------------------------------------------
  {
    name: "Google",
    kind: "mailbox-provider",
    suffixes: ["google.com", "googlemail.com", "gmail.com", "1e100.net", "googlegroups.com"],
    // Gmail's internal hops are named by a 6to4 address of a 10/8 host: "by 2002:a05:6a10:b096:b0:51c:3972:fc1f".
    hostPatterns: [/^2002:a[\da-f]{2}:[\d:a-f]*$/],
    inboundSuffixes: ["mx.google.com", "aspmx.l.google.com", "gmail-smtp-in.l.google.com", "aspmx2.googlemail.com", "aspmx3.googlemail.com"],
    // _netblocks.google.com (Google's SPF include).
    ipRanges: [
      "35.190.247.0/24", "64.233.160.0/19", "66.102.0.0/20", "66.249.80.0/20", "72.14.192.0/18",
      "74.125.0.0/16", "108.177.8.0/21", "173.194.0.0/16", "209.85.128.0/17", "216.58.192.0/19",
      "216.239.32.0/19", "2001:4860:4000::/36", "2404:6800:4000::/36", "2607:f8b0:4000::/36",
      "2800:3f0:4000::/36", "2a00:1450:4000::/36", "2c0f:fb50:4000::/36",
    ],
    submissionSuffixes: ["smtp.gmail.com", "smtp-relay.gmail.com", "smtp.googlemail.com"],
    // "mail-sor-f65.google.com", "mail-oi1-f208.google.com", "mail-io1-xd48.google.com".
    outboundPatterns: [/^mail-[\da-z]+-[\da-z]+\.google\.com$/],
  },
  {
    name: "Microsoft 365",
    kind: "mailbox-provider",
    suffixes: ["outlook.com", "office365.com", "exchangelabs.com", "hotmail.com", "live.com", "msn.com", "outlook.office365.com"],
    inboundSuffixes: ["mail.protection.outlook.com", "mail.eo.outlook.com", "olc.protection.outlook.com"],
    // spf.protection.outlook.com.
    ipRanges: [
      "40.92.0.0/15", "40.107.0.0/16", "52.100.0.0/14", "104.47.0.0/17",
      "2a01:111:f400::/48", "2a01:111:f403::/48",
    ],
    // Microsoft's IPv6 allocations used by Exchange Online's internal hops (ARIN/RIPE: MSFT).
    networkRanges: ["2603:1000::/24", "2a01:111::/32"],
    submissionSuffixes: ["smtp.office365.com", "smtp-mail.outlook.com", "outbound.protection.outlook.com"],
  },
  {
    name: "Yahoo",
    kind: "mailbox-provider",
    suffixes: ["yahoo.com", "yahoodns.net", "yahoo.net", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "ymail.com"],
    inboundSuffixes: ["am0.yahoodns.net"],
    // Inbound MTAs: "mta4312.mail.gq1.yahoo.com".
    inboundPatterns: [/^mta\d+\.mail\.[\da-z]+\.yahoo\.com$/],
    outboundPatterns: [/^sonic\d+(?:-\d+)?\.consmr\.mail\.[\da-z]+\.yahoo\.com$/],
    submissionSuffixes: ["smtp.mail.yahoo.com"],
  },
  {
    name: "AOL",
    kind: "mailbox-provider",
    suffixes: ["aol.com", "aol.net", "aim.com"],
    inboundPatterns: [/^mx[-\d]*\.aol\.com$/, /^mx\.aol\.mail\.gm0\.yahoodns\.net$/],
    submissionSuffixes: ["smtp.aol.com"],
  },
  {
    name: "Apple iCloud",
    kind: "mailbox-provider",
    // Apple runs its staff mail on the same platform; its mail hosts are *.apple.com.
    suffixes: ["icloud.com", "me.com", "mac.com", "apple.com"],
    inboundPatterns: [/^mx\d*\.mail\.icloud\.com$/],
    ipRanges: ["17.0.0.0/8"],
    submissionSuffixes: ["smtp.mail.me.com", "smtp.mail.icloud.com"],
  },
  {
    name: "Fastmail",
    kind: "mailbox-provider",
    suffixes: ["messagingengine.com", "fastmail.com", "fastmail.fm"],
    inboundPatterns: [/^(?:in\d*-smtp|mx\d*)\.messagingengine\.com$/],
    submissionSuffixes: ["smtp.fastmail.com", "smtp.messagingengine.com"],
  },
  {
    name: "Proton",
    kind: "mailbox-provider",
    // mail-europe.com: Proton's outbound relays ("mail-0301.mail-europe.com", "mail-4316.protonmail.ch").
    suffixes: ["protonmail.ch", "proton.me", "protonmail.com", "proton.ch", "pm.me", "mail-europe.com"],
    inboundSuffixes: ["mail.protonmail.ch", "mailsec.protonmail.ch"],
    inboundPatterns: [/^mailin\d*\.protonmail\.ch$/],
    submissionSuffixes: ["smtp.protonmail.ch"],
  },
  {
    name: "Zoho",
    kind: "mailbox-provider",
    suffixes: [
      "zoho.com", "zohomail.com", "zoho.eu", "zohomail.eu", "zoho.in", "zohomail.in", "zoho.com.au",
      "zoho.jp", "zohomail360.com", "zohomail360.eu", "zohocorp.com",
    ],
    inboundPatterns: [/^mx\d*\.(?:zoho|zohomail)\.(?:com|eu|in|jp|com\.au)$/],
    submissionSuffixes: ["smtp.zoho.com", "smtp.zoho.eu", "smtp.zoho.in", "smtppro.zoho.com", "smtppro.zoho.eu"],
  },
  {
    name: "Yandex",
    kind: "mailbox-provider",
    suffixes: ["yandex.net", "yandex.ru", "yandex.com", "yandex.com.tr", "yandex.by", "yandex.kz", "yandex.ua", "ya.ru"],
    inboundPatterns: [/^mx\d*\.yandex\.(?:net|ru|com)$/],
    submissionSuffixes: ["smtp.yandex.ru", "smtp.yandex.com"],
  },
  {
    name: "Tencent",
    kind: "mailbox-provider",
    suffixes: ["qq.com"],
    inboundPatterns: [/^mx\d*\.qq\.com$/],
    submissionSuffixes: ["smtp.qq.com", "bizesmtp.qq.com", "smtp.exmail.qq.com"],
  },
  {
    name: "GMX",
    kind: "mailbox-provider",
    // 1&1 Mail & Media (United Internet, with WEB.DE and IONOS: owners.ts); its MTAs are named
    // "mrgmx104" / "mrgmxus003" in the by comment: "by mail.gmx.net (mrgmx104 [212.227.17.174])".
    suffixes: ["gmx.net", "gmx.com", "gmx.de", "gmx.at", "gmx.ch", "gmx.us", "gmx.co.uk", "gmx.fr", "gmx.es"],
    hostPatterns: [/^mrgmx(?:us)?\d+$/],
    inboundPatterns: [/^mx\d*\.(?:emig\.)?gmx\.(?:net|com)$/],
    submissionSuffixes: ["mail.gmx.net", "mail.gmx.com"],
  },
  {
    name: "WEB.DE",
    kind: "mailbox-provider",
    suffixes: ["web.de"],
    hostPatterns: [/^mrweb\d+$/],
    inboundPatterns: [/^mx-?\d*\.web\.de$/],
    submissionSuffixes: ["smtp.web.de"],
  },

  {
    name: "Mail.ru",
    kind: "mailbox-provider",
    // VK's mail service: webmail "by f511.i.mail.ru with HTTP", submission "by smtp48.i.mail.ru
    // with esmtpa", relays "fallback22.i.mail.ru", internal "*.smailru.net"; the user domains too.
    suffixes: ["mail.ru", "smailru.net", "inbox.ru", "list.ru", "bk.ru", "internet.ru", "mail.ua"],
    inboundPatterns: [/^mxs?\d*\.mail\.ru$/],
    submissionSuffixes: ["smtp.mail.ru"],
  },
  {
    name: "IONOS",
    kind: "mailbox-provider",
    // IONOS (formerly 1&1): "mout.kundenserver.de", "mrelayeu.kundenserver.de (mreue108 …)",
    // US "mout.perfora.net"; customer mailboxes behind "mx00.ionos.de" / "mx.kundenserver.de".
    suffixes: [
      "kundenserver.de", "perfora.net", "ionos.com", "ionos.de", "ionos.co.uk", "ionos.fr", "ionos.es",
      "ionos.it", "ionos.mx", "ionos.ca", "ionos.at", "1and1.com", "1and1.co.uk", "1and1.fr", "1and1.es",
      "1und1.de", "oneandone.net", "schlund.de",
    ],
    hostPatterns: [/^mr(?:eu|us)e?\d+$/],
    inboundPatterns: [/^mx\d*\.kundenserver\.de$/, /^mx\d*\.(?:ionos|1and1|1und1)\.[a-z]{2,3}(?:\.uk)?$/],
    submissionSuffixes: ["smtp.ionos.de", "smtp.ionos.com", "smtp.ionos.co.uk", "smtp.ionos.fr", "smtp.ionos.es", "smtp.1und1.de", "smtp.1and1.com", "auth.smtp.1and1.co.uk"],
  },
  {
    name: "Deutsche Telekom",
    kind: "mailbox-provider",
    // t-online.de mail: webmail "by fwd81.aul.t-online.de with HTTP/1.1", relays "mailout11.t-online.de",
    // inbound "mx00.t-online.de", submission "securesmtp.t-online.de".
    suffixes: ["t-online.de", "magenta.de"],
    inboundPatterns: [/^mx\d*\.t-online\.de$/],
    submissionSuffixes: ["securesmtp.t-online.de", "smtpmail.t-online.de"],
  },
  {
    name: "Rackspace Email",
    kind: "mailbox-provider",
    // Rackspace's hosted mail: "smtp77.iad3b.emailsrvr.com", inbound "mx1.emailsrvr.com".
    suffixes: ["emailsrvr.com"],
    inboundPatterns: [/^mx\d+\.emailsrvr\.com$/],
    submissionSuffixes: ["secure.emailsrvr.com", "smtp.emailsrvr.com"],
  },
  {
    name: "OVHcloud",
    kind: "mailbox-provider",
    // OVHcloud's mail hosting only ("mo123.mail-out.ovh.net", "mx1.mail.ovh.net", "ssl0.ovh.net"):
    // the rest of ovh.net is customers' servers ("vps-0e511917.vps.ovh.net"), not one organisation.
    suffixes: ["mail-out.ovh.net", "mail.ovh.net", "ssl0.ovh.net", "mail.ovh.ca"],
    inboundPatterns: [/^mx\d*\.mail\.ovh\.(?:net|ca)$/],
    submissionSuffixes: ["ssl0.ovh.net", "smtp.mail.ovh.net", "pro1.mail.ovh.net", "pro2.mail.ovh.net", "pro3.mail.ovh.net"],
  },
  {
    name: "Locaweb",
    kind: "mailbox-provider",
    // Brazilian hosting: its mail hosting (locaweb.com.br) and its "SMTP Locaweb" relay (smtplw.com.br).
    suffixes: ["locaweb.com.br", "locaweb.com", "smtplw.com.br"],
    inboundPatterns: [/^mx\.[a-z\d-]+\.locaweb\.com\.br$/],
    submissionSuffixes: ["email-ssl.com.br", "smtplw.com.br"],
  },
  {
    name: "Libero",
    kind: "mailbox-provider",
    // Italiaonline's mail (libero.it, virgilio.it, iol.it): inbound "smtp-in.libero.it".
    suffixes: ["libero.it", "iol.it", "italiaonline.it", "virgilio.it", "inwind.it", "blu.it", "giallo.it"],
    inboundPatterns: [/^smtp-in\.(?:libero|virgilio|iol)\.it$/],
    submissionSuffixes: ["smtp.libero.it", "mail.libero.it", "out.virgilio.it"],
  },

  // ---- sending services (ESPs) ---------------------------------------------------------------
  {
    name: "Amazon SES",
    kind: "esp",
    suffixes: ["amazonses.com"],
    // SES inbound ("by inbound-smtp.us-east-1.amazonaws.com"); the rest of amazonaws.com is EC2 and friends.
    hostPatterns: [/^inbound-smtp\.[\da-z-]+\.amazonaws\.com$/],
    inboundPatterns: [/^inbound-smtp\.[\da-z-]+\.amazonaws\.com$/],
    // amazonses.com SPF.
    ipRanges: [
      "54.240.0.0/18", "54.240.64.0/19", "54.240.96.0/19", "23.249.208.0/20", "23.251.224.0/19",
      "76.223.176.0/20", "199.255.192.0/22", "199.127.232.0/22", "69.169.224.0/20",
    ],
    headerNames: ["x-ses-outgoing"],
    feedbackIds: ["amazonses"],
  },
  {
    name: "SendGrid",
    kind: "esp",
    suffixes: ["sendgrid.net", "sendgrid.com"],
    // "by geopod-ismtpd-5-1 (SG) with HTTP", "by filterdrecv-7b449858b6-77qsp with SMTP id …",
    // "by recvd-769697bd46-kwls6 with SMTP id recvd-769697bd46-kwls6-1-68BEDAC5-BF".
    hostPatterns: [/^(?:geopod-)?ismtpd[-\da-z]*$/, /^filterdrecv-[-\da-z]+$/, /^recvd-[\da-f]+-[\da-z]+$/],
    commentMarkers: ["SG"],
    // sendgrid.net SPF.
    ipRanges: [
      "167.89.0.0/17", "168.245.0.0/17", "149.72.0.0/16", "159.183.0.0/16", "198.21.0.0/21",
      "198.37.144.0/20", "208.117.48.0/20", "192.254.112.0/20", "50.31.32.0/19",
    ],
    headerNames: ["x-sg-eid", "x-sg-id", "x-entity-id"],
    dkimSelectors: [/^smtpapi$/],
  },
  {
    name: "Mailgun",
    kind: "esp",
    suffixes: ["mailgun.org", "mailgun.net", "mailgun.com", "postgun.com"],
    inboundPatterns: [/^mx[ab]\.(?:eu\.)?mailgun\.org$/],
    headerPrefixes: ["x-mailgun-"],
  },
  {
    name: "Postmark",
    kind: "esp",
    suffixes: ["mtasv.net", "postmarkapp.com"],
    // Not X-PM-Message-Id: Proton writes "X-Pm-Message-ID" on its users' mail too (the same name
    // case-insensitively), so it is no Postmark evidence.
    headerNames: ["x-pm-rcpt", "x-pm-mta-pool", "x-pm-message-stream", "x-pm-message-options"],
    feedbackIds: ["postmark"],
    // Postmark's selectors are a timestamp and "pm": "20210112180011pm".
    dkimSelectors: [/^\d{14}pm$/],
  },
  {
    name: "SparkPost",
    kind: "esp",
    // Internal names end in the private label "sparkpost": "ge.mta2vsmtp.cc.prd.sparkpost".
    suffixes: ["sparkpostmail.com", "sparkpost.com", "sparkpost"],
    weakHeaderNames: ["x-msfbl"],
    dkimSelectors: [/^scph\d{4}$/],
  },
  {
    name: "Mailchimp",
    kind: "esp",
    // rsglab.com: The Rocket Science Group (Mailchimp's company), seen on Mandrill's PowerMTA hosts.
    suffixes: ["rsgsv.net", "mcsv.net", "mcdlv.net", "mailchimp.com", "mailchimpapp.net", "mandrillapp.com", "rsglab.com"],
    commentMarkers: ["Mailchimp"],
    // servers.mcsv.net SPF.
    ipRanges: ["205.201.128.0/20", "198.2.128.0/18", "148.105.8.0/21"],
    headerNames: ["x-mc-user", "x-mandrill-user"],
    feedbackIds: ["mc", "md"],
    dkimSelectors: [/^mandrill$/, /^k[1-3]$/],
  },
  {
    name: "Oracle Cloud Email Delivery",
    kind: "esp",
    // Outbound edges "adg154cb26.iad1.oracleemaildelivery.com"; bounces to "….rp.oracleemaildelivery.com".
    suffixes: ["oracleemaildelivery.com"],
    // Its MTAs are named in Oracle Cloud's internal DNS (oraclevcn.com), which every OCI
    // customer's VM shares: only the service's own "omta-…"/"rmta-…" hosts of its vcndp… network,
    // "omta-ad2-fd3-201-us-ashburn-1.omtaad2.vcndpiad.oraclevcn.com" (Oracle Communications Messaging Server).
    hostPatterns: [/^[or]mta-[a-z\d-]+\.[or]mtaad\d+\.vcndp[a-z\d]+\.oraclevcn\.com$/],
  },
  {
    name: "Mailjet",
    kind: "esp",
    suffixes: ["mailjet.com"],
    // spf.mailjet.com.
    ipRanges: ["87.253.232.0/21", "185.189.236.0/22", "185.211.120.0/22", "185.250.236.0/22"],
    headerPrefixes: ["x-mj-", "x-mailjet-"],
    feedbackIds: ["mj"],
    dkimSelectors: [/^mailjet$/],
  },
  {
    name: "Brevo",
    kind: "esp",
    suffixes: ["sendinblue.com", "brevo.com", "sender-sib.com", "mailin.fr"],
    headerNames: ["x-sib-id"],
    headerPrefixes: ["x-mailin-"],
    feedbackIds: ["sendinblue", "brevo"],
  },
  {
    name: "SMTP.com",
    kind: "esp",
    suffixes: ["smtp.com"],
  },
  {
    name: "MailChannels",
    kind: "esp",
    suffixes: ["mailchannels.net"],
    // Its inbound proxy signs the hop on an internal address: "by 100.127.93.20 (trex/6.9.1)".
    commentMarkers: ["trex"],
    headerPrefixes: ["x-mailchannels-"],
  },
  {
    name: "HubSpot",
    kind: "esp",
    suffixes: ["hubspotemail.net"],
    dkimSelectors: [/^hs[12](?:-\d+)?$/],
  },
  {
    name: "Salesforce",
    kind: "esp",
    // Only the mail platforms: *.mta.salesforce.com, bounce domains, Marketing Cloud (ExactTarget).
    suffixes: ["mta.salesforce.com", "bnc.salesforce.com", "exacttarget.com"],
    // Marketing Cloud's stack header ("X-SFMC-Stack: 10").
    headerNames: ["x-sfmc-stack"],
  },
  {
    name: "ActiveCampaign",
    kind: "esp",
    // acemsrvd.com: its sending hosts ("s1.csa2.acemsrvd.com"); activecampaign.com its own.
    suffixes: ["acemsrvd.com", "activecampaign.com"],
    // "by acems1.com (KumoMTA …)", "from s2.csa1.acemsc5.com", DKIM d=acems5.com.
    hostPatterns: [/(?:^|\.)acems[a-z]?\d+\.com$/],
  },
  {
    name: "Zendesk",
    kind: "esp",
    // Zendesk's support mail leaves its own servers ("out-NN.smtp.zendesk.com") with X-Zendesk-* headers.
    suffixes: ["zendesk.com", "zdsys.com"],
    headerPrefixes: ["x-zendesk-"],
    dkimSelectors: [/^zendesk[12]$/],
  },
  {
    name: "Alibaba DirectMail",
    kind: "esp",
    // Alibaba Cloud's sending service: SPF include spf1.dm.aliyun.com, SMTP "smtpdm.aliyun.com"
    // (regional "smtpdm-ap-southeast-1.aliyun.com"), the X-AliDM-Settings header. Not Aliyun's
    // mailbox service (qiye.aliyun.com, mail.aliyun.com).
    suffixes: ["dm.aliyun.com", "directmail.aliyun.com"],
    hostPatterns: [/^smtpdm(?:-[a-z\d-]+)?\.aliyun\.com$/],
    headerPrefixes: ["x-alidm-"],
  },
  {
    name: "Zoho ZeptoMail",
    kind: "esp",
    suffixes: ["transmail.net", "zeptomail.com", "zeptomail.eu", "zeptomail.in"],
  },
  {
    name: "Elastic Email",
    kind: "esp",
    suffixes: ["elasticemail.com", "elasticemail.net"],
    // Its MTAs: "pn25.mxout.mta2.net" (with envelope-from …@bounces.elasticemail.net).
    hostPatterns: [/(?:^|\.)mxout\.mta\d+\.net$/],
  },

  // ---- security gateways ---------------------------------------------------------------------
  {
    name: "Proofpoint",
    kind: "gateway",
    suffixes: ["pphosted.com", "ppe-hosted.com", "proofpoint.com", "ppops.net"],
    commentMarkers: ["PPS"],
  },
  {
    name: "Mimecast",
    kind: "gateway",
    suffixes: ["mimecast.com", "mimecast-offshore.com", "mimecast.co.za"],
    // Mimecast's documented MX hosts "eu-smtp-inbound-1.mimecast.com", "za-smtp-inbound-2.mimecast.co.za";
    // its outbound relays are "…-smtp-outbound-…" / "…-smtp-delivery-…".
    inboundPatterns: [/^[a-z]{2,4}-smtp-inbound-\d+\.mimecast(?:-offshore)?\.(?:com|co\.za)$/],
  },
  {
    name: "Barracuda",
    kind: "gateway",
    suffixes: ["barracudanetworks.com", "barracuda.com"],
  },
  {
    name: "Cisco Secure Email",
    kind: "gateway",
    suffixes: ["iphmx.com"],
  },
  {
    name: "MessageLabs",
    kind: "gateway",
    suffixes: ["messagelabs.com"],
  },
  {
    name: "Trend Micro Email Security",
    kind: "gateway",
    suffixes: ["tmes.trendmicro.com", "tmes.trendmicro.eu"],
  },
];
