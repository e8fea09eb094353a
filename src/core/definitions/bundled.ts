import definitionsJson from "../../../seeds/de-an-02.definitions.json";
import profileJson from "../../../seeds/lang-giang.profile.json";
import { type Catalogue, compileCatalogue } from "./compile";
import type { Definitions, Profile } from "./schema";

let bundled: { definitions: Catalogue; profile: Profile } | undefined;

/**
 * The Đề án 02 catalogue, compiled once, and the Lạng Giang profile shipped with the add-in. They are
 * schema-checked by the tests (test/core/definitions.test.ts proves the schema adds and changes nothing),
 * not at run time, so that zod stays out of the ribbon's small bundle. Files given on the command line are
 * checked on load.
 */
export function bundledCatalogue(): { definitions: Catalogue; profile: Profile } {
  bundled ??= { definitions: compileCatalogue(definitionsJson as Definitions), profile: profileJson as Profile };
  return bundled;
}
