/**
 * The longest a sending MTA keeps retrying with its defaults before it bounces: qmail's
 * queuelifetime, 7 days (Postfix maximal_queue_lifetime and Sendmail Timeout.queuereturn are 5
 * days, Exim's default retry rule gives up after 4; RFC 5321 §4.5.4.1 says at least 4-5 days).
 * A longer gap between two hops is no deferral and no slow hop: headers of an earlier delivery
 * (kept or copied), or a wrong clock. Read by delay/causes.ts, route/findings.ts and insights.ts.
 */
export const MAX_QUEUE_SECONDS = 7 * 86_400;
