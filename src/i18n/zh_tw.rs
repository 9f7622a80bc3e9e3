//! 繁體中文.

use super::Msg::{self, *};
use crate::domain::contact::ContactField;
use crate::domain::customer::Section;
use crate::domain::interaction::Channel;
use crate::domain::validate::FieldError;
use crate::io::backup::BackupError;
use crate::domain::{Action, Confidentiality, CustomerKind, Field, Kind, Role, Scope, Status};

pub fn msg(m: Msg) -> &'static str {
    match m {
        About => "關於",
        AddContact => "新增聯絡人",
        AddLogEntry => "記入溝通紀錄",
        AddStaff => "新增員工",
        All => "全部",
        Cancel => "取消",
        ChangedElsewhere => "此客戶剛剛在另一個分頁或視窗中被修改。儲存時您會看到變更內容。",
        Channel => "方式",
        ChooseSuccessor => "請選擇接手客戶的員工。",
        CoOwner => "第二負責人",
        Confidentiality => "機密等級",
        ConflictBothFields => "雙方都修改了（保留您的值）",
        ConflictExplain => "在您編輯期間，有人在另一個分頁或視窗中儲存了此客戶。您的修改已保留，並套用在對方的版本之上。請核對各欄位後再次儲存。",
        ConflictReloaded => "這期間該紀錄已在另一個分頁中被修改。已載入最新版本，您輸入的內容保留不變：再次儲存即可套用。",
        ConflictTheirFields => "對方修改的欄位",
        ConflictTitle => "編輯期間此紀錄已在別處被修改",
        CountOf => "共 {total} 個客戶，顯示 {n} 個",
        CustomerMissing => "檔案中沒有此客戶，可能已被刪除。",
        CustomersOwned => "客戶數",
        Date => "日期",
        DaysAgo => "距今天數",
        DaysLeft => "剩餘天數",
        Delete => "刪除",
        DeleteExplain => "此客戶及其聯絡人和溝通紀錄將移至回收筒，30 天內可以還原。",
        DeleteForever => "永久刪除",
        DeleteReason => "刪除原因",
        DeleteTitle => "刪除 {name}？",
        DeletedAt => "刪除時間",
        DeletedBy => "刪除者",
        DemoArchive => "示範檔案",
        DemoBanner => "示範用範例資料，您的正式檔案不受影響。",
        DemoExplain => "示範檔案是一個獨立的資料庫，約有 200 個範例客戶。可用它向潛在客戶展示 Dossier，在其中的任何操作都不會影響正式檔案。",
        DemoResetDone => "示範檔案已重置。",
        DiscardChanges => "捨棄我的修改",
        DraftRestored => "已還原您先前未儲存的修改。",
        Department => "部門",
        Edit => "編輯",
        EditContact => "編輯聯絡人",
        EditCustomer => "編輯客戶",
        EditReason => "修改原因（記入修改紀錄）",
        EditStaff => "編輯員工",
        Email => "電子郵件信箱",
        ErrBlocked => "另一個分頁正開啟著舊版本的檔案。請關閉其他 Dossier 分頁後重新整理。",
        ErrConflict => "此紀錄已在另一個分頁或視窗中被修改。請重新開啟以查看對方的修改。",
        ErrCorrupt => "有一筆已儲存的紀錄無法讀取。",
        ErrFailed => "檔案未能儲存。沒有任何變更，您輸入的內容已保留。",
        ErrQuota => "瀏覽器已沒有空間存放檔案。本次未儲存，您輸入的內容已保留。請釋放磁碟空間或清空回收筒後再儲存。",
        ErrTooNew => "此檔案由較新版本的 Dossier 寫入，請使用新版本開啟。",
        ErrUnavailable => "瀏覽器不允許 Dossier 在此儲存資料（無痕視窗，或已停用儲存功能）。",
        FieldName => "欄位",
        FixFields => "請更正標示的欄位。本次未儲存，您輸入的內容已保留。",
        HandOver => "移交",
        HandedOver => "已移交 {n} 個客戶。",
        HandoverExplain => "此人負責或共同負責的全部 {n} 個客戶將移交給接手人，每個客戶的修改紀錄中都會記下這次移交。",
        HandoverTitle => "移交 {name} 的客戶",
        History => "修改紀錄",
        Industry => "產業",
        Kind => "類型",
        Language => "語言",
        LastReviewed => "最近審核",
        LeaveDemo => "離開示範",
        Left => "已離職",
        ListKeysHint => "客戶清單：方向鍵移動，Enter 鍵開啟",
        Loading => "正在載入…",
        LogAdded => "已記入溝通紀錄。",
        LogEntry => "溝通紀錄",
        MarkAsLeft => "將此人標記為已離職",
        MarkReviewed => "標記為已審核",
        MarkedReviewed => "已標記為已審核。",
        MoveToTrash => "移至回收筒",
        MovedToTrash => "已移至回收筒，30 天內可以還原。",
        Name => "名稱",
        NavCustomers => "客戶檔案",
        NavReview => "待審核",
        NavSettings => "設定",
        NavStaff => "員工",
        NavTrash => "回收筒",
        Navigation => "主選單",
        NewCustomer => "新增客戶",
        NewValue => "新值",
        NextStep => "下一步",
        NoContacts => "還沒有聯絡人。",
        NoHistory => "還沒有修改紀錄。",
        NoCustomersYet => "還沒有客戶。請新增第一個客戶，或在設定中開啟示範檔案。",
        NoLog => "還沒有溝通紀錄。",
        NoMatches => "沒有符合搜尋和篩選條件的客戶。",
        NoStaff => "還沒有員工。新增團隊成員後即可指派負責人並使用工作檢視。",
        Nobody => "未知使用者",
        NobodySelected => "— 未設定 —",
        NothingToReview => "所有紀錄在最近 30 天內都已審核。",
        OldValue => "原值",
        OpenDemo => "開啟示範檔案",
        OpenFailed => "無法開啟檔案",
        Opening => "正在開啟檔案…",
        LoadingList => "正在載入全部客戶…",
        Owner => "負責人",
        Persistent => "防止被自動清除",
        PersistentNo => "否：磁碟空間不足時瀏覽器可能清除檔案，請定期備份。",
        PersistentYes => "是",
        Phone => "電話",
        PrimaryContact => "主要聯絡人",
        PurgeConfirm => "永久刪除 {name}？此操作無法復原。",
        Purged => "已永久刪除。",
        Reason => "原因",
        ReasonRequired => "必須填寫原因。",
        Region => "地區",
        Remove => "移除",
        RemoveContactConfirm => "移除聯絡人 {name}？此操作會記入修改紀錄。",
        ResetDemo => "重置示範",
        Restore => "還原",
        Restored => "已還原。",
        ReviewExplain => "30 天未審核的紀錄，依負責人分組",
        Revision => "版本",
        Role => "角色",
        Save => "儲存",
        SaveContact => "儲存聯絡人",
        SaveMerged => "在對方版本上儲存我的修改",
        Saved => "已儲存。",
        Scope => "顯示範圍",
        Search => "搜尋",
        StaffMember => "員工",
        StaffName => "姓名",
        Status => "狀態",
        Storage => "儲存空間",
        StorageAvailable => "可用",
        StorageNote => "檔案只儲存在這台電腦的這個瀏覽器中。",
        StorageUsed => "已使用",
        Successor => "接手人",
        Summary => "內容摘要",
        TabContacts => "聯絡人",
        TabLog => "溝通紀錄",
        TabRecord => "檔案",
        TrashEmpty => "回收筒是空的。",
        TrashExplain => "已刪除的客戶 30 天內可以還原，之後將被永久清除。",
        Unassigned => "未指派",
        WhoAmI => "目前使用者",
        WorkingViewNote => "角色決定每個人能看到哪些客戶。在共用的瀏覽器上，這只是工作檢視，並非安全邊界：任何使用這台電腦的人都可以切換使用者。",
        No => "否",
        Yes => "是",
        BackupTitle => "備份",
        BackupExplain => "檔案只保存在這個瀏覽器中。請於每月1日備份到檔案，並妥善保管：備份可完整還原所有客戶、聯絡人、溝通記錄、歷史、員工和設定。",
        LastBackup => "上次備份",
        Never => "從未",
        Passphrase => "口令（選填，用於加密檔案）",
        PassphraseAgain => "再次輸入口令",
        PassphraseMismatch => "兩次輸入的口令不一致。",
        PassphraseNote => "忘記口令後，加密備份任何人（包括我們）都無法還原：請將口令與檔案分開保管。",
        BackupNow => "立即備份",
        BackingUp => "正在寫入備份…",
        BackupSaved => "備份已儲存：{name}",
        BackupDue => "該做每月備份了（每月1日備份）。",
        Later => "稍後",
        RestoreTitle => "從備份還原",
        RestoreExplain => "選擇備份檔案，先查看其內容以及與本瀏覽器檔案的差異，再決定是否還原。",
        BackupFile => "備份檔案",
        WrittenAt => "寫入時間",
        WrittenBy => "寫入版本",
        Encrypted => "已加密",
        OpenBackup => "開啟備份",
        StoreCol => "記錄",
        InBackup => "備份中",
        InArchive => "本瀏覽器中",
        Added => "新增",
        Changed => "已更改",
        Removed => "備份中沒有",
        ReplaceAll => "用此備份取代檔案",
        ReplaceConfirm => "本瀏覽器檔案的全部內容將被備份取代：備份中沒有的記錄將被刪除。是否繼續？",
        Restoring => "正在還原…",
        RestoreDone => "已從備份還原：{n} 位客戶。",
        Export => "匯出",
        Exporting => "正在寫入檔案…",
        Exported => "已匯出 {name}：{n} 列",
        OrgStateOwned => "國營企業",
        OrgPrivate => "民營企業",
        OrgForeign => "外資企業",
        OrgJointVenture => "中外合資",
        OrgIndividual => "個體工商戶",
        OrgGovernment => "政府機關",
        OrgNonProfit => "非營利組織",
    }
}

