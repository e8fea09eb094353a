import fc from "fast-check";

// CI replays one fixed seed so a red run can be reproduced; local runs explore new inputs each time.
if (process.env.CI) fc.configureGlobal({ seed: 20261129 });
