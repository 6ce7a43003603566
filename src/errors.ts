/**
 * One error type with stable machine codes. Every 4xx the API sends is an AppError; its code never changes
 * once published, so integrations can branch on it. Messages are Vietnamese first, English second.
 */
export type ErrorCode = keyof typeof ERRORS;

interface ErrorSpec {
  status: number;
  vi: string;
  en: string;
}

export const ERRORS = {
  VALIDATION_FAILED: { status: 400, vi: "Dữ liệu gửi lên không hợp lệ.", en: "The request data is invalid." },
  INVALID_JSON: { status: 400, vi: "Nội dung JSON không đúng cú pháp.", en: "The JSON body is malformed." },
  INVALID_UTF8: {
    status: 400,
    vi: "Nội dung không phải văn bản UTF-8 hợp lệ.",
    en: "The body is not valid UTF-8 text.",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: "Kiểu nội dung không được hỗ trợ.",
    en: "The content type is not supported.",
  },
  URI_TOO_LONG: { status: 414, vi: "Địa chỉ yêu cầu quá dài.", en: "The request address is too long." },
  INVALID_UNICODE: {
    status: 400,
    vi: "Nội dung chứa ký tự Unicode không hợp lệ (nửa cặp thay thế UTF-16 đứng lẻ).",
    en: "The body holds an invalid Unicode character (a lone UTF-16 surrogate).",
  },
  BAD_URL: { status: 400, vi: "Địa chỉ yêu cầu không hợp lệ.", en: "The request address is malformed." },
  MALFORMED_REQUEST: { status: 400, vi: "Yêu cầu HTTP không hợp lệ.", en: "The HTTP request is malformed." },
  HEADERS_TOO_LARGE: {
    status: 431,
    vi: "Địa chỉ hoặc phần đầu yêu cầu quá dài.",
    en: "The request address or headers are too large.",
  },
  REQUEST_TIMEOUT: {
    status: 408,
    vi: "Yêu cầu gửi đến quá chậm.",
    en: "The request took too long to arrive.",
  },
  PAYLOAD_TOO_LARGE: { status: 413, vi: "Nội dung gửi lên quá lớn.", en: "The request body is too large." },
  UNAUTHENTICATED: {
    status: 401,
    vi: "Bạn cần đăng nhập để thực hiện thao tác này.",
    en: "You must sign in to do this.",
  },
  INVALID_CREDENTIALS: {
    status: 401,
    vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
    en: "The username or password is incorrect.",
  },
  TOTP_REQUIRED: {
    status: 401,
    vi: "Cần nhập mã xác thực hai lớp.",
    en: "A two-factor authentication code is required.",
  },
  TOTP_INVALID: {
    status: 401,
    vi: "Mã xác thực hai lớp không đúng.",
    en: "The two-factor code is incorrect.",
  },
  ACCOUNT_LOCKED: {
    status: 429,
    vi: "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau.",
    en: "Too many failed sign-ins. Please try again later.",
  },
  RATE_LIMITED: {
    status: 429,
    vi: "Quá nhiều yêu cầu. Vui lòng thử lại sau.",
    en: "Too many requests. Please try again later.",
  },
  CSRF_INVALID: {
    status: 403,
    vi: "Mã chống giả mạo yêu cầu (CSRF) không hợp lệ. Hãy tải lại trang.",
    en: "The anti-forgery (CSRF) token is invalid. Reload the page.",
  },
  FORBIDDEN: {
    status: 403,
    vi: "Bạn không có quyền thực hiện thao tác này.",
    en: "You are not allowed to do this.",
  },
  NOT_FOUND: { status: 404, vi: "Không tìm thấy.", en: "Not found." },
  ROUTE_NOT_FOUND: { status: 404, vi: "Không có địa chỉ này.", en: "No such route." },
  METHOD_NOT_ALLOWED: { status: 405, vi: "Phương thức không được hỗ trợ.", en: "Method not allowed." },
  CONFLICT: {
    status: 409,
    vi: "Dữ liệu đã bị người khác thay đổi. Hãy tải lại và thử lại.",
    en: "Someone else changed this record. Reload and try again.",
  },
  DUPLICATE: { status: 409, vi: "Bản ghi đã tồn tại.", en: "The record already exists." },
  UNIT_CODE_TAKEN: {
    status: 409,
    vi: "Mã định danh đơn vị đã được sử dụng.",
    en: "The unit identifier code is already in use.",
  },
  USERNAME_TAKEN: {
    status: 409,
    vi: "Tên đăng nhập đã được sử dụng.",
    en: "The username is already in use.",
  },
  UNIT_MOVE_CYCLE: {
    status: 422,
    vi: "Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.",
    en: "A unit cannot be moved under itself or one of its descendants.",
  },
  UNIT_INACTIVE: { status: 422, vi: "Đơn vị đã ngừng hoạt động.", en: "The unit is deactivated." },
  UNIT_HAS_ACTIVE_CHILDREN: {
    status: 422,
    vi: "Đơn vị còn đơn vị cấp dưới đang hoạt động.",
    en: "The unit still has active child units.",
  },
  WEAK_PASSWORD: {
    status: 422,
    vi: "Mật khẩu phải có ít nhất 10 ký tự, gồm chữ và số.",
    en: "The password needs at least 10 characters with letters and digits.",
  },
  WRONG_PASSWORD: {
    status: 422,
    vi: "Mật khẩu hiện tại không đúng.",
    en: "The current password is incorrect.",
  },
  UNKNOWN_UNIT: { status: 400, vi: "Không có đơn vị với mã này.", en: "No unit has this code." },
  INVALID_STATE: {
    status: 409,
    vi: "Thao tác không hợp lệ ở trạng thái hiện tại.",
    en: "This action is not allowed in the current state.",
  },
  UPLOAD_EMPTY: { status: 400, vi: "Tệp tải lên rỗng.", en: "The uploaded file is empty." },
  UPLOAD_TOO_LARGE: {
    status: 413,
    vi: "Tệp tải lên vượt quá dung lượng cho phép.",
    en: "The uploaded file is too large.",
  },
  UPLOAD_TYPE_NOT_ALLOWED: {
    status: 415,
    vi: "Loại tệp không được chấp nhận. Chỉ nhận các loại tệp được liệt kê.",
    en: "This type of file is not accepted. Only the listed types are.",
  },
  UPLOAD_TYPE_MISMATCH: {
    status: 415,
    vi: "Nội dung tệp không khớp với loại tệp đã khai báo.",
    en: "The file's content does not match its declared type.",
  },
  UPLOAD_PDF_ACTIVE_CONTENT: {
    status: 422,
    vi: "Tệp PDF chứa mã lệnh, tệp đính kèm hoặc hành động tự động nên không được chấp nhận.",
    en: "The PDF contains scripts, attachments or automatic actions and is refused.",
  },
  UPLOAD_PDF_ENCRYPTED: {
    status: 422,
    vi: "Tệp PDF được mã hóa; hãy gửi bản không đặt mật khẩu.",
    en: "The PDF is encrypted; send a copy without a password.",
  },
  UPLOAD_POLYGLOT: {
    status: 422,
    vi: "Tệp chứa dữ liệu khác ngoài nội dung của nó nên không được chấp nhận.",
    en: "The file carries data besides its own content and is refused.",
  },
  UPLOAD_ARCHIVE_REFUSED: {
    status: 422,
    vi: "Tệp nén có kích thước giải nén hoặc số thành phần vượt giới hạn.",
    en: "The archive would expand beyond the allowed size or number of entries.",
  },
  UPLOAD_CORRUPT: {
    status: 422,
    vi: "Tệp bị hỏng hoặc không đọc được.",
    en: "The file is damaged or unreadable.",
  },
  PROCEDURE_INVALID: {
    status: 422,
    vi: "Thủ tục hành chính chưa hợp lệ: xem danh sách lỗi.",
    en: "The procedure is not valid: see the list of issues.",
  },
  PROCEDURE_SLUG_TAKEN: {
    status: 409,
    vi: "Mã định danh thủ tục đã được sử dụng.",
    en: "The procedure identifier is already in use.",
  },
  PROCEDURE_CODE_TAKEN: {
    status: 409,
    vi: "Mã thủ tục hành chính đã thuộc về thủ tục khác.",
    en: "The national procedure code belongs to another procedure.",
  },
  VERSION_DATE_ORDER: {
    status: 422,
    vi: "Ngày hiệu lực của phiên bản mới không được trước ngày hiệu lực của phiên bản mới nhất.",
    en: "A new version cannot take effect before the latest version does.",
  },
  UNKNOWN_CASE: {
    status: 400,
    vi: "Thủ tục không có trường hợp này.",
    en: "The procedure has no such case.",
  },
  FEE_PAGES_REQUIRED: {
    status: 422,
    vi: "Cần nhập số trang của bản chính để tính phí.",
    en: "The number of pages of the original is needed to compute this fee.",
  },
  OFFERING_EXISTS: {
    status: 409,
    vi: "Đơn vị đã niêm yết thủ tục này.",
    en: "The unit already offers this procedure.",
  },
  OFFERING_INVALID: {
    status: 422,
    vi: "Nội dung bổ sung của địa phương chưa hợp lệ.",
    en: "The local additions are not valid.",
  },
  IMPORT_INVALID: {
    status: 422,
    vi: "Tệp có lỗi nên không thủ tục nào được nhập.",
    en: "The file has errors, so nothing was imported.",
  },
  FILE_TYPE_MISMATCH: {
    status: 415,
    vi: "Nội dung tệp không đúng định dạng đã chọn.",
    en: "The file content does not match the chosen format.",
  },
  // Working-day calendar: the codes of CalendarInputError (src/domain/calendar/errors.ts), one for one.
  INVALID_DATE: { status: 400, vi: "Ngày không hợp lệ.", en: "The date is invalid." },
  INVALID_INSTANT: { status: 400, vi: "Thời điểm không hợp lệ.", en: "The instant is invalid." },
  INVALID_TIME: { status: 400, vi: "Giờ không hợp lệ.", en: "The time of day is invalid." },
  YEAR_OUT_OF_RANGE: {
    status: 400,
    vi: "Năm nằm ngoài phạm vi hỗ trợ.",
    en: "The year is outside the supported range.",
  },
  DATE_OUT_OF_RANGE: {
    status: 400,
    vi: "Ngày nằm ngoài phạm vi hỗ trợ.",
    en: "The date is outside the supported range.",
  },
  DURATION_OUT_OF_RANGE: {
    status: 400,
    vi: "Thời hạn phải là số không âm và không quá lớn.",
    en: "The duration must be non-negative and not absurdly large.",
  },
  INVALID_SHARES: {
    status: 400,
    vi: "Tỷ lệ phân chia thời hạn không hợp lệ.",
    en: "The deadline shares are invalid.",
  },
  INVALID_SCHEDULE: {
    status: 422,
    vi: "Lịch làm việc không hợp lệ.",
    en: "The working schedule is invalid.",
  },
  INVALID_DECISION: {
    status: 422,
    vi: "Quyết định về ngày nghỉ không hợp lệ.",
    en: "The holiday decision is invalid.",
  },
  INVALID_LUNAR_DATE: { status: 400, vi: "Ngày âm lịch không tồn tại.", en: "No such lunar date." },
  // Digital signatures: the codes the signing library (src/signing) throws, as 4xx
  // (TSA_FAILED is the upstream timestamp authority failing: 503, worth retrying); then the HTTP layer's own.
  WRONG_P12_PASSWORD: {
    status: 422,
    vi: "Mật khẩu của chứng thư số (tệp PKCS#12) không đúng.",
    en: "The PKCS#12 password is wrong.",
  },
  P12_INVALID: {
    status: 400,
    vi: "Tệp không phải chứng thư số PKCS#12 (.p12, .pfx) hợp lệ.",
    en: "The file is not a valid PKCS#12 keystore (.p12, .pfx).",
  },
  P12_UNSUPPORTED: {
    status: 422,
    vi: "Tệp PKCS#12 dùng thuật toán mã hóa cũ không được hỗ trợ. Hãy xuất lại với AES-256.",
    en: "The PKCS#12 file uses an unsupported legacy cipher. Export it again with AES-256.",
  },
  P12_NO_KEY: {
    status: 422,
    vi: "Tệp PKCS#12 không chứa khóa bí mật cùng chứng thư tương ứng.",
    en: "The PKCS#12 file has no private key with a matching certificate.",
  },
  KEY_UNSUPPORTED: {
    status: 422,
    vi: "Loại khóa không được hỗ trợ (chỉ RSA và ECDSA).",
    en: "The key type is not supported (RSA and ECDSA only).",
  },
  CERT_EXPIRED: { status: 422, vi: "Chứng thư số đã hết hạn.", en: "The certificate has expired." },
  CERT_NOT_YET_VALID: {
    status: 422,
    vi: "Chứng thư số chưa đến thời điểm có hiệu lực.",
    en: "The certificate is not valid yet.",
  },
  CERT_KEY_USAGE: {
    status: 422,
    vi: "Chứng thư số không được phép dùng để ký số (thiếu mục đích sử dụng digitalSignature/nonRepudiation).",
    en: "The certificate may not be used for signing (no digitalSignature/nonRepudiation key usage).",
  },
  STORED_KEY_MISMATCH: {
    status: 409,
    vi: "Chứng thư số này được lưu bằng khóa bảo vệ khác của máy chủ. Hãy tải lên lại tệp PKCS#12.",
    en: "This credential was sealed with another server secret. Upload the PKCS#12 file again.",
  },
  STORED_KEY_INVALID: {
    status: 409,
    vi: "Dữ liệu chứng thư số đã lưu bị hỏng. Hãy tải lên lại tệp PKCS#12.",
    en: "The stored credential is damaged. Upload the PKCS#12 file again.",
  },
  PDF_INVALID: { status: 400, vi: "Tệp không phải PDF hợp lệ.", en: "The file is not a valid PDF." },
  PDF_ENCRYPTED: {
    status: 422,
    vi: "Không ký được tệp PDF đã mã hóa.",
    en: "Encrypted PDFs cannot be signed.",
  },
  PDF_NOT_INCREMENTAL: {
    status: 422,
    vi: "Không thể ghi bổ sung vào tệp PDF này mà không làm hỏng chữ ký trước.",
    en: "This PDF cannot be updated incrementally without breaking earlier signatures.",
  },
  PAGE_OUT_OF_RANGE: {
    status: 422,
    vi: "Trang đặt chữ ký không tồn tại.",
    en: "The page for the signature does not exist.",
  },
  FIELD_EXISTS: {
    status: 409,
    vi: "Đã có trường chữ ký cùng tên.",
    en: "A signature field with this name already exists.",
  },
  IMAGE_INVALID: {
    status: 400,
    vi: "Ảnh con dấu/chữ ký phải là tệp PNG hợp lệ.",
    en: "The seal or signature image must be a valid PNG file.",
  },
  SIGNATURE_MISMATCH: {
    status: 422,
    vi: "Chữ ký trả về không khớp với chứng thư số hoặc dữ liệu cần ký.",
    en: "The returned signature does not match the certificate or the data to be signed.",
  },
  CMS_INVALID: {
    status: 422,
    vi: "Gói chữ ký CMS trả về không hợp lệ hoặc không khớp với tài liệu.",
    en: "The returned CMS signature is malformed or does not match the document.",
  },
  SIGNATURE_TOO_LARGE: {
    status: 422,
    vi: "Chữ ký lớn hơn chỗ dành sẵn trong tệp PDF.",
    en: "The signature is larger than the space reserved for it in the PDF.",
  },
  TSA_FAILED: {
    status: 503,
    vi: "Không lấy được dấu thời gian từ máy chủ cấp dấu thời gian. Vui lòng thử lại sau.",
    en: "The timestamp authority did not return a usable timestamp. Please try again later.",
  },
  CERTIFICATE_INVALID: {
    status: 400,
    vi: "Không đọc được chứng thư số X.509 (định dạng PEM hoặc DER).",
    en: "The X.509 certificate cannot be read (PEM or DER).",
  },
  ROOT_NOT_CA: {
    status: 422,
    vi: "Chứng thư này không phải chứng thư của tổ chức cung cấp dịch vụ chứng thực (CA) nên không thể làm gốc tin cậy.",
    en: "This certificate is not a certification authority's, so it cannot be a trusted root.",
  },
  TEST_PKI_REFUSED: {
    status: 422,
    vi: "Chứng thư số thử nghiệm của motcua chỉ được dùng ở chế độ trình diễn.",
    en: "motcua test PKI certificates may only be used in demo mode.",
  },
  CREDENTIAL_REVOKED: {
    status: 409,
    vi: "Chứng thư số này đã bị thu hồi khỏi hệ thống.",
    en: "This signing credential has been revoked.",
  },
  CREDENTIAL_EXTERNAL: {
    status: 422,
    vi: "Khóa bí mật của chứng thư này nằm trên thiết bị ký số (USB token) hoặc dịch vụ ký từ xa: hãy ký bằng thiết bị.",
    en: "This credential's key is on a token or a remote signing service: use the external signing flow.",
  },
  SIGNING_MODE_MISMATCH: {
    status: 422,
    vi: "Chứng thư số không hợp với hình thức ký: ký cá nhân dùng chứng thư của cá nhân, ký của cơ quan (đóng dấu) dùng chứng thư của cơ quan.",
    en: "The credential does not fit the signing mode: personal signatures use a personal certificate, seals the agency's.",
  },
  SIGNING_SESSION_EXPIRED: {
    status: 410,
    vi: "Phiên ký số đã hết hạn hoặc đã hoàn tất. Hãy bắt đầu ký lại.",
    en: "The signing session has expired or was already completed. Start again.",
  },
  TSA_NOT_CONFIGURED: {
    status: 422,
    vi: "Máy chủ chưa được cấu hình dịch vụ cấp dấu thời gian (SIGNING_TSA_URL).",
    en: "No timestamp authority is configured (SIGNING_TSA_URL).",
  },
  // Dossiers: the refusals of the dossier state machine (src/domain/dossier/errors.ts), one for one, and the
  // desk's own checks.
  EVENT_NOT_ALLOWED: {
    status: 409,
    vi: "Trạng thái hiện tại của hồ sơ không cho phép thao tác này.",
    en: "The dossier's current status does not allow this action.",
  },
  TIME_WENT_BACKWARDS: {
    status: 409,
    vi: "Thời điểm thao tác trước thời điểm cập nhật gần nhất của hồ sơ.",
    en: "The action is dated before the dossier's last change.",
  },
  REASON_REQUIRED: { status: 422, vi: "Phải nêu rõ lý do.", en: "A reason is required." },
  SUPPLEMENT_ITEMS_REQUIRED: {
    status: 422,
    vi: "Phải nêu đầy đủ một lần các nội dung cần bổ sung, hoàn thiện và lý do.",
    en: "Every item to add or correct must be listed at once, each with its reason.",
  },
  SUPPLEMENT_WINDOW_CLOSED: {
    status: 422,
    vi: "Đã quá 03 ngày làm việc kể từ ngày tiếp nhận hồ sơ, không được yêu cầu bổ sung.",
    en: "More than 3 working days have passed since receipt; a supplement can no longer be requested.",
  },
  SUPPLEMENT_ALREADY_REQUESTED: {
    status: 422,
    vi: "Hồ sơ đã được yêu cầu bổ sung; các nội dung phải được yêu cầu đầy đủ một lần.",
    en: "A supplement was already requested; everything must be asked for at once.",
  },
  SUPPLEMENT_NOT_EXPIRED: {
    status: 422,
    vi: "Chưa hết thời hạn 15 ngày kể từ khi yêu cầu bổ sung hồ sơ.",
    en: "The 15 days since the supplement request have not run out.",
  },
  EXTENSION_ALREADY_APPLIED: {
    status: 422,
    vi: "Hồ sơ đã được gia hạn thời hạn giải quyết theo quy định.",
    en: "The legal extension was already applied to this dossier.",
  },
  EXTENSION_TOO_LATE: {
    status: 422,
    vi: "Chỉ được kéo dài thời hạn giải quyết trước khi hết hạn; hồ sơ đã quá hạn phải xin lỗi và hẹn lại.",
    en: "The extension must be applied before the due date; a late dossier needs an apology and a new date.",
  },
  EXTENSION_NOT_LONGER: {
    status: 422,
    vi: "Thời hạn kéo dài phải dài hơn thời hạn giải quyết thông thường.",
    en: "The extended time must be longer than the standard processing time.",
  },
  EXTENSION_NOT_AVAILABLE: {
    status: 422,
    vi: "Thủ tục này không có quy định kéo dài thời hạn giải quyết.",
    en: "This procedure allows no extension of its processing time.",
  },
  APPOINTMENT_ALREADY_MOVED: {
    status: 422,
    vi: "Ngày hẹn trả kết quả chỉ được điều chỉnh một lần.",
    en: "The appointment may be moved only once.",
  },
  APPOINTMENT_NOT_LATER: {
    status: 422,
    vi: "Ngày hẹn mới phải sau ngày hẹn hiện tại.",
    en: "The new appointment must be after the current one.",
  },
  SEND_BACK_NOT_ALLOWED: {
    status: 422,
    vi: "Bước xử lý hiện tại không cho phép trả lại bước trước.",
    en: "The current step does not allow sending the dossier back.",
  },
  NO_NEXT_STEP: {
    status: 422,
    vi: "Đây là bước cuối của quy trình.",
    en: "This is the last step of the workflow.",
  },
  NOT_A_DECISION_STEP: {
    status: 422,
    vi: "Chỉ bước của lãnh đạo mới được phê duyệt hoặc từ chối.",
    en: "Only a leader's step may approve or reject.",
  },
  UNIT_DOES_NOT_OFFER_STEP: {
    status: 422,
    vi: "Đơn vị nhận không thực hiện thủ tục hoặc bước xử lý này nên không thể chuyển liên thông.",
    en: "The receiving unit does not offer this procedure step, so the dossier cannot be transferred to it.",
  },
  WORKFLOW_MISMATCH: {
    status: 409,
    vi: "Bước xử lý của hồ sơ không có trong quy trình.",
    en: "The dossier's step is not in the workflow.",
  },
  INVALID_DURATION: {
    status: 422,
    vi: "Thời hạn giải quyết không hợp lệ.",
    en: "The processing time is invalid.",
  },
  RESULT_INCOMPLETE: {
    status: 422,
    vi: "Thông tin kết quả hoặc việc trả kết quả chưa đầy đủ.",
    en: "The result or its return is missing required information.",
  },
  EXPORT_INTERRUPTED: {
    status: 409,
    vi: "Việc xuất dữ liệu bị gián đoạn (máy chủ khởi động lại). Vui lòng xuất lại.",
    en: "The export was interrupted (the server restarted). Please export again.",
  },
  EXPORT_FAILED: {
    // Stored in the job (the export runs after the request answered), never sent as an HTTP status.
    status: 503,
    vi: "Không xuất được dữ liệu. Vui lòng thử lại sau.",
    en: "The export failed. Please try again later.",
  },
  RESULT_DRAFT_MISSING: {
    status: 422,
    vi: "Hồ sơ chưa có dự thảo kết quả (tệp PDF) để lãnh đạo ký.",
    en: "The dossier has no drafted result (a PDF) for the leader to sign.",
  },
  PROCEDURE_NOT_OFFERED: {
    status: 422,
    vi: "Đơn vị không thực hiện thủ tục này hoặc thủ tục chưa có hiệu lực.",
    en: "The unit does not offer this procedure, or no version of it is in force.",
  },
  DOSSIER_FILE_INVALID: {
    status: 422,
    vi: "Tệp đính kèm không tồn tại hoặc không do đơn vị của bạn tải lên.",
    en: "An attached file does not exist or was not uploaded by your unit.",
  },
  ASSIGNEE_INVALID: {
    status: 422,
    vi: "Người được giao phải là cán bộ đang làm việc của đơn vị, có vai trò của bước xử lý.",
    en: "The assignee must be an active officer of the unit with the step's role.",
  },
  TASK_TAKEN: {
    status: 409,
    vi: "Bước xử lý đã được giao cho người khác.",
    en: "The step is already assigned to someone else.",
  },
  DECIDE_FIRST: {
    status: 422,
    vi: "Bước tiếp theo là ban hành kết quả: hồ sơ phải được phê duyệt hoặc từ chối trước.",
    en: "The next step issues the result: the dossier must be approved or rejected first.",
  },
  TRANSFER_STEP_NOT_LAST: {
    status: 422,
    vi: "Chỉ trả hồ sơ liên thông ở bước cuối của đơn vị nhận; hãy chuyển bước tiếp theo.",
    en: "A transfer is returned from the receiving unit's last step; forward to the next step first.",
  },
  UNIT_CODE_NOT_AGENCY_CODE: {
    status: 422,
    vi: "Mã định danh của đơn vị không đúng quy chuẩn (QCVN 102:2016 hoặc QĐ 20/2020) nên không lập được mã hồ sơ.",
    en: "The unit's identifier is not a valid agency code (QCVN 102:2016 or QĐ 20/2020), so no dossier code can be made.",
  },
  CODE_SEQUENCE_EXHAUSTED: {
    status: 409,
    vi: "Đã hết số thứ tự hồ sơ trong ngày (9999) của cơ quan.",
    en: "The agency's daily dossier sequence (9999) is used up.",
  },
  // ---- citizen accounts (tài khoản công dân) ----
  CITIZEN_CODE_INVALID: {
    status: 422,
    vi: "Mã xác nhận không đúng hoặc không còn hiệu lực.",
    en: "The confirmation code is wrong or no longer valid.",
  },
  CITIZEN_CODE_EXPIRED: {
    status: 422,
    vi: "Mã xác nhận đã hết hạn. Hãy yêu cầu gửi lại mã.",
    en: "The confirmation code has expired. Ask for a new one.",
  },
  CITIZEN_CODE_ATTEMPTS_EXHAUSTED: {
    status: 429,
    vi: "Nhập sai mã xác nhận quá nhiều lần. Hãy yêu cầu gửi lại mã.",
    en: "Too many wrong confirmation codes. Ask for a new one.",
  },
  CITIZEN_NOT_CONFIRMED: {
    status: 403,
    vi: "Tài khoản chưa được xác nhận. Chúng tôi đã gửi mã xác nhận mới.",
    en: "The account is not confirmed yet. A new confirmation code has been sent.",
  },
  CITIZEN_RESET_TOKEN_INVALID: {
    status: 422,
    vi: "Liên kết đặt lại mật khẩu không đúng, đã dùng hoặc đã hết hạn.",
    en: "The password reset link is wrong, already used or expired.",
  },
  CITIZEN_EMAIL_TAKEN: {
    status: 409,
    vi: "Địa chỉ thư điện tử này đã được dùng cho một tài khoản khác.",
    en: "This e-mail address is already used by another account.",
  },
  OIDC_NOT_CONFIGURED: {
    status: 404,
    vi: "Chưa cấu hình đăng nhập qua nhà cung cấp định danh.",
    en: "Sign-in through an identity provider is not configured.",
  },
  OIDC_FAILED: {
    status: 400,
    vi: "Đăng nhập qua nhà cung cấp định danh không thành công. Hãy thử lại.",
    en: "Sign-in through the identity provider failed. Please try again.",
  },
  // Payments of dossier fees (src/modules/payments). PAYMENT_GATEWAY_FAILED is the upstream gateway failing: 503.
  FEE_ALREADY_PAID: {
    status: 409,
    vi: "Phí, lệ phí của hồ sơ này đã được thanh toán; không thu lần thứ hai.",
    en: "This dossier's fee is already paid; it is not charged twice.",
  },
  FEE_NOT_SET: {
    status: 422,
    vi: "Hồ sơ chưa có mức phí, lệ phí được xác định nên chưa thanh toán được.",
    en: "The dossier's fee has not been determined, so it cannot be paid yet.",
  },
  FEE_NOT_DUE: {
    status: 422,
    vi: "Hồ sơ này không phải nộp phí, lệ phí.",
    en: "No fee is due for this dossier.",
  },
  PAYMENT_IN_PROGRESS: {
    status: 409,
    vi: "Đang có một giao dịch thanh toán chưa kết thúc cho hồ sơ này.",
    en: "A payment for this dossier is still in progress.",
  },
  PAYMENT_AMOUNT_MISMATCH: {
    status: 422,
    vi: "Số tiền không khớp với mức phí, lệ phí của hồ sơ.",
    en: "The amount does not match the dossier's fee.",
  },
  PAYMENT_NOT_ALLOWED: {
    status: 422,
    vi: "Hồ sơ đã kết thúc nên không nhận thanh toán.",
    en: "The dossier is closed, so no payment is taken.",
  },
  ONLINE_PAYMENT_DISABLED: {
    status: 422,
    vi: "Thanh toán trực tuyến chưa được cấu hình; vui lòng nộp phí tại Bộ phận Một cửa.",
    en: "Online payment is not configured; please pay at the desk.",
  },
  PAYMENT_NOT_REFUNDABLE: {
    status: 409,
    vi: "Chỉ hoàn tiền cho khoản đã thanh toán và chưa hoàn.",
    en: "Only a paid, not yet refunded payment can be refunded.",
  },
  PAYMENT_NOT_PENDING: {
    status: 409,
    vi: "Giao dịch không còn ở trạng thái chờ thanh toán.",
    en: "The payment is no longer pending.",
  },
  PAYMENT_REFUND_REFUSED: {
    status: 422,
    vi: "Cổng thanh toán từ chối yêu cầu hoàn tiền.",
    en: "The payment gateway refused the refund.",
  },
  PAYMENT_GATEWAY_FAILED: {
    status: 503,
    vi: "Không kết nối được cổng thanh toán hoặc cổng trả lời không hợp lệ. Vui lòng thử lại sau.",
    en: "The payment gateway could not be reached or gave an invalid answer. Please try again later.",
  },
  // ---- online filing (src/modules/portal) ----
  PROCEDURE_NOT_ONLINE: {
    status: 422,
    vi: "Đơn vị này không cung cấp thủ tục này dưới hình thức dịch vụ công trực tuyến.",
    en: "This unit does not offer this procedure online.",
  },
  EFORM_NOT_AVAILABLE: {
    status: 404,
    vi: "Thủ tục này chưa có tờ khai điện tử.",
    en: "This procedure has no e-form yet.",
  },
  EFORM_ANSWERS_INVALID: {
    status: 422,
    vi: "Một số câu trả lời chưa hợp lệ. Hãy sửa các trường được đánh dấu.",
    en: "Some answers are not valid. Correct the fields marked.",
  },
  FILING_INCOMPLETE: {
    status: 422,
    vi: "Hồ sơ chưa đủ để nộp: còn câu trả lời chưa hợp lệ hoặc thiếu thành phần hồ sơ bắt buộc.",
    en: "The dossier cannot be submitted yet: some answers are invalid or required documents are missing.",
  },
  UNKNOWN_COMPONENT: {
    status: 422,
    vi: "Thành phần hồ sơ này không có trong tờ khai của thủ tục.",
    en: "The procedure's e-form has no such document.",
  },
  DRAFT_NOT_EDITABLE: {
    status: 409,
    vi: "Hồ sơ đã nộp, không còn sửa được như bản nháp.",
    en: "The dossier has been submitted and can no longer be edited as a draft.",
  },
  DELIVERY_ADDRESS_REQUIRED: {
    status: 422,
    vi: "Hãy nhập địa chỉ nhận kết quả qua bưu chính.",
    en: "Enter the address for the result by post.",
  },
  RETURN_METHOD_NOT_OFFERED: {
    status: 422,
    vi: "Thủ tục này không trả kết quả theo hình thức đã chọn.",
    en: "This procedure does not return results that way.",
  },
  NO_SUPPLEMENT_REQUESTED: {
    status: 409,
    vi: "Hồ sơ không có yêu cầu bổ sung đang chờ trả lời.",
    en: "The dossier has no supplement request waiting for an answer.",
  },
  SUPPLEMENT_ANSWER_EMPTY: {
    status: 422,
    vi: "Hãy tải lên giấy tờ bổ sung hoặc ghi nội dung giải trình.",
    en: "Upload the missing documents or write an explanation.",
  },
  RATING_NOT_ALLOWED: {
    status: 409,
    vi: "Chỉ đánh giá được sau khi hồ sơ đã có kết quả.",
    en: "A dossier can be rated only after its result.",
  },
  CRITERION_NOT_APPLICABLE: {
    status: 422,
    vi: "Tiêu chí chất lượng dịch vụ công trực tuyến chỉ áp dụng cho hồ sơ nộp trực tuyến.",
    en: "The online service quality criterion applies only to a dossier filed online.",
  },
  ALREADY_RATED: {
    status: 409,
    vi: "Hồ sơ này đã được đánh giá.",
    en: "This dossier has already been rated.",
  },
  NOTIFICATION_NOT_DEAD: {
    status: 409,
    vi: "Chỉ gửi lại được thông báo đã gửi thất bại hẳn.",
    en: "Only a notification that has finally failed can be sent again.",
  },
  NOTIFICATION_BODY_ERASED: {
    status: 409,
    vi: "Nội dung thông báo đã được xoá vì chứa thông tin bí mật nên không gửi lại được.",
    en: "The notification's content was erased because it held a secret, so it cannot be sent again.",
  },
  FEEDBACK_STEP_NOT_ALLOWED: {
    status: 409,
    vi: "Phản ánh, kiến nghị đang ở trạng thái không cho phép bước xử lý này.",
    en: "The feedback's status does not allow this step.",
  },
  FEEDBACK_DUPLICATE: {
    status: 409,
    vi: "Phản ánh, kiến nghị này đã được gửi trong vòng một ngày; cơ quan sẽ trả lời theo mã đã cấp.",
    en: "This feedback was already sent within a day; it will be answered under the code already given.",
  },
  FEEDBACK_REFUSED: {
    status: 400,
    vi: "Không tiếp nhận được phản ánh, kiến nghị này.",
    en: "This feedback cannot be accepted.",
  },
  FEEDBACK_SUBJECT_INCOMPLETE: {
    status: 400,
    vi: "Hãy cho biết thủ tục hoặc mã hồ sơ mà phản ánh, kiến nghị đề cập.",
    en: "Name the procedure or the dossier code the feedback is about.",
  },
  FEEDBACK_STUDY_INCOMPLETE: {
    status: 409,
    vi: "Cần nghiên cứu đủ sáu tiêu chí (Nghị định 20/2008/NĐ-CP, Điều 16) trước khi quyết định.",
    en: "All six criteria (Decree 20/2008, art. 16) must be studied before the decision.",
  },
  FEEDBACK_PERSONAL_DATA: {
    status: 422,
    vi: "Nội dung công khai còn thông tin cá nhân (họ tên, số giấy tờ, điện thoại, địa chỉ, thư điện tử, mã tra cứu).",
    en: "The public text still holds personal data (name, identity number, phone, address, e-mail, lookup secret).",
  },
  FEEDBACK_ALREADY_RATED: {
    status: 409,
    vi: "Câu trả lời này đã được đánh giá.",
    en: "This answer has already been rated.",
  },
  FEEDBACK_HANDLER_INVALID: {
    status: 422,
    vi: "Người được giao xử lý phải là cán bộ đang làm việc của đơn vị.",
    en: "The handler must be an active officer of the unit.",
  },
  FEEDBACK_DUE_DATE_INVALID: {
    status: 422,
    vi: "Hạn trả lời phải là một ngày làm việc, từ hôm nay trở đi.",
    en: "The answer's due date must be a working day, today or later.",
  },
  FEEDBACK_FORWARD_TARGET_INVALID: {
    status: 422,
    vi: "Không chuyển được đến đơn vị này.",
    en: "The feedback cannot be forwarded to this unit.",
  },
  // Failures of the server's footing rather than of the request (src/http/infrastructure-errors.ts): 503 and 507
  // (RFC 4918 §11.5 Insufficient Storage), both sent with Retry-After.
  DATABASE_UNAVAILABLE: {
    status: 503,
    vi: "Tạm thời không kết nối được cơ sở dữ liệu. Yêu cầu có thể chưa được lưu; vui lòng kiểm tra lại và thử lại sau ít giây.",
    en: "The database cannot be reached for the moment. The request may not have been saved; please check and try again in a few seconds.",
  },
  STORAGE_FULL: {
    status: 507,
    vi: "Ổ đĩa lưu dữ liệu của máy chủ đã đầy nên yêu cầu chưa được lưu. Quản trị hệ thống cần giải phóng dung lượng (bản sao lưu cũ, tệp tạm) hoặc mở rộng ổ đĩa, rồi thử lại.",
    en: "The server's data disk is full, so the request was not saved. The system administrator must free space (old backups, temporary files) or enlarge the disk, then try again.",
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    vi: "Bạn cần đổi mật khẩu tạm thời trước khi làm việc khác.",
    en: "Change your temporary password before doing anything else.",
  },
  DEMO_ONLY: {
    status: 404,
    vi: "Chức năng này chỉ có ở chế độ trình diễn.",
    en: "This feature exists only in demo mode.",
  },
  DESK_NOT_SET_UP: {
    status: 404,
    vi: "Đơn vị chưa khai báo Bộ phận Một cửa.",
    en: "The unit has not set up its one-stop desk.",
  },
  DEVICE_REQUIRED: {
    status: 401,
    vi: "Thiết bị chưa được ghép với quầy; hãy nhờ cán bộ nhập mã ghép.",
    en: "This device is not paired with a counter; ask an officer to enter the pairing code.",
  },
  PAIRING_CODE_INVALID: {
    status: 422,
    vi: "Mã ghép thiết bị không đúng hoặc đã hết hạn.",
    en: "The pairing code is wrong or has expired.",
  },
  QUEUE_EMPTY: {
    status: 409,
    vi: "Không còn số thứ tự nào đang chờ mà quầy này tiếp nhận được.",
    en: "No waiting number that this counter can serve.",
  },
  NO_RATING_REQUEST: {
    status: 409,
    vi: "Không có hồ sơ nào đang chờ đánh giá tại quầy này.",
    en: "No dossier is waiting for a rating at this counter.",
  },
  HOLIDAY_DUTY_ON_WORKING_DAY: {
    status: 422,
    vi: "Ngày này là ngày làm việc theo lịch của đơn vị: phân công trực bằng lịch trực hằng tuần, không phải lịch trực ngày nghỉ.",
    en: "This date is a working day in the unit's calendar: duties on it come from the weekly roster, not from holiday duties.",
  },
  ROSTER_CHANGE_INVALID: {
    status: 422,
    vi: "Thay đổi lịch trực không hợp lệ: cán bộ không có ca trực vào buổi này, hoặc người trực thay không thuộc Bộ phận.",
    en: "Invalid roster change: the member has no duty in that session, or the substitute is not a member of the desk.",
  },
  // Documents and work files (NĐ 30/2020/NĐ-CP).
  DOCUMENT_STATE: {
    status: 409,
    vi: "Trạng thái hiện tại của văn bản không cho phép thao tác này.",
    en: "The document's current status does not allow this action.",
  },
  DOCUMENT_RECIPIENT_INVALID: {
    status: 422,
    vi: "Nơi nhận không hợp lệ: đơn vị không tồn tại, không hoạt động hoặc là chính đơn vị gửi.",
    en: "A recipient is invalid: the unit does not exist, is inactive or is the sending unit itself.",
  },
  DOCUMENT_PERSON_INVALID: {
    status: 422,
    vi: "Người được chọn không thuộc đơn vị hoặc không có vai trò phù hợp.",
    en: "A chosen person is not of the unit or does not have a fitting role.",
  },
  DOCUMENT_NO_RECIPIENTS: {
    status: 422,
    vi: "Văn bản chưa có nơi nhận.",
    en: "The document has no recipients.",
  },
  SIGNING_FOR_REQUIRED: {
    status: 422,
    vi: "Ký thay, thay mặt, thừa ủy quyền, thừa lệnh phải ghi rõ ký cho ai (ví dụ: Chủ tịch).",
    en: "KT., TM., TUQ. and TL. signatures must say for whom they sign (e.g. Chủ tịch).",
  },
  CREDENTIAL_MISSING: {
    status: 422,
    vi: "Chưa có chứng thư số phù hợp để ký (chữ ký cá nhân hoặc chữ ký số của cơ quan).",
    en: "No suitable signing credential (personal, or the agency's seal) is registered.",
  },
  WORK_FILE_STATE: {
    status: 409,
    vi: "Trạng thái hiện tại của hồ sơ công việc không cho phép thao tác này.",
    en: "The work file's current status does not allow this action.",
  },
  WORK_FILE_CLOSED: {
    status: 409,
    vi: "Hồ sơ công việc đã kết thúc hoặc đã nộp lưu, không đưa thêm tài liệu vào được.",
    en: "The work file is closed or handed over to the archive; nothing more can be filed into it.",
  },
  DOSSIER_ALREADY_FILED: {
    status: 409,
    vi: "Kết quả của hồ sơ thủ tục hành chính này đã được đưa vào một hồ sơ công việc.",
    en: "This dossier's result is already filed in a work file.",
  },
  DOSSIER_NO_RESULT: {
    status: 409,
    vi: "Hồ sơ thủ tục hành chính chưa có kết quả giải quyết để đưa vào hồ sơ công việc.",
    en: "The dossier has no recorded result to file into a work file.",
  },
  REPORT_TOO_LARGE: {
    status: 422,
    vi: "Kỳ báo cáo có quá nhiều hồ sơ để tính trực tiếp; vui lòng chọn kỳ ngắn hơn hoặc đơn vị nhỏ hơn.",
    en: "The period holds too many dossiers to compute directly; choose a shorter period or a smaller unit.",
  },
  REPORT_EXPORT_NOT_READY: {
    status: 409,
    vi: "Tệp báo cáo chưa được tạo xong; vui lòng thử lại sau giây lát.",
    en: "The report file is not ready yet; try again in a moment.",
  },
  HAND_OVER_LIST_NOT_READY: {
    status: 409,
    vi: "Tệp mục lục hồ sơ nộp lưu chưa được tạo xong; vui lòng thử lại sau giây lát.",
    en: "The hand-over list file is not ready yet; try again in a moment.",
  },
} as const satisfies Record<string, ErrorSpec>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly details: unknown;

  constructor(
    code: ErrorCode,
    options: { details?: unknown; vi?: string; en?: string; cause?: unknown } = {},
  ) {
    const spec: ErrorSpec = ERRORS[code];
    super(options.en ?? spec.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = spec.status;
    this.messageVi = options.vi ?? spec.vi;
    this.messageEn = options.en ?? spec.en;
    this.details = options.details;
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.messageVi,
        messageEn: this.messageEn,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

/** Whether `error` is an AppError, of `code` when one is given. */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}

export interface ErrorBody {
  error: { code: string; message: string; messageEn: string; details?: unknown };
}
