import { type Ast, type ColumnRef, type Mode, parse, referencedColumns, referencedFields, toSource } from "../expr";
import type { ColumnDef, Definitions, IndicatorDef, RuleDef, SheetDef } from "./schema";

/** A rule with its two sides parsed, the field whose cell a finding points at and, for a cross-sheet rule, the other sheet. */
export interface CompiledRule {
  def: RuleDef;
  left: Ast;
  right: Ast;
  /** The first field of the row the left side reads: a finding is written at its cell. */
  field: string;
  /** What a finding calls the two sides: the left field's header; the right side's header, number or expression. */
  column: string;
  other: string;
  /** The sheet whose same-unit row the rule reads (`S1.members`), or null for a rule within one row; the field it reads there. */
  otherSheet: string | null;
  otherField: string | null;
}

export interface CompiledSheet {
  def: SheetDef;
  columns: ReadonlyMap<string, ColumnDef>;
  /** Each choice column's spellings, lower-cased, to the choice they name: the first choice in order wins. */
  choices: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Each calculated column's row expression, by its id. */
  calculated: ReadonlyMap<string, Ast>;
  rules: readonly CompiledRule[];
}

interface CompiledIndicator {
  def: IndicatorDef;
  numerator: Ast;
  denominator: Ast | null;
  /** numerator / denominator, or the numerator alone for a count. */
  actual: Ast;
}

/**
 * The definitions with every expression parsed and every lookup built, once, where the definitions enter.
 * The compiled parts are not enumerable: the catalogue still equals, and serialises as, the JSON it came from.
 */
export interface Catalogue extends Definitions {
  readonly sheetById: ReadonlyMap<string, CompiledSheet>;
  /** The Chỉ tiêu sheet as a sheet definition, its id from the JSON; also in sheetById. */
  readonly targets: CompiledSheet;
  readonly indicatorById: ReadonlyMap<string, CompiledIndicator>;
  /** The organisation types that are communes (communeKinds' types). */
  readonly communeTypes: ReadonlySet<string>;
}

function parsed(text: string, mode: Mode, where: string): Ast {
  const result = parse(text, mode);
  // loadDefinitions reports a bad expression with its place; only a catalogue that bypassed it gets here.
  if (!result.ok) throw new Error(`Bộ định nghĩa chưa được kiểm tra: biểu thức "${text}" ở ${where} lỗi ở vị trí ${result.position}: ${result.error}`);
  return result.ast;
}

/**
 * A ratio of two sums on one sheet counts a row on both sides or on neither: a row whose numerator or
 * denominator cell is unusable (text, "8/8", negative, blank) is left out of both, here and in Excel.
 */
function onCompleteRows(numerator: Ast, denominator: Ast | null): { numerator: Ast; denominator: Ast | null } {
  if (numerator.type !== "sum" || denominator?.type !== "sum" || numerator.column.sheet !== denominator.column.sheet) return { numerator, denominator };
  return {
    numerator: { type: "sumComplete", column: numerator.column, other: denominator.column },
    denominator: { type: "sumComplete", column: denominator.column, other: numerator.column },
  };
}

function compileIndicator(def: IndicatorDef): CompiledIndicator {
  const where = `chỉ tiêu ${def.id}`;
  const { numerator, denominator } = onCompleteRows(parsed(def.numerator, "aggregate", where), def.denominator ? parsed(def.denominator, "aggregate", where) : null);
  const actual: Ast = denominator ? { type: "binary", op: "/", left: numerator, right: denominator } : numerator;
  return { def, numerator, denominator, actual };
}

/** The column another sheet's same-unit row is read at: the first `S1.members` of a rule, if any. */
function ruleOtherColumn(left: Ast, right: Ast): ColumnRef | null {
  return [...referencedColumns(left), ...referencedColumns(right)][0] ?? null;
}

type Headers = (sheetId: string, field: string) => string;

