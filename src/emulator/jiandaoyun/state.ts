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
  /** joined (the default), invited (not yet joined), or departed (离职: kept, never listed as a role member). */
  status?: "joined" | "invited" | "departed";
}

export interface JiandaoyunSection {
  /** API keys the company accepts (Authorization: Bearer <key>). */
  apiKeys: string[];
  mode: "public" | "integrate";
  roleGroups: JdyRoleGroup[];
  roles: JdyRole[];
  users: JdyUser[];
  /** Rate limits to enforce instead of the published ones (calls per second). */
  limits?: {
    company?: number;
    endpoints?: Record<string, number>;
    /** Largest role and role-group list page served, whatever limit is asked (default 100). */
    pageSize?: number;
    /** Largest role/user/list page served (default 10 000). */
    memberPageSize?: number;
  };
  /** Writes other than creates answer HTTP 200 with an empty body instead of `{"status":"success"}` or the object. */
  emptyWriteBodies?: boolean;
}

export function emptySection(): JiandaoyunSection {
  return { apiKeys: [], mode: "public", roleGroups: [], roles: [], users: [] };
}
