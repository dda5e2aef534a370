/** The `jiandaoyun` section of the emulator state: one company. */
export interface JdyRoleGroup {
  group_no: number;
  name: string;
  /** 0 regular, 2 cross-company external. */
  type: number;
  /** 1 in use. */
  status: number;
  /** Synced from the integrated directory: read-only through the API (1202). */
  synced?: boolean;
}

export interface JdyRole {
  role_no: number;
  group_no: number;
  name: string;
  type?: number;
  synced?: boolean;
  members: string[];
}

export interface JdyUser {
  username: string;
  name: string;
  departments: number[];
}

export interface JiandaoyunSection {
  /** API keys the company accepts (Authorization: Bearer <key>). */
  apiKeys: string[];
  mode: "public" | "integrate";
  roleGroups: JdyRoleGroup[];
  roles: JdyRole[];
  users: JdyUser[];
  /** Rate limits to enforce instead of the published ones (calls per second). */
  limits?: { company?: number; endpoints?: Record<string, number> };
}

export function emptySection(): JiandaoyunSection {
  return { apiKeys: [], mode: "public", roleGroups: [], roles: [], users: [] };
}
