//! The clock, randomness and local time, from the browser.

use std::future::Future;
use std::task::Poll;

use chrono::{DateTime, NaiveDate, Timelike, Utc};
use wasm_bindgen::JsCast;

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

/// A named moment in the browser's performance timeline (read by the benchmark).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Resolves once the browser has painted the next frame.
pub async fn next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        // A task queued from an animation frame runs after that frame is painted.
        let after = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(resolve.unchecked_ref());
            }
        });
        let _ = window.request_animation_frame(after.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Run two futures side by side and answer both results. `a` is polled
/// first, so whatever it asks for is asked for first.
pub async fn both<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (std::pin::pin!(a), std::pin::pin!(b));
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(|cx| {
        if ra.is_none() {
            if let Poll::Ready(v) = a.as_mut().poll(cx) {
                ra = Some(v);
            }
        }
        if rb.is_none() {
            if let Poll::Ready(v) = b.as_mut().poll(cx) {
                rb = Some(v);
            }
        }
        match (ra.take(), rb.take()) {
            (Some(x), Some(y)) => Poll::Ready((x, y)),
            (x, y) => {
                (ra, rb) = (x, y);
                Poll::Pending
            }
        }
    })
    .await
}

/// A moment as the user reads it: local date and time to the minute.
pub fn format_time(t: DateTime<Utc>) -> String {
    // Written out by hand: chrono's strftime machinery would add to the download.
    let local = t.naive_utc() + chrono::Duration::minutes(offset_minutes() as i64);
    format!("{} {:02}:{:02}", local.date(), local.hour(), local.minute())
}

pub fn format_date(t: DateTime<Utc>) -> String {
    ops::local_date(t, offset_minutes()).to_string()
}
