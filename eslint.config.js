import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": "off",
    },
  },
  {
    files: ["src/planner/**", "src/render/**", "src/model/**"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["node:fs", "node:fs/*", "fs", "axios", "**/drivers/**", "**/http/**"], message: "planner, render and model stay pure: no I/O, no drivers, no HTTP" },
        ],
      }],
    },
  },
);
