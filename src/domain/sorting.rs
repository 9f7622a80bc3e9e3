//! Sorting, with one copy of the sort in the download.
//!
//! The standard library's sort is compiled anew for every element type and
//! every comparison it is given: about 2 KB of wasm each, seventeen copies
//! across the app. Everything here sorts positions (`usize`) with the
//! comparison behind a reference, so the app carries the sort once. None of
//! these sorts is stable: end a comparison on an id to make it total.

use std::cmp::Ordering;

/// Sort positions by a comparison of what they stand for.
pub fn positions(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_unstable_by(|a, b| cmp(*a, *b));
}

/// Sort `items` by `cmp`.
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    positions(&mut order, &|a, b| cmp(&items[a], &items[b]));
    permute(items, order);
}

/// Sort `items` in their own order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp)
}

/// The standard library's own sort, inlined, for the one sort on the path to
/// a searchable list: the name order of 100,000 rows at start-up, where the
/// comparison behind a reference costs 40–50 ms. One more copy in the
/// download, on purpose.
pub fn sort_hot(items: &mut [(u64, usize)]) {
    items.sort_unstable();
}

/// Put what was at `order[i]` at `i`, one cycle of the permutation at a time.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    const PLACED: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != PLACED {
            let from = order[at];
            order[at] = PLACED;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small generator, so the cases vary without a crate.
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % range
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_library_at_every_length() {
        for n in [0, 1, 2, 3, 7, 20, 21, 100, 1000] {
            for range in [2, 10, 1 << 40] {
                let mut ours = numbers(n as u64 + range, n, range);
                let mut std = ours.clone();
                sort(&mut ours);
                std.sort_unstable();
                assert_eq!(ours, std, "{n} items below {range}");
            }
        }
    }

    #[test]
    fn sorts_records_that_move_by_a_comparison_of_their_fields() {
        // Owned strings, so a wrong permutation would lose or repeat one.
        let mut people: Vec<(String, u32)> =
            [("Wang", 3), ("Li", 1), ("Zhang", 2), ("Li", 0), ("Chen", 5)].iter().map(|(n, a)| (n.to_string(), *a)).collect();
        sort_by(&mut people, |a, b| b.1.cmp(&a.1));
        let ages: Vec<u32> = people.iter().map(|p| p.1).collect();
        assert_eq!(ages, [5, 3, 2, 1, 0]);
        assert_eq!(people[0].0, "Chen");
        assert_eq!(people[4].0, "Li");
    }

    #[test]
    fn sorts_positions_by_what_they_stand_for() {
        let names = ["c", "a", "d", "b"];
        let mut order: Vec<usize> = (0..names.len()).collect();
        positions(&mut order, &|a, b| names[a].cmp(names[b]));
        assert_eq!(order, [1, 3, 0, 2]);
    }
}
