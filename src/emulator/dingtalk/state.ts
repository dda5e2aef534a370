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
  limits?: { qps?: number; pageSize?: number };
  tokenTtlSeconds?: number;
}

export function emptySection(): DingTalkSection {
  return { apps: [], punchGroups: [] };
}
