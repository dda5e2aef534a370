import type { DesiredResource, LiveResource } from "./resource.js";

/**
 * One manifest item paired with the live object it stands for. `live` is absent when nothing
 * live is this item (a create, or an `absent` item already gone); `renamedFrom` is set when the
 * live object is found under another key (a pinned vendor id, a `previousKeys` entry, or a
 * parent renamed under it) and the plan renames it instead of creating a second one.
 */
export interface Match {
  desired: DesiredResource;
  live?: LiveResource;
  renamedFrom?: string;
  /** The key changes only because the parent's does (the own part of the key is unchanged). */
  followsParent?: boolean;
}
