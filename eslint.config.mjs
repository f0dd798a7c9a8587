// ESLint 9 flat config: Next.js's recommended rules (core web vitals + TypeScript) plus
// eslint-plugin-regexp. Every regex in the tree must be linear-time on hostile input
// (design.md, "Limits"): the two super-linear rules are errors, not warnings.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import regexp from "eslint-plugin-regexp";

/** The plugin's recommended rules as warnings: most are style (prefer \d, use the i flag …). */
const regexpRecommendedAsWarnings = Object.fromEntries(
  Object.keys(regexp.configs["flat/recommended"].rules).map((name) => [name, "warn"]),
);

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  { plugins: { regexp }, rules: regexpRecommendedAsWarnings },
  {
    settings: {
      // RFC 5322/5321 grammars are written as printable-ASCII ranges ("!-9", ";-~" = ftext);
      // ranges inside printable ASCII or ASCII are clear enough there.
      regexp: { allowedCharacterRanges: ["alphanumeric", " -~", "\u0000-\u007f"] },
    },
    // Safety, not style: these stay errors.
    rules: {
      "regexp/no-super-linear-backtracking": "error",
      "regexp/no-super-linear-move": "error",
    },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "out/**",
    "build/**",
    "coverage/**",
    "data/**",
    "bench-results/**",
    "test-results/**",
    "next-env.d.ts",
  ]),
]);
