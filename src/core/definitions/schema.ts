import { z } from "zod";

const fieldName = z.string().regex(/^[a-z][a-z0-9_]*$/, "tên trường chỉ gồm chữ thường, số và _");
const sheetId = z.string().regex(/^S[0-9]+$/, "mã sheet có dạng S1, S2…");
const indicatorId = z.string().regex(/^[A-Z][0-9]+$/, "mã chỉ tiêu có dạng A1, C5…");

const Choice = z.object({
  value: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
});

const Column = z
  .object({
    field: fieldName,
    header: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    type: z.enum(["unit", "text", "integer", "number", "choice"]),
    required: z.boolean().default(false),
    min: z.number().optional(),
    choices: z.array(Choice).optional(),
  })
  .refine((c) => c.type !== "choice" || (c.choices && c.choices.length > 0), {
    message: "cột kiểu choice phải có danh sách choices",
    path: ["choices"],
  });

const comparison = z.enum(["<=", "<", ">=", ">", "="]);

/**
 * One validation rule: `left op right` on each data row, both sides expressions of the rule language (a field of
 * the row, a number, or `S1.members`, the same unit's row on another sheet). `instruction` is the finding code it
 * raises, `severity` that finding's severity; `missing: "skip"` skips a row where either side is missing or unusable.
 */
const Rule = z.object({
  left: z.string().min(1),
  op: comparison,
  right: z.string().min(1),
  when: z.object({ field: fieldName, equals: z.string() }).optional(),
  severity: z.enum(["error", "warning", "info"]),
  instruction: z.string().min(1),
  missing: z.enum(["skip"]),
});

const Calculated = z.object({
  id: fieldName,
  header: z.string().min(1),
  expr: z.string().min(1),
  format: z.enum(["percent", "number"]),
  reportedAliases: z.array(z.string().min(1)).default([]),
});

const Sheet = z.object({
  id: sheetId,
  name: z.string().min(1).max(31),
  aliases: z.array(z.string().min(1)).default([]),
  required: z.boolean(),
  key: fieldName,
  /** Which units the key names: every TCCSĐ, the closed list of communes and towns, or none (S2's kinds). */
  units: z.enum(["all", "communes", "none"]),
  /** The choice column that says what kind of organisation a row is (S1's "Loại hình"). */
  kindField: fieldName.optional(),
  columns: z.array(Column).min(1),
  rules: z.array(Rule).default([]),
  calculated: z.array(Calculated).default([]),
});

const HeaderSpec = z.object({ header: z.string().min(1), aliases: z.array(z.string()).default([]) });

const Indicator = z.object({
  id: indicatorId,
  name: z.string().min(1),
  unit: z.enum(["count", "ratio"]),
  unitLabel: z.string().min(1),
  /** The pane's English: every indicator must have both, or the English pane would fall back to Vietnamese. */
  en: z.object({ name: z.string().min(1), unitLabel: z.string().min(1) }),
  direction: z.enum(["higher", "lower"]),
  numerator: z.string().min(1),
  denominator: z.string().min(1).optional(),
  perUnit: z.object({ sheet: sheetId, calculated: fieldName }).optional(),
});

export const Definitions = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
  title: z.string(),
  totalsLabels: z.array(z.string().min(1)).min(1),
  unitPrefixes: z.object({ commune: z.array(z.string().min(1)) }),
  /** The sheet that registers every organisation: a unit on another sheet must be a commune, a profile organisation or on it. */
  register: sheetId,
  /** Which organisation type each kind of commune in a profile is ("xã" → "Đảng bộ xã"). */
  communeKinds: z.array(z.object({ kind: z.string().min(1), type: z.string().min(1) })).min(1),
  sheets: z.array(Sheet).min(1),
  targetsSheet: z.object({
    id: sheetId,
    required: z.boolean(),
    name: z.string().min(1).max(31),
    aliases: z.array(z.string()).default([]),
    columns: z.object({ id: HeaderSpec, name: HeaderSpec, baseline: HeaderSpec, target: HeaderSpec }),
  }),
  indicators: z.array(Indicator).min(1),
  /** Titles of the indicator groups, keyed by the letter an indicator's id starts with (A–D); the printed summary heads each group with it. */
  groups: z.array(z.object({ id: z.string().regex(/^[A-Z]$/, "mã nhóm là một chữ cái in hoa"), title: z.string().min(1) })).default([]),
});

const IndicatorFigures = z.object({
  baseline: z.number().finite().optional(),
  target: z.number().finite().optional(),
});

/** A level's word as it stands in running text, lower case: "huyện" and "district". */
const LevelWord = z.object({ vi: z.string().min(1), en: z.string().min(1) });

/**
 * The levels a profile's unit sits between. Profiles written before July 2025 have no `levels`: every one
 * was a district's, so they are read as a district under a province with its communes and towns.
 */
export const FORMER_DISTRICT_LEVELS = {
  unit: { vi: "huyện", en: "district" },
  communes: { vi: "xã, thị trấn", en: "communes and towns" },
  consolidating: { vi: "tỉnh", en: "province" },
};

const Levels = z.object({
  /** The level of the unit that keeps the workbook: "huyện", or "phường" once districts are gone. */
  unit: LevelWord,
  /** Its communes and towns, the closed list of the profile's `communes`. */
  communes: LevelWord,
  /** The level that consolidates the units' workbooks: "tỉnh". */
  consolidating: LevelWord,
  /** The consolidation sheet's name (at most 31 characters); "Tổng hợp toàn " and the consolidating level when absent. */
  consolidationSheet: z.string().min(1).max(31).optional(),
});

export const Profile = z.object({
  id: z.string().min(1),
  /** The unit's name, whatever its level (see `levels`): "Lạng Giang". */
  district: z.string().min(1),
  /** The name of the unit that consolidates it, whatever its level: "Bắc Giang". */
  province: z.string().min(1),
  levels: Levels.default(FORMER_DISTRICT_LEVELS),
  committee: z.string().min(1),
  communes: z.array(z.object({ name: z.string().min(1), kind: z.string().min(1) })).min(1),
  organisations: z.array(z.object({ name: z.string().min(1), type: z.string().min(1) })).default([]),
  indicators: z.record(indicatorId, IndicatorFigures).default({}),
  sources: z.record(z.string(), z.string()).default({}),
  /** What the printed summary's document header and signature block say; all optional (board "Ban Tổ chức", head "Trưởng ban"). */
  document: z
    .object({
      /** The board issuing the report, under the committee: "Ban Tổ chức". */
      board: z.string().min(1).optional(),
      /** The place on the date line; the district's name when absent. */
      place: z.string().min(1).optional(),
      /** The period the figures are for when no input sheet's title rows say it: "tháng 6/2019". */
      period: z.string().min(1).optional(),
      headTitle: z.string().min(1).optional(),
      headName: z.string().min(1).optional(),
      preparerName: z.string().min(1).optional(),
    })
    .optional(),
});

export type Definitions = z.infer<typeof Definitions>;
export type SheetDef = z.infer<typeof Sheet>;
export type ColumnDef = z.infer<typeof Column>;
export type RuleDef = z.infer<typeof Rule>;
export type CalculatedDef = z.infer<typeof Calculated>;
export type IndicatorDef = z.infer<typeof Indicator>;
export type Profile = z.infer<typeof Profile>;
export type Levels = z.infer<typeof Levels>;