pub fn field_error(e: &FieldError) -> &'static str {
    match e {
        FieldError::Required => "必填。",
        FieldError::TooLong(_) => "太長：最多 {n} 個字元。",
        FieldError::Phone => "不是有效的電話號碼（數字、空格、+ - ( )，分機可寫作「#123」）。",
        FieldError::Email => "不是有效的電子郵件信箱（name@example.com）。",
        FieldError::Postcode => "不是有效的郵遞區號（例如 10058 或 100001）。",
        FieldError::Date => "不是有效的日期（年-月-日）。",
        FieldError::FutureDate => "此日期不能晚於今天。",
        FieldError::Amount => "不是有效的金額（例如 1,200.50 或 1,200,000）。",
        FieldError::Negative => "不能為負數。",
        FieldError::Precision => "最多保留兩位小數。",
        FieldError::Count => "不是整數。",
        FieldError::Url => "不是有效的網址（www.example.com）。",
        FieldError::Currency => "不是有效的幣別代碼（TWD、USD…）。",
        FieldError::Unknown => "不是允許的值。",
        FieldError::RequiredWhenLost => "流失客戶必須填寫。",
        FieldError::SameAsOwner => "不能與負責人相同。",
    }
}

pub fn backup_error(e: &BackupError) -> &'static str {
    match e {
        BackupError::Empty => "檔案是空的。",
        BackupError::NotABackup => "這不是 Dossier 備份檔案。",
        BackupError::FormatTooNew(_) => "此備份為格式 {n}，由更新版本的 Dossier 寫入。請更新 Dossier 後再還原。",
        BackupError::SchemaTooNew { .. } => "此備份的檔案版本為 {n}，本 Dossier 最高支援 {m}。請更新 Dossier 後再還原。",
        BackupError::BadHeader(_) => "備份檔頭已損壞（{name}）。",
        BackupError::CutShort { .. } => "檔案不完整：只有 {m} 位元組中的 {n} 位元組，可能是複製或下載中斷。",
        BackupError::TrailingBytes(_) => "檔案比備份應有的多出 {n} 位元組：寫入後被修改過。",
        BackupError::Checksum => "內容與備份的校驗和不符：檔案已損壞或在寫入後被修改。",
        BackupError::NeedsPassphrase => "此備份已加密：請輸入口令。",
        BackupError::WrongPassphrase => "口令錯誤，或檔案在寫入後被修改。",
        BackupError::UnknownStore(_) => "備份中有本版本 Dossier 不認識的記錄（{name}）。",
        BackupError::CountMismatch { .. } => "備份中 {name} 應有 {m} 筆記錄，實際為 {n} 筆。",
        BackupError::BadRecord { .. } => "第 {n} 筆記錄無法讀取（{name}）。",
        BackupError::DuplicateId { .. } => "備份中有重複的記錄（{name}）。",
        BackupError::Crypto(_) => "此瀏覽器無法加密或校驗檔案（{name}）。",
    }
}

