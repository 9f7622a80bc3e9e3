//! A realistic, deterministic demo archive: staff, customers, contacts and a
//! communication log for showing the product to prospective clients. The
//! benchmark uses the same generator at much larger sizes.
//!
//! Everything comes from one [`SplitMix`] seed, so the same seed and size
//! always give the same archive. Ids are readable and deterministic
//! (`demo-s01`, `demo-c000123`, `demo-k000123-1`, `demo-i000123-1`).

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rust_decimal::Decimal;

use super::ids::SplitMix;
use super::customer::CreditRating;
use super::sorting;
use super::{
    ChangeSet, Channel, Confidentiality, Contact, Customer, CustomerKind, CustomerRow, Expect, Field, Interaction, Transaction,
    Role, Staff, Status,
};

// ---------------------------------------------------------------------------
// Data lists
// ---------------------------------------------------------------------------

/// The demo company's people: (id, name, department, role, mobile, e-mail).
const STAFF: &[(&str, &str, &str, Role, &str, &str)] = &[
    ("demo-s01", "张伟", "华东销售部", Role::SalesRep, "13816620381", "zhang.wei@dossier-demo.com.cn"),
    ("demo-s02", "李娜", "华东销售部", Role::SalesRep, "13917735102", "li.na@dossier-demo.com.cn"),
    ("demo-s03", "王磊", "华南销售部", Role::SalesRep, "13602581147", "wang.lei@dossier-demo.com.cn"),
    ("demo-s04", "Emily Chen", "华东销售部", Role::DepartmentManager, "13801926655", "emily.chen@dossier-demo.com.cn"),
    ("demo-s05", "刘洋", "华南销售部", Role::DepartmentManager, "13923370918", "liu.yang@dossier-demo.com.cn"),
    ("demo-s06", "陈静", "市场部", Role::Director, "13788209134", "chen.jing@dossier-demo.com.cn"),
    ("demo-s07", "David Wong", "客户服务部", Role::CustomerService, "15821047763", "david.wong@dossier-demo.com.cn"),
    ("demo-s08", "赵敏", "总经办", Role::GeneralManager, "13501608827", "zhao.min@dossier-demo.com.cn"),
];

/// Who owns accounts in the east and north (reps twice as often as the manager).
const OWNERS_EAST: &[&str] = &["demo-s01", "demo-s02", "demo-s01", "demo-s02", "demo-s04"];
/// Who owns accounts in the south, Hong Kong and abroad.
const OWNERS_SOUTH: &[&str] = &["demo-s03", "demo-s03", "demo-s05"];
/// Second responsible people: the department plus customer service.
const CO_OWNERS_EAST: &[&str] = &["demo-s01", "demo-s02", "demo-s04", "demo-s07"];
const CO_OWNERS_SOUTH: &[&str] = &["demo-s03", "demo-s05", "demo-s07"];

/// A city customers are based in.
struct City {
    name: &'static str,
    /// How addresses start, e.g. "北京市".
    prefix: &'static str,
    region: &'static str,
    /// Telephone prefix including the separator, e.g. "010-" or "+852 ".
    area: &'static str,
    districts: &'static [&'static str],
    postcodes: &'static [&'static str],
}

const CITIES: &[City] = &[
    City { name: "北京", prefix: "北京市", region: "华北", area: "010-",
           districts: &["朝阳区", "海淀区", "东城区", "西城区"], postcodes: &["100020", "100080", "100010", "100032"] },
    City { name: "上海", prefix: "上海市", region: "华东", area: "021-",
           districts: &["静安区", "徐汇区", "浦东新区", "长宁区"], postcodes: &["200040", "200030", "200120", "200050"] },
    City { name: "广州", prefix: "广州市", region: "华南", area: "020-",
           districts: &["天河区", "越秀区", "海珠区"], postcodes: &["510620", "510030", "510220"] },
    City { name: "深圳", prefix: "深圳市", region: "华南", area: "0755-",
           districts: &["福田区", "南山区", "罗湖区"], postcodes: &["518000", "518052", "518001"] },
    City { name: "杭州", prefix: "杭州市", region: "华东", area: "0571-",
           districts: &["西湖区", "上城区", "滨江区"], postcodes: &["310012", "310002", "310051"] },
    City { name: "成都", prefix: "成都市", region: "西南", area: "028-",
           districts: &["锦江区", "武侯区", "高新区"], postcodes: &["610021", "610041", "610094"] },
    City { name: "南京", prefix: "南京市", region: "华东", area: "025-",
           districts: &["鼓楼区", "玄武区", "建邺区"], postcodes: &["210008", "210018", "210019"] },
    City { name: "武汉", prefix: "武汉市", region: "华中", area: "027-",
           districts: &["江汉区", "武昌区", "洪山区"], postcodes: &["430015", "430060", "430070"] },
    City { name: "苏州", prefix: "苏州市", region: "华东", area: "0512-",
           districts: &["姑苏区", "工业园区", "吴中区"], postcodes: &["215002", "215021", "215128"] },
    City { name: "厦门", prefix: "厦门市", region: "华南", area: "0592-",
           districts: &["思明区", "湖里区"], postcodes: &["361001", "361006"] },
    City { name: "西安", prefix: "西安市", region: "西北", area: "029-",
           districts: &["雁塔区", "碑林区"], postcodes: &["710061", "710001"] },
    City { name: "沈阳", prefix: "沈阳市", region: "东北", area: "024-",
           districts: &["和平区", "沈河区"], postcodes: &["110001", "110013"] },
    City { name: "香港", prefix: "香港", region: "港澳台", area: "+852 ",
           districts: &["中环", "湾仔", "尖沙咀"], postcodes: &[""] },
];

/// Where English-named companies are: mostly Hong Kong, Shanghai and abroad.
/// (city, region, phone prefix, postcode, address)
const ENGLISH_LOCALES: &[(&str, &str, &str, &str, &str)] = &[
    ("Hong Kong", "港澳台", "+852 ", "", "香港湾仔港湾道"),
    ("Hong Kong", "港澳台", "+852 ", "", "香港九龙尖沙咀广东道"),
    ("Shanghai", "华东", "021-", "200040", "上海市静安区南京西路"),
    ("Shenzhen", "华南", "0755-", "518048", "深圳市福田区福华三路"),
    ("Singapore", "Overseas", "+65 ", "018989", "10 Marina Boulevard, Singapore"),
    ("Los Angeles", "Overseas", "+1 213-", "90071", "355 South Grand Avenue, Los Angeles, CA"),
];

/// Company name stems and their pinyin (for e-mail and web addresses).
const STEMS: &[(&str, &str)] = &[
    ("华联", "hualian"), ("新锐", "xinrui"), ("恒通", "hengtong"), ("博雅", "boya"), ("星河", "xinghe"),
    ("云帆", "yunfan"), ("金鼎", "jinding"), ("天合", "tianhe"), ("瑞丰", "ruifeng"), ("嘉禾", "jiahe"),
    ("宏图", "hongtu"), ("远景", "yuanjing"), ("东方", "dongfang"), ("盛世", "shengshi"), ("汇通", "huitong"),
    ("鼎盛", "dingsheng"), ("联创", "lianchuang"), ("海纳", "haina"), ("锦程", "jincheng"), ("智诚", "zhicheng"),
    ("卓越", "zhuoyue"), ("明德", "mingde"), ("富源", "fuyuan"), ("正道", "zhengdao"),
];

/// Line of business: (name word, web slug, industry).
const BUSINESSES: &[(&str, &str, &str)] = &[
    ("广告", "ad", "广告传媒"),
    ("传媒", "media", "广告传媒"),
    ("文化传播", "culture", "广告传媒"),
    ("营销策划", "marketing", "广告传媒"),
    ("品牌设计", "design", "广告传媒"),
    ("会展", "expo", "会展活动"),
    ("数码科技", "tech", "互联网科技"),
    ("食品", "food", "快消品"),
    ("酒店", "hotel", "酒店旅游"),
    ("地产", "realty", "房地产"),
    ("汽车销售服务", "auto", "汽车"),
    ("投资管理", "capital", "金融服务"),
    ("教育咨询", "edu", "教育培训"),
    ("医疗器械", "medical", "医疗健康"),
];

/// Legal forms; the first three times as common as the second.
const LEGAL_FORMS: &[&str] = &["有限公司", "股份有限公司"];

