/**
 * Huawei ISDP OpenAPI: every path orgform calls, with the page and batch sizes it uses. The
 * pages are under https://support.huaweicloud.com/api-isdp/ (named by page id below).
 */

/** OAuth2 password grant, `{client_id, client_secret (= client_id), grant_type, username, password}` (api_01_0019). */
export const TOKEN_PATH = "/oauth2/oauth/rest_token";

/** Paged person query, `page: {start, count}` plus filters (api_01_0395). */
export const PERSON_LIST_PATH = "/openapi/v1/person/getPersonList";

/** Create persons, `{personList}` (api_01_0398). */
export const BATCH_ADD_PATH = "/openapi/v1/person/batchAdd";

/**
 * Update persons stored as `<code>@hw`: the vendor appends `@hw` to each code it is sent
 * (api_01_0402, the page titled 添加人员账号).
 */
export const BATCH_UPDATE_PERSON_PATH = "/openapi/v1/person/batchUpdatePerson";

/**
 * Update persons by code, documenting no suffix rule; each row needs personCode, personName,
 * personType, personStatus and orgNo and may carry phone, customerCode, supplierCode,
 * positionCode, roleNo (at most 5 role codes) and the extension fields (api_01_0120).
 */
export const BATCH_UPDATE_PATH = "/openapi/v1/person/batchUpdate";

/** Deregister persons, `{personList: [codes]}` (api_01_0396). */
export const BATCH_DEREGISTER_PATH = "/openapi/v1/person/batchDeregisterPerson";

/**
 * Deregister one person (api_01_0114). Not called: the page describes its parameter as the
 * person's account ("人员账号", an example like a phone number), which may not be the code.
 */
export const DEREGISTER_PATH = "/openapi/v1/person/deregisterPerson";

/**
 * Persons per batchAdd / batchUpdatePerson call: the default of `saas.person.max-persons`
 * (api_01_0398, api_01_0402). person/batchUpdate and batchDeregisterPerson document no limit
 * (unverified): orgform sends them the same 100.
 */
export const PERSON_BATCH = 100;

/**
 * Persons asked for per getPersonList page. The page documents no maximum (unverified); 200 is
 * the largest page ISDP's other paged queries document (findPagedOrgList, api_01_0441). A
 * vendor that serves fewer is paged by what it serves, up to its `totalCount`.
 */
export const PERSON_PAGE_SIZE = 200;

/** Every person status but `Cancel` (api_01_0395's enum): a deregistered person counts as absent. */
export const ACTIVE_STATUSES = "NoAccountOpened;OpeningAccount;OpenAccount;Freeze";

/**
 * `isSmartDevice: "N"` leaves smart-device accounts out of getPersonList (api_01_0395: Y reads
 * only devices, N none), so orgform never reads, plans or deregisters a device.
 */
export const NO_DEVICES = { isSmartDevice: "N" } as const;

/**
 * ISDP publishes no rate limit for these APIs (unverified; only the separate iRTC module
 * documents 60 calls a minute): a prudent pace that a Target may raise.
 */
export const REQUESTS_PER_SECOND = 5;
export const CONCURRENCY = 4;
