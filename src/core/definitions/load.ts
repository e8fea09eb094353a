import type { z } from "zod";
import vietnamese from "zod/v4/locales/vi.cjs";
import { parse, referencedColumns, referencedFields, referencedSheets, type Ast } from "../expr";
import { referencedTargets } from "../expr/inspect";
import { type Catalogue, compileCatalogue } from "./compile";
import { Definitions, Profile, type RuleDef, type SheetDef } from "./schema";

export type Loaded<T> = { ok: true; value: T } | { ok: false; errors: string[] };

function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "(gốc)" : path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
}

/** zod's own Vietnamese messages, for this parse only: a person reads them beside our Vietnamese path. */
const VIETNAMESE_ERRORS = vietnamese().localeError;

function parseWith<T>(schema: z.ZodType<T>, text: string, fileName: string): Loaded<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`${fileName}: không phải JSON hợp lệ (${(e as Error).message})`] };
  }
  const result = schema.safeParse(json, { error: VIETNAMESE_ERRORS });
  if (!result.success) {
    return { ok: false, errors: result.error.issues.map((i) => `${fileName}: tại ${pathText(i.path)}: ${i.message}`) };
  }
  return { ok: true, value: result.data };
}

/** The finding code each kind of rule raises: a rule within one row, a rule that reads another sheet. */
const RULE_INSTRUCTIONS = { row: "rule-violation", crossSheet: "cross-sheet-mismatch" } as const;

type At = (path: string, message: string) => void;

/** Checks what the schema cannot: references between sheets, fields, calculated columns, rules and indicators. */
function crossCheck(defs: Definitions, fileName: string): string[] {
  const errors: string[] = [];
  const at: At = (path, message) => errors.push(`${fileName}: tại ${path}: ${message}`);
  const sheets = new Map(defs.sheets.map((s) => [s.id, s]));
  const indicatorIds = new Set(defs.indicators.map((i) => i.id));
  const hasColumn = (sheetId: string, field?: string) => {
    const sheet = sheets.get(sheetId);
    return sheet !== undefined && (field === undefined || sheet.columns.some((c) => c.field === field));
  };
  const checkRefs = (ast: Ast, path: string, rowField?: (field: string) => boolean, column?: (sheetId: string, field?: string) => boolean) => {
    if (rowField) for (const f of referencedFields(ast)) if (!rowField(f)) at(path, `trường "${f}" không có trong sheet`);
    if (column) {
      for (const s of referencedSheets(ast)) if (!column(s)) at(path, `không có sheet ${s}`);
      for (const c of referencedColumns(ast)) if (!column(c.sheet, c.field)) at(path, `không có cột ${c.sheet}.${c.field}`);
    }
    for (const t of referencedTargets(ast)) if (!indicatorIds.has(t)) at(path, `không có chỉ tiêu ${t}`);
  };
  const expression = (text: string, mode: "row" | "aggregate" | "rule", path: string): Ast | null => {
    const parsed = parse(text, mode);
    if (!parsed.ok) at(path, `biểu thức lỗi ở vị trí ${parsed.position}: ${parsed.error}`);
    return parsed.ok ? parsed.ast : null;
  };
  defs.sheets.forEach((sheet, si) => {
    const fields = new Set(sheet.columns.map((c) => c.field));
    if (fields.size !== sheet.columns.length) at(`sheets[${si}].columns`, "có trường trùng tên");
    if (!fields.has(sheet.key)) at(`sheets[${si}].key`, `trường khóa "${sheet.key}" không có trong columns`);
    if (sheet.kindField !== undefined && sheet.columns.find((c) => c.field === sheet.kindField)?.type !== "choice") {
      at(`sheets[${si}].kindField`, `trường "${sheet.kindField}" không phải cột kiểu choice của sheet ${sheet.id}`);
    }
    sheet.rules.forEach((rule, ri) => checkRule(rule, sheet, `sheets[${si}].rules[${ri}]`, { at, expression, hasColumn }));
    sheet.calculated.forEach((calc, ci) => {
      const path = `sheets[${si}].calculated[${ci}].expr`;
      const ast = expression(calc.expr, "row", path);
      if (ast) checkRefs(ast, path, (field) => fields.has(field));
    });
  });
  defs.indicators.forEach((ind, ii) => {
    for (const part of ["numerator", "denominator"] as const) {
      const text = ind[part];
      const ast = text === undefined ? null : expression(text, "aggregate", `indicators[${ii}].${part}`);
      if (ast) checkRefs(ast, `indicators[${ii}].${part}`, undefined, hasColumn);
    }
    if (ind.perUnit) {
      const sheet = sheets.get(ind.perUnit.sheet);
      if (!sheet || !sheet.calculated.some((c) => c.id === ind.perUnit!.calculated)) {
        at(`indicators[${ii}].perUnit`, `không có cột tính "${ind.perUnit.calculated}" trong sheet ${ind.perUnit.sheet}`);
      }
    }
  });
  if (indicatorIds.size !== defs.indicators.length) at("indicators", "có mã chỉ tiêu trùng nhau");
  checkCatalogueData(defs, at);
  return errors;
}

