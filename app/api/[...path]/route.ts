import { jsonError } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/** Every /api path without a route of its own: the contract's JSON 404, not the HTML page. */
function notFound() {
  return jsonError(404, "not-found", "No such API endpoint.");
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS };
