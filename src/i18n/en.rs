//! English.

use super::Msg::{self, *};
use crate::domain::contact::ContactField;
use crate::domain::customer::Section;
use crate::domain::interaction::Channel;
use crate::domain::validate::FieldError;
use crate::io::backup::BackupError;
use crate::domain::{Action, Confidentiality, CustomerKind, Field, Kind, Role, Scope, Status};

pub fn msg(m: Msg) -> &'static str {
    match m {
        About => "About",
        AddContact => "Add contact",
        AddLogEntry => "Add to log",
        AddStaff => "Add staff member",
        All => "All",
        Cancel => "Cancel",
        ChangedElsewhere => "This customer was just changed in another tab or window. When you save, you will see what changed.",
        Channel => "Channel",
        ChooseSuccessor => "Choose who takes over the customers.",
        CoOwner => "Second responsible",
        Confidentiality => "Confidentiality",
        ConflictBothFields => "Changed by both (your value is kept)",
        ConflictExplain => "Someone saved this customer in another tab or window while you were editing. Your changes are kept and now sit on top of their version. Check the fields, then save again.",
        ConflictReloaded => "This was changed in another tab meanwhile. The latest version is now under your typing, which is kept: save again to apply it.",
        ConflictTheirFields => "Changed by them",
        ConflictTitle => "Changed elsewhere while you were editing",
        CountOf => "{n} of {total} customers",
        CustomerMissing => "This customer is not in the archive. It may have been deleted.",
        CustomersOwned => "Customers",
        Date => "Date",
        DaysAgo => "Days ago",
        DaysLeft => "Days left",
        Delete => "Delete",
        DeleteExplain => "The customer, its contacts and its log go to the trash, where they can be restored for 30 days.",
        DeleteForever => "Delete permanently",
        DeleteReason => "Reason for deleting",
        DeleteTitle => "Delete {name}?",
        DeletedAt => "Deleted",
        DeletedBy => "Deleted by",
        DemoArchive => "Demo archive",
        DemoBanner => "Sample data for demonstrations. Your real archive is untouched.",
        DemoExplain => "The demo archive is a separate database with about 200 sample customers. Use it to show Dossier to prospective clients; nothing you do there touches the real archive.",
        DemoResetDone => "The demo archive was reset.",
        DiscardChanges => "Discard my changes",
        DraftRestored => "Your unsaved changes from earlier are back.",
        Department => "Department",
        Edit => "Edit",
        EditContact => "Edit contact",
        EditCustomer => "Edit customer",
        EditReason => "Reason for the change (kept in the history)",
        EditStaff => "Edit staff member",
        Email => "E-mail",
        ErrBlocked => "Another tab keeps an older version of the archive open. Close the other Dossier tabs and reload.",
        ErrConflict => "Someone changed this record in another tab or window. Reload it to see their changes.",
        ErrCorrupt => "A stored record could not be read.",
        ErrFailed => "The archive could not be saved. Nothing was changed; your input is kept.",
        ErrQuota => "The browser has no more space for the archive. Nothing was saved and your input is kept. Free some disk space or empty the trash, then save again.",
        ErrTooNew => "This archive was written by a newer version of Dossier. Open it with the newer version.",
        ErrUnavailable => "The browser does not let Dossier store data here (a private window, or storage is turned off).",
        FieldName => "Field",
        FixFields => "Please correct the marked fields. Nothing was saved; your input is kept.",
        HandOver => "Hand over",
        HandedOver => "{n} customers were handed over.",
        HandoverExplain => "All {n} customers this person owns or co-owns go to the successor. Each customer's history records the handover.",
        HandoverTitle => "Hand over the customers of {name}",
        History => "History",
        Industry => "Industry",
        Kind => "Kind",
        Language => "Language",
        LastReviewed => "Last reviewed",
        LeaveDemo => "Leave the demo",
        Left => "Left",
        ListKeysHint => "Customer list: arrow keys move, Enter opens",
        Loading => "Loading…",
        LogAdded => "Added to the log.",
        LogEntry => "Log entry",
        MarkAsLeft => "Mark this person as having left",
        MarkReviewed => "Mark reviewed",
        MarkedReviewed => "Marked as reviewed.",
        MoveToTrash => "Move to trash",
        MovedToTrash => "Moved to the trash. It can be restored for 30 days.",
        Name => "Name",
        NavCustomers => "Customers",
        NavReview => "Needs review",
        NavSettings => "Settings",
        NavStaff => "Staff",
        NavTrash => "Trash",
        Navigation => "Main",
        NewCustomer => "New customer",
        NewValue => "New",
        NextStep => "Next step",
        NoContacts => "No contacts yet.",
        NoHistory => "No changes recorded yet.",
        NoCustomersYet => "No customers yet. Add the first one, or open the demo archive in Settings.",
        NoLog => "Nothing logged yet.",
        NoMatches => "No customer matches the search and filters.",
        NoStaff => "No staff yet. Add your team to assign owners and use working views.",
        Nobody => "Unknown user",
        NobodySelected => "— not set —",
        NothingToReview => "Every record was reviewed in the last 30 days.",
        OldValue => "Old",
        OpenDemo => "Open the demo archive",
        OpenFailed => "The archive could not be opened",
        Opening => "Opening the archive…",
        LoadingList => "Loading all customers…",
        Owner => "Owner",
        Persistent => "Protected from automatic clearing",
        PersistentNo => "No: the browser may clear the archive when disk space runs low. Back it up regularly.",
        PersistentYes => "Yes",
        Phone => "Phone",
        PrimaryContact => "Primary contact",
        PurgeConfirm => "Delete {name} permanently? This cannot be undone.",
        Purged => "Deleted permanently.",
        Reason => "Reason",
        ReasonRequired => "A reason is required.",
        Region => "Region",
        Remove => "Remove",
        RemoveContactConfirm => "Remove the contact {name}? This is recorded in the history.",
        ResetDemo => "Reset demo",
        Restore => "Restore",
        Restored => "Restored.",
        ReviewExplain => "Records not reviewed for 30 days, by owner",
        Revision => "Revision",
        Role => "Role",
        Save => "Save",
        SaveContact => "Save contact",
        SaveMerged => "Save my changes on their version",
        Saved => "Saved.",
        Scope => "Show",
        Search => "Search",
        StaffMember => "Staff member",
        StaffName => "Name",
        Status => "Status",
        Storage => "Storage",
        StorageAvailable => "Available",
        StorageNote => "The archive lives only in this browser on this computer.",
        StorageUsed => "Used",
        Successor => "Successor",
        Summary => "Summary",
        TabContacts => "Contacts",
        TabLog => "Communication log",
        TabRecord => "Record",
        TrashEmpty => "The trash is empty.",
        TrashExplain => "Deleted customers can be restored for 30 days, then they are purged.",
        Unassigned => "Unassigned",
        WhoAmI => "I am",
        WorkingViewNote => "Roles choose which customers each person sees. On a shared browser this is a working view, not a security boundary: anyone at this computer can switch user.",
        No => "No",
        Yes => "Yes",
        BackupTitle => "Backup",
        BackupExplain => "The archive lives only in this browser. Back it up to a file on the 1st of every month, and keep the file somewhere safe: it restores every customer, contact, log entry, history entry, staff member and setting exactly.",
        LastBackup => "Last backup",
        Never => "Never",
        Passphrase => "Passphrase (optional, encrypts the file)",
        PassphraseAgain => "Passphrase again",
        PassphraseMismatch => "The two passphrases differ.",
        PassphraseNote => "Without the passphrase an encrypted backup cannot be restored by anyone, us included: keep it apart from the file.",
        BackupNow => "Back up now",
        BackingUp => "Writing the backup…",
        BackupSaved => "Backup saved: {name}",
        BackupDue => "It is time for the monthly backup (每月1日备份).",
        Later => "Later",
        RestoreTitle => "Restore from a backup",
        RestoreExplain => "Choose a backup file to see what it holds and how it differs from this browser's archive before anything changes.",
        BackupFile => "Backup file",
        WrittenAt => "Written",
        WrittenBy => "Written by",
        Encrypted => "Encrypted",
        OpenBackup => "Open the backup",
        StoreCol => "Records",
        InBackup => "In the backup",
        InArchive => "In this browser",
        Added => "New",
        Changed => "Changed",
        Removed => "Not in the backup",
        ReplaceAll => "Replace the archive with this backup",
        ReplaceConfirm => "Everything in this browser's archive is replaced by the backup: records not in the backup are gone. Continue?",
        Restoring => "Restoring…",
        RestoreDone => "Restored from the backup: {n} customers.",
        Export => "Export",
        Exporting => "Writing the file…",
        Exported => "Saved {name}: {n} rows",
        OrgStateOwned => "State-owned",
        OrgPrivate => "Private",
        OrgForeign => "Foreign-invested",
        OrgJointVenture => "Joint venture",
        OrgIndividual => "Individual business",
        OrgGovernment => "Government",
        OrgNonProfit => "Non-profit",
    }
}

