export const PERSON_STATUSES = ["NoAccountOpened", "OpeningAccount", "OpenAccount", "Freeze", "Cancel"] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/** An application allowed to get tokens: OAuth client id, application id and token. */
export interface IsdpApp {
  client_id: string;
  username: string;
  password: string;
}

/** A stored person: its stored code (with or without `@hw`), status and fields. */
export interface IsdpPerson {
  personCode: string;
  personId?: number;
  personStatus?: PersonStatus;
  /** `Y` for a smart-device account. */
  isSmartDevice?: string;
  [field: string]: unknown;
}

/**
 * Where batchAdd stores a new person, which the vendor does not document: `suffixed` stores
 * `<code>@hw` (the code batchUpdatePerson updates), `asSent` stores the code as sent (as the
 * vendor's list examples show codes).
 */
export type AddedCodeForm = "suffixed" | "asSent";

export interface IsdpSection {
  clients: IsdpApp[];
  /** Token lifetime in seconds (the vendor's examples show 359, 1199 and 1799). */
  tokenTtlSeconds?: number;
  persons: IsdpPerson[];
  /** Default `suffixed`. */
  batchAddStores?: AddedCodeForm;
  limits?: {
    /** Most persons per write call (`saas.person.max-persons`). */
    batch?: number;
    /** Most rows one getPersonList page serves. */
    page?: number;
    /** Refuse a page.count above `page` instead of serving `page` rows. */
    refuseLargePages?: boolean;
    /** Answer pages without totalCount / total_count (the page documents both; unverified that they always come). */
    omitTotal?: boolean;
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
export const HW_SUFFIX = "@hw";

export function emptySection(): IsdpSection {
  return { clients: [], persons: [] };
}
