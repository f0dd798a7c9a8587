/**
 * Brands that phishing names in display names ("PayPal <alert@evil.example>"), with the
 * organisational domains they send from, as data. A From domain belongs to a brand when its
 * organisational domain is listed, or when its first label is one of the listed domains' first
 * labels (paypal.de, amazon.co.jp: a brand's country domains). `words` are matched as whole words
 * of the display name, lower-case. A brand name that is also a common word or first name
 * ("Apple", "Outlook", "Chase", "Meta", "UPS", "Steam") counts only as the whole display name
 * (`exact`) or in unambiguous phrases ("Apple Support", "Outlook Team").
 * Shared sending services (amazonses.com, onmicrosoft.com tenants, googlegroups.com) are not the
 * brand: anyone sends through them.
 * The list covers the most impersonated brands of public phishing reports and the providers of
 * the operators table (operators/data.ts). To add a brand, add a row.
 */
export interface Brand {
  /** Shown in findings. */
  name: string;
  /** Whole-word phrases, lower-case, that name the brand anywhere in a display name. */
  words: readonly string[];
  /** Names that name the brand only as the whole display name (common words otherwise). */
  exact?: readonly string[];
  /** Organisational domains the brand sends from. */
  domains: readonly string[];
  /**
   * The brand's consumer mailbox services, where anyone can get an address ("microsoft-support@
   * outlook.com"): only the service's own reserved addresses (postmaster, mailer-daemon) count as
   * the brand there.
   */
  mailboxDomains?: readonly string[];
}

/** Local parts a mailbox service keeps for itself (RFC 5321 §4.5.1, RFC 2142). */
export const RESERVED_LOCAL_PARTS: ReadonlySet<string> = new Set(["postmaster", "mailer-daemon", "abuse"]);

export const BRANDS: readonly Brand[] = [
  { name: "PayPal", words: ["paypal"], domains: ["paypal.com"] },
  { name: "Microsoft", words: ["microsoft", "outlook team", "outlook support", "outlook security", "outlook web access", "office 365", "office365", "onedrive", "sharepoint", "hotmail"], exact: ["outlook"], domains: ["microsoft.com", "office.com", "office365.com", "microsoftonline.com", "microsoft365.com", "skype.com", "xbox.com", "linkedin.com"], mailboxDomains: ["outlook.com", "hotmail.com", "live.com", "msn.com"] },
  { name: "Apple", words: ["apple id", "apple support", "apple pay", "apple store", "apple account", "icloud", "itunes", "app store"], exact: ["apple"], domains: ["apple.com"], mailboxDomains: ["icloud.com", "me.com", "mac.com"] },
  { name: "Google", words: ["google", "gmail", "youtube"], domains: ["google.com", "youtube.com", "withgoogle.com"], mailboxDomains: ["gmail.com", "googlemail.com"] },
  { name: "Amazon", words: ["amazon", "aws", "prime video"], domains: ["amazon.com", "aws.com", "primevideo.com", "a2z.com"] },
  { name: "Netflix", words: ["netflix"], domains: ["netflix.com"] },
  { name: "Facebook", words: ["facebook", "instagram", "whatsapp", "meta platforms", "meta support"], exact: ["meta"], domains: ["facebook.com", "facebookmail.com", "meta.com", "instagram.com", "whatsapp.com", "fb.com"] },
  { name: "LinkedIn", words: ["linkedin"], domains: ["linkedin.com"] },
  { name: "DocuSign", words: ["docusign"], domains: ["docusign.com", "docusign.net"] },
  { name: "Dropbox", words: ["dropbox"], domains: ["dropbox.com", "dropboxmail.com"] },
  { name: "Adobe", words: ["adobe"], domains: ["adobe.com", "adobesign.com", "echosign.com"] },
  { name: "DHL", words: ["dhl"], domains: ["dhl.com", "dhl.de", "dpdhl.com"] },
  { name: "FedEx", words: ["fedex"], domains: ["fedex.com"] },
  { name: "USPS", words: ["usps"], domains: ["usps.com", "usps.gov"] },
  { name: "UPS", words: ["ups delivery", "ups my choice"], exact: ["ups"], domains: ["ups.com"] },
  { name: "Steam", words: ["steam support", "steam community", "steampowered"], exact: ["steam"], domains: ["steampowered.com", "steamcommunity.com", "valvesoftware.com"] },
  { name: "eBay", words: ["ebay"], domains: ["ebay.com"] },
  { name: "Spotify", words: ["spotify"], domains: ["spotify.com"] },
  { name: "Yahoo", words: ["yahoo"], domains: ["yahoo-inc.com", "yahoodns.net"], mailboxDomains: ["yahoo.com"] },
  { name: "MetaMask", words: ["metamask"], domains: ["metamask.io", "consensys.io", "consensys.net"] },
  { name: "Coinbase", words: ["coinbase"], domains: ["coinbase.com"] },
  { name: "Binance", words: ["binance"], domains: ["binance.com"] },
  // "Ledger" alone is also an ordinary word ("General Ledger"): the whole name, or with a product word.
  { name: "Ledger", words: ["ledger live", "ledger wallet", "ledger support", "ledger nano"], exact: ["ledger"], domains: ["ledger.com"] },
  { name: "McAfee", words: ["mcafee"], domains: ["mcafee.com"] },
  { name: "Wells Fargo", words: ["wells fargo"], domains: ["wellsfargo.com"] },
  { name: "Bank of America", words: ["bank of america"], domains: ["bankofamerica.com", "bofa.com"] },
  { name: "Chase", words: ["chase bank", "chase online", "jpmorgan", "jp morgan"], exact: ["chase"], domains: ["chase.com", "jpmorgan.com", "jpmchase.com"] },
  { name: "American Express", words: ["american express", "amex"], domains: ["americanexpress.com", "aexp.com"] },
  { name: "Citibank", words: ["citibank"], domains: ["citi.com", "citibank.com"] },
  { name: "HSBC", words: ["hsbc"], domains: ["hsbc.com", "hsbc.co.uk"] },
  { name: "Norton", words: ["norton antivirus", "norton 360", "norton lifelock"], domains: ["norton.com", "nortonlifelock.com", "gendigital.com"] },
  { name: "McAfee", words: ["mcafee"], domains: ["mcafee.com"] },
  { name: "WeTransfer", words: ["wetransfer"], domains: ["wetransfer.com"] },
  { name: "Walmart", words: ["walmart"], domains: ["walmart.com"] },
];