pub fn field_error(e: &FieldError) -> &'static str {
    match e {
        FieldError::Required => "Required.",
        FieldError::TooLong(_) => "Too long: at most {n} characters.",
        FieldError::Phone => "Not a phone number (digits, spaces, + - ( ), and an extension like 转 123).",
        FieldError::Email => "Not an e-mail address (name@example.com).",
        FieldError::Postcode => "Not a postcode (six digits in China).",
        FieldError::Date => "Not a date (YYYY-MM-DD).",
        FieldError::FutureDate => "This date cannot lie in the future.",
        FieldError::Amount => "Not an amount (for example 1,200.50 or 120万).",
        FieldError::Negative => "Cannot be negative.",
        FieldError::Precision => "At most two decimal places.",
        FieldError::Count => "Not a whole number.",
        FieldError::Url => "Not a web address (www.example.com).",
        FieldError::Currency => "Not a currency code (CNY, USD…).",
        FieldError::Unknown => "Not one of the allowed values.",
        FieldError::RequiredWhenLost => "Required for a lost customer.",
        FieldError::SameAsOwner => "Must be someone other than the owner.",
    }
}

pub fn backup_error(e: &BackupError) -> &'static str {
    match e {
        BackupError::Empty => "The file is empty.",
        BackupError::NotABackup => "This is not a Dossier backup file.",
        BackupError::FormatTooNew(_) => "This backup is in format {n}, written by a newer version of Dossier. Update Dossier to restore it.",
        BackupError::SchemaTooNew { .. } => "This backup holds archive version {n}; this Dossier knows up to version {m}. Update Dossier to restore it.",
        BackupError::BadHeader(_) => "The backup's header is damaged ({name}).",
        BackupError::CutShort { .. } => "The file is cut short: {n} of {m} bytes. The copy or download was probably interrupted.",
        BackupError::TrailingBytes(_) => "The file has {n} bytes more than a backup of it should: it was changed after it was written.",
        BackupError::Checksum => "The contents do not match the backup's checksum: the file was damaged or changed after it was written.",
        BackupError::NeedsPassphrase => "This backup is encrypted: enter its passphrase.",
        BackupError::WrongPassphrase => "The passphrase is wrong, or the file was changed after it was written.",
        BackupError::UnknownStore(_) => "The backup holds records this version of Dossier does not know ({name}).",
        BackupError::CountMismatch { .. } => "The backup should hold {m} records of {name} and holds {n}.",
        BackupError::BadRecord { .. } => "Record {n} cannot be read ({name}).",
        BackupError::DuplicateId { .. } => "The backup holds one record twice ({name}).",
        BackupError::Crypto(_) => "This browser could not encrypt or check the file ({name}).",
    }
}

