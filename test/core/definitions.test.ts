import { readFileSync } from "node:fs";
import path from "node:path";
import { bundledCatalogue } from "../../src/core/definitions/bundled";
import { loadDefinitions, loadProfile } from "../../src/core/definitions/load";
import { compileCatalogue } from "../../src/core/definitions/compile";
import type { Definitions } from "../../src/core/definitions/schema";
import type { Finding } from "../../src/core/model";
import { templatePlan } from "../../src/core/template/template-plan";
import { analyseSheets, grid } from "../helpers/grid";
import { analyse } from "../../src/core/analyse";
import { VERSION } from "../../src/version";

const ROOT = path.resolve(__dirname, "../..");
const definitionsText = readFileSync(path.join(ROOT, "seeds/de-an-02.definitions.json"), "utf8");
const profileText = readFileSync(path.join(ROOT, "seeds/lang-giang.profile.json"), "utf8");

function edited(mutate: (d: any) => void): string {
  const d = JSON.parse(definitionsText);
  mutate(d);
  return JSON.stringify(d);
}

describe("definitions and profile files", () => {
  it("load and check the shipped files", () => {
    const defs = loadDefinitions(definitionsText, "defs.json");
    expect(defs.ok).toBe(true);
    if (!defs.ok) return;
    expect(defs.value.indicators.map((i) => i.id)).toEqual(["A1", "A2", "A3", "A4", "A5", "A6", "B1", "B2", "B3", "B4", "C1", "C2", "C3", "C4", "C5", "D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8"]);
    const profile = loadProfile(profileText, "profile.json", defs.value);
    expect(profile.ok && profile.value.communes.length).toBe(23);
  });

  it("ship files the schema passes unchanged, so the add-in can use them without loading zod", () => {
    const defs = loadDefinitions(definitionsText, "defs.json");
    if (!defs.ok) throw new Error(defs.errors.join());
    expect(defs.value).toEqual(JSON.parse(definitionsText));
    const profile = loadProfile(profileText, "profile.json", defs.value);
    if (!profile.ok) throw new Error(profile.errors.join());
    expect(profile.value).toEqual(JSON.parse(profileText));
    expect(bundledCatalogue()).toEqual({ definitions: defs.value, profile: profile.value });
  });

  it.each([
    ["not JSON", () => "{", /defs\.json: không phải JSON hợp lệ/],
    ["a wrong column type", () => edited((d) => (d.sheets[0].columns[2].type = "float")), /defs\.json: tại sheets\[0\]\.columns\[2\]\.type/],
    ["a choice column without choices", () => edited((d) => delete d.sheets[0].columns[1].choices), /tại sheets\[0\]\.columns\[1\]\.choices/],
    ["a rule naming an unknown field", () => edited((d) => (d.sheets[3].rules[0].right = "thon")), /tại sheets\[3\]\.rules\[0\]: trường "thon" không có/],
    ["an indicator over a missing column", () => edited((d) => (d.indicators[2].numerator = "SUM(S1.chi_bo)")), /tại indicators\[2\]\.numerator: không có cột S1\.chi_bo/],
    ["an expression that does not parse", () => edited((d) => (d.indicators[0].numerator = "SUM(S1.branches")), /tại indicators\[0\]\.numerator: biểu thức lỗi ở vị trí/],
    ["an indicator without its English name", () => edited((d) => delete d.indicators[14].en.name), /defs\.json: tại indicators\[14\]\.en\.name/],
    ["an indicator without its English unit", () => edited((d) => delete d.indicators[3].en), /defs\.json: tại indicators\[3\]\.en/],
    ["a target of an unknown indicator", () => edited((d) => (d.sheets[3].calculated[1].expr = "heads_members / villages / TARGET(Z9)")), /không có chỉ tiêu Z9/],
    ["a rule whose expression does not parse", () => edited((d) => (d.sheets[5].rules[0].right = "committee +")), /tại sheets\[5\]\.rules\[0\]\.right: biểu thức lỗi ở vị trí 11/],
    ["a rule whose left side reads no field", () => edited((d) => (d.sheets[5].rules[0].left = "2")), /tại sheets\[5\]\.rules\[0\]\.left: vế trái phải đọc một trường của dòng/],
    ["a rule over another sheet's unknown column", () => edited((d) => (d.sheets[2].rules[2].right = "S1.dang_vien")), /tại sheets\[2\]\.rules\[2\]: không có cột S1\.dang_vien ở một sheet khác/],
    ["a rule with an unknown instruction", () => edited((d) => (d.sheets[5].rules[0].instruction = "rule-broken")), /tại sheets\[5\]\.rules\[0\]\.instruction: "rule-broken" không phải mã phát hiện của quy tắc \(rule-violation, cross-sheet-mismatch\)/],
    ["a cross-sheet rule raising the code of a rule within a row", () => edited((d) => (d.sheets[2].rules[2].instruction = "rule-violation")), /tại sheets\[2\]\.rules\[2\]\.instruction: quy tắc đọc sheet khác báo "cross-sheet-mismatch"/],
    ["a rule with a missing severity", () => edited((d) => delete d.sheets[0].rules[0].severity), /defs\.json: tại sheets\[0\]\.rules\[0\]\.severity/],
    ["a register naming an unknown sheet", () => edited((d) => (d.register = "S9")), /defs\.json: tại register: không có sheet S9/],
    ["a kind field that is not a choice column", () => edited((d) => (d.sheets[0].kindField = "members")), /tại sheets\[0\]\.kindField: trường "members" không phải cột kiểu choice/],
    ["a commune kind whose type S1 does not list", () => edited((d) => (d.communeKinds[1].type = "Đảng bộ phường")), /tại communeKinds\[1\]\.type: "Đảng bộ phường" không phải loại hình trong cột type của sheet S1/],
    ["a Chỉ tiêu sheet id taken by an input sheet", () => edited((d) => (d.targetsSheet.id = "S6")), /tại targetsSheet\.id: mã S6 trùng với một sheet nhập liệu/],
  ])("reject %s with the file, the path inside it and what is wrong", (_name, text, message) => {
    const result = loadDefinitions(text(), "defs.json");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join("\n")).toMatch(message);
  });

  it("reject a profile target for an indicator the definitions do not have", () => {
    const defs = loadDefinitions(definitionsText, "defs.json");
    if (!defs.ok) throw new Error();
    const profile = JSON.parse(profileText);
    profile.indicators.X1 = { target: 1 };
    const result = loadProfile(JSON.stringify(profile), "p.json", defs.value);
    expect(!result.ok && result.errors[0]).toBe("p.json: tại indicators.X1: bộ định nghĩa không có chỉ tiêu X1");
  });

  it("say what is wrong with a field in Vietnamese, zod's own words included", () => {
    const profile = JSON.parse(profileText);
    profile.district = 5;
    const result = loadProfile(JSON.stringify(profile), "p.json");
    expect(!result.ok && result.errors).toEqual(["p.json: tại district: Đầu vào không hợp lệ: mong đợi string, nhận được số"]);
  });

  it("let a new indicator and a new header alias be added as data only", () => {
    const text = edited((d) => {
      d.indicators.push({ id: "E1", name: "Số thôn", unit: "count", unitLabel: "thôn", en: { name: "Villages", unitLabel: "villages" }, direction: "higher", numerator: "SUM(S4.villages)" });
      d.sheets[3].columns[1].aliases.push("Tổng thôn");
    });
    const defs = loadDefinitions(text, "defs.json");
    const profile = loadProfile(profileText, "p.json");
    if (!defs.ok || !profile.ok) throw new Error("load failed");
    const s4 = grid("Trưởng thôn", [["Xã, thị trấn", "Tổng thôn", "Số trưởng thôn là đảng viên"], ["Vôi", 10, 7], ["Kép", 9, 6]]);
    const result = analyse({ sheets: [s4] }, defs.value, profile.value, { now: new Date(0), version: VERSION });
    expect(result.indicators.find((i) => i.id === "E1")!.actual).toBe(19);
  });
});

