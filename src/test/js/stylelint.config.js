// Stylelint for the handbook's own stylesheets in templates/assets (not the vendored ones in
// vendor/). Its main job is the browser-support policy in README.md ("Browser support"): every
// property, value, selector, at-rule, function and unit must be Baseline widely available, unless
// it sits inside an @supports block, which is how an enhancement with a fallback is written.
// A few of Stylelint's own rules catch plain mistakes a browser would silently drop.

/** @type {import("stylelint").Config} */
export default {
  plugins: ["stylelint-plugin-use-baseline"],
  ignoreFiles: ["../../../templates/assets/vendor/**"],
  reportNeedlessDisables: true,
  reportInvalidScopeDisables: true,
  rules: {
    "plugin/use-baseline": [true, { available: "widely", severity: "error" }],
    "color-no-invalid-hex": true,
    "declaration-block-no-duplicate-properties": [true, { ignore: ["consecutive-duplicates-with-different-syntaxes"] }],
    "declaration-property-value-no-unknown": true,
    "function-no-unknown": true,
    "media-feature-name-no-unknown": true,
    "property-no-unknown": true,
    "selector-pseudo-class-no-unknown": true,
    "selector-pseudo-element-no-unknown": true,
    "selector-type-no-unknown": true,
    "string-no-newline": true,
    "unit-no-unknown": true,
    "no-invalid-double-slash-comments": true,
  },
};
