//! Grading (等级分类): the agency's grades, the rules that give them, and the
//! quarterly re-grade.

mod grades_page;
mod regrade_panel;
mod rules_editor;

pub use grades_page::GradesPage;
