import definitionsJson from "../../../seeds/de-an-02.definitions.json";
import profileJson from "../../../seeds/lang-giang.profile.json";
import { loadDefinitions, loadProfile } from "./load";
import type { Definitions, Profile } from "./schema";

/** The Đề án 02 catalogue and the Lạng Giang profile shipped with the add-in, schema-checked like any other file. */
export function bundledCatalogue(): { definitions: Definitions; profile: Profile } {
  const definitions = loadDefinitions(JSON.stringify(definitionsJson), "seeds/de-an-02.definitions.json");
  if (!definitions.ok) throw new Error(definitions.errors.join("\n"));
  const profile = loadProfile(JSON.stringify(profileJson), "seeds/lang-giang.profile.json", definitions.value);
  if (!profile.ok) throw new Error(profile.errors.join("\n"));
  return { definitions: definitions.value, profile: profile.value };
}
