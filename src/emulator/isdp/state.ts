export const PERSON_STATUSES = ["NoAccountOpened", "OpeningAccount", "OpenAccount", "Freeze", "Cancel"] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** An application allowed to get tokens: OAuth client id, application id and token. */
export interface IsdpApp {
  client_id: string;
  username: string;
  password: string;
}

/** A stored person: its stored code (open-API persons end in `@hw`), status and fields. */
export interface IsdpPerson {
  personCode: string;
  personId?: number;
  personStatus?: PersonStatus;
  [field: string]: unknown;
}

export interface IsdpSection {
  clients: IsdpApp[];
  /** Token lifetime in seconds (the vendor's examples show 359, 1199 and 1799). */
  tokenTtlSeconds?: number;
  persons: IsdpPerson[];
  limits?: {
    /** Most persons per batchAdd / batchUpdatePerson call (`saas.person.max-persons`). */
    batch?: number;
    /** Largest getPersonList page. */
    page?: number;
    /** Calls per second per application; more get HTTP 429. */
    qps?: number;
  };
  /** When a list is given, values sent for that field must be among them. */
  catalog?: { orgNo?: string[]; roleNo?: string[]; positionCode?: string[]; qualificationCode?: string[] };
  /** Extension fields (1..10) the tenant enabled; all when absent. Others make a batch fail. */
  udfExtendEnabled?: number[];
}

export const DEFAULT_TTL_SECONDS = 1799;
export const DEFAULT_BATCH_LIMIT = 100;
export const DEFAULT_PAGE_LIMIT = 200;

export function emptySection(): IsdpSection {
  return { clients: [], persons: [] };
}
