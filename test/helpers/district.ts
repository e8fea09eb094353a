import ExcelJS from "exceljs";
import fc from "fast-check";
import { bundledCatalogue } from "../../src/core/definitions/bundled";

/** A district workbook generated from the catalogue: canonical headers under `titleRows` title rows, one row per unit, a totals row. */
export interface GeneratedDistrict {
  titleRows: number;
  s1: { unit: string; type: string; branches: number; combined: number; members: number; attending: number; rating: string }[];
  s2: number[];
  s3: { unit: string; quota: number; admitted: number; rural: number; heads: number }[];
  s4: { unit: string; villages: number; heads: number }[];
  s5: number[][];
  s6: number[][];
}

const { definitions, profile } = bundledCatalogue();
const communes = profile.communes;
const ratings = ["Trong sạch vững mạnh", "TSVM", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ"];

const upTo = (max: number) => fc.integer({ min: 0, max });

export const districtArbitrary: fc.Arbitrary<GeneratedDistrict> = fc.record({
  titleRows: fc.integer({ min: 0, max: 5 }),
  s1: fc.tuple(...communes.map((c) =>
    fc.record({ branches: upTo(30), members: fc.integer({ min: 1, max: 800 }), r: fc.double({ min: 0, max: 1, noNaN: true }), rating: fc.constantFrom(...ratings) }).chain((x) =>
      fc.record({ combined: upTo(x.branches) }).map(({ combined }) => ({
        unit: c.kind === "xã" ? `Xã ${c.name}` : `Thị trấn ${c.name}`,
        type: c.kind === "xã" ? "Đảng bộ xã" : "Đảng bộ thị trấn",
        branches: x.branches,
        combined,
        members: x.members,
        attending: Math.round(x.members * x.r),
        rating: x.rating,
      })),
    ),
  )),
  s2: fc.tuple(upTo(20), upTo(20), upTo(20), upTo(20)),
  s3: fc.tuple(...communes.map((c) =>
    fc.record({ quota: upTo(60), admitted: upTo(60) }).chain((x) =>
      fc.record({ rural: upTo(x.admitted), heads: upTo(x.admitted) }).map((y) => ({ unit: c.name, ...x, ...y })),
    ),
  )),
  s4: fc.tuple(...communes.map((c) => fc.integer({ min: 1, max: 30 }).chain((villages) => upTo(villages).map((heads) => ({ unit: c.name, villages, heads }))))),
  s5: fc.tuple(...communes.map(() =>
    fc.integer({ min: 0, max: 40 }).chain((staff) =>
      fc.integer({ min: 0, max: staff }).chain((key) => fc.tuple(fc.constant(staff), upTo(staff), upTo(staff), fc.constant(key), upTo(key), upTo(key), upTo(key))),
    ),
  )),
  s6: fc.tuple(...communes.map(() => fc.integer({ min: 0, max: 25 }).chain((n) => fc.tuple(fc.constant(n), upTo(n), upTo(n), upTo(n))))),
}) as fc.Arbitrary<GeneratedDistrict>;

function headers(sheetId: string): string[] {
  return definitions.sheets.find((s) => s.id === sheetId)!.columns.map((c) => c.header);
}

function addTable(wb: ExcelJS.Workbook, name: string, sheetId: string, rows: (string | number)[][], titleRows: number, totals: boolean): void {
  const ws = wb.addWorksheet(name);
  for (let i = 0; i < titleRows; i++) ws.getCell(i + 1, 1).value = i === 0 ? "HUYỆN ỦY LẠNG GIANG" : i === 1 ? `BIỂU ${name.toUpperCase()}` : null;
  const headerRow = titleRows + 1;
  ws.getRow(headerRow).values = ["STT", ...headers(sheetId)];
  rows.forEach((r, i) => (ws.getRow(headerRow + 1 + i).values = [i + 1, ...r]));
  if (totals) {
    const sums = rows[0].map((_, c) => (typeof rows[0][c] === "number" ? rows.reduce((a, r) => a + (r[c] as number), 0) : c === 0 ? "Tổng cộng" : ""));
    ws.getRow(headerRow + 1 + rows.length).values = [null, ...sums];
  }
}

export function districtWorkbook(d: GeneratedDistrict): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  addTable(wb, "Tổ chức đảng", "S1", d.s1.map((r) => [r.unit, r.type, r.branches, r.combined, r.members, r.attending, r.rating]), d.titleRows, true);
  addTable(wb, "Doanh nghiệp", "S2", ["Chi bộ đảng", "Công đoàn", "Hội phụ nữ", "Đoàn thanh niên"].map((k, i) => [k, d.s2[i]]), d.titleRows, false);
  addTable(wb, "Phát triển đảng viên", "S3", d.s3.map((r) => [r.unit, r.quota, r.admitted, r.rural, r.heads]), d.titleRows, true);
  addTable(wb, "Trưởng thôn", "S4", d.s4.map((r) => [r.unit, r.villages, r.heads]), d.titleRows, true);
  addTable(wb, "Cán bộ cơ sở", "S5", d.s5.map((r, i) => [communes[i].name, ...r]), d.titleRows, true);
  addTable(wb, "Cấp ủy", "S6", d.s6.map((r, i) => [communes[i].name, ...r]), d.titleRows, true);
  return wb;
}
