import type { z } from "zod";
import vietnamese from "zod/v4/locales/vi.cjs";
import { parse, referencedColumns, referencedFields, referencedSheets, type Ast } from "../expr";
import { referencedTargets } from "../expr/inspect";
import { Definitions, Profile } from "./schema";

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

/** Checks what the schema cannot: references between sheets, fields, calculated columns and indicators. */
function crossCheck(defs: Definitions, fileName: string): string[] {
  const errors: string[] = [];
  const at = (path: string, message: string) => errors.push(`${fileName}: tại ${path}: ${message}`);
  const sheets = new Map(defs.sheets.map((s) => [s.id, s]));
  const indicatorIds = new Set(defs.indicators.map((i) => i.id));
  defs.sheets.forEach((sheet, si) => {
    const fields = new Set(sheet.columns.map((c) => c.field));
    if (fields.size !== sheet.columns.length) at(`sheets[${si}].columns`, "có trường trùng tên");
    if (!fields.has(sheet.key)) at(`sheets[${si}].key`, `trường khóa "${sheet.key}" không có trong columns`);
    sheet.rules.forEach((rule, ri) => {
      for (const f of [rule.field, rule.other, rule.when?.field]) {
        if (f !== undefined && !fields.has(f)) at(`sheets[${si}].rules[${ri}]`, `trường "${f}" không có trong sheet ${sheet.id}`);
      }
    });
    sheet.calculated.forEach((calc, ci) => {
      const parsed = parse(calc.expr, "row");
      if (!parsed.ok) {
        at(`sheets[${si}].calculated[${ci}].expr`, `biểu thức lỗi ở vị trí ${parsed.position}: ${parsed.error}`);
        return;
      }
      checkRefs(parsed.ast, `sheets[${si}].calculated[${ci}].expr`, (field) => fields.has(field));
    });
  });
  defs.indicators.forEach((ind, ii) => {
    for (const part of ["numerator", "denominator"] as const) {
      const text = ind[part];
      if (text === undefined) continue;
      const parsed = parse(text, "aggregate");
      if (!parsed.ok) {
        at(`indicators[${ii}].${part}`, `biểu thức lỗi ở vị trí ${parsed.position}: ${parsed.error}`);
        continue;
      }
      checkRefs(parsed.ast, `indicators[${ii}].${part}`, undefined, (sheetId, field) => {
        const sheet = sheets.get(sheetId);
        return sheet !== undefined && (field === undefined || sheet.columns.some((c) => c.field === field));
      });
    }
    if (ind.perUnit) {
      const sheet = sheets.get(ind.perUnit.sheet);
      if (!sheet || !sheet.calculated.some((c) => c.id === ind.perUnit!.calculated)) {
        at(`indicators[${ii}].perUnit`, `không có cột tính "${ind.perUnit.calculated}" trong sheet ${ind.perUnit.sheet}`);
      }
    }
  });
  if (indicatorIds.size !== defs.indicators.length) at("indicators", "có mã chỉ tiêu trùng nhau");

  function checkRefs(
    ast: Ast,
    path: string,
    rowField?: (field: string) => boolean,
    column?: (sheetId: string, field?: string) => boolean,
  ) {
    if (rowField) for (const f of referencedFields(ast)) if (!rowField(f)) at(path, `trường "${f}" không có trong sheet`);
    if (column) {
      for (const s of referencedSheets(ast)) if (!column(s)) at(path, `không có sheet ${s}`);
      for (const c of referencedColumns(ast)) if (!column(c.sheet, c.field)) at(path, `không có cột ${c.sheet}.${c.field}`);
    }
    for (const t of referencedTargets(ast)) if (!indicatorIds.has(t)) at(path, `không có chỉ tiêu ${t}`);
  }
  return errors;
}

export function loadDefinitions(text: string, fileName: string): Loaded<Definitions> {
  const parsed = parseWith(Definitions, text, fileName);
  if (!parsed.ok) return parsed;
  const errors = crossCheck(parsed.value, fileName);
  return errors.length ? { ok: false, errors } : parsed;
}

export function loadProfile(text: string, fileName: string, defs?: Definitions): Loaded<Profile> {
  const parsed = parseWith(Profile, text, fileName);
  if (!parsed.ok || !defs) return parsed;
  const known = new Set(defs.indicators.map((i) => i.id));
  const errors = Object.keys(parsed.value.indicators)
    .filter((id) => !known.has(id))
    .map((id) => `${fileName}: tại indicators.${id}: bộ định nghĩa không có chỉ tiêu ${id}`);
  return errors.length ? { ok: false, errors } : parsed;
}