pub fn status(v: Status) -> &'static str {
    match v {
        Status::Potential => "潛在",
        Status::Active => "已合作",
        Status::NotCooperating => "未合作",
        Status::Lost => "流失",
    }
}

pub fn kind(v: CustomerKind) -> &'static str {
    match v {
        CustomerKind::Dealer => "經銷商",
        CustomerKind::EndCustomer => "終端客戶",
    }
}

pub fn confidentiality(v: Confidentiality) -> &'static str {
    match v {
        Confidentiality::Company => "公司級",
        Confidentiality::Department => "部門級",
        Confidentiality::Personal => "個人級",
    }
}

pub fn role(v: Role) -> &'static str {
    match v {
        Role::SalesRep => "業務代表",
        Role::DepartmentManager => "部門經理",
        Role::Director => "行銷總監",
        Role::CustomerService => "客服",
        Role::GeneralManager => "總經理",
    }
}

pub fn channel(v: Channel) -> &'static str {
    match v {
        Channel::Call => "電話",
        Channel::Letter => "信函",
        Channel::Fax => "傳真",
        Channel::Email => "電子郵件",
        Channel::Meeting => "會議",
        Channel::Visit => "拜訪",
    }
}

pub fn scope(v: Scope) -> &'static str {
    match v {
        Scope::Mine => "我的客戶",
        Scope::Department => "本部門",
        Scope::All => "全部客戶",
    }
}