const ENGLISH_STEMS: &[&str] = &[
    "Sunrise", "Blue Harbour", "Northwind", "Silver Oak", "Golden Gate", "Pacific Rim", "Evergreen", "Redwood",
    "Crystal Bay", "Summit", "Lotus", "Jade Dragon", "Orient Star", "Kowloon", "Harbour View", "Maple Leaf",
    "Bright Path", "Island", "Peak", "Starlight",
];

/// English line of business: (words, web slug, industry).
const ENGLISH_BUSINESSES: &[(&str, &str, &str)] = &[
    ("Events", "events", "会展活动"),
    ("Media", "media", "广告传媒"),
    ("Trading", "trading", "快消品"),
    ("Marketing", "marketing", "广告传媒"),
    ("Creative", "creative", "广告传媒"),
    ("Communications", "comms", "广告传媒"),
    ("Hospitality", "hospitality", "酒店旅游"),
    ("Exhibitions", "expo", "会展活动"),
    ("Properties", "properties", "房地产"),
    ("Motors", "motors", "汽车"),
    ("Capital", "capital", "金融服务"),
    ("Digital", "digital", "互联网科技"),
];

const ENGLISH_LEGAL_FORMS: &[&str] = &["Ltd", "Limited", "Co.", "Group", "Inc."];

const ORG_FORMS: &[&str] = &[
    "民营企业", "民营企业", "民营企业", "民营企业", "民营企业", "民营企业", "国有企业", "国有企业",
    "中外合资", "外资企业", "个体工商户", "政府机关", "非营利组织",
];
const ENGLISH_ORG_FORMS: &[&str] = &["外资企业", "外资企业", "中外合资"];

/// Customer types of end customers (a dealer is a channel partner), in turn
/// by customer number: no draw of the generator, so the customers it makes
/// are the ones it made before types were kept.
const END_CUSTOMER_TYPES: &[&str] = &["广告主", "广告主", "活动客户", "营销客户", "广告主", "媒体合作方"];

const STREETS: &[&str] = &[
    "建国路", "中山路", "人民路", "解放路", "建设路", "新华路", "文化路", "和平路", "长江路", "滨江大道",
];
const HK_STREETS: &[&str] = &["皇后大道中", "德辅道中", "轩尼诗道", "弥敦道"];
const BUILDINGS: &[&str] = &["国际大厦", "财富中心", "金融广场", "科技园", "商务中心", "国贸大厦"];

const LOST_REASONS: &[&str] = &[
    "价格竞争失利",
    "客户内部预算削减",
    "服务响应慢",
    "客户决策人变更，转向竞争对手",
    "项目取消",
    "对上次活动执行效果不满意",
];

const SERVICE_AREAS: &[&str] = &["华东地区", "长三角及周边城市", "珠三角地区", "全国重点城市", "省内各地级市", "京津冀地区", "港澳及东南亚"];
const GROWTH: &[&str] = &[
    "年增长约15%，潜力较大",
    "业务稳定，增长有限",
    "正在拓展线上渠道，增长较快",
    "新开两家分店，需求上升",
    "行业调整期，短期增长放缓",
];
const ATTITUDES: &[&str] = &[
    "积极配合，沟通顺畅",
    "决策较慢，需要多次跟进",
    "对价格敏感，重视性价比",
    "重视长期合作，信誉良好",
    "态度一般，需加强关系维护",
];
const PLANS: &[&str] = &[
    "明年计划扩大线上投放",
    "下半年筹备十周年庆典",
    "计划在华南新设办事处",
    "拟举办年度经销商大会",
    "准备推出新产品线，需要整合营销",
];
const BRANDS: &[&str] = &["代理国内外多个知名品牌", "主营自有品牌，兼营进口品牌", "独家代理三个欧洲品牌", "以国产一线品牌为主"];
const SALES_NETWORKS: &[&str] = &["覆盖省内12个地级市", "下设30余家二级经销商", "线上旗舰店加线下门店", "以商超渠道为主"];
const NEEDS: &[&str] = &[
    "年度品牌推广",
    "新品发布会策划",
    "展会展台设计与搭建",
    "社交媒体内容运营",
    "客户答谢会及年会",
    "户外广告投放",
];
const PURCHASE_CYCLES: &[&str] = &["按季度采购", "每年年初集中招标", "按项目采购", "每月小额下单"];

/// Chinese surnames with pinyin.
const SURNAMES: &[(&str, &str)] = &[
    ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"), ("黄", "huang"),
    ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"), ("马", "ma"), ("朱", "zhu"),
    ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("林", "lin"), ("高", "gao"), ("罗", "luo"),
];
/// Chinese given names with pinyin.
const GIVEN_NAMES: &[(&str, &str)] = &[
    ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("强", "qiang"),
    ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("涛", "tao"),
    ("明", "ming"), ("超", "chao"), ("秀英", "xiuying"), ("建国", "jianguo"), ("志强", "zhiqiang"),
    ("晓明", "xiaoming"), ("海燕", "haiyan"), ("文博", "wenbo"), ("思远", "siyuan"), ("雅琴", "yaqin"),
    ("丽华", "lihua"), ("国栋", "guodong"), ("婷婷", "tingting"), ("子轩", "zixuan"),
];
const ENGLISH_FIRST: &[&str] = &[
    "James", "Michael", "David", "Peter", "Kevin", "Jason", "Tony", "Sarah", "Emily", "Grace", "Linda", "Karen",
    "Jessica", "Vivian", "Alice", "Eric",
];
const ENGLISH_LAST: &[&str] = &[
    "Chan", "Wong", "Lee", "Cheung", "Lau", "Ng", "Smith", "Brown", "Taylor", "Tan", "Lim", "Johnson", "Miller", "Ho",
];

const TITLES: &[&str] = &["总经理", "副总经理", "市场总监", "采购经理", "品牌经理", "行政主管", "市场专员", "财务经理"];
const ENGLISH_TITLES: &[&str] =
    &["General Manager", "Marketing Director", "Purchasing Manager", "Brand Manager", "Office Manager"];
const HOBBIES: &[&str] = &["高尔夫", "羽毛球", "茶艺", "摄影", "旅行", "书法", "马拉松", "钓鱼", "红酒", "围棋"];
const FAMILIES: &[&str] = &["已婚，一子", "已婚，一女", "已婚，一儿一女", "未婚", "已婚，无子女", "已婚，孩子在读高中"];
const EDUCATIONS: &[&str] = &["本科", "硕士", "MBA", "EMBA", "大专", "本科，复旦大学", "硕士，中山大学", "MBA，中欧国际工商学院"];
const PERSONALITIES: &[&str] = &["性格爽快，做事果断", "谨慎细致，注重细节", "健谈，重视人情关系", "理性务实，看重数据", "比较内向，不喜应酬"];
const PREFERENCES: &[&str] = &[
    "喜欢喝普洱茶",
    "不喜欢饭局，偏好工作餐",
    "偏好邮件沟通",
    "周末不接工作电话",
    "喜欢粤菜",
    "重视准时，开会不要迟到",
];

/// Next steps recorded after a conversation.
const NEXT_STEPS: &[&str] = &[
    "下周三前提交方案",
    "月底跟进合同",
    "安排设计师上门沟通",
    "等待客户内部审批",
    "两周后电话回访",
    "准备修改后的报价",
    "邀请客户参观公司",
    "",
];

/// What a log entry on this channel typically says.
fn summaries(channel: Channel) -> &'static [&'static str] {
    match channel {
        Channel::Call => &[
            "电话沟通下季度广告投放预算",
            "电话确认活动场地和日期",
            "电话回访，了解上次活动反馈",
            "电话询问付款进度",
        ],
        Channel::Letter => &["寄送合作协议原件", "寄送新年贺卡及公司画册", "寄送发票及结算单"],
        Channel::Fax => &["传真确认订单明细", "传真发送盖章报价单", "传真收到客户采购单"],
        Channel::Email => &["邮件发送报价单", "邮件发送活动策划方案初稿", "邮件确认合同条款修改", "邮件发送项目结案报告"],
        Channel::Meeting => &["参加客户年会", "在公司会议室进行方案讲解", "参加客户新品发布会", "与客户高层共进午餐"],
        Channel::Visit => &["上门拜访，介绍新的活动策划方案", "上门拜访，了解明年营销计划", "拜访客户新任市场总监", "上门收集品牌素材"],
    }
}

// ---------------------------------------------------------------------------
// The archive
// ---------------------------------------------------------------------------

