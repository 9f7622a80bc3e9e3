//! 简体中文.

use super::Msg::{self, *};
use crate::domain::contact::ContactField;
use crate::domain::customer::Section;
use crate::domain::interaction::Channel;
use crate::domain::validate::FieldError;
use crate::io::backup::BackupError;
use crate::domain::{Action, Confidentiality, CustomerKind, Field, Kind, Role, Scope, Status};

pub fn msg(m: Msg) -> &'static str {
    match m {
        About => "关于",
        AddContact => "添加联系人",
        AddLogEntry => "记入沟通记录",
        AddStaff => "添加员工",
        All => "全部",
        Cancel => "取消",
        ChangedElsewhere => "该客户刚刚在另一个标签页或窗口中被修改。保存时您会看到改动内容。",
        Channel => "方式",
        ChooseSuccessor => "请选择接收客户的员工。",
        CoOwner => "第二负责人",
        Confidentiality => "密级",
        ConflictBothFields => "双方都修改了（保留您的值）",
        ConflictExplain => "在您编辑期间，有人在另一个标签页或窗口中保存了该客户。您的修改已保留，并叠加在对方的版本之上。请核对各字段后再次保存。",
        ConflictReloaded => "这期间该记录已在另一个标签页中被修改。已载入最新版本，您输入的内容保留不变：再次保存即可应用。",
        ConflictTheirFields => "对方修改的字段",
        ConflictTitle => "编辑期间该记录已在别处被修改",
        CountOf => "共 {total} 个客户，显示 {n} 个",
        CustomerMissing => "档案中没有该客户，可能已被删除。",
        CustomersOwned => "客户数",
        Date => "日期",
        DaysAgo => "距今天数",
        DaysLeft => "剩余天数",
        Delete => "删除",
        DeleteExplain => "该客户及其联系人和沟通记录将移入回收站，30 天内可以恢复。",
        DeleteForever => "永久删除",
        DeleteReason => "删除原因",
        DeleteTitle => "删除 {name}？",
        DeletedAt => "删除时间",
        DeletedBy => "删除人",
        DemoArchive => "演示档案",
        DemoBanner => "演示用样例数据，您的正式档案不受影响。",
        DemoExplain => "演示档案是一个独立的数据库，约有 200 个样例客户。可用它向潜在客户展示 Dossier，在其中的任何操作都不会影响正式档案。",
        DemoResetDone => "演示档案已重置。",
        DiscardChanges => "放弃我的修改",
        DraftRestored => "已恢复您之前未保存的修改。",
        Department => "部门",
        Edit => "编辑",
        EditContact => "编辑联系人",
        EditCustomer => "编辑客户",
        EditReason => "修改原因（记入修改记录）",
        EditStaff => "编辑员工",
        Email => "电子邮箱",
        ErrBlocked => "另一个标签页正打开着旧版本的档案。请关闭其他 Dossier 标签页后刷新。",
        ErrConflict => "该记录已在另一个标签页或窗口中被修改。请重新打开以查看对方的修改。",
        ErrCorrupt => "有一条已存储的记录无法读取。",
        ErrFailed => "档案未能保存。没有任何改动，您输入的内容已保留。",
        ErrQuota => "浏览器已没有空间存放档案。本次未保存，您输入的内容已保留。请释放磁盘空间或清空回收站后再保存。",
        ErrTooNew => "该档案由更新版本的 Dossier 写入，请使用新版本打开。",
        ErrUnavailable => "浏览器不允许 Dossier 在此存储数据（隐私窗口，或已关闭存储）。",
        FieldName => "字段",
        FixFields => "请更正标出的字段。本次未保存，您输入的内容已保留。",
        HandOver => "移交",
        HandedOver => "已移交 {n} 个客户。",
        HandoverExplain => "此人负责或共同负责的全部 {n} 个客户将移交给接收人，每个客户的修改记录中都会记下这次移交。",
        HandoverTitle => "移交 {name} 的客户",
        History => "修改记录",
        Industry => "行业",
        Kind => "类型",
        Language => "语言",
        LastReviewed => "最近审核",
        LeaveDemo => "退出演示",
        Left => "已离职",
        ListKeysHint => "客户列表：方向键移动，回车打开",
        Loading => "正在加载…",
        LogAdded => "已记入沟通记录。",
        LogEntry => "沟通记录",
        MarkAsLeft => "将此人标记为已离职",
        MarkReviewed => "标记为已审核",
        MarkedReviewed => "已标记为已审核。",
        MoveToTrash => "移入回收站",
        MovedToTrash => "已移入回收站，30 天内可以恢复。",
        Name => "名称",
        NavCustomers => "客户档案",
        NavReview => "待审核",
        NavSettings => "设置",
        NavStaff => "员工",
        NavTrash => "回收站",
        Navigation => "主菜单",
        NewCustomer => "新建客户",
        NewValue => "新值",
        NextStep => "下一步",
        NoContacts => "还没有联系人。",
        NoHistory => "还没有修改记录。",
        NoCustomersYet => "还没有客户。请添加第一个客户，或在设置中打开演示档案。",
        NoLog => "还没有沟通记录。",
        NoMatches => "没有符合搜索和筛选条件的客户。",
        NoStaff => "还没有员工。添加团队成员后即可分配负责人并使用工作视图。",
        Nobody => "未知用户",
        NobodySelected => "— 未设置 —",
        NothingToReview => "所有记录在最近 30 天内都已审核。",
        OldValue => "原值",
        OpenDemo => "打开演示档案",
        OpenFailed => "无法打开档案",
        Opening => "正在打开档案…",
        LoadingList => "正在加载全部客户…",
        Owner => "负责人",
        Persistent => "防止被自动清除",
        PersistentNo => "否：磁盘空间不足时浏览器可能清除档案，请定期备份。",
        PersistentYes => "是",
        Phone => "电话",
        PrimaryContact => "主要联系人",
        PurgeConfirm => "永久删除 {name}？此操作无法撤销。",
        Purged => "已永久删除。",
        Reason => "原因",
        ReasonRequired => "必须填写原因。",
        Region => "地区",
        Remove => "移除",
        RemoveContactConfirm => "移除联系人 {name}？此操作会记入修改记录。",
        ResetDemo => "重置演示",
        Restore => "恢复",
        Restored => "已恢复。",
        ReviewExplain => "30 天未审核的记录，按负责人分组",
        Revision => "版本",
        Role => "角色",
        Save => "保存",
        SaveContact => "保存联系人",
        SaveMerged => "在对方版本上保存我的修改",
        Saved => "已保存。",
        Scope => "显示范围",
        Search => "搜索",
        StaffMember => "员工",
        StaffName => "姓名",
        Status => "状态",
        Storage => "存储",
        StorageAvailable => "可用",
        StorageNote => "档案只保存在这台电脑的这个浏览器中。",
        StorageUsed => "已用",
        Successor => "接收人",
        Summary => "内容摘要",
        TabContacts => "联系人",
        TabLog => "沟通记录",
        TabRecord => "档案",
        TrashEmpty => "回收站是空的。",
        TrashExplain => "已删除的客户 30 天内可以恢复，之后将被彻底清除。",
        Unassigned => "未分配",
        WhoAmI => "当前用户",
        WorkingViewNote => "角色决定每个人能看到哪些客户。在共用的浏览器上，这只是工作视图，不是安全边界：任何使用这台电脑的人都可以切换用户。",
        No => "否",
        Yes => "是",
        BackupTitle => "备份",
        BackupExplain => "档案只保存在这个浏览器中。请于每月1日备份到文件，并妥善保管：备份可完整恢复所有客户、联系人、沟通记录、历史、员工和设置。",
        LastBackup => "上次备份",
        Never => "从未",
        Passphrase => "口令（可选，用于加密文件）",
        PassphraseAgain => "再次输入口令",
        PassphraseMismatch => "两次输入的口令不一致。",
        PassphraseNote => "忘记口令后，加密备份任何人（包括我们）都无法恢复：请将口令与文件分开保管。",
        BackupNow => "立即备份",
        BackingUp => "正在写入备份…",
        BackupSaved => "备份已保存：{name}",
        BackupDue => "该做每月备份了（每月1日备份）。",
        Later => "稍后",
        RestoreTitle => "从备份恢复",
        RestoreExplain => "选择备份文件，先查看其内容以及与本浏览器档案的差异，再决定是否恢复。",
        BackupFile => "备份文件",
        WrittenAt => "写入时间",
        WrittenBy => "写入版本",
        Encrypted => "已加密",
        OpenBackup => "打开备份",
        StoreCol => "记录",
        InBackup => "备份中",
        InArchive => "本浏览器中",
        Added => "新增",
        Changed => "已更改",
        Removed => "备份中没有",
        ReplaceAll => "用此备份替换档案",
        ReplaceConfirm => "本浏览器档案的全部内容将被备份替换：备份中没有的记录将被删除。是否继续？",
        Restoring => "正在恢复…",
        RestoreDone => "已从备份恢复：{n} 位客户。",
        Export => "导出",
        Exporting => "正在写入文件…",
        Exported => "已导出 {name}：{n} 行",
        OrgStateOwned => "国有企业",
        OrgPrivate => "民营企业",
        OrgForeign => "外资企业",
        OrgJointVenture => "中外合资",
        OrgIndividual => "个体工商户",
        OrgGovernment => "政府机关",
        OrgNonProfit => "非营利组织",
    }
}

