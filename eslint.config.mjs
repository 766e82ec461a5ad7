import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";

// Next's rules (React, hooks, Core Web Vitals), typescript-eslint's recommended rules, and jsx-a11y's recommended
// accessibility rules (Next registers the plugin with a few of them; all of them apply here).
export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  { rules: jsxA11y.flatConfigs.recommended.rules },
  {
    rules: {
      // React Compiler's rules: this app does not use the compiler (react-hook-form's watch() and refs read in event
      // handlers are what they flag).
      "react-hooks/refs": "off",
      "react-hooks/incompatible-library": "off",
      // After a 401 the page is left with a full load to sign-in on purpose: nothing of the ended session stays in memory.
      "@next/next/no-location-assign-relative-destination": "off",
      // Focus moves into a form or dialog the person just opened (and to the sign-in e-mail): what they asked for.
      "jsx-a11y/no-autofocus": "off",
      // A table's scroll box is focusable so keyboard users can scroll it (axe: scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["region"], allowExpressionValues: true }],
      // `_name` marks a value left unused on purpose (a destructured field dropped from a copy).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  // Outside React code a function named use… is not a hook (Playwright fixtures' `use`, the seed's clock).
  { files: ["e2e/**", "prisma/**", "scripts/**", "bench/**", "lib/**/*.ts"], rules: { "react-hooks/rules-of-hooks": "off" } },
  globalIgnores([
    ".next*/**",
    "lib/generated/**",
    "node_modules/**",
    "test-results/**",
    "playwright-report/**",
    ".data/**",
    "bench/out/**",
    "docs/screens/**",
    "next-env.d.ts",
    "scripts/verify-packet.mjs",
  ]),
]);
