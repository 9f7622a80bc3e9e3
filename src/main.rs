//! Mounts the app; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    dossier::ui::app::platform::mark("dossier:started");
    console_error_panic_hook_lite();
    leptos::mount::mount_to_body(dossier::ui::app::App);
}

/// Panics go to the browser console instead of vanishing.
#[cfg(target_arch = "wasm32")]
fn console_error_panic_hook_lite() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Dossier runs in the browser: see README.md (bash .ci/serve).");
}