pub fn field_error(e: &FieldError) -> &'static str {
    match e {
        FieldError::Required => "必填。",
        FieldError::TooLong(_) => "太长：最多 {n} 个字符。",
        FieldError::Phone => "不是有效的电话号码（数字、空格、+ - ( )，分机可写作“转 123”）。",
        FieldError::Email => "不是有效的电子邮箱（name@example.com）。",
        FieldError::Postcode => "不是有效的邮政编码（国内为六位数字）。",
        FieldError::Date => "不是有效的日期（年-月-日）。",
        FieldError::FutureDate => "该日期不能晚于今天。",
        FieldError::Amount => "不是有效的金额（例如 1,200.50 或 120万）。",
        FieldError::Negative => "不能为负数。",
        FieldError::Precision => "最多保留两位小数。",
        FieldError::Count => "不是整数。",
        FieldError::Url => "不是有效的网址（www.example.com）。",
        FieldError::Currency => "不是有效的币种代码（CNY、USD…）。",
        FieldError::Unknown => "不是允许的取值。",
        FieldError::RequiredWhenLost => "流失客户必须填写。",
        FieldError::SameAsOwner => "不能与负责人相同。",
    }
}

pub fn backup_error(e: &BackupError) -> &'static str {
    match e {
        BackupError::Empty => "文件是空的。",
        BackupError::NotABackup => "这不是 Dossier 备份文件。",
        BackupError::FormatTooNew(_) => "此备份为格式 {n}，由更新版本的 Dossier 写入。请更新 Dossier 后再恢复。",
        BackupError::SchemaTooNew { .. } => "此备份的档案版本为 {n}，本 Dossier 最高支持 {m}。请更新 Dossier 后再恢复。",
        BackupError::BadHeader(_) => "备份文件头已损坏（{name}）。",
        BackupError::CutShort { .. } => "文件不完整：只有 {m} 字节中的 {n} 字节，可能是复制或下载中断。",
        BackupError::TrailingBytes(_) => "文件比备份应有的多出 {n} 字节：写入后被修改过。",
        BackupError::Checksum => "内容与备份的校验和不符：文件已损坏或在写入后被修改。",
        BackupError::NeedsPassphrase => "此备份已加密：请输入口令。",
        BackupError::WrongPassphrase => "口令错误，或文件在写入后被修改。",
        BackupError::UnknownStore(_) => "备份中有本版本 Dossier 不认识的记录（{name}）。",
        BackupError::CountMismatch { .. } => "备份中 {name} 应有 {m} 条记录，实际为 {n} 条。",
        BackupError::BadRecord { .. } => "第 {n} 条记录无法读取（{name}）。",
        BackupError::DuplicateId { .. } => "备份中有重复的记录（{name}）。",
        BackupError::Crypto(_) => "此浏览器无法加密或校验文件（{name}）。",
    }
}

