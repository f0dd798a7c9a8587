/**
 * A header block without any Received header: a pasted fragment ("hello: world"), a draft, or
 * headers copied without their trace fields. There is no route, and the page must say so plainly
 * rather than show an empty analysis without a word (issue 10), so it is a warning, not info.
 */
import type { Finding } from "../types";

export const NO_RECEIVED_MESSAGE = "No Received headers: this does not look like a message's headers, so there is no route to show.";

export function noReceivedFinding(): Finding {
  return { code: "no-received", severity: "warning", message: NO_RECEIVED_MESSAGE };
}
