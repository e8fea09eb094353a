import ExcelJS from "exceljs";
import { FORMER_DISTRICT_LEVELS, type Profile } from "../src/core/definitions/schema";

/** A province-sized profile: `communes` communes and towns with made-up names. */
export function benchProfile(communes: number): Profile {
  return {
    id: "bench",
    district: "Toàn tỉnh (thử tải)",
    province: "Bắc Giang",
    levels: FORMER_DISTRICT_LEVELS,
    committee: "Tỉnh ủy Bắc Giang",
    communes: Array.from({ length: communes }, (_, i) => ({ name: `Xã Thử ${i + 1}`, kind: "xã" as const })),
    organisations: [],
    indicators: { C5: { baseline: 0.53, target: 0.75 }, C1: { target: 800 }, A5: { target: 0.9 } },
    sources: {},
  };
}

function table(wb: ExcelJS.Workbook, name: string, header: string[], rows: (string | number)[][]): void {
  const ws = wb.addWorksheet(name);
  ws.addRow(["HUYỆN ỦY / TỈNH ỦY"]);
  ws.addRow([`BIỂU ${name.toUpperCase()}`]);
  ws.addRow(["STT", ...header]);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
}

/** S1 and S3 with `units` rows (communes first, then chi bộ cơ sở), S4–S6 with one row per commune. */
export function benchWorkbook(units: number, profile: Profile): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const communes = profile.communes.map((c) => c.name);
  const unitName = (i: number) => (i < communes.length ? communes[i] : `Chi bộ cơ sở số ${i + 1}`);
  const typeOf = (i: number) => (i < communes.length ? "Đảng bộ xã" : "Chi bộ cơ sở");
  table(
    wb,
    "Tổ chức đảng",
    ["Tên tổ chức cơ sở đảng", "Loại hình", "Số chi bộ trực thuộc", "Số chi bộ sinh hoạt ghép", "Số đảng viên", "Số đảng viên dự sinh hoạt bình quân", "Xếp loại"],
    Array.from({ length: units }, (_, i) => [unitName(i), typeOf(i), i < communes.length ? 12 : 0, 0, 40 + (i % 300), Math.floor((40 + (i % 300)) * 0.92), i % 7 ? "Trong sạch vững mạnh" : "Hoàn thành nhiệm vụ"]),
  );
  table(wb, "Doanh nghiệp", ["Loại tổ chức", "Số thành lập mới"], [["Chi bộ đảng", 20], ["Công đoàn", 110], ["Hội phụ nữ", 20], ["Đoàn thanh niên", 30]]);
  table(
    wb,
    "Phát triển đảng viên",
    ["Tên tổ chức cơ sở đảng", "Chỉ tiêu kết nạp", "Số đảng viên kết nạp", "Trong đó: khu vực nông thôn", "Trong đó: trưởng, phó thôn"],
    Array.from({ length: units }, (_, i) => [unitName(i), 5, 3 + (i % 5), i < communes.length ? 2 : 0, i < communes.length ? 1 : 0]),
  );
  table(wb, "Trưởng thôn", ["Xã, thị trấn", "Số thôn, tổ dân phố", "Số trưởng thôn là đảng viên"], communes.map((c, i) => [c, 10 + (i % 9), 6 + (i % 5)]));
  table(
    wb,
    "Cán bộ cơ sở",
    ["Xã, thị trấn", "Tổng số cán bộ, công chức", "Đạt chuẩn chuyên môn", "Trình độ cao đẳng, đại học", "Số cán bộ chủ chốt", "Cán bộ chủ chốt đạt chuẩn chuyên môn", "Cán bộ chủ chốt trình độ đại học", "Cán bộ chủ chốt trung cấp LLCT trở lên"],
    communes.map((c) => [c, 22, 21, 11, 6, 6, 3, 6]),
  );
  table(wb, "Cấp ủy", ["Xã, thị trấn", "Số cấp ủy viên", "Cấp ủy viên nữ", "Cấp ủy viên trẻ", "Cấp ủy viên mới tham gia"], communes.map((c) => [c, 13, 3, 3, 4]));
  return wb;
}
