import type ExcelJS from "exceljs";
import { type Reason, renderVietnameseReason } from "../../core/findings/reasons";
import { oversizeReason, unusableReason } from "./inspect-file";
import { HostFailure } from "../../core/host-failure";
import { loadWorkbook, XlsxHost } from "./xlsx-host";

/** A workbook, or why the bytes are not one this tool can read. */
export type ReadBytesResult = { workbook: ExcelJS.Workbook } | { reason: Reason };

/** Refuses what is not an .xlsx (or would inflate past any workbook's size) before ExcelJS parses it. */
export async function workbookFromBytes(bytes: Uint8Array): Promise<ReadBytesResult> {
  const reason = unusableReason(bytes) ?? oversizeReason(bytes);
  if (reason) return { reason };
  try {
    return { workbook: await loadWorkbook(bytes) };
  } catch (e) {
    return { reason: { code: "unreadable-xlsx", params: { detail: (e as Error).message.split("\n")[0] } } };
  }
}

/** A host over the file's workbook, or a HostFailure ("notAWorkbook", naming the file) saying why it is not one. */
export async function openXlsxHost(bytes: Uint8Array, file: string): Promise<XlsxHost> {
  const read = await workbookFromBytes(bytes);
  if ("reason" in read) throw new HostFailure({ stage: "read", kind: "notAWorkbook", detail: renderVietnameseReason(read.reason), reason: read.reason, where: { file } });
  return new XlsxHost(read.workbook, bytes);
}
