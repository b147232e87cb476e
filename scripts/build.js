// `npm run build`: the production build of the pages, always made afresh, with the record of its
// sources that a production start checks (scripts/build-if-stale.js). The whole tree, tests included,
// is type-checked by `npm run typecheck`, not here: a production image need not carry the test tools.
import { buildPages } from "./build-if-stale.js";

buildPages();
