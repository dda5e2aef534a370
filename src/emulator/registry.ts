import { dingtalkEmulator } from "./dingtalk/index.js";
import { isdpEmulator } from "./isdp/index.js";
import { jiandaoyunEmulator } from "./jiandaoyun/index.js";
import { o2oaEmulator } from "./o2oa/index.js";
import { xinrenxinshiEmulator } from "./xinrenxinshi/index.js";
import type { VendorFactory } from "./vendor.js";

/** Vendor emulators by path prefix. A test keeps this list equal to the emulator folders. */
export const vendorEmulators: Readonly<Record<string, VendorFactory>> = {
  dingtalk: dingtalkEmulator,
  isdp: isdpEmulator,
  jiandaoyun: jiandaoyunEmulator,
  o2oa: o2oaEmulator,
  xinrenxinshi: xinrenxinshiEmulator,
};
