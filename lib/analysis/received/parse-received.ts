import type { ParsedReceived } from "./types";

// PLACEHOLDER: replaced by the real tokenizer/grammar.
export function parseReceived(value: string): ParsedReceived {
  return {
    from: null, by: null, via: null, with: null, id: null, for: null, envelopeFrom: null,
    dateText: null, timestamp: null, tls: { encrypted: null, version: null, cipher: null },
    authenticated: null, submission: null, software: null, comments: [], mayBeForged: false,
    problems: value ? [] : ["unreadable-header"],
  };
}
