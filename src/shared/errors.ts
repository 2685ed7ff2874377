/**
 * Stable machine codes for every failure a client can see. Services throw `AppError`; only
 * `http/error-handler.ts` turns a code into an HTTP status and a translated message.
 */
export const ERROR_CODES = [
  /** Input failed schema or rule validation; `details.fields` names each field. */
  'VALIDATION_FAILED',
  /** The body is not parseable (bad JSON, wrong content length). */
  'MALFORMED_REQUEST',
  /** The body's content type is not accepted by this route. */
  'UNSUPPORTED_MEDIA_TYPE',
  /** Request body larger than the route allows. */
  'BODY_TOO_LARGE',
  /** The request body did not arrive in time (BODY_DEADLINE_MS from the start of the request), or the headers did not (Node's own limit); the connection is closed. */
  'REQUEST_TIMEOUT',
  /** The request's headers are larger than the server reads (Node's limit, 16 KB). */
  'HEADERS_TOO_LARGE',
  /** The object does not exist or belongs to another registrant (never tell which). */
  'NOT_FOUND',
  /** No route for this method and URL. */
  'ROUTE_NOT_FOUND',
  /** The address exists but does not take this method; `details.allowed` lists those it takes (also the Allow header). */
  'METHOD_NOT_ALLOWED',
  /** No valid session. */
  'UNAUTHENTICATED',
  /** Signed in, but the role may not do this. */
  'FORBIDDEN',
  /** Wrong login name or password (never says which). */
  'LOGIN_FAILED',
  /** Too many failed logins for this account or address; `details.retryAfterSeconds`. */
  'LOGIN_THROTTLED',
  /** The user or its registrant is suspended. */
  'ACCOUNT_SUSPENDED',
  /** `Authorization: Bearer` with a token that is unknown, malformed, or no longer its member's registrant's. */
  'API_TOKEN_INVALID',
  /** The API token was revoked by its owner (refused from the next request on). */
  'API_TOKEN_REVOKED',
  /** The API token's last day has passed; `details` none. Create a new one. */
  'API_TOKEN_EXPIRED',
  /** A user holds at most `details.max` API tokens; revoke one first. */
  'API_TOKEN_LIMIT',
  /** Managing API tokens needs a signed-in session: an API token cannot create, list or revoke tokens. */
  'SESSION_REQUIRED',
  /** The Idempotency-Key was used with another request (another body, album or operation); `details.operation`. */
  'IDEMPOTENCY_KEY_REUSED',
  /** The first request with this Idempotency-Key is still running: retry later for its answer. */
  'IDEMPOTENCY_KEY_IN_PROGRESS',
  /** Change password: the current password is wrong. */
  'PASSWORD_INCORRECT',
  /** New password shorter than `details.minLength` characters (src/accounts/password-policy.ts). */
  'PASSWORD_TOO_WEAK',
  /** New password is in the list of common passwords. */
  'PASSWORD_TOO_COMMON',
  /** New password contains the login name (case-insensitive). */
  'PASSWORD_CONTAINS_LOGIN_NAME',
  /**
   * A state-changing request with a session cookie came from another site (its Origin is not this
   * server's, or `Sec-Fetch-Site: cross-site`): refused as a possible cross-site request forgery.
   */
  'CROSS_SITE_REQUEST',
  /**
   * The password was generated or reset by someone else and must be changed first: every route but
   * the signed-in user (auth/me), change password and logout answers this until it is.
   */
  'PASSWORD_CHANGE_REQUIRED',
  /**
   * The user applied for a registrant code and the application is not approved yet: only the
   * signed-in user, their application and logout answer until it is.
   */
  'APPLICATION_PENDING',
  /** 登記者代碼申請 approve / reject: the application was decided already (or by a concurrent request). */
  'APPLICATION_ALREADY_DECIDED',
  /** Too many registrant-code applications from this address recently; `details.retryAfterMinutes`. */
  'APPLICATION_THROTTLED',
  /**
   * Too many requests from this client address in the current minute (public ISRC search; counted
   * across every server process); `details.retryAfterSeconds`, sent as Retry-After too.
   */
  'RATE_LIMITED',
  /** 重新申請 only after a rejection: the latest application is pending or approved; `details.status`. */
  'APPLICATION_NOT_REJECTED',
  /** A user with this login name exists. */
  'LOGIN_NAME_TAKEN',
  /** Registrant code already allocated in this country. */
  'REGISTRANT_CODE_TAKEN',
  /** The registrant's kind cannot hold codes (individuals use the agency pool). */
  'REGISTRANT_CODE_NOT_ALLOWED',
  /** No registrant code to allocate under (company without codes, or no pool code configured). */
  'NO_REGISTRANT_CODE',
  /** No free registrant code left to suggest. */
  'REGISTRANT_CODES_EXHAUSTED',
  /** The ISRC is malformed; `details.isrcError`. */
  'ISRC_INVALID',
  /** The ISRC is already assigned; `details.isrc`, and where known the album holding it. */
  'ISRC_TAKEN',
  /** The ISRC uses a registrant code that is not the registrant's own. */
  'ISRC_NOT_OWN_CODE',
  /** The ISRC's year of reference is after the current year. */
  'ISRC_YEAR_IN_FUTURE',
  /**
   * The ISRC's year of reference is before the year its registrant code was allocated (and the
   * album is not 回溯編碼); `details.year`, `details.allocatedYear`.
   */
  'ISRC_YEAR_BEFORE_CODE',
  /**
   * A typed own code jumps more than 100 never-used codes past "next available"; resend with
   * `confirmJump: true` to use it. `details`: `isrc`, `next`, `skipped`.
   */
  'ISRC_JUMP_UNCONFIRMED',
  /** Designation 99999 reached for this registrant code and year; `details.available`. */
  'DESIGNATION_EXHAUSTED',
  /** The album is with the agency or approved: the registrant cannot change it now. */
  'ALBUM_NOT_EDITABLE',
  /** Only draft albums (never submitted) can be deleted. */
  'ALBUM_NOT_DELETABLE',
  /** 匯出 DDEX: only approved albums are exported; `details.status` is the album's status now. */
  'ALBUM_NOT_APPROVED',
  /** 匯出 DDEX: ERN needs an ISRC and a duration for every track; `details.positions` lists the tracks without. */
  'DDEX_TRACKS_INCOMPLETE',
  /** 匯出 MARC: only approved albums are exported to the national bibliography; `details.status` is the album's status now. */
  /** 匯出 MARC for a range of approval days: more albums than one file holds; `details.max`. Ask for fewer days. */
  'MARC_RANGE_TOO_LARGE',
  /** 年度使用編號 export: more codes in the scope than one file holds; `details.max`, `details.total`. Choose one registrant code. */
  'USED_CODES_EXPORT_TOO_LARGE',
  /** Delete the album's tracks first; `details.tracks` lists them. */
  'ALBUM_HAS_TRACKS',
  /**
   * Tracks of the album carry own ISRCs from before their registrant code was allocated, allowed only
   * on a 回溯編碼 (retroactive) album: refused when `retroactive` is cleared, and on 送出審核 of an
   * album that is not retroactive. `details`: `positions`, `isrcs`, `tracks` (id, position, title,
   * isrc, year, allocatedYear).
   */
  'ALBUM_RETROACTIVE_REQUIRED',
  /** Submission check failed; `details.problems` lists every missing or invalid field. */
  'ALBUM_INCOMPLETE',
  /** The review action is not allowed from the album's current status. */
  'INVALID_TRANSITION',
  /**
   * 通過 / 退回 on an album another officer decided first, or that was decided and submitted again
   * since the round the officer looked at; `details`: `round`, `decision`, `decidedAt`, `decidedAtText`
   * (agency time), and `resubmitted`, `currentRound` when it came back.
   */
  'REVIEW_ALREADY_DECIDED',
  /** A cited recording is shown unchanged; edit it on its own album. */
  'RECORDING_CITED_READONLY',
  /** The recording is already on this album. */
  'RECORDING_ALREADY_ON_ALBUM',
  /** Only approved recordings can be cited. */
  'RECORDING_NOT_CITABLE',
  /** Individuals' ISRCs are assigned from the agency pool on submission. */
  'ISRC_ASSIGNED_ON_SUBMISSION',
  /**
   * Direct allocation (/allocations, /allocations/next, /allocations/claim) is for registrants with
   * their own registrant codes; an individual's pool codes come only with 送出審核.
   */
  'ALLOCATION_NOT_ALLOWED',
  /** A foreign ISRC must not use this agency's country prefix (cite or assign instead). */
  'ISRC_NOT_FOREIGN',
  /** A foreign ISRC (mode 'foreign') is only for a recording produced abroad (境外製作, `producedAbroad`). */
  'ISRC_FOREIGN_NOT_ABROAD',
  /** A version (remix, …) must have an ISRC different from the original's. */
  'VERSION_SAME_ISRC',
  /** The setting cannot be changed this way. */
  'SETTING_INVALID',
  /** Deposit (送存) is owed only once the agency has approved the album; `details.status`. */
  'DEPOSIT_NOT_DUE',
  /**
   * Copies are sent and received for physical releases only; a digital release deposits the audio
   * of its tracks instead (影音檔送存).
   */
  'DEPOSIT_NOT_PHYSICAL',
  /**
   * The deposit date is after the agency's today or before the album's approval;
   * `details`: `date`, `earliest` (approval date), `latest` (today).
   */
  'DEPOSIT_DATE_OUT_OF_RANGE',
  /** 影音檔送存 is for digital releases; a physical one sends copies instead. */
  'AUDIO_DEPOSIT_NOT_DIGITAL',
  /** 影音檔送存: some tracks have no audio yet; `details.missing` lists them (position, isrc, title), `details.count`. */
  'AUDIO_DEPOSIT_MISSING_AUDIO',
  /** The album's audio is deposited already (once per album); `details.depositedAt`. */
  'AUDIO_DEPOSIT_EXISTS',
  /** A deposited file is no longer in storage, so no BagIt bag can be made; `details.isrcs`. */
  'AUDIO_DEPOSIT_OBJECT_MISSING',
  /** A fixity run is going on already (one at a time); `details.runId`, `details.startedAt`. */
  'FIXITY_RUN_RUNNING',
  /** A registrant may have one pending change request at a time (withdraw it or wait for the decision). */
  'CHANGE_REQUEST_PENDING',
  /** The change request is approved or rejected: it can no longer be changed, withdrawn or decided. */
  'CHANGE_REQUEST_DECIDED',
  /** The registrant withdrew the change request (kept on record): it can no longer be changed or decided. */
  'CHANGE_REQUEST_WITHDRAWN',
  /** A new value equals the registrant's current one; `details.unchanged` lists the fields. */
  'CHANGE_REQUEST_UNCHANGED',
  /**
   * Approve: the registrant's record no longer holds the `before` value the request was made
   * against (changed since); `details.changed` lists the fields. The officer re-checks.
   */
  'CHANGE_REQUEST_STALE',
  /** An upload with no file part. */
  'FILE_MISSING',
  /** The uploaded file's content is not an accepted type (decided by its bytes, not its name); `details.allowed`. */
  'FILE_TYPE_NOT_ALLOWED',
  /** The attachment starts like a PDF, JPG or PNG but is cut, damaged or too many pixels to decode; nothing is kept. */
  'ATTACHMENT_UNREADABLE',
  /** The attached PDF carries JavaScript (a scan never does); nothing is kept. */
  'ATTACHMENT_HAS_SCRIPT',
  /**
   * The attached PDF launches a program, has an action that reaches outside the file (submits a form,
   * imports data, opens another document), or carries files or media inside it; `details.feature`
   * (`launch`, `submitForm`, `importData`, `remoteGoTo`, `embeddedFile`, `richMedia`); nothing is kept.
   */
  'ATTACHMENT_HAS_EMBEDDED_CONTENT',
  /** The attached PDF is an XFA (dynamic) form: scripts in its XML cannot be checked, and most readers show it blank; nothing is kept. */
  'ATTACHMENT_DYNAMIC_FORM',
  /** The attached PDF is encrypted (a password to open it, or only permissions): its content cannot be checked; nothing is kept. */
  'ATTACHMENT_ENCRYPTED',
  /** The attachment is an image format recognised but not taken (HEIC, TIFF, WebP, GIF, …); `details.format`, `details.allowed`. */
  'ATTACHMENT_FORMAT_NOT_ALLOWED',
  /** 上傳專輯封面 without a file part. */
  'COVER_FILE_MISSING',
  /** The cover image is over 5 MB (refused while it streams; nothing is kept). */
  'COVER_TOO_LARGE',
  /** The cover is not a JPG, PNG or GIF by its content (the name does not count); `details.allowed`. */
  'COVER_TYPE_NOT_ALLOWED',
  /** The cover is an image format recognised but not taken (HEIC, WebP, TIFF, …); `details.format`, `details.allowed`. */
  'COVER_FORMAT_NOT_ALLOWED',
  /** The cover's bytes start like an image but do not decode (cut, damaged); nothing is kept. */
  'COVER_IMAGE_UNREADABLE',
  /** The cover has more pixels than the server decodes (50 megapixels); `details.width`, `details.height`. */
  'COVER_IMAGE_TOO_LARGE',
  /** The album is approved: its cover cannot be replaced or removed any more. */
  'COVER_LOCKED',
  /** 專輯匯入 (POST /import/previews) without an .xlsx file part. */
  'IMPORT_FILE_MISSING',
  /** The uploaded workbook is refused before its rows are read (not an .xlsx, encrypted, a zip bomb…); `details.reason` (a SpreadsheetRefusal), `details.reasonZh` / `details.reasonEn` say why. */
  'IMPORT_FILE_REFUSED',
  /** 確認匯入 of a preview that lists errors; `details.errorCount`. Fix the file and upload it again. */
  'IMPORT_HAS_ERRORS',
  /** The preview is older than a day (its staged cover is gone): upload the file again. */
  'IMPORT_PREVIEW_EXPIRED',
  /** Every turn to read a workbook is taken and the queue is full: upload again after `details.retryAfterSeconds`; nothing was written. */
  'IMPORT_BUSY',
  /** The same user already has a workbook being read (another tab, a double submit): wait for that preview. */
  'IMPORT_IN_PROGRESS',
  /** An audio upload (per-track or 數位媒體批次上傳) holds no file part. */
  'AUDIO_FILE_MISSING',
  /** An audio file's name does not end in .mp3, .wav or .mp4; `details.fileName`. */
  'AUDIO_FILE_NAME_INVALID',
  /** 數位媒體批次上傳 (or a resumable upload without a track): the name is not `<ISRC>.<ext>`; `details.fileName`. */
  'AUDIO_FILE_NAME_NOT_ISRC',
  /** The ISRC in a file's name is no track of this album (nor is the track named); `details.isrc`. */
  'AUDIO_NO_MATCHING_TRACK',
  /** A batch holds a second file for the same track; only the first is kept; `details.isrc`. */
  'AUDIO_DUPLICATE_IN_BATCH',
  /** The content is not an acceptable audio file of the type its name says; `details.reason` (an AudioRefusal). */
  'AUDIO_REFUSED',
  /** The audio file is over 500 MB (refused while it streams; nothing is kept); `details.limitMb`. */
  'AUDIO_TOO_LARGE',
  /** 數位媒體批次上傳 with more than `details.max` files: the files after it were not read (answered beside the results of those before). */
  'AUDIO_BATCH_TOO_MANY_FILES',
  /** The album is approved: a track's audio, once there, cannot be replaced or removed by the registrant. */
  'AUDIO_LOCKED',
  /** The album's audio is deposited (影音檔送存): nothing about its audio changes any more. */
  'AUDIO_DEPOSITED',
  /** A resumable upload must say its size when it is created (Upload-Length; Upload-Defer-Length is refused). */
  'UPLOAD_LENGTH_REQUIRED',
  /** A resumable upload request sent more bytes than the upload's declared length (Upload-Length); nothing past it was written. */
  'UPLOAD_LENGTH_EXCEEDED',
  /** A resumable upload request breaks the tus protocol (a missing or invalid header); `details.tus` says which. */
  'UPLOAD_PROTOCOL_ERROR',
  /** A resumable upload's offset is stale, or another request is writing it: ask where it stands (HEAD) and resume. */
  'UPLOAD_CONFLICT',
  /** Too many unfinished resumable uploads for one user; `details.max`. Finish or cancel some first. */
  'UPLOAD_TOO_MANY',
  /** An uploaded file (cover, scan) has no bytes at all: the wrong file was chosen, or it was cut to nothing. */
  'FILE_EMPTY',
  /** Too many resumable uploads are being written at this moment (the user's own, or the server's): resume after `details.retryAfterSeconds`. */
  'UPLOADS_BUSY',
  /** The database does not answer (down, restarting, unreachable): retry later; the server reconnects by itself. */
  'DATABASE_UNAVAILABLE',
  /** Unexpected failure; details are only in the log. */
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorDetails = Readonly<Record<string, unknown>>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, details?: ErrorDetails) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(err: unknown, code?: ErrorCode): err is AppError {
  return err instanceof AppError && (code === undefined || err.code === code);
}
