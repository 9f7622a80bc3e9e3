//! The clock, randomness and local time, from the browser.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::{ids, ops};

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// Minutes east of UTC where the user is.
pub fn offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

pub fn today() -> NaiveDate {
    ops::local_date(now(), offset_minutes())
}

fn random_u64() -> u64 {
    let mut bytes = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
        .unwrap_or(false);
    if filled {
        u64::from_le_bytes(bytes)
    } else {
        let hi = (js_sys::Math::random() * 4_294_967_296.0) as u64;
        let lo = (js_sys::Math::random() * 4_294_967_296.0) as u64;
        (hi << 32) | lo
    }
}

pub fn new_id() -> String {
    ids::new_id(now(), random_u64())
}

/// A moment as the user reads it: local date and time to the minute.
pub fn format_time(t: DateTime<Utc>) -> String {
    (t + chrono::Duration::minutes(offset_minutes() as i64)).format("%Y-%m-%d %H:%M").to_string()
}

pub fn format_date(t: DateTime<Utc>) -> String {
    ops::local_date(t, offset_minutes()).format("%Y-%m-%d").to_string()
}
