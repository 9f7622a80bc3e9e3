//! The Store contract on the in-memory store, plus its injected-failure check.
#![cfg(not(target_arch = "wasm32"))]

#[macro_use]
mod contract;

use dossier::domain::{ChangeSet, Customer, Expect};
use dossier::storage::memory::MemoryStore;
use dossier::storage::Store;

macro_rules! native {
    ($name:ident) => {
        #[test]
        fn $name() {
            pollster::block_on(contract::$name(&MemoryStore::new()));
        }
    };
}

contract_cases!(native);

#[test]
fn a_failure_midway_leaves_nothing_written() {
    let s = MemoryStore::new();
    let mut set = ChangeSet::default();
    set.put(Customer { id: "a".into(), ..Customer::default() }, Expect::Absent);
    set.put(Customer { id: "b".into(), ..Customer::default() }, Expect::Absent);
    s.fail_next_apply_at(1);
    assert!(pollster::block_on(s.apply(&set)).is_err());
    assert_eq!(pollster::block_on(s.get::<Customer>("a")).unwrap(), None);
    pollster::block_on(s.apply(&set)).unwrap();
    assert!(pollster::block_on(s.get::<Customer>("a")).unwrap().is_some());
}

#[test]
fn a_restore_failing_at_its_last_record_changes_nothing() {
    pollster::block_on(contract::a_failed_restore_changes_nothing(&MemoryStore::new(), |s, n| s.fail_next_apply_at(n)));
}
