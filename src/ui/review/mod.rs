//! 动态管理: records not reviewed for 30 days, by owner.

mod review_page;

pub use review_page::ReviewPage;
