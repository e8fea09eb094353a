/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } }, target: "es2022" }, module: { type: "commonjs" } }],
  },
  testTimeout: 60000,
  setupFiles: ["<rootDir>/test/setup-fast-check.ts"],
  reporters: ["default", "<rootDir>/test/summary-line-reporter.js"],
};
