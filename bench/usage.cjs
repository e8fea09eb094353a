// Loaded with `node --require` before the measured program: on exit, prints the process's own CPU time and
// peak memory (resident set) as one JSON line on stderr, so the bench reads them without a platform tool.
process.on("exit", () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\n${JSON.stringify({ cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssMb: usage.maxRSS / 1024 })}\n`);
});