pub fn status(v: Status) -> &'static str {
    match v {
        Status::Potential => "潜在",
        Status::Active => "已合作",
        Status::NotCooperating => "未合作",
        Status::Lost => "流失",
    }
}

pub fn kind(v: CustomerKind) -> &'static str {
    match v {
        CustomerKind::Dealer => "经销商",
        CustomerKind::EndCustomer => "终端客户",
    }
}

pub fn confidentiality(v: Confidentiality) -> &'static str {
    match v {
        Confidentiality::Company => "公司级",
        Confidentiality::Department => "部门级",
        Confidentiality::Personal => "个人级",
    }
}

pub fn role(v: Role) -> &'static str {
    match v {
        Role::SalesRep => "销售代表",
        Role::DepartmentManager => "部门经理",
        Role::Director => "营销总监",
        Role::CustomerService => "客服",
        Role::GeneralManager => "总经理",
    }
}

pub fn channel(v: Channel) -> &'static str {
    match v {
        Channel::Call => "电话",
        Channel::Letter => "信函",
        Channel::Fax => "传真",
        Channel::Email => "电子邮件",
        Channel::Meeting => "会议",
        Channel::Visit => "拜访",
    }
}

pub fn scope(v: Scope) -> &'static str {
    match v {
        Scope::Mine => "我的客户",
        Scope::Department => "本部门",
        Scope::All => "全部客户",
    }
}

