//! Record identifiers: unique across browsers (so archives from two machines
//! can later be merged) and roughly time-ordered.

use chrono::{DateTime, Utc};

/// A new identifier from the current time and 64 random bits supplied by the caller.
pub fn new_id(now: DateTime<Utc>, random: u64) -> String {
    format!("{:011x}{:016x}", now.timestamp_millis().max(0), random)
}

/// A number no other call in this run of the app gives: for telling
/// versions of in-memory things apart, and for keys of lists being edited.
pub fn next_local() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A small deterministic generator (SplitMix64), for demo data and for ids in tests.
#[derive(Clone, Debug)]
pub struct SplitMix(pub u64);

impl SplitMix {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_sort_by_time_and_differ_by_random_part() {
        let t1 = DateTime::from_timestamp_millis(1_700_000_000_000).unwrap();
        let t2 = DateTime::from_timestamp_millis(1_700_000_000_001).unwrap();
        assert!(new_id(t1, u64::MAX) < new_id(t2, 0));
        assert_ne!(new_id(t1, 1), new_id(t1, 2));
        assert_eq!(new_id(t1, 1).len(), 27);
    }

    #[test]
    fn splitmix_is_deterministic() {
        let (mut a, mut b) = (SplitMix(7), SplitMix(7));
        assert_eq!(a.next_u64(), b.next_u64());
        assert!(a.below(10) < 10);
    }
}