/// A complete demo archive, ready to be written with [`changeset`].
#[derive(Clone, Debug, PartialEq)]
pub struct DemoArchive {
    pub staff: Vec<Staff>,
    pub customers: Vec<Customer>,
    /// Grouped by customer, in customer order; the first of each group is primary.
    pub contacts: Vec<Contact>,
    pub interactions: Vec<Interaction>,
    /// Grouped by customer, in customer order.
    pub transactions: Vec<Transaction>,
    pub complaints: Vec<super::complaint::Complaint>,
    pub visits: Vec<super::visit::Visit>,
}

/// Makes the demo archive a batch of customers at a time, so that a very large
/// archive (the benchmark's 100,000 customers) never has to be held whole.
/// Batches continue one another: the same seed gives the same customers
/// whatever the batch sizes.
pub struct Generator {
    rng: SplitMix,
    names: NameBook,
    channel_turn: usize,
    next: usize,
    contacts_per_customer: usize,
    log_per_customer: usize,
    /// Transactions of a customer that trades with the agency, at most;
    /// drawn from a generator of their own, so that asking for none leaves
    /// the customers, contacts and log exactly as they were.
    transactions_per_customer: usize,
    deals: SplitMix,
    now: DateTime<Utc>,
}

impl Generator {
    pub fn new(contacts_per_customer: usize, log_per_customer: usize, seed: u64, now: DateTime<Utc>) -> Self {
        Generator {
            rng: SplitMix(seed),
            names: NameBook::default(),
            channel_turn: 0,
            next: 1,
            contacts_per_customer,
            log_per_customer,
            transactions_per_customer: 0,
            deals: SplitMix(seed ^ 0x7472_6164_6573),
            now,
        }
    }

    /// Give each active or lost customer up to `n` transactions.
    pub fn with_transactions(mut self, n: usize) -> Self {
        self.transactions_per_customer = n;
        self
    }

    /// The next `n` customers with their contacts and log (no staff).
    pub fn batch(&mut self, n: usize) -> DemoArchive {
        let mut archive = DemoArchive {
            staff: Vec::new(),
            customers: Vec::with_capacity(n),
            contacts: Vec::with_capacity(n * self.contacts_per_customer),
            interactions: Vec::with_capacity(n * self.log_per_customer),
            transactions: Vec::new(),
            complaints: Vec::new(),
            visits: Vec::new(),
        };
        let mut days: Vec<i64> = Vec::with_capacity(self.log_per_customer);
        for i in self.next..self.next + n {
            let (customer, domain) = customer(&mut self.rng, &mut self.names, i, self.now);
            for k in 1..=self.contacts_per_customer {
                archive.contacts.push(contact(&mut self.rng, &customer, &domain, i, k, self.now));
            }
            days.clear();
            days.extend((0..self.log_per_customer).map(|_| self.rng.below(365) as i64));
            sorting::sort_by(&mut days, |a, b| b.cmp(a)); // oldest first
            for (j, &back) in days.iter().enumerate() {
                let channel = Channel::ALL[self.channel_turn % Channel::ALL.len()];
                self.channel_turn += 1;
                archive.interactions.push(interaction(&mut self.rng, &customer, i, j + 1, back, channel, self.now));
            }
            if self.transactions_per_customer > 0 && matches!(customer.status, Status::Active | Status::Lost) {
                let n = 1 + self.deals.below(self.transactions_per_customer);
                for j in 1..=n {
                    archive.transactions.push(deal(&mut self.deals, &customer, i, j, self.now));
                }
            }
            archive.customers.push(customer);
        }
        self.next += n;
        archive
    }
}

/// A deterministic archive of `n` customers with the demo staff: same seed
/// and n, same archive.
pub fn generate(
    n: usize,
    contacts_per_customer: usize,
    log_per_customer: usize,
    seed: u64,
    now: DateTime<Utc>,
) -> DemoArchive {
    let mut archive = Generator::new(contacts_per_customer, log_per_customer, seed, now).batch(n);
    archive.staff = staff();
    archive
}

/// The demo staff, for an archive filled in batches.
pub fn demo_staff() -> Vec<Staff> {
    staff()
}

/// The change set that writes the whole archive: every staff member, customer,
/// list row, contact and log entry, over whatever is stored (`Expect::Any`).
/// Contacts must be grouped by customer in customer order, as [`generate`] makes them.
pub fn changeset(archive: &DemoArchive) -> ChangeSet {
    into_changeset(archive.clone())
}

/// [`changeset`] for an archive no longer needed, moving its records instead
/// of copying them (half the work for a large archive).
pub fn into_changeset(archive: DemoArchive) -> ChangeSet {
    let DemoArchive { staff, customers, contacts, interactions, transactions, complaints, visits } = archive;
    let rows = rows(&customers, &contacts, &transactions);
    let mut set = ChangeSet::default();
    set.ops.reserve(staff.len() + 2 * customers.len() + contacts.len() + interactions.len());
    for s in staff {
        set.put(s, Expect::Any);
    }
    for (c, row) in customers.into_iter().zip(rows) {
        set.put(c, Expect::Any);
        set.put(row, Expect::Any);
    }
    for k in contacts {
        set.put(k, Expect::Any);
    }
    for i in interactions {
        set.put(i, Expect::Any);
    }
    for t in transactions {
        set.put(t, Expect::Any);
    }
    for c in complaints {
        set.put(c, Expect::Any);
    }
    for v in visits {
        set.put(v, Expect::Any);
    }
    set
}

/// One list row per customer, each from the run of contacts that follows the
/// previous customer's: linear, with no search.
pub fn rows(customers: &[Customer], contacts: &[Contact], transactions: &[Transaction]) -> Vec<CustomerRow> {
    let (mut contacts, mut transactions) = (contacts, transactions);
    customers
        .iter()
        .map(|c| {
            let mine = take_run(&mut contacts, |k| k.customer_id == c.id);
            let deals = take_run(&mut transactions, |t| t.customer_id == c.id);
            CustomerRow::of(c, mine, deals)
        })
        .collect()
}

/// The leading items of `rest` that `belongs`, taken off it.
fn take_run<'a, T>(rest: &mut &'a [T], belongs: impl Fn(&T) -> bool) -> &'a [T] {
    let run = rest.iter().take_while(|x| belongs(x)).count();
    let (mine, tail) = rest.split_at(run);
    *rest = tail;
    mine
}

/// The sample agency the app opens as its demo: 200 customers with contacts,
/// log and transactions, the demo staff, and each customer graded by the
/// default rules, so every page has something to show.
pub fn sample_agency(now: DateTime<Utc>) -> DemoArchive {
    let mut archive = Generator::new(2, 3, 2026, now).with_transactions(8).batch(200);
    archive.staff = staff();
    let grading = super::grading::Grading::default();
    let today = now.date_naive();
    let mut deals = archive.transactions.as_slice();
    for c in &mut archive.customers {
        let mine: Vec<&Transaction> = take_run(&mut deals, |t| t.customer_id == c.id).iter().collect();
        c.grade = grading.grade(&super::grading::Figures::of(c, &mine, today, grading.months)).grade;
    }
    let (complaints, visits) = service_records(&archive, today);
    archive.complaints = complaints;
    archive.visits = visits;
    archive
}

/// `c` taken along its procedure, up to `n` steps: `next` writes each step
/// from those its stage offers, or none to stop; a step refused ends the walk.
fn walk(mut c: super::complaint::Complaint, n: usize, mut next: impl FnMut(&super::complaint::Complaint) -> Option<super::complaint::Entry>) -> super::complaint::Complaint {
    for _ in 0..n {
        let Some(entry) = next(&c) else { break };
        match c.take(entry) {
            Ok(taken) => c = taken,
            Err(_) => break,
        }
    }
    c
}

