import type { Language } from "../core/findings/format";

/** The preview's own controls, around the pane, in the pane's language. */
export const PREVIEW_STRINGS = {
  vi: { viewing: "Đang xem: {file}", openOther: "Mở workbook khác (.xlsx)", choose: "Chọn tệp…" },
  en: { viewing: "Viewing: {file}", openOther: "Open another workbook (.xlsx)", choose: "Choose a file…" },
} satisfies Record<Language, Record<string, string>>;