pub fn section(v: Section) -> &'static str {
    match v {
        Section::Basic => "客戶基本資料",
        Section::Characteristics => "客戶特徵",
        Section::Business => "業務狀況",
        Section::Transactions => "交易活動現況",
        Section::Card => "檔案卡",
    }
}

pub fn action(v: Action) -> &'static str {
    match v {
        Action::Created => "新增",
        Action::Updated => "修改",
        Action::Deleted => "刪除",
        Action::Restored => "還原",
        Action::HandedOver => "移交",
        Action::Reviewed => "審核",
        Action::Imported => "匯入",
    }
}

pub fn entity(v: Kind) -> &'static str {
    match v {
        Kind::Customer => "客戶",
        Kind::Row => "清單列",
        Kind::Contact => "聯絡人",
        Kind::Interaction => "溝通紀錄",
        Kind::History => "修改紀錄",
        Kind::Trash => "回收筒",
        Kind::Staff => "員工",
        Kind::Setting => "設定",
    }
}

pub fn field(v: Field) -> &'static str {
    match v {
        Field::Name => "客戶名稱",
        Field::ShortName => "簡稱",
        Field::Kind => "客戶類型",
        Field::Status => "合作狀態",
        Field::LostOn => "流失日期",
        Field::LostReason => "流失原因",
        Field::Owner => "負責人",
        Field::CoOwner => "第二負責人",
        Field::Confidentiality => "機密等級",
        Field::Industry => "產業",
        Field::Region => "地區",
        Field::OrgForm => "企業性質",
        Field::Address => "地址",
        Field::Postcode => "郵遞區號",
        Field::Phone => "電話",
        Field::Fax => "傳真",
        Field::Email => "電子郵件信箱",
        Field::Website => "網址",
        Field::LegalRep => "法定代表人",
        Field::Founded => "創立日期",
        Field::TradingSince => "開始合作日期",
        Field::Currency => "幣別",
        Field::RegisteredCapital => "註冊資本",
        Field::Assets => "資產",
        Field::BusinessScope => "營業項目",
        Field::ServiceArea => "服務區域",
        Field::SalesCapacity => "銷售能力",
        Field::GrowthPotential => "發展潛力",
        Field::Philosophy => "經營理念與方針政策",
        Field::Culture => "企業文化",
        Field::Employees => "員工人數",
        Field::AnnualRevenue => "年營業額",
        Field::ManagementStyle => "經營管理特色",
        Field::PurchaseDecision => "採購決策方式與決策者",
        Field::SalesPerformance => "與本公司的銷售實績",
        Field::StaffQuality => "經營管理者和業務人員素質",
        Field::CompetitorRelations => "與競爭對手的關係",
        Field::CooperationAttitude => "合作態度",
        Field::SalesActivity => "銷售活動狀況",
        Field::Problems => "存在的問題",
        Field::Strengths => "保持的優勢",
        Field::Plans => "未來的對策",
        Field::Reputation => "企業信譽與形象",
        Field::CreditStatus => "信用狀況",
        Field::TradeTerms => "交易條件",
        Field::CreditProblems => "以往的信用問題",
        Field::Brands => "經營品牌",
        Field::SalesNetwork => "銷售網路",
        Field::Logistics => "倉儲物流",
        Field::SubDealers => "下游經銷商",
        Field::Needs => "需求與用途",
        Field::PurchaseCycle => "採購週期",
        Field::Notes => "備註",
    }
}

pub fn contact_field(v: ContactField) -> &'static str {
    match v {
        ContactField::Name => "聯絡人姓名",
        ContactField::Title => "職稱",
        ContactField::Mobile => "手機",
        ContactField::Phone => "公司電話",
        ContactField::Email => "電子郵件信箱",
        ContactField::Messaging => "LINE / 即時通訊",
        ContactField::Birthday => "生日",
        ContactField::Primary => "主要聯絡人",
        ContactField::Personality => "個性",
        ContactField::Hobbies => "興趣",
        ContactField::Family => "家庭",
        ContactField::Education => "學歷",
        ContactField::Preferences => "偏好",
        ContactField::Notes => "備註",
    }
}