interface RuleChecks {
  at: At;
  expression: (text: string, mode: "rule", path: string) => Ast | null;
  hasColumn: (sheetId: string, field?: string) => boolean;
}

/** A rule's fields are its sheet's, a column of another sheet exists, and its instruction is the code its kind raises. */
function checkRule(rule: RuleDef, sheet: SheetDef, path: string, { at, expression, hasColumn }: RuleChecks): void {
  const fields = new Set(sheet.columns.map((c) => c.field));
  const left = expression(rule.left, "rule", `${path}.left`);
  const right = expression(rule.right, "rule", `${path}.right`);
  const read = [...(left ? referencedFields(left) : []), ...(right ? referencedFields(right) : []), ...(rule.when ? [rule.when.field] : [])];
  for (const f of new Set(read)) if (!fields.has(f)) at(path, `trường "${f}" không có trong sheet ${sheet.id}`);
  const others = [...(left ? referencedColumns(left) : []), ...(right ? referencedColumns(right) : [])];
  for (const c of others) {
    if (c.sheet === sheet.id || !hasColumn(c.sheet, c.field)) at(path, `không có cột ${c.sheet}.${c.field} ở một sheet khác`);
  }
  if (others.length > 0 && sheet.units === "none") at(path, `sheet ${sheet.id} không có đơn vị để tìm dòng của cùng đơn vị ở sheet khác`);
  if (left && referencedFields(left).length === 0) at(`${path}.left`, "vế trái phải đọc một trường của dòng, nơi ghi phát hiện");
  const expected = others.length > 0 ? RULE_INSTRUCTIONS.crossSheet : RULE_INSTRUCTIONS.row;
  if (!Object.values(RULE_INSTRUCTIONS).includes(rule.instruction as never)) {
    at(`${path}.instruction`, `"${rule.instruction}" không phải mã phát hiện của quy tắc (${Object.values(RULE_INSTRUCTIONS).join(", ")})`);
  } else if (rule.instruction !== expected) {
    at(`${path}.instruction`, `quy tắc ${others.length > 0 ? "đọc sheet khác" : "trong một dòng"} báo "${expected}", không phải "${rule.instruction}"`);
  }
}

/** The register sheet, the commune kinds and the Chỉ tiêu sheet's id. */
function checkCatalogueData(defs: Definitions, at: At): void {
  const register = defs.sheets.find((s) => s.id === defs.register);
  if (!register) at("register", `không có sheet ${defs.register}`);
  const kinds = register?.columns.find((c) => c.field === register.kindField)?.choices?.map((c) => c.value);
  defs.communeKinds.forEach((k, i) => {
    if (kinds && !kinds.includes(k.type)) at(`communeKinds[${i}].type`, `"${k.type}" không phải loại hình trong cột ${register!.kindField} của sheet ${register!.id}`);
  });
  if (new Set(defs.communeKinds.map((k) => k.kind)).size !== defs.communeKinds.length) at("communeKinds", "có loại xã trùng nhau");
  if (defs.sheets.some((s) => s.id === defs.targetsSheet.id)) at("targetsSheet.id", `mã ${defs.targetsSheet.id} trùng với một sheet nhập liệu`);
}

/** The definitions, checked and compiled: the one place a catalogue file enters. */
export function loadDefinitions(text: string, fileName: string): Loaded<Catalogue> {
  const parsed = parseWith(Definitions, text, fileName);
  if (!parsed.ok) return parsed;
  const errors = crossCheck(parsed.value, fileName);
  return errors.length ? { ok: false, errors } : { ok: true, value: compileCatalogue(parsed.value) };
}

export function loadProfile(text: string, fileName: string, defs?: Definitions): Loaded<Profile> {
  const parsed = parseWith(Profile, text, fileName);
  if (!parsed.ok || !defs) return parsed;
  const known = new Set(defs.indicators.map((i) => i.id));
  const kinds = defs.communeKinds.map((k) => k.kind);
  const errors = [
    ...Object.keys(parsed.value.indicators)
      .filter((id) => !known.has(id))
      .map((id) => `${fileName}: tại indicators.${id}: bộ định nghĩa không có chỉ tiêu ${id}`),
    ...parsed.value.communes.flatMap((c, i) =>
      kinds.includes(c.kind) ? [] : [`${fileName}: tại communes[${i}].kind: "${c.kind}" không phải loại xã của bộ định nghĩa (${kinds.join(", ")})`],
    ),
  ];
  return errors.length ? { ok: false, errors } : parsed;
}
