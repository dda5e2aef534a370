import { dingtalkEmulator } from "./dingtalk/index.js";
import type { VendorFactory } from "./vendor.js";

/** Vendor emulators by path prefix. A test keeps this list equal to the emulator folders. */
export const vendorEmulators: Readonly<Record<string, VendorFactory>> = {
  dingtalk: dingtalkEmulator,
};
