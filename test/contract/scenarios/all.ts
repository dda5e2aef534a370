import { dingtalkScenario } from "./dingtalk.js";
import { isdpScenario } from "./isdp.js";
import { jiandaoyunScenario } from "./jiandaoyun.js";
import { o2oaScenario } from "./o2oa.js";
import type { Scenario } from "./scenario.js";
import { xinrenxinshiScenario } from "./xinrenxinshi.js";

/** One scenario per shipped driver: a new driver adds its file here. */
export const SCENARIOS: Scenario[] = [dingtalkScenario, isdpScenario, jiandaoyunScenario, o2oaScenario, xinrenxinshiScenario];
