"use client";

// PLACEHOLDER: the share UI (issue 4) replaces this. The home page renders it under a result.
export function SharePanel(_props: { headers: string }) {
  return null;
}
