// Generated from schemas/kinds/isdp.Person.schema.json by `npm run gen:item-types`; do not edit.
//
// An item as the loader hands it to toCanonical: valid against the schema, without the common
// fields (absent, membersPolicy, previousKeys), and with the org model applied, so without
// selectors and binding handles (`$ref`s into schemas/org/selector.schema.json), which the loader
// replaces by the accounts they name.

/** An item of kind isdp.Person, as `toCanonical` receives it. */
export type PersonItem = {
  /**
   * The person's code (the key), without the @hw suffix: a person ISDP stores as <personCode> or as
   * <personCode>@hw is this item. A code ending in @hw is refused, because batchUpdatePerson would
   * look up <code>@hw@hw.
   */
  personCode?: string;
  /** Display name of the person. */
  personName?: string;
  /** Given name. */
  firstName?: string;
  /** Family name. */
  lastName?: string;
  /** Person type. */
  personType?: "Admin" | "Customer" | "Employee" | "Supplier" | "Other";
  /** Code of the organisation the person belongs to. */
  orgNo?: string;
  /**
   * Role codes: a comma-separated string or a list. Compared as a set, sent in the order written.
   */
  roleNo?: string | string[];
  /**
   * Position codes: a comma-separated string or a list. Compared as a set, sent in the order
   * written.
   */
  positionCode?: string | string[];
  /**
   * Work qualification ids: a comma-separated string ("61,62") or a list; each must exist in the
   * tenant. Compared as a set, sent in the order written.
   */
  qualificationCode?: string | (number | string)[];
  /** Id of the person group (班组) the person belongs to (a Long: a number, or digits as text). */
  personGroupId?: number | string;
  /** Free text about the person. */
  description?: string;
  /** Email address. */
  email?: string;
  /**
   * Phone number. ISDP shows it masked when read (135******78), so orgform compares the digits it
   * can see; a change that keeps the first three and last two digits is not detected. In OP tenants
   * ISDP only sets a phone on a person that has none.
   */
  phone?: string;
  /** Code of the customer the person belongs to. */
  customerCode?: string;
  /** Code of the subcontractor (supplier) the person belongs to. */
  supplierCode?: string;
  /**
   * Whether the person has an account opened: 0 no, 1 yes. Sent as "0"/"1", as the vendor's example
   * does.
   */
  openAccount?: 0 | 1;
  /**
   * The person's status flag (an Integer; the vendor's example uses 1). Not the account status
   * (personStatus), which ISDP manages.
   */
  status?: number;
  /** File id of the head portrait (uploaded through ISDP's file API). */
  headFileId?: number | string;
  /** File id of the face image (uploaded through ISDP's file API). */
  faceFileId?: number | string;
  /** Integration account. */
  integrationAccount?: string;
  /**
   * Whether the account is a smart device. orgform reads only persons that are not devices, so Y is
   * refused at plan time.
   */
  isSmartDevice?: "Y" | "N";
  /** Face registered: 0 no, 1 yes. */
  registerFace?: 0 | 1;
  /** On the blacklist: 0 no, 1 yes. */
  blackList?: 0 | 1;
  /** Why the person is on the blacklist. */
  reason?: string;
  /** Id of the person's electronic signature. */
  electronicSignatureId?: number | string;
  /** The person's language, e.g. zh_CN or en_US. */
  language?: string;
  /** Type of identity document. */
  certificateType?: "ID_CARD" | "PASSPORTS";
  /** Number of the identity document. */
  certificateNo?: string;
  /** Extension field 1; it must be enabled in the tenant or ISDP refuses the whole batch. */
  udfExtend1?: string;
  /** Extension field 2; it must be enabled in the tenant or ISDP refuses the whole batch. */
  udfExtend2?: string;
  /** Extension field 3; it must be enabled in the tenant or ISDP refuses the whole batch. */
  udfExtend3?: string;
  /** Extension field 4; it must be enabled in the tenant or ISDP refuses the whole batch. */
  udfExtend4?: string;
  /**
   * Extension field 5; it must be enabled in the tenant or ISDP refuses the whole batch. A
   * date-time field in ISDP (sent as written).
   */
  udfExtend5?: string;
  /**
   * Extension field 6; it must be enabled in the tenant or ISDP refuses the whole batch. A
   * date-time field in ISDP (sent as written).
   */
  udfExtend6?: string;
  /** Extension field 7; it must be enabled in the tenant or ISDP refuses the whole batch. */
  udfExtend7?: string;
  /** Extension field 8; it must be enabled in the tenant or ISDP refuses the whole batch. */
  udfExtend8?: string;
  /** Extension field 9; it must be enabled in the tenant or ISDP refuses the whole batch. */
  udfExtend9?: string;
  /** Extension field 10; it must be enabled in the tenant or ISDP refuses the whole batch. */
  udfExtend10?: string;
};