/// The demo's complaints and follow-up calls and visits: about one customer
/// in eight has complained in the last two months, each complaint taken a
/// few steps along its procedure (some closed, some overdue), and the
/// active customers have been called or visited in the last four months,
/// some with answers still owed.
fn service_records(archive: &DemoArchive, today: NaiveDate) -> (Vec<super::complaint::Complaint>, Vec<super::visit::Visit>) {
    use super::calendar::WorkCalendar;
    use super::complaint::{Channel, Complaint, ComplaintRules, Entry, Severity, Step, CATEGORIES};
    use super::visit::{Mode, Promise, Topic, Visit};
    const HAPPENED: &[&str] = &[
        "活动现场物料晚到半小时,开场被迫推迟",
        "策划方案修改三次仍未达到要求",
        "发票开具比约定晚了两周",
        "项目对接人更换,未提前告知客户",
        "户外广告投放时段与合同不符",
        "展台搭建尺寸与设计图不一致",
    ];
    const ASKS: &[&str] = &["说明原因并给出补救方案", "减免部分费用", "更换项目负责人", ""];
    const FEEDBACK: &[&str] = &[
        "对本次活动执行满意,希望继续合作",
        "希望报价更透明,分项列明",
        "新品发布会需要提前一个月沟通",
        "对设计稿修改效率不太满意",
        "整体满意,期待明年的框架合同",
    ];
    const QUESTIONS: &[&str] = &["明年框架合同报价", "展会场地备选方案", "新媒体投放数据报告", "年会节目策划样例"];
    let mut rng = SplitMix(0x7365_7276_6963_65);
    let rules = ComplaintRules::default();
    let calendar = WorkCalendar::default();
    let staff = &archive.staff;
    let departments = ["华东销售部", "华南销售部", "客户服务部"];
    let contact_of = |id: &str| archive.contacts.iter().find(|k| k.customer_id == id).map(|k| k.name.clone()).unwrap_or_else(|| "客户代表".into());
    let day = |n: usize| today - Duration::days(n as i64);
    let mut complaints = Vec::new();
    let mut visits = Vec::new();
    for (n, c) in archive.customers.iter().enumerate().filter(|(_, c)| matches!(c.status, Status::Active | Status::Potential)) {
        if n % 8 == 3 {
            let on = day(rng.below(60));
            let complaint = Complaint {
                id: format!("demo-q{n:03}"),
                customer_id: c.id.clone(),
                rev: 1,
                received_at: DateTime::from_naive_utc_and_offset(on.and_hms_opt(2, 0, 0).expect("a time"), Utc),
                channel: *rng.pick(Channel::ALL),
                complainant: contact_of(&c.id),
                category: rng.pick(CATEGORIES).to_string(),
                what_happened: rng.pick(HAPPENED).to_string(),
                asks_for: rng.pick(ASKS).to_string(),
                severity: *rng.pick(&[Severity::Normal, Severity::Normal, Severity::High, Severity::Low]),
                received_by: c.owner.clone(),
                ..Complaint::default()
            }
            .received(on, &rules, &calendar);
            // Taken up to every step to closed; one received in the last few days, hardly any.
            let mut when = on;
            let steps = if (today - on).num_days() < 3 { rng.below(2) } else { rng.below(10) };
            let complaint = walk(complaint, steps, |x| {
                let &step = x.stage.steps().iter().find(|s| !matches!(s, Step::Decline | Step::Reject))?;
                // Mostly the same day, now and then the next: most deadlines are kept.
                when = (when + Duration::days((rng.below(5) / 4) as i64)).min(today);
                Some(Entry {
                    step,
                    on: when,
                    by: super::Actor { id: c.owner.clone(), name: c.owner.as_deref().and_then(|o| staff.iter().find(|s| s.id == o)).map(|s| s.name.clone()).unwrap_or_default() },
                    note: match step {
                        Step::Propose => "向客户致歉,减免本次服务费 10%".into(),
                        Step::Reply => "已电话及书面答复客户".into(),
                        Step::FollowUp => rng.pick(FEEDBACK).to_string(),
                        Step::Close => "原因已查明,流程已改进".into(),
                        _ => String::new(),
                    },
                    department: rng.pick(&departments).to_string(),
                    responsible: c.owner.iter().cloned().collect(),
                    satisfaction: Some(3 + rng.below(3) as u8),
                    evaluation: "处理及时".into(),
                    ..Entry::default()
                })
            });
            complaints.push(complaint);
        }
        if c.status != Status::Active {
            continue;
        }
        for k in 0..1 + rng.below(3) {
            let date = day(3 + rng.below(120));
            let promises = match rng.below(4) {
                0 => vec![Promise { question: rng.pick(QUESTIONS).to_string(), answer_by: (date + Duration::days(7 + rng.below(14) as i64)), answered_on: None }],
                _ => Vec::new(),
            }
            .into_iter()
            .map(|p| Promise { answered_on: (p.answer_by < day(7)).then_some(p.answer_by), ..p })
            .collect();
            visits.push(Visit {
                id: format!("demo-v{n:03}-{k}"),
                customer_id: c.id.clone(),
                rev: 1,
                date,
                mode: if rng.below(3) == 0 { Mode::Visit } else { Mode::Call },
                // Customer service calls the customers nobody owns.
                staff: c.owner.clone().or_else(|| Some("demo-s07".into())),
                topics: vec![*rng.pick(Topic::ALL)],
                feedback: rng.pick(FEEDBACK).to_string(),
                satisfaction: Some(3 + rng.below(3) as u8),
                promises,
                created_at: DateTime::from_naive_utc_and_offset(date.and_hms_opt(6, 0, 0).expect("a time"), Utc),
                ..Visit::default()
            });
        }
    }
    (complaints, visits)
}

/// Exactly `per_customer` transactions for each of `customers`, from `seed`:
/// what the benchmark's analysis figures are worked out from.
pub fn transactions_for(customers: &[Customer], per_customer: usize, seed: u64, now: DateTime<Utc>) -> Vec<Transaction> {
    let mut rng = SplitMix(seed);
    let mut out = Vec::with_capacity(customers.len() * per_customer);
    for (i, c) in customers.iter().enumerate() {
        out.extend((1..=per_customer).map(|j| deal(&mut rng, c, i + 1, j, now)));
    }
    out
}

const PRODUCTS: &[&str] = &[
    "品牌年度整合传播", "年度广告代理", "新品发布会", "展会设计搭建", "媒介投放", "社交媒体代运营",
    "户外广告", "活动执行", "企业宣传片", "Brand strategy", "Trade show booth", "Digital campaign",
];
const MODES: &[&str] = &["年度代理", "项目制", "框架协议", "Retainer", "Per project"];

/// Transaction `j` of customer `i`: within the last two years, sized by the
/// customer's revenue (so a few customers bring most of the sales), mostly
/// paid, the recent ones sometimes not yet, a few of them late.
fn deal(rng: &mut SplitMix, c: &Customer, i: usize, j: usize, now: DateTime<Utc>) -> Transaction {
    let today = now.date_naive();
    let date = today - Duration::days(rng.below(720) as i64);
    // A few customers spend far more with the agency than the rest (the
    // 80/20 the seeds speak of): a weight from the customer's number.
    let weight = Decimal::from([1, 1, 1, 1, 2, 2, 3, 5, 8, 20][(i * 7 + 3) % 10]);
    let revenue = c.annual_revenue.unwrap_or(Decimal::from(1_000_000));
    let amount = ((revenue * weight * Decimal::from(5 + rng.below(40) as i64) / Decimal::from(20_000_000)).round() * Decimal::from(100)).max(Decimal::from(5_000));
    let due = date + Duration::days(30 + 15 * rng.below(3) as i64);
    let age = (today - date).num_days();
    let (paid, paid_on) = match rng.below(10) {
        // Paid, on or a little after the due date.
        _ if age > 120 => (amount, Some((due + Duration::days(rng.below(20) as i64)).min(today))),
        0..=5 if due < today => (amount, Some((due - Duration::days(rng.below(10) as i64)).max(date))),
        6 => ((amount / Decimal::from(2)).round(), Some((date + Duration::days(rng.below(10) as i64)).min(today))),
        _ => (Decimal::ZERO, None),
    };
    Transaction {
        id: format!("demo-t{i:06}-{j}"),
        customer_id: c.id.clone(),
        rev: 1,
        contract_no: format!("HT-{}-{:04}", 2024 + (i + j) % 3, (i * 7 + j) % 10_000),
        date,
        mode: rng.pick(MODES).to_string(),
        product: rng.pick(PRODUCTS).to_string(),
        amount,
        payment_method: crate::domain::PaymentMethod::ALL[rng.below(3)],
        due: Some(due),
        paid,
        paid_on,
        notes: String::new(),
        created_at: date.and_hms_opt(2, 0, 0).map(|t| t.and_utc()).unwrap_or(now).min(now),
    }
}

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

