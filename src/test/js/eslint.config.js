// ESLint for the handbook's own scripts in templates/assets (the vendored ones in vendor/ are
// checked by their authors, not here). Two jobs:
//  - the browser-support policy in README.md ("Browser support"): only JavaScript features and
//    Web APIs that are Baseline widely available, through eslint-plugin-baseline-js;
//  - ESLint's recommended rules, which catch real mistakes (undefined names, unreachable code).
import js from "@eslint/js";
import baselineJs from "eslint-plugin-baseline-js";
import globals from "globals";

export default [
  {
    ignores: ["templates/assets/vendor/**"],
  },
  {
    files: ["templates/assets/**/*.js"],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: "latest",
      // Plain classic scripts, loaded with <script defer>: no modules, no bundler.
      sourceType: "script",
      globals: { ...globals.browser },
    },
    plugins: { "baseline-js": baselineJs },
    rules: {
      ...js.configs.recommended.rules,
      "baseline-js/use-baseline": [
        "error",
        {
          available: "widely",
          includeWebApis: { preset: "auto" },
          includeJsBuiltins: { preset: "auto" },
        },
      ],
    },
  },
];