function sideLabel(ast: Ast, sheetId: string, headers: Headers): string {
  if (ast.type === "field") return headers(sheetId, ast.name);
  if (ast.type === "unitCell") return headers(ast.column.sheet, ast.column.field);
  return ast.type === "number" ? String(ast.value) : toSource(ast);
}

function compileRule(def: RuleDef, sheetId: string, headers: Headers, where: string): CompiledRule {
  const left = parsed(def.left, "rule", where);
  const right = parsed(def.right, "rule", where);
  const field = referencedFields(left)[0];
  if (field === undefined) throw new Error(`Bộ định nghĩa chưa được kiểm tra: vế trái của quy tắc ở ${where} không đọc trường nào của dòng`);
  const other = ruleOtherColumn(left, right);
  return {
    def,
    left,
    right,
    field,
    column: headers(sheetId, field),
    other: sideLabel(right, sheetId, headers),
    otherSheet: other?.sheet ?? null,
    otherField: other?.field ?? null,
  };
}

function choiceLookup(column: ColumnDef): Map<string, string> {
  const spellings = new Map<string, string>();
  for (const choice of column.choices ?? []) {
    for (const spelling of [choice.value, ...choice.aliases]) if (!spellings.has(spelling.toLowerCase())) spellings.set(spelling.toLowerCase(), choice.value);
  }
  return spellings;
}

function compileSheet(def: SheetDef, headers: Headers): CompiledSheet {
  return {
    def,
    columns: new Map(def.columns.map((c) => [c.field, c])),
    choices: new Map(def.columns.map((c) => [c.field, choiceLookup(c)])),
    calculated: new Map(def.calculated.map((c) => [c.id, parsed(c.expr, "row", `sheet ${def.id}, cột ${c.id}`)])),
    rules: def.rules.map((r, i) => compileRule(r, def.id, headers, `sheet ${def.id}, quy tắc ${i + 1}`)),
  };
}

/** The Chỉ tiêu sheet as a sheet definition, so that the same reading and checks apply to it. */
function targetsSheetDef(defs: Definitions): SheetDef {
  const t = defs.targetsSheet;
  const column = (field: string, spec: { header: string; aliases: string[] }, type: "text" | "number", required: boolean) => ({
    field,
    header: spec.header,
    aliases: spec.aliases,
    type,
    required,
  });
  const c = t.columns;
  return {
    id: t.id,
    name: t.name,
    aliases: t.aliases,
    required: t.required,
    key: "id",
    units: "none",
    columns: [column("id", c.id, "text", true), column("name", c.name, "text", false), column("baseline", c.baseline, "number", false), column("target", c.target, "number", false)],
    rules: [],
    calculated: [],
  };
}

export function compileCatalogue(defs: Definitions): Catalogue {
  const headers: Headers = (sheetId, field) => defs.sheets.find((s) => s.id === sheetId)?.columns.find((c) => c.field === field)?.header ?? field;
  const targets = compileSheet(targetsSheetDef(defs), headers);
  const sheets = defs.sheets.map((s) => compileSheet(s, headers));
  const compiled = {
    sheetById: new Map([...sheets, targets].map((s) => [s.def.id, s])),
    targets,
    indicatorById: new Map(defs.indicators.map((i) => [i.id, compileIndicator(i)])),
    communeTypes: new Set(defs.communeKinds.map((k) => k.type)),
  };
  const catalogue = { ...defs } as Catalogue;
  for (const [key, value] of Object.entries(compiled)) Object.defineProperty(catalogue, key, { value, enumerable: false });
  return catalogue;
}

/** A calculated column's compiled row expression. */
export function calculatedAst(catalogue: Catalogue, sheetId: string, calculatedId: string): Ast {
  const ast = catalogue.sheetById.get(sheetId)?.calculated.get(calculatedId);
  if (!ast) throw new Error(`no calculated column ${sheetId}.${calculatedId} in the catalogue`);
  return ast;
}

/** The severity of a missing sheet or column: an error where the definition requires it, a warning otherwise. */
export function missingSeverity(def: { required: boolean }): "error" | "warning" {
  return def.required ? "error" : "warning";
}