fn staff() -> Vec<Staff> {
    STAFF
        .iter()
        .map(|&(id, name, department, role, phone, email)| Staff {
            id: id.into(),
            rev: 1,
            name: name.into(),
            department: department.into(),
            role,
            phone: phone.into(),
            email: email.into(),
            active: true,
        })
        .collect()
}

/// Hands out company names, adding a branch suffix to any name already used.
#[derive(Default)]
struct NameBook {
    /// How often each base name was used, by the indices it was built from.
    seen: HashMap<[u8; 5], u32>,
}

impl NameBook {
    /// `key` identifies the base `name` (the list indices it was built from),
    /// so that counting needs no copy of the text.
    fn unique(&mut self, key: [u8; 5], name: String, english: bool) -> String {
        let count = self.seen.entry(key).or_insert(0);
        *count += 1;
        match *count {
            1 => name,
            k if english => format!("{name} (Branch {k})"),
            k => format!("{name}（第{}分公司）", chinese_number(k)),
        }
    }
}

/// 2 → 二, 12 → 十二, 35 → 三十五; digits from 100 on.
fn chinese_number(k: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    const ONES: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, ones) = ((k / 10) as usize, (k % 10) as usize);
    match k {
        0..=9 => DIGITS[ones].to_string(),
        10..=19 => format!("十{}", ONES[ones]),
        20..=99 => format!("{}十{}", DIGITS[tens], ONES[ones]),
        _ => k.to_string(),
    }
}

/// `prefix` followed by `pattern` with every `#` replaced by a random digit.
fn fill(rng: &mut SplitMix, prefix: &str, pattern: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + pattern.len());
    out.push_str(prefix);
    out.extend(pattern.chars().map(|c| if c == '#' { char::from(b'0' + rng.below(10) as u8) } else { c }));
    out
}

/// A landline after the given prefix, in the local format.
fn landline(rng: &mut SplitMix, area: &str) -> String {
    let pattern = match area {
        "+852 " => *rng.pick(&["2### ####", "3### ####"]),
        "+65 " => "6### ####",
        "+1 213-" => "###-####",
        _ => *rng.pick(&["5#######", "6#######", "8#######"]),
    };
    fill(rng, area, pattern)
}

/// A mainland mobile number: 11 digits starting 13, 15 or 18.
fn mobile(rng: &mut SplitMix) -> String {
    let pattern = *rng.pick(&["13#########", "15#########", "18#########"]);
    fill(rng, "", pattern)
}