pub fn status(v: Status) -> &'static str {
    match v {
        Status::Potential => "Potential",
        Status::Active => "Active",
        Status::NotCooperating => "Not cooperating",
        Status::Lost => "Lost",
    }
}

pub fn kind(v: CustomerKind) -> &'static str {
    match v {
        CustomerKind::Dealer => "Dealer",
        CustomerKind::EndCustomer => "End customer",
    }
}

pub fn confidentiality(v: Confidentiality) -> &'static str {
    match v {
        Confidentiality::Company => "Company",
        Confidentiality::Department => "Department",
        Confidentiality::Personal => "Personal",
    }
}

pub fn role(v: Role) -> &'static str {
    match v {
        Role::SalesRep => "Sales representative",
        Role::DepartmentManager => "Department manager",
        Role::Director => "Director",
        Role::CustomerService => "Customer service",
        Role::GeneralManager => "General manager",
    }
}

pub fn channel(v: Channel) -> &'static str {
    match v {
        Channel::Call => "Call",
        Channel::Letter => "Letter",
        Channel::Fax => "Fax",
        Channel::Email => "E-mail",
        Channel::Meeting => "Meeting",
        Channel::Visit => "Visit",
    }
}

pub fn scope(v: Scope) -> &'static str {
    match v {
        Scope::Mine => "My customers",
        Scope::Department => "My department",
        Scope::All => "All customers",
    }
}

