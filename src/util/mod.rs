//! What every stage shares: diagnostics, safe paths, progress bars, stage timers, hashing, the
//! escaping of HTML and of text that machines read back, and the notes' typography for titles.

pub mod diag;
pub mod hash;
pub mod html;
pub mod i18n;
pub(crate) mod paths;
pub(crate) mod progress;
pub mod text;
pub(crate) mod trace;
pub mod typography;

/// Frees `value` on a thread of its own. What a build holds is a hundred thousand
/// allocations, whose freeing took 6–7 ms of an edit's rebuild at a thousand episodes: the
/// caller does not wait for it (a command that exits meanwhile leaves it to the system).
pub(crate) fn free_later<T: Send + 'static>(value: T) {
    // Should no thread start, the value is freed here, as it would have been.
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}

/// Locks a mutex, even one a panicking thread held: every update of the data carnets keeps
/// behind one is a single insert, which a panic cannot leave half done.
pub(crate) fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