/// A uniformly chosen day from `from` to `to` inclusive (`from` when the range is empty).
fn date_between(rng: &mut SplitMix, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = (to - from).num_days();
    if span <= 0 {
        from
    } else {
        from + Duration::days(rng.below(span as usize + 1) as i64)
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid constant date")
}

/// A moment between `min_days` and `max_days` (exclusive) before `now`, to the second.
fn days_before(rng: &mut SplitMix, now: DateTime<Utc>, min_days: usize, max_days: usize) -> DateTime<Utc> {
    let secs = (min_days * 86_400 + rng.below((max_days - min_days) * 86_400 - 1) + 1) as i64;
    now - Duration::seconds(secs)
}

/// A whole amount from `min` to `max` in steps of 10,000.
fn amount(rng: &mut SplitMix, min: u64, max: u64) -> Decimal {
    let steps = (max - min) / 10_000;
    Decimal::from(min + 10_000 * rng.below(steps as usize + 1) as u64)
}

/// A Chinese person's name with its pinyin (given, surname).
fn chinese_person(rng: &mut SplitMix) -> (String, &'static str, &'static str) {
    let &(surname, s_py) = rng.pick(SURNAMES);
    let &(given, g_py) = rng.pick(GIVEN_NAMES);
    (format!("{surname}{given}"), g_py, s_py)
}

fn english_initials(name: &str) -> String {
    name.split_whitespace().filter_map(|w| w.chars().next()).filter(char::is_ascii_uppercase).collect()
}

/// Everything that depends on where the customer is and what it is called.
struct Identity {
    name: String,
    short_name: String,
    english: bool,
    industry: &'static str,
    region: &'static str,
    area: &'static str,
    postcode: &'static str,
    address: String,
    /// The e-mail and web domain, e.g. "hualianmedia.com.cn".
    domain: String,
}

fn identity(rng: &mut SplitMix, names: &mut NameBook) -> Identity {
    let number = rng.below(200) + 1;
    if rng.below(4) == 0 {
        let s = rng.below(ENGLISH_STEMS.len());
        let b = rng.below(ENGLISH_BUSINESSES.len());
        let f = rng.below(ENGLISH_LEGAL_FORMS.len());
        let (stem, (business, slug, industry)) = (ENGLISH_STEMS[s], ENGLISH_BUSINESSES[b]);
        let &(_, region, area, postcode, street) = rng.pick(ENGLISH_LOCALES);
        let base = format!("{stem} {business} {}", ENGLISH_LEGAL_FORMS[f]);
        let address = if street.contains(',') { format!("{number} {street}") } else { format!("{street}{number}号") };
        let tld = if region == "港澳台" { "com.hk" } else { "com" };
        Identity {
            short_name: english_initials(stem) + &english_initials(business),
            name: names.unique([1, s as u8, b as u8, f as u8, 0], base, true),
            english: true,
            industry,
            region,
            area,
            postcode,
            address,
            domain: format!("{}{slug}.{tld}", stem.to_ascii_lowercase().replace(' ', "")),
        }
    } else {
        let c = rng.below(CITIES.len());
        let s = rng.below(STEMS.len());
        let b = rng.below(BUSINESSES.len());
        let f = usize::from(rng.below(4) == 0);
        let (city, (stem, stem_py), (business, slug, industry)) = (&CITIES[c], STEMS[s], BUSINESSES[b]);
        let base = format!("{}{stem}{business}{}", city.name, LEGAL_FORMS[f]);
        let district = *rng.pick(city.districts);
        let street = *rng.pick(if city.region == "港澳台" { HK_STREETS } else { STREETS });
        let postcode = *rng.pick(city.postcodes);
        let address = if rng.below(2) == 0 {
            format!("{}{district}{street}{number}号", city.prefix)
        } else {
            let building = *rng.pick(BUILDINGS);
            format!("{}{district}{street}{number}号{building}{}层", city.prefix, rng.below(30) + 2)
        };
        Identity {
            name: names.unique([0, c as u8, s as u8, b as u8, f as u8], base, false),
            short_name: stem.to_string(),
            english: false,
            industry,
            region: city.region,
            area: city.area,
            postcode,
            address,
            domain: format!("{stem_py}{slug}.com.cn"),
        }
    }
}

/// One of `items`, chosen in proportion to its weight.
fn weighted<T: Copy>(rng: &mut SplitMix, items: &[(T, usize)]) -> T {
    let total: usize = items.iter().map(|&(_, w)| w).sum();
    let mut roll = rng.below(total);
    for &(item, w) in items {
        if roll < w {
            return item;
        }
        roll -= w;
    }
    items[items.len() - 1].0
}

/// The `i`th customer (from 1) and its e-mail domain.
fn customer(rng: &mut SplitMix, names: &mut NameBook, i: usize, now: DateTime<Utc>) -> (Customer, String) {
    let today = now.date_naive();
    let who = identity(rng, names);

    let mut kind = weighted(rng, &[(CustomerKind::Dealer, 35), (CustomerKind::EndCustomer, 65)]);
    let mut status = weighted(
        rng,
        &[(Status::Active, 45), (Status::Potential, 30), (Status::NotCooperating, 12), (Status::Lost, 13)],
    );
    let mut confidentiality = weighted(
        rng,
        &[(Confidentiality::Company, 70), (Confidentiality::Department, 20), (Confidentiality::Personal, 10)],
    );
    // The first few customers cycle through every variant, so any archive shows them all.
    if i <= 12 {
        kind = CustomerKind::ALL[i % CustomerKind::ALL.len()];
        status = Status::ALL[i % Status::ALL.len()];
        confidentiality = Confidentiality::ALL[i % Confidentiality::ALL.len()];
    }

    let south = matches!(who.region, "华南" | "港澳台" | "Overseas");
    let (owners, co_owners) = if south { (OWNERS_SOUTH, CO_OWNERS_SOUTH) } else { (OWNERS_EAST, CO_OWNERS_EAST) };
    let owner = if i > 12 && rng.below(100) < 3 { None } else { Some(*rng.pick(owners)) };
    let co_owner = match owner {
        Some(o) if rng.below(100) < 55 => loop {
            let c = *rng.pick(co_owners);
            if c != o {
                break Some(c);
            }
        },
        _ => None,
    };
    if owner.is_none() {
        confidentiality = Confidentiality::Company;
    }

    let founded = date_between(rng, ymd(1990, 1, 1), ymd(2022, 12, 31).min(today));
    let trading_since = match status {
        Status::Active | Status::Lost => {
            Some(date_between(rng, ymd(2010, 1, 1).max(founded), today - Duration::days(30)).min(today))
        }
        Status::Potential | Status::NotCooperating => None,
    };
    let (lost_on, lost_reason) = if status == Status::Lost {
        let from = trading_since.unwrap_or(founded).max(today - Duration::days(720));
        let on = date_between(rng, from, today - Duration::days(1)).min(today);
        (Some(on), rng.pick(LOST_REASONS).to_string())
    } else {
        (None, String::new())
    };

    let created_at = days_before(rng, now, 400, 2000);
    let reviewed_at = if rng.below(100) < 30 { days_before(rng, now, 31, 300) } else { days_before(rng, now, 0, 29) };
    let updated_at = (reviewed_at - Duration::days(rng.below(90) as i64)).max(created_at);

    let org_form = if who.english { *rng.pick(ENGLISH_ORG_FORMS) } else { *rng.pick(ORG_FORMS) };
    let legal_rep = if who.english {
        format!("{} {}", rng.pick(ENGLISH_FIRST), rng.pick(ENGLISH_LAST))
    } else {
        chinese_person(rng).0
    };
    let currency = match who.region {
        "港澳台" => "HKD",
        "Overseas" => "USD",
        _ => "CNY",
    };
    let phone = landline(rng, who.area);
    let fax = if rng.below(100) < 60 { landline(rng, who.area) } else { String::new() };
    let employees = (rng.below(1996) + 5).min(rng.below(1996) + 5) as u32;
    let registered_capital = amount(rng, 500_000, 50_000_000);
    let annual_revenue = amount(rng, 1_000_000, 200_000_000);
    let assets = if rng.below(2) == 0 { Some(amount(rng, 1_000_000, 100_000_000)) } else { None };

    let mut texts = std::collections::BTreeMap::new();
    texts.insert(Field::ServiceArea, rng.pick(SERVICE_AREAS).to_string());
    texts.insert(Field::CooperationAttitude, rng.pick(ATTITUDES).to_string());
    if rng.below(100) < 60 {
        texts.insert(Field::GrowthPotential, rng.pick(GROWTH).to_string());
    }
    if rng.below(100) < 50 {
        texts.insert(Field::Plans, rng.pick(PLANS).to_string());
    }
    match kind {
        CustomerKind::Dealer => {
            texts.insert(Field::Brands, rng.pick(BRANDS).to_string());
            texts.insert(Field::SalesNetwork, rng.pick(SALES_NETWORKS).to_string());
        }
        CustomerKind::EndCustomer => {
            texts.insert(Field::Needs, rng.pick(NEEDS).to_string());
            if rng.below(2) == 0 {
                texts.insert(Field::PurchaseCycle, rng.pick(PURCHASE_CYCLES).to_string());
            }
        }
    }

    let customer = Customer {
        id: format!("demo-c{i:06}"),
        rev: 1,
        kind,
        status,
        name: who.name,
        short_name: who.short_name,
        lost_on,
        lost_reason,
        owner: owner.map(String::from),
        co_owner: co_owner.map(String::from),
        confidentiality,
        industry: who.industry.into(),
        region: who.region.into(),
        org_form: org_form.into(),
        customer_type: match kind {
            CustomerKind::Dealer => "渠道合作方".into(),
            CustomerKind::EndCustomer => END_CUSTOMER_TYPES[i % END_CUSTOMER_TYPES.len()].into(),
        },
        address: who.address,
        postcode: who.postcode.into(),
        phone,
        fax,
        email: format!("info@{}", who.domain),
        website: format!("www.{}", who.domain),
        legal_rep,
        founded: Some(founded),
        trading_since,
        currency: currency.into(),
        registered_capital: Some(registered_capital),
        assets,
        annual_revenue: Some(annual_revenue),
        employees: Some(employees),
        grade: None,
        grade_override: None,
        // Worked out from what is already drawn, so that the same seed gives the
        // same customers as before these fields existed.
        credit_rating: (status == Status::Active).then(|| [CreditRating::High, CreditRating::Good, CreditRating::Good, CreditRating::Fair, CreditRating::Low][i % 5]),
        credit_limit: (status == Status::Active).then(|| ((annual_revenue / Decimal::from(200_000)).round() * Decimal::from(10_000)).max(Decimal::from(50_000))),
        temp_limit: None,
        temp_limit_until: None,
        credit_term: [None, None, Some(45), Some(60)][i % 4],
        texts,
        created_at,
        updated_at,
        reviewed_at,
    };
    (customer, who.domain)
}

/// Contact `k` (from 1; the first is primary) of customer `i`.
fn contact(rng: &mut SplitMix, customer: &Customer, domain: &str, i: usize, k: usize, now: DateTime<Utc>) -> Contact {
    let english = customer.name.is_ascii() && rng.below(100) < 70;
    let (name, email_local, messaging, title) = if english {
        let first = *rng.pick(ENGLISH_FIRST);
        let last = *rng.pick(ENGLISH_LAST);
        let handle = fill(rng, &format!("{}_{}", first.to_ascii_lowercase(), last.to_ascii_lowercase()), "##");
        let title = if k == 1 { ENGLISH_TITLES[0] } else { *rng.pick(ENGLISH_TITLES) };
        (format!("{first} {last}"), format!("{}.{}", first.to_ascii_lowercase(), last.to_ascii_lowercase()), handle, title)
    } else {
        let (name, given, surname) = chinese_person(rng);
        let handle = match rng.below(3) {
            0 => fill(rng, &format!("wx_{surname}"), "##"),
            1 => fill(rng, &format!("{given}{surname}"), "####"),
            _ => {
                let qq = *rng.pick(&["1########", "3########", "8#########"]);
                fill(rng, "QQ ", qq)
            }
        };
        let title = if k == 1 { *rng.pick(&TITLES[..3]) } else { *rng.pick(TITLES) };
        (name, format!("{given}.{surname}"), handle, title)
    };
    let phone = if rng.below(2) == 0 {
        format!("{}转{}", customer.phone, 8000 + rng.below(1000))
    } else {
        String::new()
    };
    let birthday = date_between(rng, ymd(1960, 1, 1), ymd(2000, 12, 31));
    let hobbies = if rng.below(2) == 0 {
        rng.pick(HOBBIES).to_string()
    } else {
        format!("{}、{}", rng.pick(HOBBIES), rng.pick(HOBBIES))
    };
    let since = (now - customer.created_at).num_seconds().max(2) as usize;
    Contact {
        id: format!("demo-k{i:06}-{k}"),
        customer_id: customer.id.clone(),
        rev: 1,
        name,
        title: title.into(),
        mobile: mobile(rng),
        phone,
        email: format!("{email_local}@{domain}"),
        messaging,
        birthday: Some(birthday),
        primary: k == 1,
        personality: rng.pick(PERSONALITIES).to_string(),
        hobbies,
        family: rng.pick(FAMILIES).to_string(),
        education: rng.pick(EDUCATIONS).to_string(),
        preferences: rng.pick(PREFERENCES).to_string(),
        notes: String::new(),
        updated_at: now - Duration::seconds((rng.below(since - 1) + 1) as i64),
    }
}

/// Log entry `j` (from 1) of customer `i`, `back` days before today.
fn interaction(
    rng: &mut SplitMix,
    customer: &Customer,
    i: usize,
    j: usize,
    back: i64,
    channel: Channel,
    now: DateTime<Utc>,
) -> Interaction {
    let date = now.date_naive() - Duration::days(back);
    // Written up during the (Beijing) working day: 01:00–10:00 UTC, never after now.
    let written = date.and_hms_opt(1, 0, 0).expect("valid time").and_utc() + Duration::minutes(rng.below(540) as i64);
    Interaction {
        id: format!("demo-i{i:06}-{j}"),
        customer_id: customer.id.clone(),
        rev: 1,
        date,
        staff: customer.owner.clone(),
        channel,
        summary: rng.pick(summaries(channel)).to_string(),
        next_step: rng.pick(NEXT_STEPS).to_string(),
        created_at: written.min(now - Duration::minutes(1)),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_sample_agency_trades_is_graded_and_has_key_accounts_and_late_payers() {
        let now = DateTime::from_timestamp(1_763_800_000, 0).unwrap();
        let a = sample_agency(now);
        let plain = Generator::new(2, 3, 2026, now).batch(200);
        // Transactions come from a generator of their own: the rest is as without them.
        assert_eq!(a.contacts, plain.contacts);
        assert_eq!(a.interactions, plain.interactions);
        assert_eq!(a.customers.iter().map(|c| c.name.clone()).collect::<Vec<_>>(), plain.customers.iter().map(|c| c.name.clone()).collect::<Vec<_>>());
        let trading = a.customers.iter().filter(|c| matches!(c.status, Status::Active | Status::Lost)).count();
        assert!(a.transactions.len() >= trading && a.transactions.len() <= 8 * trading);
        assert!(a.transactions.iter().all(|t| t.date <= now.date_naive() && t.amount >= Decimal::from(5_000) && t.paid <= t.amount));
        let today = now.date_naive();
        assert!(a.transactions.iter().any(|t| t.days_overdue(today, 30).is_some()), "some are late");
        let mut sales: HashMap<&str, Decimal> = HashMap::new();
        for t in &a.transactions {
            *sales.entry(t.customer_id.as_str()).or_default() += t.amount;
        }
        let sales: Vec<(String, Decimal)> = sales.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        let keys = crate::domain::grading::key_accounts(&sales, Decimal::new(8, 1));
        assert!(keys.len() * 2 < sales.len(), "{} key accounts of {}", keys.len(), sales.len());
        let graded: std::collections::HashSet<&str> = a.customers.iter().filter_map(|c| c.grade.as_deref()).collect();
        assert!(graded.len() >= 3, "{graded:?}");
        let rows = rows(&a.customers, &a.contacts, &a.transactions);
        assert!(rows.iter().any(|r| r.standing.as_ref().is_some_and(|s| s.overdue(today))), "the list flags late payers");
    }

    #[test]
    fn the_sample_agency_has_complaints_at_every_stage_and_work_due() {
        use crate::domain::complaint::Stage;
        use crate::domain::visit::VisitPlan;
        use crate::domain::work;
        let now = DateTime::from_timestamp(1_763_800_000, 0).unwrap();
        let today = now.date_naive();
        let a = sample_agency(now);
        let ids: HashSet<&str> = a.customers.iter().map(|c| c.id.as_str()).collect();
        assert!(a.complaints.len() >= 15 && a.visits.len() >= 100, "{} complaints, {} visits", a.complaints.len(), a.visits.len());
        assert!(a.complaints.iter().all(|c| ids.contains(c.customer_id.as_str()) && c.received_on <= today && c.entries.iter().all(|e| e.on <= today)));
        assert!(a.visits.iter().all(|v| ids.contains(v.customer_id.as_str()) && v.date <= today && v.staff.is_some()));
        for stage in [Stage::Received, Stage::Investigating, Stage::Closed] {
            assert!(a.complaints.iter().any(|c| c.stage == stage), "{stage:?}");
        }
        let c = a.complaints.iter().find(|c| c.stage == Stage::Closed).unwrap();
        assert!(c.entries.iter().any(|e| e.satisfaction.is_some()) && !c.responsible.is_empty());
        assert!(a.visits.iter().any(|v| v.promises.iter().any(|p| p.answered_on.is_none())), "an answer still owed");
        // Every sales rep has something due this week.
        for rep in a.staff.iter().filter(|s| s.role == crate::domain::Role::SalesRep) {
            let theirs: Vec<Customer> = a.customers.iter().filter(|c| c.owner.as_deref() == Some(&rep.id)).cloned().collect();
            let due = work::due_list(&theirs, &a.contacts, &a.visits, &a.interactions, &a.complaints, |_| false, &VisitPlan::default(), &Default::default(), today);
            assert!(!due.is_empty(), "{}", rep.name);
        }
        let set = changeset(&a);
        assert_eq!(set.ops.iter().filter(|op| matches!(op, Op::Put { record: Record::Complaint(_), .. })).count(), a.complaints.len());
        assert_eq!(set.ops.iter().filter(|op| matches!(op, Op::Put { record: Record::Visit(_), .. })).count(), a.visits.len());
    }

    #[test]
    fn batches_continue_one_another() {
        let now = DateTime::from_timestamp(1_763_800_000, 0).unwrap();
        let whole = generate(50, 2, 2, 9, now);
        let mut g = Generator::new(2, 2, 9, now);
        let (a, b) = (g.batch(20), g.batch(30));
        let customers: Vec<_> = a.customers.iter().chain(&b.customers).cloned().collect();
        let contacts: Vec<_> = a.contacts.iter().chain(&b.contacts).cloned().collect();
        assert_eq!(customers, whole.customers);
        assert_eq!(contacts, whole.contacts);
        assert_eq!(b.customers[0].id, "demo-c000021");
    }

    use std::collections::HashSet;

    use super::*;
    use crate::domain::row::REVIEW_DAYS;
    use crate::domain::validate;
    use crate::domain::{Op, Record};

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_764_000_000, 0).unwrap() // 2025-11-24
    }

    fn small() -> DemoArchive {
        generate(200, 2, 3, 42, now())
    }

    #[test]
    fn every_kind_status_and_confidentiality_appears() {
        let a = small();
        for &k in CustomerKind::ALL {
            assert!(a.customers.iter().any(|c| c.kind == k), "{k:?}");
        }
        for &s in Status::ALL {
            assert!(a.customers.iter().any(|c| c.status == s), "{s:?}");
        }
        for &c in Confidentiality::ALL {
            assert!(a.customers.iter().any(|x| x.confidentiality == c), "{c:?}");
        }
        for &ch in Channel::ALL {
            assert!(a.interactions.iter().any(|i| i.channel == ch), "{ch:?}");
        }
        for &r in Role::ALL {
            assert!(a.staff.iter().any(|s| s.role == r), "{r:?}");
        }
        let english = a.customers.iter().filter(|c| c.name.is_ascii()).count();
        assert!((20..=80).contains(&english), "{english} English names");
    }

    #[test]
    fn names_are_unique() {
        let a = small();
        let names: HashSet<&str> = a.customers.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names.len(), a.customers.len());
        let big = generate(5000, 0, 0, 1, now());
        let names: HashSet<&str> = big.customers.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names.len(), big.customers.len());
        assert_eq!(chinese_number(2), "二");
        assert_eq!(chinese_number(10), "十");
        assert_eq!(chinese_number(35), "三十五");
    }

    #[test]
    fn values_pass_the_form_validation() {
        let a = small();
        let today = now().date_naive();
        for c in &a.customers {
            assert_eq!(validate::phone(&c.phone).as_deref(), Ok(c.phone.as_str()), "{}", c.phone);
            assert_eq!(validate::phone(&c.fax).as_deref(), Ok(c.fax.as_str()), "{}", c.fax);
            assert_eq!(validate::email(&c.email).as_deref(), Ok(c.email.as_str()), "{}", c.email);
            assert_eq!(validate::postcode(&c.postcode).as_deref(), Ok(c.postcode.as_str()), "{}", c.postcode);
            assert_eq!(validate::url(&c.website).as_deref(), Ok(c.website.as_str()), "{}", c.website);
            assert!(!c.short_name.is_empty());
            // The whole record survives the customer form unchanged.
            assert_eq!(c.with_draft(&c.to_draft(), today).as_ref(), Ok(c), "{}", c.name);
            assert!(c.trading_since.is_none_or(|d| d <= today));
        }
        for k in &a.contacts {
            assert_eq!(validate::phone(&k.mobile).as_deref(), Ok(k.mobile.as_str()), "{}", k.mobile);
            assert!(k.mobile.len() == 11 && k.mobile.starts_with('1'), "{}", k.mobile);
            assert_eq!(validate::phone(&k.phone).as_deref(), Ok(k.phone.as_str()), "{}", k.phone);
            assert_eq!(validate::email(&k.email).as_deref(), Ok(k.email.as_str()), "{}", k.email);
            assert_eq!(k.with_draft(&k.to_draft(), today).as_ref(), Ok(k), "{}", k.name);
            assert!(k.updated_at < now());
        }
        for s in &a.staff {
            assert!(validate::phone(&s.phone).is_ok() && validate::email(&s.email).is_ok());
        }
        for i in &a.interactions {
            assert!(i.date <= today && (today - i.date).num_days() < 365);
            assert!(i.created_at < now() && !i.summary.is_empty());
        }
    }

    #[test]
    fn counts_and_determinism() {
        let n = 2000;
        let a = generate(n, 3, 5, 7, now());
        assert_eq!(a.customers.len(), n);
        assert_eq!(a.contacts.len(), 3 * n);
        assert_eq!(a.interactions.len(), 5 * n);
        assert_eq!(a.staff.len(), STAFF.len());
        assert_eq!(a.contacts.iter().filter(|k| k.primary).count(), n);
        assert_eq!(generate(n, 3, 5, 7, now()), a);
        assert_ne!(generate(n, 3, 5, 8, now()), a);
        let ids: HashSet<&str> = a.contacts.iter().map(|k| k.id.as_str()).collect();
        assert_eq!(ids.len(), a.contacts.len());
    }

    #[test]
    fn owners_are_staff_and_co_owners_differ() {
        let a = generate(2000, 1, 1, 3, now());
        let staff: HashSet<&str> = a.staff.iter().map(|s| s.id.as_str()).collect();
        let mut without_owner = 0;
        for c in &a.customers {
            match &c.owner {
                Some(o) => assert!(staff.contains(o.as_str())),
                None => without_owner += 1,
            }
            if let Some(co) = &c.co_owner {
                assert!(staff.contains(co.as_str()));
                assert_ne!(c.owner.as_ref(), Some(co), "{}", c.name);
            }
        }
        assert!(without_owner > 0 && without_owner < 200, "{without_owner}");
        assert!(a.customers.iter().any(|c| c.co_owner.is_none() && c.owner.is_some()));
        for i in &a.interactions {
            let c = &a.customers[i.id[6..12].parse::<usize>().unwrap() - 1];
            assert_eq!(c.id, i.customer_id);
            assert_eq!(i.staff, c.owner);
        }
    }

    #[test]
    fn lost_customers_have_date_and_reason() {
        let a = small();
        let today = now().date_naive();
        for c in &a.customers {
            if c.status == Status::Lost {
                let on = c.lost_on.expect("lost_on");
                assert!(on < today);
                assert!(!c.lost_reason.is_empty());
            } else {
                assert!(c.lost_on.is_none() && c.lost_reason.is_empty());
            }
        }
    }

    #[test]
    fn about_thirty_percent_need_review() {
        let a = generate(2000, 0, 0, 11, now());
        let stale = a.customers.iter().filter(|c| now() - c.reviewed_at >= Duration::days(REVIEW_DAYS)).count();
        let share = stale as f64 / a.customers.len() as f64;
        assert!((0.15..=0.45).contains(&share), "{share}");
        for c in &a.customers {
            assert!(c.created_at <= c.updated_at && c.updated_at <= c.reviewed_at && c.reviewed_at < now());
        }
    }

    #[test]
    fn changeset_writes_everything() {
        let n = 200;
        let a = generate(n, 3, 2, 5, now());
        let set = changeset(&a);
        assert_eq!(into_changeset(a.clone()), set);
        let count = |f: fn(&Record) -> bool| {
            set.ops.iter().filter(|op| matches!(op, Op::Put { record, expect: Expect::Any } if f(record))).count()
        };
        assert_eq!(count(|r| matches!(r, Record::Customer(_))), n);
        assert_eq!(count(|r| matches!(r, Record::Row(_))), n);
        assert_eq!(count(|r| matches!(r, Record::Contact(_))), 3 * n);
        assert_eq!(count(|r| matches!(r, Record::Interaction(_))), 2 * n);
        assert_eq!(count(|r| matches!(r, Record::Staff(_))), STAFF.len());
        assert_eq!(set.ops.len(), STAFF.len() + 2 * n + 3 * n + 2 * n);
        for op in &set.ops {
            if let Op::Put { record: Record::Row(row), .. } = op {
                assert_eq!(row.contacts().count(), 3, "{}", row.id());
                let k = a.contacts.iter().find(|k| k.customer_id == row.id() && k.primary).unwrap();
                assert_eq!(row.contacts().next(), Some(k.name.as_str()));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Complaints and visits, for the benchmark
// ---------------------------------------------------------------------------

/// What the due list and the complaint statistics run on, generated: each
/// customer's grade and start, its visits, and complaints walked a random
/// number of steps along their procedure.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceSample {
    pub staff: Vec<Staff>,
    /// (customer id, grade, customer since, owner)
    pub customers: Vec<(String, Option<String>, NaiveDate, String)>,
    pub visits: Vec<super::visit::Visit>,
    pub complaints: Vec<super::complaint::Complaint>,
    pub calendar: super::calendar::WorkCalendar,
}

/// `customers` customers with two visits each and `complaints` complaints
/// received over the year before `today`, from `seed`.
pub fn service_sample(customers: usize, complaints: usize, seed: u64, today: NaiveDate) -> ServiceSample {
    use super::calendar::{DayKind, WorkCalendar};
    use super::complaint::{Complaint, ComplaintRules, Entry, Severity, CATEGORIES};
    use super::visit::{Mode, Visit};
    let mut rng = SplitMix(seed);
    let staff = staff();
    let departments: Vec<String> = staff.iter().map(|s| s.department.clone()).collect();
    let grades = [None, Some("strategic"), Some("key"), Some("general"), Some("potential")];
    let day = |n: usize| today - Duration::days(n as i64);
    let mut calendar = WorkCalendar::default();
    let _ = calendar.set_range(day(60), day(54), DayKind::Holiday, "国庆节");
    let _ = calendar.set_range(day(52), day(52), DayKind::Workday, "");
    let list: Vec<(String, Option<String>, NaiveDate, String)> = (0..customers)
        .map(|n| (format!("c{n:06}"), rng.pick(&grades).map(str::to_string), day(rng.below(1000)), rng.pick(&staff).id.clone()))
        .collect();
    let mut visits = Vec::with_capacity(customers * 2);
    for (id, ..) in &list {
        for k in 0..2 {
            let mode = if k == 0 { Mode::Call } else { Mode::Visit };
            visits.push(Visit { id: format!("{id}-v{k}"), customer_id: id.clone(), rev: 1, date: day(rng.below(90)), mode, satisfaction: Some(1 + rng.below(5) as u8), ..Visit::default() });
        }
    }
    let rules = ComplaintRules::default();
    let severities = Severity::ALL;
    let mut out = Vec::with_capacity(complaints);
    for n in 0..complaints {
        let on = day(rng.below(365));
        let received_by = rng.pick(&staff).id.clone();
        let c = Complaint {
            id: format!("q{n:06}"),
            customer_id: list[rng.below(list.len().max(1))].0.clone(),
            rev: 1,
            category: rng.pick(CATEGORIES).to_string(),
            severity: *rng.pick(severities),
            received_by: Some(received_by),
            ..Complaint::default()
        }
        .received(on, &rules, &calendar);
        // Take one of the offered steps a random number of times, each a day or two later.
        let mut when = on;
        let n = rng.below(14);
        let c = walk(c, n, |x| {
            let offered = x.stage.steps();
            if offered.is_empty() {
                return None;
            }
            let step = *rng.pick(offered);
            when += Duration::days(rng.below(3) as i64);
            Some(Entry {
                step,
                on: when.min(today),
                note: "n".into(),
                department: rng.pick(&departments).clone(),
                responsible: vec![rng.pick(&staff).id.clone()],
                satisfaction: Some(1 + rng.below(5) as u8),
                evaluation: "e".into(),
                ..Entry::default()
            })
        });
        out.push(c);
    }
    ServiceSample { staff, customers: list, visits, complaints: out, calendar }
}

#[cfg(test)]
mod service_sample_tests {
    use super::*;
    use crate::domain::complaint::Stage;

    #[test]
    fn the_sample_has_what_was_asked_in_every_stage() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let s = service_sample(200, 2000, 7, today);
        assert_eq!((s.customers.len(), s.visits.len(), s.complaints.len()), (200, 400, 2000));
        for stage in Stage::ALL {
            assert!(s.complaints.iter().any(|c| c.stage == *stage), "{stage:?}");
        }
        assert!(s.complaints.iter().all(|c| c.received_on <= today && c.entries.iter().all(|e| e.on <= today)));
        assert_eq!(service_sample(200, 2000, 7, today), s, "the same seed gives the same sample");
    }
}