pub fn section(v: Section) -> &'static str {
    match v {
        Section::Basic => "客户基础资料",
        Section::Characteristics => "客户特征",
        Section::Business => "业务状况",
        Section::Transactions => "交易活动现状",
        Section::Card => "档案卡",
    }
}

pub fn action(v: Action) -> &'static str {
    match v {
        Action::Created => "新建",
        Action::Updated => "修改",
        Action::Deleted => "删除",
        Action::Restored => "恢复",
        Action::HandedOver => "移交",
        Action::Reviewed => "审核",
        Action::Imported => "导入",
    }
}

pub fn entity(v: Kind) -> &'static str {
    match v {
        Kind::Customer => "客户",
        Kind::Row => "列表行",
        Kind::Contact => "联系人",
        Kind::Interaction => "沟通记录",
        Kind::History => "修改记录",
        Kind::Trash => "回收站",
        Kind::Staff => "员工",
        Kind::Setting => "设置",
    }
}

pub fn field(v: Field) -> &'static str {
    match v {
        Field::Name => "客户名称",
        Field::ShortName => "简称",
        Field::Kind => "客户类型",
        Field::Status => "合作状态",
        Field::LostOn => "流失日期",
        Field::LostReason => "流失原因",
        Field::Owner => "负责人",
        Field::CoOwner => "第二负责人",
        Field::Confidentiality => "密级",
        Field::Industry => "行业",
        Field::Region => "地区",
        Field::OrgForm => "企业性质",
        Field::Address => "地址",
        Field::Postcode => "邮政编码",
        Field::Phone => "电话",
        Field::Fax => "传真",
        Field::Email => "电子邮箱",
        Field::Website => "网址",
        Field::LegalRep => "法人代表",
        Field::Founded => "创立日期",
        Field::TradingSince => "开始合作日期",
        Field::Currency => "币种",
        Field::RegisteredCapital => "注册资本",
        Field::Assets => "资产",
        Field::BusinessScope => "经营范围",
        Field::ServiceArea => "服务区域",
        Field::SalesCapacity => "销售能力",
        Field::GrowthPotential => "发展潜力",
        Field::Philosophy => "经营观念与方针政策",
        Field::Culture => "企业文化",
        Field::Employees => "职工人数",
        Field::AnnualRevenue => "年销售额",
        Field::ManagementStyle => "经营管理特点",
        Field::PurchaseDecision => "采购决策方式与决策人",
        Field::SalesPerformance => "与本公司的销售实绩",
        Field::StaffQuality => "经营管理者和业务人员素质",
        Field::CompetitorRelations => "与竞争对手的关系",
        Field::CooperationAttitude => "合作态度",
        Field::SalesActivity => "销售活动状况",
        Field::Problems => "存在的问题",
        Field::Strengths => "保持的优势",
        Field::Plans => "未来的对策",
        Field::Reputation => "企业信誉与形象",
        Field::CreditStatus => "信用状况",
        Field::TradeTerms => "交易条件",
        Field::CreditProblems => "以往的信用问题",
        Field::Brands => "经营品牌",
        Field::SalesNetwork => "销售网络",
        Field::Logistics => "仓储物流",
        Field::SubDealers => "下级分销商",
        Field::Needs => "需求与用途",
        Field::PurchaseCycle => "采购周期",
        Field::Notes => "备注",
    }
}

pub fn contact_field(v: ContactField) -> &'static str {
    match v {
        ContactField::Name => "联系人姓名",
        ContactField::Title => "职务",
        ContactField::Mobile => "手机",
        ContactField::Phone => "办公电话",
        ContactField::Email => "电子邮箱",
        ContactField::Messaging => "微信 / 即时通讯",
        ContactField::Birthday => "生日",
        ContactField::Primary => "主要联系人",
        ContactField::Personality => "性格",
        ContactField::Hobbies => "爱好",
        ContactField::Family => "家庭",
        ContactField::Education => "学历",
        ContactField::Preferences => "偏好",
        ContactField::Notes => "备注",
    }
}