/** Free-mail providers: a reply address there, under a company's From, is a classic fraud sign. */
export const FREEMAIL_DOMAINS: ReadonlySet<string> = new Set([
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
  "aol.com", "icloud.com", "me.com", "mail.ru", "yandex.ru", "yandex.com", "gmx.com", "gmx.de", "gmx.net",
  "web.de", "proton.me", "protonmail.com", "zoho.com", "mail.com", "qq.com", "163.com", "126.com",
  // The same providers' country domains (consumer sign-up domains of Outlook.com, Yahoo, GMX, AOL,
  // Mail.ru, Yandex, Apple), then large national free-mail services.
  "outlook.fr", "outlook.de", "outlook.es", "outlook.it", "outlook.jp", "outlook.com.br", "outlook.co.uk",
  "hotmail.fr", "hotmail.de", "hotmail.es", "hotmail.it", "hotmail.co.uk", "hotmail.com.br", "hotmail.be", "hotmail.nl",
  "live.fr", "live.de", "live.co.uk", "live.nl", "live.it", "live.com.mx", "live.ca", "windowslive.com",
  "yahoo.fr", "yahoo.de", "yahoo.co.uk", "yahoo.es", "yahoo.it", "yahoo.co.jp", "yahoo.com.br", "yahoo.co.in", "yahoo.ca",
  "gmx.at", "gmx.ch", "gmx.fr", "aol.de", "aol.fr", "aim.com", "mac.com", "bk.ru", "list.ru", "inbox.ru", "ya.ru",
  "free.fr", "orange.fr", "laposte.net", "libero.it", "t-online.de", "wp.pl", "o2.pl", "seznam.cz", "naver.com",
  "daum.net", "rediffmail.com", "tutanota.com", "sina.com", "yeah.net",
]);
