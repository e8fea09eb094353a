// The floor: ExcelJS alone loading a workbook and saving it again, as a plain Node program (start-up included),
// which is what no command line built on ExcelJS can beat for the parts it writes.
const { readFileSync, writeFileSync } = require("node:fs");
const ExcelJS = require("exceljs");

(async () => {
  const [input, output] = process.argv.slice(2);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(input));
  writeFileSync(output, await workbook.xlsx.writeBuffer());
})();
