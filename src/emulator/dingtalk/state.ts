export interface DingTalkMember {
  member_id: string;
  type: number;
}

export interface DingTalkPunchGroup {
  punch_group_id: string;
  biz_inst_id: string;
  biz_id?: string;
  members: DingTalkMember[];
}

export interface DingTalkSection {
  apps: { appKey: string; appSecret: string }[];
  punchGroups: DingTalkPunchGroup[];
  /** When given, member ids of type 0 must be among these userids. */
  users?: string[];
  limits?: {
    /** Calls per second per app and API; more get errcode 90018. */
    qps?: number;
    /** Largest member-list page served, whatever size is asked (default 100). */
    pageSize?: number;
    /** Calls per 20 s from the one caller IP; more block it for 5 minutes (answered without errcode). */
    ipCallsPer20s?: number;
  };
  /** API paths the app has no permission for: answered 88 / sub_code 60011. */
  refusedApis?: string[];
  /** The errcode for a punch group the tenant does not have (unverified; default 60121). */
  unknownGroupErrcode?: number;
  tokenTtlSeconds?: number;
}

export function emptySection(): DingTalkSection {
  return { apps: [], punchGroups: [] };
}