pub fn section(v: Section) -> &'static str {
    match v {
        Section::Basic => "Basic data",
        Section::Characteristics => "Characteristics",
        Section::Business => "Business status",
        Section::Transactions => "Transaction status",
        Section::Card => "Card",
    }
}

pub fn action(v: Action) -> &'static str {
    match v {
        Action::Created => "Created",
        Action::Updated => "Changed",
        Action::Deleted => "Deleted",
        Action::Restored => "Restored",
        Action::HandedOver => "Handed over",
        Action::Reviewed => "Reviewed",
        Action::Imported => "Imported",
    }
}

pub fn entity(v: Kind) -> &'static str {
    match v {
        Kind::Customer => "Customer",
        Kind::Row => "List row",
        Kind::Contact => "Contact",
        Kind::Interaction => "Communication log",
        Kind::History => "History",
        Kind::Trash => "Trash",
        Kind::Staff => "Staff",
        Kind::Setting => "Setting",
    }
}

pub fn field(v: Field) -> &'static str {
    match v {
        Field::Name => "Customer name",
        Field::ShortName => "Short name",
        Field::Kind => "Kind",
        Field::Status => "Status",
        Field::LostOn => "Lost on",
        Field::LostReason => "Reason for the loss",
        Field::Owner => "Owner",
        Field::CoOwner => "Second responsible",
        Field::Confidentiality => "Confidentiality",
        Field::Industry => "Industry",
        Field::Region => "Region",
        Field::OrgForm => "Organisation form",
        Field::Address => "Address",
        Field::Postcode => "Postcode",
        Field::Phone => "Phone",
        Field::Fax => "Fax",
        Field::Email => "E-mail",
        Field::Website => "Website",
        Field::LegalRep => "Legal representative",
        Field::Founded => "Founded",
        Field::TradingSince => "Trading with us since",
        Field::Currency => "Currency",
        Field::RegisteredCapital => "Registered capital",
        Field::Assets => "Assets",
        Field::BusinessScope => "Business scope",
        Field::ServiceArea => "Service area",
        Field::SalesCapacity => "Sales capacity",
        Field::GrowthPotential => "Growth potential",
        Field::Philosophy => "Business philosophy and policies",
        Field::Culture => "Company culture",
        Field::Employees => "Employees",
        Field::AnnualRevenue => "Annual revenue",
        Field::ManagementStyle => "Management style",
        Field::PurchaseDecision => "How it decides to buy, and who decides",
        Field::SalesPerformance => "Sales performance with us",
        Field::StaffQuality => "Quality of its managers and staff",
        Field::CompetitorRelations => "Relations with our competitors",
        Field::CooperationAttitude => "Cooperation attitude",
        Field::SalesActivity => "Sales activity",
        Field::Problems => "Problems",
        Field::Strengths => "Strengths",
        Field::Plans => "Plans",
        Field::Reputation => "Reputation and image",
        Field::CreditStatus => "Credit status",
        Field::TradeTerms => "Trade terms",
        Field::CreditProblems => "Past credit problems",
        Field::Brands => "Brands carried",
        Field::SalesNetwork => "Sales network",
        Field::Logistics => "Warehousing and logistics",
        Field::SubDealers => "Sub-dealers",
        Field::Needs => "Needs and use",
        Field::PurchaseCycle => "Purchase cycle",
        Field::Notes => "Notes",
    }
}

pub fn contact_field(v: ContactField) -> &'static str {
    match v {
        ContactField::Name => "Contact name",
        ContactField::Title => "Title",
        ContactField::Mobile => "Mobile",
        ContactField::Phone => "Office phone",
        ContactField::Email => "E-mail",
        ContactField::Messaging => "WeChat / messaging",
        ContactField::Birthday => "Birthday",
        ContactField::Primary => "Primary contact",
        ContactField::Personality => "Personality",
        ContactField::Hobbies => "Hobbies",
        ContactField::Family => "Family",
        ContactField::Education => "Education",
        ContactField::Preferences => "Preferences",
        ContactField::Notes => "Notes",
    }
}
