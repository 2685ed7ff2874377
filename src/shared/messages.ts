import type { ErrorCode } from './errors.js';
import type { Locale } from './locale.js';

/** Human messages per error code; `{placeholders}` come from the error's details. */
export const ERROR_MESSAGES: Readonly<Record<ErrorCode, Readonly<Record<Locale, string>>>> = {
  VALIDATION_FAILED: { 'zh-TW': '資料有誤，請依各欄位的說明修正。', en: 'Some fields are invalid; please correct them as described.' },
  MALFORMED_REQUEST: { 'zh-TW': '送出的資料格式無法解析。', en: 'The request body could not be read.' },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-TW': '不支援這種資料格式。', en: 'This content type is not supported.' },
  BODY_TOO_LARGE: { 'zh-TW': '送出的資料過大（上限 {limit}）。', en: 'The request is too large (limit {limit}).' },
  REQUEST_TIMEOUT: { 'zh-TW': '送出資料的時間過長，連線已中斷，請重新送出。', en: 'The request took too long to arrive; the connection was closed. Please send it again.' },
  HEADERS_TOO_LARGE: { 'zh-TW': '請求的標頭過大。', en: 'The request headers are too large.' },
  NOT_FOUND: { 'zh-TW': '找不到這筆資料。', en: 'This item was not found.' },
  ROUTE_NOT_FOUND: { 'zh-TW': '找不到這個網址。', en: 'There is nothing at this address.' },
  METHOD_NOT_ALLOWED: {
    'zh-TW': '這個網址不接受這種請求方式（HTTP method），可用的方式列在 Allow 標頭。',
    en: 'This address does not take this request method; the Allow header lists those it takes.',
  },
  UNAUTHENTICATED: { 'zh-TW': '請先登入。', en: 'Please log in.' },
  FORBIDDEN: { 'zh-TW': '您的帳號沒有執行這項操作的權限。', en: 'Your account may not do this.' },
  LOGIN_FAILED: { 'zh-TW': '帳號或密碼錯誤，請再試一次。', en: 'Wrong login name or password; please try again.' },
  LOGIN_THROTTLED: {
    'zh-TW': '登入失敗次數過多，請於 {retryAfterMinutes} 分鐘後再試。',
    en: 'Too many failed logins; please try again in {retryAfterMinutes} minutes.',
  },
  ACCOUNT_SUSPENDED: { 'zh-TW': '此帳號已停用，請洽 ISRC 管理中心。', en: 'This account is suspended; please contact the ISRC centre.' },
  API_TOKEN_INVALID: {
    'zh-TW': 'API 權杖無效，請確認權杖是否完整，或建立新的權杖。',
    en: 'The API token is not valid; check that it was copied whole, or create a new one.',
  },
  API_TOKEN_REVOKED: { 'zh-TW': '這個 API 權杖已撤銷，請建立新的權杖。', en: 'This API token has been revoked; please create a new one.' },
  API_TOKEN_EXPIRED: { 'zh-TW': '這個 API 權杖已過期，請建立新的權杖。', en: 'This API token has expired; please create a new one.' },
  API_TOKEN_LIMIT: {
    'zh-TW': '每位使用者最多可有 {max} 個 API 權杖，請先撤銷不再使用的權杖。',
    en: 'You can hold at most {max} API tokens; please revoke one you no longer use.',
  },
  SESSION_REQUIRED: {
    'zh-TW': '這項操作須登入網站後進行，API 權杖無法執行。',
    en: 'This needs a signed-in session; an API token cannot do it. Please sign in to the website instead.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    'zh-TW': '這個 Idempotency-Key 已用於另一個請求，請為新的請求使用新的金鑰。',
    en: 'This Idempotency-Key was used for a different request; use a new key for a new request.',
  },
  IDEMPOTENCY_KEY_IN_PROGRESS: {
    'zh-TW': '使用這個 Idempotency-Key 的請求仍在處理中，請稍後再試。',
    en: 'A request with this Idempotency-Key is still being processed; please try again shortly.',
  },
  PASSWORD_INCORRECT: { 'zh-TW': '目前的密碼不正確。', en: 'The current password is wrong.' },
  PASSWORD_TOO_WEAK: {
    'zh-TW': '密碼至少需要 {minLength} 個字元；可用一句好記的長句。',
    en: 'The password needs at least {minLength} characters; a long phrase you can remember works well.',
  },
  PASSWORD_TOO_COMMON: {
    'zh-TW': '這個密碼太常見，容易被猜中，請換一個。',
    en: 'This password is too common and easily guessed; please choose another.',
  },
  PASSWORD_CONTAINS_LOGIN_NAME: {
    'zh-TW': '密碼不可包含帳號名稱，請換一個。',
    en: 'The password must not contain the login name; please choose another.',
  },
  CROSS_SITE_REQUEST: {
    'zh-TW': '這個請求來自其他網站，為保護您的帳號已拒絕。請直接在本系統的頁面上操作。',
    en: 'This request came from another website and was refused to protect your account. Please use this system’s own pages.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    'zh-TW': '請先修改密碼，再使用系統的其他功能。',
    en: 'Please change your password before using anything else.',
  },
  APPLICATION_PENDING: {
    'zh-TW': '您的登記者代碼申請尚在審核中，核准後即可使用系統的其他功能。',
    en: 'Your registrant code application is still being reviewed; the rest of the system opens once it is approved.',
  },
  APPLICATION_ALREADY_DECIDED: {
    'zh-TW': '這筆登記者代碼申請已經審核過了，請重新整理頁面。',
    en: 'This registrant code application has already been decided; please reload the page.',
  },
  APPLICATION_NOT_REJECTED: {
    'zh-TW': '申請未獲核准時才能重新申請；您的申請目前尚在審核中或已核准，請重新整理頁面。',
    en: 'You can apply again only after an application was rejected; yours is still being reviewed or was approved. Please reload the page.',
  },
  APPLICATION_THROTTLED: {
    'zh-TW': '此網路位址近期送出的申請過多，請於 {retryAfterMinutes} 分鐘後再試，或洽 ISRC 管理中心。',
    en: 'Too many applications from this address recently; please try again in {retryAfterMinutes} minutes or contact the ISRC centre.',
  },
  RATE_LIMITED: {
    'zh-TW': '查詢次數過多，請於 {retryAfterSeconds} 秒後再試。',
    en: 'Too many searches; please try again in {retryAfterSeconds} seconds.',
  },
  LOGIN_NAME_TAKEN: { 'zh-TW': '帳號「{loginName}」已有人使用。', en: 'The login name "{loginName}" is taken.' },
  REGISTRANT_CODE_TAKEN: { 'zh-TW': '登記者代碼 {code} 已配發給其他登記者。', en: 'Registrant code {code} is already allocated.' },
  REGISTRANT_CODE_NOT_ALLOWED: {
    'zh-TW': '個人登記者使用管理中心的代碼，不另配發登記者代碼。',
    en: 'Individuals use the agency pool codes and get no registrant code of their own.',
  },
  NO_REGISTRANT_CODE: {
    'zh-TW': '尚無可用的登記者代碼，請洽 ISRC 管理中心。',
    en: 'There is no registrant code to assign under; please contact the ISRC centre.',
  },
  REGISTRANT_CODES_EXHAUSTED: { 'zh-TW': '已無可配發的登記者代碼。', en: 'No registrant code is left to allocate.' },
  ISRC_INVALID: { 'zh-TW': 'ISRC 編號格式錯誤：{reason}', en: 'Malformed ISRC: {reason}' },
  ISRC_TAKEN: { 'zh-TW': 'ISRC {isrc} 已被使用{where}。', en: 'ISRC {isrc} is already in use{where}.' },
  ISRC_NOT_OWN_CODE: {
    'zh-TW': '{ofIsrc}登記者代碼 {registrantCode} 不屬於您的單位。',
    en: 'The registrant code {registrantCode}{ofIsrc} is not yours.',
  },
  ISRC_YEAR_IN_FUTURE: { 'zh-TW': 'ISRC 年份不可晚於今年（{currentYear}）。', en: 'The ISRC year may not be after this year ({currentYear}).' },
  ISRC_YEAR_BEFORE_CODE: {
    'zh-TW': 'ISRC 年份（{year}）早於此登記者代碼的配發年份（{allocatedYear}）；錄製年代碼是編碼當年，除非本專輯為回溯編碼。',
    en: 'The ISRC year ({year}) is before its registrant code was allocated ({allocatedYear}); the year of reference is the year the ISRC is assigned, unless the album is a retroactive assignment.',
  },
  ISRC_JUMP_UNCONFIRMED: {
    'zh-TW': '此編號將跳過 {skipped} 個未使用的資料代碼（下一個可用編號為 {next}）。確定要使用 {isrc} 嗎？',
    en: 'This code skips {skipped} unused designation codes (next available is {next}). Use {isrc} anyway?',
  },
  DESIGNATION_EXHAUSTED: {
    'zh-TW': '登記者代碼 {registrantCode} 在 {year} 年的資料代碼已用盡（尚餘 {available} 個）。',
    en: 'Designation codes for {registrantCode} in {year} are used up ({available} left).',
  },
  ALBUM_NOT_EDITABLE: {
    'zh-TW': '專輯審核中或已通過審核，目前無法修改。',
    en: 'The album is under review or approved and cannot be changed now.',
  },
  ALBUM_NOT_DELETABLE: { 'zh-TW': '只有尚未送出審核的專輯可以刪除。', en: 'Only albums never submitted for review can be deleted.' },
  ALBUM_NOT_APPROVED: { 'zh-TW': '只有已通過審核的專輯可以匯出 {format}。', en: 'Only approved albums can be exported as {format}.' },
  DDEX_TRACKS_INCOMPLETE: {
    'zh-TW': '第 {positions} 首曲目缺少 ISRC 或長度，無法匯出 DDEX。',
    en: 'Tracks {positions} have no ISRC or duration, so the album cannot be exported as DDEX.',
  },
  USED_CODES_EXPORT_TOO_LARGE: {
    'zh-TW': '這一年度的使用編號共 {total} 筆，超過一個檔案可容納的 {max} 筆；請選擇一個登記者代碼後再匯出。',
    en: 'This year has {total} used codes, more than one file holds ({max}); choose one registrant code and export again.',
  },
  MARC_RANGE_TOO_LARGE: {
    'zh-TW': '這段期間通過審核的專輯超過 {max} 張，請縮短日期範圍後再匯出 MARC。',
    en: 'More than {max} albums were approved in this period; please choose fewer days to export as MARC.',
  },
  ALBUM_HAS_TRACKS: {
    'zh-TW': '請先刪除專輯中的 {count} 首曲目，再刪除專輯。',
    en: 'Delete the {count} tracks of this album first, then the album.',
  },
  ALBUM_RETROACTIVE_REQUIRED: {
    'zh-TW': '第 {positions} 首的 ISRC（{isrcs}）年份早於其登記者代碼的配發年份，只能用於回溯編碼專輯：請將本專輯保持為回溯編碼，或先更換這些曲目的 ISRC。',
    en: 'Tracks {positions} have ISRCs ({isrcs}) with a year before their registrant code was allocated, allowed only on a retroactive album: keep the album a retroactive assignment, or change those ISRCs first.',
  },
  ALBUM_INCOMPLETE: {
    'zh-TW': '專輯尚有 {count} 個欄位未完成，請依清單修正後再送出審核。',
    en: '{count} fields are missing or invalid; please correct them and submit again.',
  },
  INVALID_TRANSITION: { 'zh-TW': '專輯目前的狀態無法執行這項操作。', en: "This action is not possible in the album's current status." },
  REVIEW_ALREADY_DECIDED: {
    'zh-TW': '這張專輯的第 {round} 輪送審已於 {decidedAtText} 有審核決定，您的決定未送出。請重新整理頁面查看最新狀態。',
    en: 'Round {round} of this album was already decided at {decidedAtText}; your decision was not applied. Reload the page to see its current state.',
  },
  RECORDING_CITED_READONLY: {
    'zh-TW': '引用的曲目資料不可在此修改。',
    en: 'A cited recording cannot be changed here.',
  },
  RECORDING_ALREADY_ON_ALBUM: { 'zh-TW': '這首曲目（ISRC {isrc}）已在本專輯中。', en: 'This recording (ISRC {isrc}) is already on this album.' },
  RECORDING_NOT_CITABLE: { 'zh-TW': '只能引用已審核通過的曲目。', en: 'Only approved recordings can be cited.' },
  ALLOCATION_NOT_ALLOWED: {
    'zh-TW': '個人登記者不能自行取號：ISRC 會在「送出審核」時由系統依曲目順序配發。',
    en: 'Individual registrants cannot take ISRCs directly: they are assigned in track order when the album is submitted for review.',
  },
  ISRC_ASSIGNED_ON_SUBMISSION: {
    'zh-TW': '個人登記者的 ISRC 編號於送出審核後由系統自動配發。',
    en: "Individuals' ISRCs are assigned by the system on submission.",
  },
  ISRC_NOT_FOREIGN: {
    'zh-TW': 'ISRC {isrc} 使用本國國碼，不是境外錄音的編號；請改用「引用」或編配自己的編號。',
    en: 'ISRC {isrc} uses this country prefix; cite the recording or assign your own code instead.',
  },
  ISRC_FOREIGN_NOT_ABROAD: {
    'zh-TW': '境外錄音 ISRC 只能用於境外製作的錄音：請將「是否為境外作品」選為「是」，或改用本國的 ISRC 編號。',
    en: 'A foreign recording\'s ISRC is only for a recording produced abroad: set "Produced abroad?" to yes, or use an ISRC of this country instead.',
  },
  VERSION_SAME_ISRC: {
    'zh-TW': '新版本（如 Remix）必須使用與原版本不同的 ISRC。',
    en: 'A new version (e.g. a remix) needs an ISRC different from the original.',
  },
  SETTING_INVALID: { 'zh-TW': '設定值無效：{reason}', en: 'Invalid setting: {reason}' },
  DEPOSIT_NOT_DUE: { 'zh-TW': '專輯通過審核後才需送存。', en: 'Deposit is due only once the album is approved.' },
  DEPOSIT_NOT_PHYSICAL: {
    'zh-TW': '數位發行的專輯以影音檔送存，不需寄送實體送存品。',
    en: 'A digital release is deposited as audio files, not as physical copies.',
  },
  DEPOSIT_DATE_OUT_OF_RANGE: {
    'zh-TW': '送存日期 {date} 不在允許範圍內：應介於專輯通過審核日 {earliest} 與今天 {latest} 之間。',
    en: 'The deposit date {date} must fall between the approval date {earliest} and today, {latest}.',
  },
  AUDIO_DEPOSIT_NOT_DIGITAL: {
    'zh-TW': '影音檔送存只適用於數位發行的專輯；實體發行的專輯請寄送送存品。',
    en: 'Audio deposit is for digital releases; a physical release is deposited by sending copies.',
  },
  AUDIO_DEPOSIT_MISSING_AUDIO: {
    'zh-TW': '尚有 {count} 首曲目未上傳影音檔，請全部上傳後再送存。',
    en: '{count} track(s) have no audio file yet; upload every track before depositing.',
  },
  AUDIO_DEPOSIT_EXISTS: { 'zh-TW': '這張專輯已完成影音檔送存，不需再次送存。', en: "This album's audio has already been deposited." },
  AUDIO_DEPOSIT_OBJECT_MISSING: {
    'zh-TW': '送存的影音檔已不在儲存空間中（{isrcs}），無法產生 BagIt 封包；請執行保存檢核並通知系統管理者。',
    en: 'A deposited audio file is missing from storage ({isrcs}), so no BagIt bag can be made; run a fixity check and tell the administrator.',
  },
  FIXITY_RUN_RUNNING: {
    'zh-TW': '保存檢核正在進行中，請等候這次檢核完成後再開始。',
    en: 'A fixity check is already running; wait for it to finish before starting another.',
  },
  CHANGE_REQUEST_PENDING: {
    'zh-TW': '已有一份待審核的出版者資料異動申請；請等候審核結果，或先撤回後再重新申請。',
    en: 'A data change request is already pending; wait for the decision or withdraw it first.',
  },
  CHANGE_REQUEST_DECIDED: { 'zh-TW': '這份異動申請已審核完畢，不能再變更。', en: 'This change request has been decided and can no longer be changed.' },
  CHANGE_REQUEST_WITHDRAWN: {
    'zh-TW': '這份異動申請已由登記者撤回，不能再變更或審核。',
    en: 'This change request was withdrawn by the registrant and can no longer be changed or decided.',
  },
  CHANGE_REQUEST_UNCHANGED: { 'zh-TW': '新資料與目前的資料相同，請修改或取消勾選這些欄位。', en: 'A new value equals the current one; change it or untick the field.' },
  CHANGE_REQUEST_STALE: {
    'zh-TW': '登記者資料在申請送出後已有變動，申請中的「異動前」資料已非現況，請重新確認後再審核。',
    en: "The registrant's data changed after this request was made: its 'before' values are out of date. Please re-check before deciding.",
  },
  FILE_MISSING: { 'zh-TW': '請選擇要上傳的檔案（PDF、JPG 或 PNG，5 MB 以內）。', en: 'Choose a file to upload (PDF, JPG or PNG, up to 5 MB).' },
  FILE_TYPE_NOT_ALLOWED: {
    'zh-TW': '檔案格式不符：僅接受 PDF、JPG 或 PNG 檔（依檔案內容判斷，更改副檔名無效）。',
    en: 'Wrong file type: only PDF, JPG or PNG files are accepted (judged by the content, not the file name).',
  },
  ATTACHMENT_UNREADABLE: {
    'zh-TW': '無法讀取這個檔案：檔案可能已損毀、不完整或解析度過高（上限 5,000 萬像素），請重新掃描或匯出後再上傳。',
    en: 'This file cannot be read: it may be damaged, incomplete or too large in pixels (limit 50 megapixels). Please scan or export it again and upload it.',
  },
  ATTACHMENT_HAS_SCRIPT: {
    'zh-TW': '這個 PDF 檔含有程式碼（JavaScript），基於安全無法接受；請改存為一般 PDF 或上傳掃描圖檔（JPG、PNG）。',
    en: 'This PDF contains JavaScript and cannot be accepted for safety reasons. Please save it as a plain PDF or upload a scanned image (JPG, PNG).',
  },
  ATTACHMENT_HAS_EMBEDDED_CONTENT: {
    'zh-TW':
      '這個 PDF 檔內含其他檔案、多媒體，或開啟外部程式、開啟其他文件、傳送或匯入表單資料的動作，基於安全無法接受；請改存為一般 PDF（例如以「列印」另存為 PDF）或上傳掃描圖檔（JPG、PNG）。',
    en: 'This PDF contains other files, media or an action that starts a program, opens another document, or sends or imports form data, and cannot be accepted for safety reasons. Please save it as a plain PDF (for example by printing it to PDF) or upload a scanned image (JPG, PNG).',
  },
  ATTACHMENT_DYNAMIC_FORM: {
    'zh-TW': '這個 PDF 檔是動態表單（XFA），多數閱讀程式無法正確顯示，其中的程式碼也無法檢查；請以「列印」另存為一般 PDF，或上傳用印後紙本的掃描檔（PDF、JPG、PNG）。',
    en: 'This PDF is a dynamic (XFA) form: most readers cannot show it and its scripts cannot be checked. Please print it to a plain PDF, or upload a scan of the stamped paper (PDF, JPG, PNG).',
  },
  ATTACHMENT_ENCRYPTED: {
    'zh-TW': '這個 PDF 檔已加密（設有開啟密碼，或限制列印、複製等權限），系統無法檢查其內容；請另存為未加密、沒有任何密碼或權限限制的 PDF 後再上傳。',
    en: 'This PDF is encrypted (with a password to open it, or restrictions on printing or copying), so its content cannot be checked. Please save a copy without any password or restrictions and upload it again.',
  },
  ATTACHMENT_FORMAT_NOT_ALLOWED: {
    'zh-TW': '這是 {format} 檔，本系統不接受：僅接受 PDF、JPG 或 PNG 檔（依檔案內容判斷，更改副檔名無效）。請轉存為其中一種格式後再上傳；多頁的掃描請存成 PDF。',
    en: 'This is a {format} file, which is not accepted: only PDF, JPG or PNG files are (judged by the content, not the file name). Please convert it to one of these and upload it again; save a multi-page scan as PDF.',
  },
  IMPORT_FILE_MISSING: { 'zh-TW': '請選擇要匯入的 Excel 檔（.xlsx）。', en: 'Choose the Excel file (.xlsx) to import.' },
  IMPORT_FILE_REFUSED: { 'zh-TW': '無法匯入這個檔案：{reasonZh}', en: 'This file cannot be imported: {reasonEn}' },
  IMPORT_HAS_ERRORS: {
    'zh-TW': '預覽資料中有 {errorCount} 個錯誤，無法匯入；請修正檔案後重新上傳。',
    en: 'The preview lists {errorCount} errors, so nothing can be imported; correct the file and upload it again.',
  },
  IMPORT_PREVIEW_EXPIRED: { 'zh-TW': '這份預覽資料已逾時，請重新上傳檔案。', en: 'This preview has expired; please upload the file again.' },
  IMPORT_BUSY: {
    'zh-TW': '此刻同時讀取的匯入檔過多，請於 {retryAfterSeconds} 秒後再上傳；沒有寫入任何資料。',
    en: 'Too many import files are being read at this moment; upload again in {retryAfterSeconds} seconds. Nothing was written.',
  },
  IMPORT_IN_PROGRESS: {
    'zh-TW': '您有另一個匯入檔正在讀取（可能在另一個視窗），請等它的預覽資料出現後再上傳。',
    en: 'Another import file of yours is being read (perhaps in another window); wait for its preview before uploading again.',
  },
  COVER_FILE_MISSING: { 'zh-TW': '請選擇專輯封面圖檔（JPG、PNG 或 GIF，5 MB 以內）。', en: 'Choose a cover image (JPG, PNG or GIF, up to 5 MB).' },
  COVER_TOO_LARGE: {
    'zh-TW': '專輯封面檔案過大：上限為 5 MB，請縮小或壓縮圖片後再上傳。',
    en: 'The cover image is too large: the limit is 5 MB. Please make it smaller or compress it and upload it again.',
  },
  COVER_TYPE_NOT_ALLOWED: {
    'zh-TW': '專輯封面僅接受 JPG、PNG 或 GIF 圖檔（依檔案內容判斷，更改副檔名無效）。',
    en: 'A cover must be a JPG, PNG or GIF image (judged by the content, not the file name).',
  },
  COVER_FORMAT_NOT_ALLOWED: {
    'zh-TW': '這是 {format} 圖檔，專輯封面僅接受 JPG、PNG 或 GIF 圖檔（依檔案內容判斷，更改副檔名無效）；請轉存為 JPG 或 PNG 後再上傳。',
    en: 'This is a {format} image: a cover must be a JPG, PNG or GIF image (judged by the content, not the file name). Please save it as JPG or PNG and upload it again.',
  },
  COVER_IMAGE_UNREADABLE: {
    'zh-TW': '無法讀取這張圖片：檔案可能已損毀或不完整，請重新匯出圖片後再上傳。',
    en: 'This image cannot be read: the file may be damaged or incomplete. Please export it again and upload it.',
  },
  COVER_IMAGE_TOO_LARGE: {
    'zh-TW': '圖片尺寸過大（{width} × {height} 像素），上限為 5,000 萬像素，請縮小尺寸後再上傳。',
    en: 'The image is too large ({width} × {height} pixels); the limit is 50 megapixels. Please make it smaller and upload it again.',
  },
  COVER_LOCKED: {
    'zh-TW': '專輯已通過審核，專輯封面已鎖定，無法更換或移除。',
    en: 'The album is approved: its cover is locked and cannot be replaced or removed.',
  },
  AUDIO_FILE_MISSING: { 'zh-TW': '請選擇要上傳的音檔（MP3、WAV 或 MP4，500 MB 以內）。', en: 'Choose an audio file to upload (MP3, WAV or MP4, up to 500 MB).' },
  AUDIO_FILE_NAME_INVALID: {
    'zh-TW': '「{fileName}」的副檔名不符：影音檔僅接受 .mp3、.wav 或 .mp4。{hint}',
    en: '"{fileName}" has the wrong extension: audio files must end in .mp3, .wav or .mp4.{hint}',
  },
  AUDIO_FILE_NAME_NOT_ISRC: {
    'zh-TW': '「{fileName}」的檔名不是 ISRC：批次上傳的檔名須為曲目的 ISRC 加副檔名，例如 TW-A12-26-00001.mp3。',
    en: '"{fileName}" is not named by an ISRC: batch uploads must be named by the track\'s ISRC plus the extension, e.g. TW-A12-26-00001.mp3.',
  },
  AUDIO_NO_MATCHING_TRACK: {
    'zh-TW': '這張專輯沒有 ISRC 為 {isrc} 的曲目，檔案未儲存。',
    en: 'This album has no track with the ISRC {isrc}; the file was not stored.',
  },
  AUDIO_DUPLICATE_IN_BATCH: {
    'zh-TW': '這一批已有另一個 ISRC 為 {isrc} 的檔案，這個檔案未儲存。',
    en: 'This batch already has another file for the ISRC {isrc}; this one was not stored.',
  },
  AUDIO_REFUSED: {
    'zh-TW': '{reason}檔案未儲存。',
    en: '{reason} The file was not stored.',
  },
  AUDIO_TOO_LARGE: {
    'zh-TW': '影音檔過大：上限為 {limitMb} MB，檔案未儲存。',
    en: 'The audio file is too large: the limit is {limitMb} MB. It was not stored.',
  },
  AUDIO_BATCH_TOO_MANY_FILES: {
    'zh-TW': '批次上傳一次最多 {max} 個檔案：第 {max} 個之後的檔案未讀取、未儲存，請分批再上傳。',
    en: 'A batch may hold at most {max} files: the files after the {max}th were not read or stored. Please upload them in another batch.',
  },
  AUDIO_LOCKED: {
    'zh-TW': '專輯已通過審核，已上傳的影音檔不可更換或刪除；如需更正，請洽 ISRC 管理中心。',
    en: 'The album is approved: an uploaded audio file cannot be replaced or deleted. To correct it, please contact the ISRC centre.',
  },
  AUDIO_DEPOSITED: {
    'zh-TW': '這張專輯的影音檔已送存，影音檔不可再上傳、更換或刪除。',
    en: "This album's audio has been deposited: its audio files can no longer be uploaded, replaced or deleted.",
  },
  UPLOAD_LENGTH_REQUIRED: {
    'zh-TW': '續傳上傳須先告知檔案大小（Upload-Length）。',
    en: 'A resumable upload must state the file size when it is created (Upload-Length).',
  },
  UPLOAD_LENGTH_EXCEEDED: {
    'zh-TW': '續傳上傳送出的資料超過建立時告知的檔案大小（Upload-Length），超出的部分未寫入；請查詢目前進度後，只續傳其餘的部分。',
    en: 'The resumable upload sent more bytes than the file size it declared (Upload-Length); nothing past that size was written. Check the progress and send only the rest.',
  },
  UPLOAD_PROTOCOL_ERROR: {
    'zh-TW': '續傳上傳的請求不符合 tus 協定（{tus}）。',
    en: 'The resumable upload request does not follow the tus protocol ({tus}).',
  },
  UPLOAD_CONFLICT: {
    'zh-TW': '續傳位置已過時，或另一個連線正在上傳這個檔案；請查詢目前進度後再續傳。',
    en: 'The upload offset is out of date, or another connection is sending this file; check the progress and resume from there.',
  },
  UPLOAD_TOO_MANY: {
    'zh-TW': '您未完成的上傳已有 {max} 個；請先完成或取消其中一些，再開始新的上傳。',
    en: 'You already have {max} unfinished uploads; finish or cancel some before starting another.',
  },
  FILE_EMPTY: {
    'zh-TW': '上傳的檔案是空的（0 位元組），請確認選的是正確的檔案後再上傳。',
    en: 'The uploaded file is empty (0 bytes); check that you chose the right file and upload it again.',
  },
  UPLOADS_BUSY: {
    'zh-TW': '此刻同時寫入的上傳過多，請於 {retryAfterSeconds} 秒後再續傳；已傳送的部分不會遺失。',
    en: 'Too many uploads are being written at this moment; resume in {retryAfterSeconds} seconds. What was sent is kept.',
  },
  DATABASE_UNAVAILABLE: { 'zh-TW': '資料庫暫時無法連線，請稍後再試。', en: 'The database is unavailable for the moment; please try again shortly.' },
  INTERNAL: { 'zh-TW': '系統發生錯誤，請稍後再試。', en: 'Something went wrong; please try again later.' },
};
