//! Composition analysis (客户构成分析): charts and tables of the archive's
//! sales and customers for a period.

mod analysis_page;

pub use analysis_page::AnalysisPage;
