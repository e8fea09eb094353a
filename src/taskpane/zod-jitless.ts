import { z } from "zod";

// Imported before any schema is built: zod decides whether to compile parsers (new Function, which the
// pane's CSP refuses) when each schema is constructed, not when it parses.
z.config({ jitless: true });