describe("the catalogue's rules and kinds as data", () => {
  function loaded(mutate: (d: any) => void) {
    const defs = loadDefinitions(edited(mutate), "defs.json");
    const profile = loadProfile(profileText, "p.json", defs.ok ? defs.value : undefined);
    if (!defs.ok || !profile.ok) throw new Error(`load failed: ${!defs.ok ? defs.errors.join("; ") : ""}`);
    return { defs: defs.value, profile: profile.value };
  }
  const s1 = grid("Tổ chức đảng", [
    ["Tên tổ chức cơ sở đảng", "Loại hình", "Số chi bộ trực thuộc", "Số chi bộ sinh hoạt ghép", "Số đảng viên", "Số đảng viên dự sinh hoạt bình quân"],
    ["Vôi", "Đảng bộ thị trấn", 10, 0, 200, 150],
    ["Kép", "Đảng bộ thị trấn", 8, 0, 5, 4],
  ]);
  const s4 = grid("Trưởng thôn", [["Xã, thị trấn", "Số thôn, tổ dân phố", "Số trưởng thôn là đảng viên"], ["Vôi", 12, 9], ["Kép", 10, 7]]);
  const s6 = grid("Cấp ủy", [
    ["Xã, thị trấn", "Số cấp ủy viên", "Cấp ủy viên nữ", "Cấp ủy viên trẻ", "Cấp ủy viên mới tham gia"],
    ["Vôi", 15, 4, 3, 5],
    ["Kép", 13, 2, 6, 4],
    ["An Hà", 11, 3, "", 2],
  ]);
  const codes = (findings: readonly Finding[], code: string) => findings.filter((f) => f.code === code);

  it("report a rule within a row added only in the JSON at the planted defect's cell, at the rule's severity", () => {
    const { defs, profile } = loaded((d) => d.sheets[5].rules.push({ left: "young", op: "<=", right: "women", severity: "warning", instruction: "rule-violation", missing: "skip" }));
    const found = codes(analyse({ sheets: [s6] }, defs, profile, { now: new Date(0), version: VERSION }).findings, "rule-violation");
    expect(found.map((f) => [f.sheet, f.cell, f.severity, f.params])).toEqual([
      ["Cấp ủy", "D3", "warning", { column: "Cấp ủy viên trẻ", value: 6, op: "<=", other: "Cấp ủy viên nữ", otherValue: 2, unit: { name: "Kép" } }],
    ]);
    // The blank cell of An Hà is skipped (missing: "skip"), and the shipped catalogue has no such rule.
    expect(codes(analyseSheets(s6).findings, "rule-violation")).toEqual([]);
  });

  it("report a cross-sheet rule added only in the JSON against the same unit's row of the other sheet", () => {
    const { defs, profile } = loaded((d) => d.sheets[3].rules.push({ left: "heads_members", op: "<=", right: "S1.members", severity: "info", instruction: "cross-sheet-mismatch", missing: "skip" }));
    const found = codes(analyse({ sheets: [s1, s4] }, defs, profile, { now: new Date(0), version: VERSION }).findings, "cross-sheet-mismatch");
    expect(found.map((f) => [f.sheet, f.cell, f.severity, f.params])).toEqual([
      [
        "Trưởng thôn",
        "C3",
        "info",
        { column: "Số trưởng thôn là đảng viên", value: 7, op: "<=", other: "Số đảng viên", otherValue: 5, unit: "Kép", otherSheet: "Tổ chức đảng", otherCell: "E3" },
      ],
    ]);
    expect(codes(analyseSheets(s1, s4).findings, "cross-sheet-mismatch")).toEqual([]);
  });

  it("check a profile's commune kinds against the catalogue's, so that a catalogue can add wards", () => {
    const profile = JSON.parse(profileText);
    profile.communes[0].kind = "phường";
    const shipped = loadDefinitions(definitionsText, "defs.json");
    if (!shipped.ok) throw new Error();
    const refused = loadProfile(JSON.stringify(profile), "p.json", shipped.value);
    expect(!refused.ok && refused.errors).toEqual(['p.json: tại communes[0].kind: "phường" không phải loại xã của bộ định nghĩa (xã, thị trấn)']);

    const { defs } = loaded((d) => {
      d.communeKinds.push({ kind: "phường", type: "Đảng bộ phường" });
      d.sheets[0].columns[1].choices.push({ value: "Đảng bộ phường", aliases: [] });
    });
    const accepted = loadProfile(JSON.stringify(profile), "p.json", defs);
    if (!accepted.ok) throw new Error(accepted.errors.join());
    const s1Rows = templatePlan(defs, accepted.value, VERSION).find((op) => op.op === "setCells" && op.sheet === "Tổ chức đảng" && op.anchor === "A5");
    expect(s1Rows?.op === "setCells" && s1Rows.cells.slice(0, 2).map((r) => r.slice(1, 3))).toEqual([
      [{ kind: "text", text: "Vôi" }, { kind: "text", text: "Đảng bộ phường" }],
      [{ kind: "text", text: "Kép" }, { kind: "text", text: "Đảng bộ thị trấn" }],
    ]);
  });

  it("compile every expression once, the complete-rows ratio built as a tree, and refuse a catalogue that bypassed the loader", () => {
    const catalogue = bundledCatalogue().definitions;
    expect(bundledCatalogue().definitions).toBe(catalogue);
    expect(catalogue.indicatorById.get("C5")!.numerator).toEqual({ type: "sumComplete", column: { sheet: "S4", field: "heads_members" }, other: { sheet: "S4", field: "villages" } });
    expect(catalogue.sheetById.get("S1")!.calculated.get("attendance")).toEqual({ type: "binary", op: "/", left: { type: "field", name: "attending" }, right: { type: "field", name: "members" } });
    expect(catalogue.sheetById.get("S3")!.rules.map((r) => [r.field, r.otherSheet, r.otherField])).toEqual([["rural", null, null], ["village_heads", null, null], ["admitted", "S1", "members"]]);
    expect(catalogue.targets.def.id).toBe("S7");
    const bad = JSON.parse(edited((d) => (d.sheets[0].calculated[0].expr = "attending /")));
    expect(() => compileCatalogue(bad as Definitions)).toThrow('Bộ định nghĩa chưa được kiểm tra: biểu thức "attending /" ở sheet S1, cột attendance lỗi ở vị trí 11: unexpected end of expression');
  });
});
